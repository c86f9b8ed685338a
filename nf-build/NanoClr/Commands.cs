// The test, heap and boot commands (see Program.cs for the command line).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoClr
{
    public static class Commands
    {
        private static List<string> SuitesOf(Chain chain, Options o)
        {
            var all = chain.Device.Suites.Keys.ToList();
            if (o.Names.Count == 0) return all;
            foreach (string n in o.Names)
                if (!all.Contains(n)) throw new StepFailed("no test suite " + n + " (there are: " + string.Join(", ", all) + ")");
            return o.Names;
        }

        private static SuiteResult RunSuite(Chain chain, string[] nanoclr, int bits, string suite, long heapBytes, bool gcLog, int timeout, string oneTest = null)
        {
            var (dll, pe) = chain.Device.Suites[suite];
            if (oneTest == null)
                return SuiteRun.Run(nanoclr, bits, suite, dll, chain.Device.Deployment(dll, pe, DeviceAssemblies.Launcher), heapBytes, gcLog, timeout);
            int dot = oneTest.LastIndexOf('.');
            string launcher = chain.Libraries.OneTestLauncher(oneTest.Substring(0, dot), oneTest.Substring(dot + 1));
            return SuiteRun.Run(nanoclr, bits, suite, dll, chain.Device.DeploymentWithLauncher(dll, pe, launcher), heapBytes, gcLog, timeout, oneTest);
        }

        /// <summary>The full name of the test --test names (Class.Method, with or without its namespace) in a suite.</summary>
        private static string FindTest(Chain chain, string suite, string name)
        {
            var matches = Assemblies.Tests(chain.Device.Suites[suite].Dll, out var fixtures).Keys
                .Where(t => !fixtures.Contains(t) && (t == name || t.EndsWith("." + name, StringComparison.Ordinal))).ToList();
            if (matches.Count == 1) return matches[0];
            throw new StepFailed(matches.Count == 0 ? "no test " + name + " in " + suite : name + " names several tests in " + suite + ": " + string.Join(", ", matches));
        }

        private static string OneTest(Chain chain, Options o, List<string> suites)
        {
            if (o.Test == null) return null;
            if (suites.Count != 1) throw new StepFailed("--test needs exactly one suite");
            return FindTest(chain, suites[0], o.Test);
        }

        public static int Test(Chain chain, Options o)
        {
            string[] nanoclr = chain.Runtime.Command(o.Bits);
            chain.Assemblies();
            bool ok = true;
            int passed = 0, failed = 0, notRun = 0;
            var suites = SuitesOf(chain, o);
            string oneTest = OneTest(chain, o, suites);
            // Suites are independent processes: --jobs N runs N at once (results still print in suite order).
            var results = new SuiteResult[suites.Count];
            System.Threading.Tasks.Parallel.For(0, suites.Count, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = o.Jobs },
                i => results[i] = RunSuite(chain, nanoclr, o.Bits, suites[i], o.HeapKiB * 1024, o.GcLog, o.TimeoutSeconds, oneTest));
            foreach (SuiteResult r in results)
            {
                SuiteRun.Print(r, Console.Out);
                if (o.GcLog) PrintPeaks(r, 10);
                ok &= r.Ok;
                passed += r.Passed.Count;
                failed += r.Failed.Count;
                notRun += r.NotRun.Count;
            }
            Console.WriteLine($"nanoclr: {o.Bits}-bit{(o.HeapKiB > 0 ? ", " + o.HeapKiB + " KiB heap" : "")}: {passed} passed, {failed} failed, {notRun} not run");
            return ok ? 0 : 1;
        }

        private static void PrintPeaks(SuiteResult r, int count)
        {
            if (r.LiveBeforeTests >= 0) Console.WriteLine($"  live at the last collection before the first result line (the runtime, the launcher, the first test): {r.LiveBeforeTests / 1024.0:F1} KiB");
            foreach (var (test, bytes) in r.PeakLive.OrderByDescending(p => p.Value).Take(count))
                Console.WriteLine($"  live peak {bytes / 1024.0,6:F1} KiB  {test}");
        }

        /// <summary>Binary search, on the 32-bit build, for the smallest heap (a multiple of --step KiB) at which a
        /// suite (or, with --test, one test alone) passes whole; then one run there with the GC log, which charges each
        /// collection's live heap to the test that was running (the heaviest tests). --per-test N then searches alone
        /// for each of the N heaviest.</summary>
        public static int Heap(Chain chain, Options o)
        {
            int bits = o.BitsGiven ? o.Bits : 32;
            string[] nanoclr = chain.Runtime.Command(bits);
            chain.Assemblies();
            var suites = SuitesOf(chain, o);
            string oneTest = OneTest(chain, o, suites);
            var table = new List<string>();
            foreach (string suite in suites)
            {
                SuiteResult atMin = Search(chain, nanoclr, bits, suite, oneTest, o, table);
                if (atMin == null || oneTest != null) continue;
                PrintPeaks(atMin, 8);
                foreach (string test in atMin.PeakLive.OrderByDescending(p => p.Value).Take(o.PerTest).Select(p => p.Key))
                    Search(chain, nanoclr, bits, suite, test, o, table);
            }
            Console.WriteLine($"nanoclr: smallest heap ({bits}-bit, steps of {o.StepKiB} KiB, searched from {o.FromKiB} to {o.ToKiB} KiB):");
            foreach (string t in table) Console.WriteLine("  " + t);
            return 0;
        }

        private static SuiteResult Search(Chain chain, string[] nanoclr, int bits, string suite, string oneTest, Options o, List<string> table)
        {
            string what = oneTest == null ? suite : suite + ": " + oneTest.Substring(oneTest.LastIndexOf('.', oneTest.LastIndexOf('.') - 1) + 1) + " alone";
            int lo = o.FromKiB / o.StepKiB - 1, hi = (o.ToKiB + o.StepKiB - 1) / o.StepKiB; // in steps; lo fails (assumed), hi must pass
            SuiteResult Run(int steps, bool gcLog) => RunSuite(chain, nanoclr, bits, suite, (long)steps * o.StepKiB * 1024, gcLog, o.TimeoutSeconds, oneTest);
            SuiteResult top = Run(hi, false);
            if (!top.Ok) { SuiteRun.Print(top, Console.Out); table.Add($"{what}: does not pass at {hi * o.StepKiB} KiB"); return null; }
            SuiteResult failing = null;
            while (hi - lo > 1)
            {
                int mid = (lo + hi) / 2;
                SuiteResult r = Run(mid, false);
                Chain.Log($"{what} at {mid * o.StepKiB} KiB: {(r.Ok ? "passes" : r.Failed.Count + " failed, " + r.NotRun.Count + " not run" + (r.Abnormal != null ? " (" + r.Abnormal + ")" : ""))}");
                if (r.Ok) hi = mid; else { lo = mid; failing = r; }
            }
            SuiteResult atMin = Run(hi, true);
            SuiteRun.Print(atMin, Console.Out);
            string fails = failing == null ? (lo * o.StepKiB < o.FromKiB ? ", the lowest searched" : "")
                : $"; at {lo * o.StepKiB} KiB: " + string.Join(", ", failing.Failed.Select(f => f.Split(',')[1])
                    .Concat(failing.NotRun.Distinct().Take(3).Select(n => n + " (not run)")).Take(6));
            table.Add($"{what}: passes at {hi * o.StepKiB} KiB{fails}");
            return atMin;
        }

        /// <summary>The firmware boot check: default PICO_RP2040, 120 s, on the 32-bit build at a 144 KiB heap.</summary>
        public static int Boot(Chain chain, Options o)
        {
            int bits = o.BitsGiven ? o.Bits : 32;
            long heap = (o.HeapKiB > 0 ? o.HeapKiB : DefaultBootHeapKiB) * 1024;
            string profile = o.Names.Count == 0 ? BootCheck.DefaultProfile : o.Names.Count == 1 ? o.Names[0].ToUpperInvariant()
                : throw new StepFailed("boot takes one board profile name");
            BootResult r = BootCheck.Run(chain, chain.Runtime.Command(bits), bits, profile, o.SecondsGiven ? o.Seconds : BootCheck.DefaultSeconds, heap, o.TimeoutSeconds);
            BootCheck.Print(r, Console.Out);
            return r.Ok ? 0 : 1;
        }

        /// <summary>The heap the Pico-profile firmware must boot and run in (issue: 144 KiB of the RP2040's ~240 KiB).</summary>
        public const int DefaultBootHeapKiB = 144;
    }
}
