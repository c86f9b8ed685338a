// One run of a device test suite on nanoCLR: loads the deployment, lets the UnitTestLauncher run every test, and
// reads its lines ("Test passed,<Type>.<Method>.<n>,<ticks>", "Test failed,...,<message>", "Test skipped,...").
// A test the assembly declares but no line names did not run (the launcher died, or the run crashed or timed out).
// With the GC log on, the live heap after each collection is charged to the test that was running.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NanoClr
{
    public sealed class SuiteResult
    {
        public string Suite;
        public int Bits;
        /// <summary>Managed heap of the run in bytes; 0 = the runtime's default (10 MiB).</summary>
        public long HeapBytes;
        public int Expected;
        public readonly List<string> Passed = new List<string>();
        public readonly List<string> Skipped = new List<string>();
        /// <summary>Each failure as nanoCLR printed it.</summary>
        public readonly List<string> Failed = new List<string>();
        public readonly List<string> NotRun = new List<string>();
        /// <summary>Why the run ended early (crash, exit code, time-out); null when it ended normally.</summary>
        public string Abnormal;
        public TimeSpan Elapsed;
        /// <summary>Test → the most live heap seen after a collection while it ran (GC log runs only).</summary>
        public readonly Dictionary<string, long> PeakLive = new Dictionary<string, long>(StringComparer.Ordinal);
        /// <summary>Live heap after the last collection before the first result line (during the first test too; GC log
        /// runs only; -1 = none seen).</summary>
        public long LiveBeforeTests = -1;
        public string Output;

        public bool Ok => Failed.Count == 0 && NotRun.Count == 0 && Abnormal == null && Passed.Count > 0;

        public string Heap => HeapBytes == 0 ? "default heap" : (HeapBytes / 1024) + " KiB heap";
    }

    public static class SuiteRun
    {
        private static readonly Regex Line = new Regex(@"^Test (passed|failed|skipped),([^,]+)\.(\d+),(.*)$");
        /// <summary>The line patch 04 prints after each collection with NANOCLR_GC_LOG set; group 1 = bytes in use.</summary>
        public static readonly Regex GcLine = new Regex(@"^nanoclr-gc: (\d+) used, (\d+) free");

        public static SuiteResult Run(string[] nanoclr, int bits, string suite, string testDll, List<string> deployment,
            long heapBytes, bool gcLog, int timeoutSeconds, string oneTest = null)
        {
            var expected = Assemblies.Tests(testDll, out var fixtures);
            if (oneTest != null)
            {
                // Only that test, and the [Setup]/[Cleanup] of its class, run.
                string cls = oneTest.Substring(0, oneTest.LastIndexOf('.'));
                expected = new SortedDictionary<string, int>(expected.Where(t => t.Key == oneTest || (fixtures.Contains(t.Key) && t.Key.StartsWith(cls + ".", StringComparison.Ordinal)))
                    .ToDictionary(t => t.Key, t => t.Value), StringComparer.Ordinal);
                suite = suite + ":" + oneTest.Substring(cls.LastIndexOf('.') + 1);
            }
            var r = new SuiteResult { Suite = suite, Bits = bits, HeapBytes = heapBytes, Expected = expected.Values.Sum() };
            ProcessResult p = Execute(nanoclr, deployment, heapBytes, gcLog, timeoutSeconds, LogPath(suite, bits, heapBytes));
            r.Elapsed = p.Elapsed;
            r.Output = p.Output;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            long peak = 0;
            bool anyTest = false;
            foreach (string line in p.Output.Split('\n'))
            {
                Match g = GcLine.Match(line);
                if (g.Success)
                {
                    long used = long.Parse(g.Groups[1].Value);
                    if (!anyTest) r.LiveBeforeTests = used;
                    peak = Math.Max(peak, used);
                    continue;
                }
                Match m = Line.Match(line.TrimEnd('\r'));
                if (!m.Success) continue;
                anyTest = true;
                string test = m.Groups[2].Value;
                seen[test] = seen.TryGetValue(test, out int n) ? n + 1 : 1;
                if (gcLog) { r.PeakLive[test] = Math.Max(r.PeakLive.TryGetValue(test, out long prev) ? prev : 0, peak); peak = 0; }
                string run = test + "." + m.Groups[3].Value;
                switch (m.Groups[1].Value)
                {
                    case "passed": r.Passed.Add(run); break;
                    case "skipped": r.Skipped.Add(run); break;
                    default: r.Failed.Add(line.TrimEnd('\r')); break;
                }
            }
            foreach (var (test, runs) in expected)
            {
                int ran = seen.TryGetValue(test, out int n) ? n : 0;
                for (int i = ran; i < runs; i++) r.NotRun.Add(test);
            }
            if (p.TimedOut) r.Abnormal = "timed out after " + timeoutSeconds + " s";
            else if (p.ExitCode != 0) r.Abnormal = "nanoCLR exited with " + p.ExitCode + (p.ExitCode > 128 ? " (signal " + (p.ExitCode - 128) + ")" : p.ExitCode < 0 ? " (killed by a signal)" : "");
            return r;
        }

        /// <summary>Runs nanoCLR on a deployment; the heap in bytes (0 = default) and the GC log go by environment.</summary>
        /// <summary>Where each run's whole output is kept (out/nanoclr/logs), named by what ran; null = not kept.</summary>
        public static string LogDir;

        public static string LogPath(string name, int bits, long heapBytes) =>
            LogDir == null ? null : Path.Combine(LogDir, $"{name}-{bits}bit-{(heapBytes == 0 ? "default" : (heapBytes / 1024) + "KiB")}.log");

        public static ProcessResult Execute(string[] nanoclr, List<string> deployment, long heapBytes, bool gcLog, int timeoutSeconds, string log = null)
        {
            var env = new Dictionary<string, string>();
            if (heapBytes > 0) env["NANOCLR_HEAP_BYTES"] = heapBytes.ToString();
            if (gcLog) env["NANOCLR_GC_LOG"] = "1";
            string exe = nanoclr[nanoclr.Length - 1];
            ProcessResult r = Shell.Run(nanoclr[0], nanoclr.Skip(1).Concat(deployment), Path.GetDirectoryName(exe), env, timeoutSeconds);
            if (log != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(log));
                File.WriteAllText(log, string.Join(" ", nanoclr.Concat(deployment)) + "\n" + r.Output);
            }
            return r;
        }

        public static void Print(SuiteResult r, TextWriter o)
        {
            o.WriteLine($"nanoclr: {r.Suite} ({r.Bits}-bit, {r.Heap}): {r.Passed.Count} passed, {r.Failed.Count} failed, {r.NotRun.Count} not run"
                + (r.Skipped.Count > 0 ? $", {r.Skipped.Count} skipped" : "") + $" of {r.Expected} ({r.Elapsed.TotalSeconds:F1} s)" + (r.Ok ? "" : "  FAILED"));
            foreach (string f in r.Failed) o.WriteLine("  " + f);
            foreach (string n in r.NotRun.Distinct().Take(20)) o.WriteLine("  not run: " + n);
            if (r.NotRun.Distinct().Count() > 20) o.WriteLine("  not run: ... " + (r.NotRun.Distinct().Count() - 20) + " more");
            if (!r.Ok && LogPath(r.Suite, r.Bits, r.HeapBytes) != null) o.WriteLine("  the run's whole output: " + LogPath(r.Suite, r.Bits, r.HeapBytes));
            if (r.Abnormal != null)
            {
                o.WriteLine("  run ended abnormally: " + r.Abnormal + "; its last lines:");
                foreach (string l in Shell.Tail(r.Output, 12).Split('\n')) o.WriteLine("    " + l);
            }
            else if (r.Passed.Count == 0 && r.Failed.Count == 0)
            {
                o.WriteLine("  no test line at all; the run's last lines:");
                foreach (string l in Shell.Tail(r.Output, 12).Split('\n')) o.WriteLine("    " + l);
            }
        }
    }
}
