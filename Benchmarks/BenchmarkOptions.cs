// Command-line options of the benchmark commands. Every command declares the options it takes (Specs:
// name, kind, range, what it does); Parse checks each argument against its command's declarations before
// anything runs, so an unknown option or a bad value is one line naming the option and what it expects
// (the caller prints it and exits with 2), never an ignored option or a .NET parse message. The commands
// then read values that are known to parse and to lie in their declared range (Int, Number, Ints, Text, Has)
// and check only what a declaration cannot say. --pages, --seed and --quick are common to every command.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace ZramEmbedded.Benchmarks
{
    public sealed class BenchmarkOptions
    {
        private enum Kind { Flag, Int, Number, IntList, Text }

        private sealed class Spec
        {
            public readonly string Name;
            public readonly Kind Kind;
            public readonly double Min, Max;

            public Spec(string name, Kind kind, double min = 0, double max = 0)
            {
                Name = name;
                Kind = kind;
                Min = min;
                Max = max;
            }

            public string Expects()
            {
                string range = Min.ToString(CultureInfo.InvariantCulture) + ".." + Max.ToString(CultureInfo.InvariantCulture);
                switch (Kind)
                {
                    case Kind.Int: return "an integer " + range;
                    case Kind.Number: return "a number " + range;
                    case Kind.IntList: return "integers " + range + " separated by commas";
                    case Kind.Text: return "a value";
                    default: return "no value";
                }
            }

            /// <summary>Null when the value fits the declaration, else what was expected.</summary>
            public string Check(string value)
            {
                switch (Kind)
                {
                    case Kind.Int: return InRange(value) ? null : Expects();
                    case Kind.Number:
                        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x >= Min && x <= Max ? null : Expects();
                    case Kind.IntList:
                        foreach (string part in value.Split(',')) if (!InRange(part)) return Expects();
                        return null;
                    case Kind.Text: return value.Length > 0 ? null : Expects();
                    default: return null;
                }
            }

            private bool InRange(string s)
            {
                return long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) && v >= Min && v <= Max;
            }
        }

        private const int Big = int.MaxValue;

        private static readonly Dictionary<string, Spec[]> Specs = new Dictionary<string, Spec[]>
        {
            ["lz4"] = new[]
            {
                new Spec("accel", Kind.Int, 1, 65537), new Spec("rounds", Kind.Int, 1, 100000), new Spec("per-kind", Kind.Int, 1, 100000),
                new Spec("edge", Kind.Flag), new Spec("liblz4", Kind.Text),
            },
            ["lz4hc"] = new[]
            {
                new Spec("level", Kind.Int, 1, 12), new Spec("per-kind", Kind.Int, 1, 100000), new Spec("rounds", Kind.Int, 1, 100000),
                new Spec("dict", Kind.Int, 0, 65536), new Spec("samples", Kind.Int, 1, 100000),
            },
            ["recompress"] = new[]
            {
                new Spec("level", Kind.Int, 1, 12), new Spec("dict", Kind.Int, 0, 65536), new Spec("samples", Kind.Int, 1, 100000),
                new Spec("arena", Kind.IntList, 16, 4096),
            },
            ["lz4-fuzz"] = new[] { new Spec("iterations", Kind.Int, 1, Big) },
            ["alloc"] = new[]
            {
                new Spec("steps", Kind.Int, 1, Big), new Spec("sweep", Kind.Flag), new Spec("breakdown", Kind.Flag), new Spec("lenient", Kind.Flag),
                new Spec("frame", Kind.Int, 64, 65536), new Spec("chain", Kind.Int, 1, 64), new Spec("step", Kind.Int, 1, 4096),
                new Spec("groups", Kind.Int, 1, 64), new Spec("pack", Kind.Int, 0, 1), new Spec("bph", Kind.Int, 1, 65536),
                new Spec("sweep-frames", Kind.IntList, 64, 65536), new Spec("sweep-chains", Kind.IntList, 1, 64),
                new Spec("sweep-steps", Kind.IntList, 1, 4096), new Spec("sweep-groups", Kind.IntList, 1, 64),
                new Spec("sweep-bph", Kind.IntList, 1, 65536), new Spec("sweep-pack", Kind.IntList, 0, 1), new Spec("sweep-min", Kind.IntList, 1, 4096),
            },
            ["store"] = new Spec[0],
            ["pressure"] = new[]
            {
                new Spec("ops", Kind.Int, 1000, 100000000), new Spec("arena", Kind.Int, 16, 4096), new Spec("page", Kind.Int, 256, 4096),
                new Spec("demand", Kind.Number, 0.5, 8), new Spec("budget", Kind.Int, 1, 10000), new Spec("idle-every", Kind.Int, 1, 1000000),
                new Spec("idle-budget", Kind.Int, 1, 10000), new Spec("cooldown", Kind.Int, 0, 600000), new Spec("restart", Kind.Int, 1, 10000000),
            },
            ["writeback"] = new[]
            {
                new Spec("arena-kib", Kind.Int, 16, 4096), new Spec("backing-kib", Kind.Int, 8, 1 << 20), new Spec("rounds", Kind.Int, 1, 100000),
                new Spec("file", Kind.Text),
            },
        };

        public string Command { get; private set; } = "";
        /// <summary>Files of raw 4 KiB pages given with --pages; empty means the built-in sets.</summary>
        public List<string> PageFiles { get; } = new List<string>();
        public uint Seed { get; private set; } = 1;
        /// <summary>Shorter run (fewer pages/iterations) for smoke checks.</summary>
        public bool Quick { get; private set; }
        /// <summary>The command's own options (name → value, "" for flags), each checked against its declaration.</summary>
        public Dictionary<string, string> Extra { get; } = new Dictionary<string, string>();

        /// <summary>True when the option was given (a flag, or an option with its value).</summary>
        public bool Has(string name) => Extra.ContainsKey(name);

        /// <summary>The option's integer (within its declared range: Parse checked it), or dflt when not given.</summary>
        public int Int(string name, int dflt) =>
            Extra.TryGetValue(name, out string v) ? int.Parse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : dflt;

        /// <summary>The option's number (within its declared range), or dflt when not given.</summary>
        public double Number(string name, double dflt) =>
            Extra.TryGetValue(name, out string v) ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : dflt;

        /// <summary>The option's comma-separated integers (each within its declared range), or dflt when not given.</summary>
        public int[] Ints(string name, int[] dflt)
        {
            if (!Extra.TryGetValue(name, out string v)) return dflt;
            string[] parts = v.Split(',');
            var r = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++) r[i] = int.Parse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return r;
        }

        /// <summary>The option's text, or null when not given.</summary>
        public string Text(string name) => Extra.TryGetValue(name, out string v) ? v : null;

        /// <summary>True for a command that has declarations (so Parse knows its options).</summary>
        public static bool IsCommand(string name) => Specs.ContainsKey(name);

        /// <summary>"--name" for each option the command takes, common ones first.</summary>
        public static string Known(string command)
        {
            var names = new List<string> { "--pages FILE...", "--seed N", "--quick" };
            foreach (Spec s in Specs[command]) names.Add("--" + s.Name + (s.Kind == Kind.Flag ? "" : s.Kind == Kind.Text ? " VALUE" : s.Kind == Kind.IntList ? " N,N..." : " N"));
            return string.Join(", ", names);
        }

        /// <summary>Options of a known command; null with a one-line error when an argument is not one of
        /// its options or its value does not fit.</summary>
        public static BenchmarkOptions Parse(string[] args, out string error)
        {
            error = null;
            var o = new BenchmarkOptions { Command = args[0] };
            Spec[] specs = Specs[args[0]];
            for (int i = 1; i < args.Length; i++)
            {
                string a = args[i];
                bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                if (a == "--pages")
                {
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) o.PageFiles.Add(args[++i]);
                    if (o.PageFiles.Count == 0) { error = "--pages expects at least one file"; return null; }
                    continue;
                }
                if (a == "--seed")
                {
                    if (!hasValue || !uint.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out uint seed))
                    {
                        error = "--seed expects an integer 0..4294967295" + Got(args, i, hasValue);
                        return null;
                    }
                    o.Seed = seed;
                    i++;
                    continue;
                }
                if (a == "--quick") { o.Quick = true; continue; }
                if (!a.StartsWith("--", StringComparison.Ordinal))
                {
                    error = "unexpected argument '" + a + "' (options start with --)";
                    return null;
                }
                Spec spec = Array.Find(specs, s => s.Name == a.Substring(2));
                if (spec == null)
                {
                    error = "unknown option " + a + " (" + args[0] + " takes " + Known(args[0]) + ")";
                    return null;
                }
                if (spec.Kind == Kind.Flag) { o.Extra[spec.Name] = ""; continue; }
                string problem = hasValue ? spec.Check(args[i + 1]) : spec.Expects();
                if (problem != null)
                {
                    error = a + " expects " + problem + Got(args, i, hasValue);
                    return null;
                }
                o.Extra[spec.Name] = args[++i];
            }
            return o;
        }

        private static string Got(string[] args, int i, bool hasValue)
        {
            return hasValue ? ", not '" + args[i + 1] + "'" : ", and none was given";
        }
    }
}
