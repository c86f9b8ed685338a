// Command line of the real-runtime path (run through nf-build/nanoclr.sh):
//   build                        sources, nanoCLR 64- and 32-bit, MetadataProcessor, libraries, device .pe files
//   test  [options] [SUITE...]   runs device test suites (default: all) through the real UnitTestLauncher
//   heap  [options] [SUITE...]   smallest heap at which each suite passes on the 32-bit build, and each test's live peak;
//                                with --test CLASS.METHOD one test alone, with --per-test N the N heaviest alone
//   boot  [options] [PROFILE]    the firmware boot check (nf-build/device/BootCheck; default PICO_RP2040, 120 s of
//                                workload) on the 32-bit build at a 144 KiB heap
// Options: --bits 64|32, --heap KIB (managed heap; default: the runtime's 10 MiB, or the command's own),
// --gc-log, --jobs N (suites run at once), --test CLASS.METHOD (one test of one suite, with its class's [Setup] and
// [Cleanup], through the UnitTestLauncher built to run only it), --timeout SECONDS (per run), --sources DIR|clone (where the pinned sources come from; default
// ../shared/nanoframework beside the repository when it exists, else clone).
// Exit code: 0 all passed, 1 a test failed or did not run, 2 usage, 3 a build step failed.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoClr
{
    public static class Program
    {
        public const string Usage = "usage: nanoclr.sh build | test [--bits 64|32] [--heap KIB] [--gc-log] [--jobs N] [--timeout S] [SUITE... | SUITE --test CLASS.METHOD] | "
            + "heap [--from KIB] [--to KIB] [--step KIB] [--per-test N] [SUITE... | SUITE --test CLASS.METHOD] | boot [PROFILE] [--heap KIB] [--seconds N] [--bits 64|32]   (all take --sources DIR|clone)";

        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "--help" || args[0] == "-h") { Console.WriteLine(Usage); return args.Length == 0 ? 2 : 0; }
            Options o;
            try { o = Options.Parse(args); }
            catch (ArgumentException e) { Console.Error.WriteLine("nanoclr: " + e.Message); Console.Error.WriteLine(Usage); return 2; }
            try
            {
                var chain = new Chain(o);
                switch (o.Command)
                {
                    case "build": chain.BuildAll(); return 0;
                    case "test": return Commands.Test(chain, o);
                    case "heap": return Commands.Heap(chain, o);
                    case "boot": return Commands.Boot(chain, o);
                    default: Console.Error.WriteLine("nanoclr: unknown command '" + o.Command + "'"); Console.Error.WriteLine(Usage); return 2;
                }
            }
            catch (StepFailed e)
            {
                Console.Error.WriteLine("nanoclr: " + e.Message);
                return 3;
            }
        }
    }

    public sealed class Options
    {
        public string Command;
        public int Bits = 64;
        public bool BitsGiven;
        public long HeapKiB;
        public bool GcLog;
        public int TimeoutSeconds = 1200;
        public string Sources;
        public int FromKiB = 64, ToKiB = 512, StepKiB = 8;
        public int Jobs = 1;
        public string Test;
        public int PerTest;
        public int Seconds = 120;
        public bool SecondsGiven;
        public readonly List<string> Names = new List<string>();

        public static Options Parse(string[] args)
        {
            var o = new Options { Command = args[0] };
            for (int i = 1; i < args.Length; i++)
            {
                string a = args[i];
                string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(a + " needs a value");
                int Int(int min, int max)
                {
                    string v = Value();
                    if (!int.TryParse(v, out int n) || n < min || n > max) throw new ArgumentException($"{a} expects a whole number from {min} to {max}, got '{v}'");
                    return n;
                }
                switch (a)
                {
                    case "--bits": o.Bits = Int(32, 64); o.BitsGiven = true; if (o.Bits != 32 && o.Bits != 64) throw new ArgumentException("--bits expects 64 or 32"); break;
                    case "--heap": o.HeapKiB = Int(16, 1 << 20); break;
                    case "--gc-log": o.GcLog = true; break;
                    case "--jobs": o.Jobs = Int(1, 64); break;
                    case "--test": o.Test = Value(); break;
                    case "--per-test": o.PerTest = Int(0, 1000); break;
                    case "--timeout": o.TimeoutSeconds = Int(1, 24 * 3600); break;
                    case "--sources": o.Sources = Value(); break;
                    case "--from": o.FromKiB = Int(16, 1 << 20); break;
                    case "--to": o.ToKiB = Int(16, 1 << 20); break;
                    case "--step": o.StepKiB = Int(1, 1 << 20); break;
                    case "--seconds": o.Seconds = Int(0, 24 * 3600); o.SecondsGiven = true; break;
                    default:
                        if (a.StartsWith("-")) throw new ArgumentException("unknown option " + a);
                        o.Names.Add(a);
                        break;
                }
            }
            return o;
        }
    }

    /// <summary>The whole chain, built on demand and cached.</summary>
    public sealed class Chain
    {
        public Chain(Options o)
        {
            Layout = new Layout(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
            string snapshots = o.Sources == "clone" ? null : o.Sources ?? (Directory.Exists(Layout.DefaultSnapshots) ? Layout.DefaultSnapshots : null);
            Sources = new Sources(Layout, snapshots, Log);
            Runtime = new Runtime(Layout, Sources, Log);
            Mdp = new MetadataProcessor(Layout, Sources, Log);
            Libraries = new Libraries(Layout, Sources, Mdp, Log);
            Device = new DeviceAssemblies(Layout, Libraries, Mdp);
            SuiteRun.LogDir = Layout.CacheDir("logs");
        }

        public Layout Layout { get; }
        public Sources Sources { get; }
        public Runtime Runtime { get; }
        public MetadataProcessor Mdp { get; }
        public Libraries Libraries { get; }
        public DeviceAssemblies Device { get; }
        private bool _assemblies;

        public static void Log(string text) => Console.WriteLine("nanoclr: " + text);

        /// <summary>Libraries and device assemblies as .pe files (the nano build runs first).</summary>
        public void Assemblies()
        {
            if (_assemblies) return;
            Libraries.Build();
            // mscorlib is the package's own .pe, built with the interpreter's table
            var built = Libraries.Pes.Where(p => p.Key != "mscorlib").ToDictionary(p => p.Key, p => p.Value);
            foreach (string note in NativeChecksums.Check(built, Runtime.PatchedSources())) Log(note);
            Device.Build(Console.Out);
            _assemblies = true;
        }

        public void BuildAll()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Log("sources: " + Sources.Origin);
            string clr64 = Runtime.Build(64);
            string clr32 = Runtime.Build(32);
            Assemblies();
            Log($"built: nanoCLR {clr64}, {clr32}; {Libraries.Pes.Count} libraries, {Device.Pes.Count} device assemblies, {Device.Suites.Count} test suites ({clock.Elapsed.TotalSeconds:F0} s)");
        }
    }
}
