// `pressure` command: the reclaim ladder and low-memory killer (Allocator/Pressure) under an
// overcommitted multi-app workload (Pressure/PressureWorkload.cs: 8 apps, priorities −800..950, page
// counts drifting between half and 1.5× their share, total demand about 2× the arena, fixed seed,
// virtual time), against a "kill only, no ladder" killer on the same workload in the same run.
// Figures: kills (by reason), trims, arena bytes each rung gave back, share of writes stored, writes
// that failed although another killable app held at least a page of pool bytes only it used
// (stores_failed_while_killable), the slowest reclaim call and the budget. Reclaim calls are timed in
// the calling thread's CPU time (Pressure/ThreadCpuTime.cs: on a shared machine the wall clock mostly
// measures other processes; the wall-clock worst is printed beside it).
// Options: --quick (20000 operations), --seed N, --ops N, --arena KiB (16..4096), --page B (256..4096),
// --demand X (0.5..8), --budget ms (ReclaimBudgetMs), --idle-every N, --idle-budget ms, --cooldown ms,
// --restart ms. Anything else: a one-line error and exit code 2.
using System;
using System.Collections.Generic;
using System.Globalization;
using ZramEmbedded.Benchmarks.Pressure;

namespace ZramEmbedded.Benchmarks
{
    public static class PressureBenchmark
    {
        public static int Run(BenchmarkOptions options)
        {
            WorkloadSettings s = new WorkloadSettings();
            string error = Parse(options, s);
            if (error != null)
            {
                Console.Error.WriteLine("pressure: " + error);
                return 2;
            }
            double mean = PressureWorkload.MeanStoredBytes(s);
            Console.WriteLine("pressure: " + (s.ArenaBytes / 1024) + " KiB arena, " + s.PageSize + " B pages (mean " + mean.ToString("0", CultureInfo.InvariantCulture)
                + " B stored), " + PressureWorkload.AppCount + " apps, demand " + s.Demand.ToString("0.0", CultureInfo.InvariantCulture) + "x the arena, "
                + s.Ops + " operations (1 ms each, virtual), seed " + s.Seed);
            Console.WriteLine("  ladder: compaction -> merge -> writeback (none configured) -> trim -> kill, idle slice of " + s.IdleBudgetMs
                + " ms every " + s.IdleEvery + " ops, kill cooldown " + s.CooldownMs + " ms; baseline: kill only, no idle reclaim; restart after " + s.RestartDelayMs + " ms");
            // Warm-up (JIT and tiering) so the wall-clock figures time the code, not the compiler.
            int ops = s.Ops;
            s.Ops = 3000;
            new PressureWorkload().Run(s, true, mean);
            new PressureWorkload().Run(s, false, mean);
            s.Ops = ops;
            WorkloadResult ours = new PressureWorkload().Run(s, true, mean);
            WorkloadResult baseline = new PressureWorkload().Run(s, false, mean);
            Print(ours, baseline);

            Results results = new Results();
            results.Add("kills", ours.Stats.Kills);
            results.Add("baseline_kills", baseline.Stats.Kills);
            results.Add("trims", ours.Stats.Trims);
            results.Add("stores_failed_while_killable", ours.FailedWhileKillable);
            results.Add("baseline_stores_failed_while_killable", baseline.FailedWhileKillable);
            results.Add("writes_stored_share", Share(ours.WritesOk, ours.Writes));
            results.Add("baseline_writes_stored_share", Share(baseline.WritesOk, baseline.Writes));
            results.Add("worst_reclaim_ms", ours.WorstReclaimMs);
            results.Add("worst_reclaim_wall_ms", ours.WorstReclaimWallMs);
            results.Add("worst_idle_slice_ms", ours.WorstIdleMs);
            results.Add("reclaim_budget_ms", s.BudgetMs);
            Console.WriteLine();
            results.Print();
            return 0;
        }

        private static double Share(long part, long whole)
        {
            return whole == 0 ? 0 : (double)part / whole;
        }

        private static void Print(WorkloadResult a, WorkloadResult b)
        {
            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40}{1,14}{2,14}", "", a.Label, b.Label));
            Row("kills", a.Stats.Kills, b.Stats.Kills);
            Row("  for a write that did not fit", a.KillsWrite, b.KillsWrite);
            Row("  below the min watermark (idle)", a.KillsWatermark, b.KillsWatermark);
            Row("app restarts", a.Restarts, b.Restarts);
            Row("trims", a.Stats.Trims, b.Stats.Trims);
            Row("writes", a.Writes, b.Writes);
            RowF("  stored (share)", Share(a.WritesOk, a.Writes), Share(b.WritesOk, b.Writes), "0.0000");
            Row("  failed (NoSpace)", a.WritesFailed, b.WritesFailed);
            Row("  failed while a kill could serve", a.FailedWhileKillable, b.FailedWhileKillable);
            Row("reclaim calls (writes that did not fit)", a.Stats.ReclaimCalls, b.Stats.ReclaimCalls);
            Row("  ended with room for the write", a.Stats.ReclaimSatisfied, b.Stats.ReclaimSatisfied);
            Row("idle slices that found pressure", a.Stats.IdleRuns, b.Stats.IdleRuns);
            Console.WriteLine("KiB given back per rung");
            Row("  compaction", a.Stats.CompactionBytes / 1024, b.Stats.CompactionBytes / 1024);
            Row("  merge", a.Stats.MergeBytes / 1024, b.Stats.MergeBytes / 1024);
            Row("  writeback", a.Stats.WritebackBytes / 1024, b.Stats.WritebackBytes / 1024);
            Row("  trim", a.Stats.TrimBytes / 1024, b.Stats.TrimBytes / 1024);
            Row("  kill", a.Stats.KillBytes / 1024, b.Stats.KillBytes / 1024);
            RowF("mean pages stored", a.MeanPagesStored, b.MeanPagesStored, "0.0");
            string clock = ThreadCpuTime.IsCpuTime ? "thread CPU" : "wall clock";
            RowF("reclaim call ms, mean (" + clock + ")", a.MeanReclaimMs, b.MeanReclaimMs, "0.000");
            RowF("reclaim call ms, worst (" + clock + ")", a.WorstReclaimMs, b.WorstReclaimMs, "0.000");
            RowF("  worst on the wall clock", a.WorstReclaimWallMs, b.WorstReclaimWallMs, "0.000");
            RowF("idle slice ms, worst (" + clock + ")", a.WorstIdleMs, b.WorstIdleMs, "0.000");
            RowF("  worst on the wall clock", a.WorstIdleWallMs, b.WorstIdleWallMs, "0.000");
            Console.WriteLine("kills / trims per app (priority)");
            for (int i = 0; i < PressureWorkload.AppCount; i++)
            {
                string label = "  " + PressureWorkload.AppName(i) + " (" + PressureWorkload.AppPriority(i) + ")";
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40}{1,14}{2,14}", label,
                    a.KillsByApp[i] + " / " + a.TrimsByApp[i], b.KillsByApp[i] + " / " + b.TrimsByApp[i]));
            }
        }

        private static void Row(string label, long a, long b)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40}{1,14}{2,14}", label, a, b));
        }

        private static void RowF(string label, double a, double b, string format)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-40}{1,14}{2,14}", label,
                a.ToString(format, CultureInfo.InvariantCulture), b.ToString(format, CultureInfo.InvariantCulture)));
        }

        /// <summary>Reads the command's options into `s` (BenchmarkOptions checked each against its declared
        /// range); returns an error message, or null.</summary>
        private static string Parse(BenchmarkOptions o, WorkloadSettings s)
        {
            if (o.PageFiles.Count > 0) return "--pages is not used by this command (pages are generated)";
            s.Seed = o.Seed;
            if (o.Quick) s.Ops = 20000;
            s.Ops = o.Int("ops", s.Ops);
            if (o.Has("arena")) s.ArenaBytes = o.Int("arena", 0) * 1024;
            s.PageSize = o.Int("page", s.PageSize);
            if (s.PageSize % 4 != 0) return "--page " + o.Text("page") + ": expected a multiple of 4";
            s.Demand = o.Number("demand", s.Demand);
            s.BudgetMs = o.Int("budget", s.BudgetMs);
            s.IdleEvery = o.Int("idle-every", s.IdleEvery);
            s.IdleBudgetMs = o.Int("idle-budget", s.IdleBudgetMs);
            s.CooldownMs = o.Int("cooldown", s.CooldownMs);
            s.RestartDelayMs = o.Int("restart", s.RestartDelayMs);
            return null;
        }
    }
}
