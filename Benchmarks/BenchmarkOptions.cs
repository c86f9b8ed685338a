// Command-line options shared by every benchmark command.
using System;
using System.Collections.Generic;

namespace ZramEmbedded.Benchmarks
{
    public sealed class BenchmarkOptions
    {
        public string Command { get; private set; } = "";
        /// <summary>Files of raw 4 KiB pages given with --pages; empty means the built-in sets.</summary>
        public List<string> PageFiles { get; } = new List<string>();
        public uint Seed { get; private set; } = 1;
        /// <summary>Shorter run (fewer pages/iterations) for smoke checks.</summary>
        public bool Quick { get; private set; }
        /// <summary>Options a command understands on its own (name → value, "" for flags).</summary>
        public Dictionary<string, string> Extra { get; } = new Dictionary<string, string>();

        public static BenchmarkOptions Parse(string[] args)
        {
            var o = new BenchmarkOptions { Command = args[0] };
            for (int i = 1; i < args.Length; i++)
            {
                string a = args[i];
                if (a == "--pages")
                {
                    while (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        o.PageFiles.Add(args[++i]);
                    if (o.PageFiles.Count == 0) throw new ArgumentException("--pages needs at least one file");
                }
                else if (a == "--seed") o.Seed = uint.Parse(args[++i]);
                else if (a == "--quick") o.Quick = true;
                else if (a.StartsWith("--", StringComparison.Ordinal))
                {
                    bool hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                    o.Extra[a.Substring(2)] = hasValue ? args[++i] : "";
                }
                else throw new ArgumentException("unexpected argument: " + a);
            }
            return o;
        }
    }
}
