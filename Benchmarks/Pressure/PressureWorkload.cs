// The `pressure` benchmark's workload: apps of different priorities share one page store whose total
// demand (state at its mean plus full caches) is about twice what the arena holds: state about 0.9× the
// arena, caches about 1.1×. Each operation picks a live app, which moves its state toward a drifting
// target (writes a new page or discards one), or updates a state page in place, or fills or refreshes
// its cache (WorkloadApp).
// Killed apps restart empty after a delay. Time is virtual (one millisecond per operation), so a seed
// gives the same run on every machine; reclaim calls are also timed on the wall clock for the figures.
// The same workload runs twice: with the ladder (MemoryPressure defaults plus idle slices) and with a
// kill-only killer (LadderSteps.Kill, no idle reclaim) as the baseline.
using System;
using System.Diagnostics;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks.Pressure
{
    internal sealed class WorkloadSettings
    {
        public int ArenaBytes = 128 * 1024;
        public int PageSize = 1024;
        public int Ops = 100000;
        public uint Seed = 1;
        public double Demand = 2.0;         // mean total demand (state + full caches) / arena
        public double StateShare = 0.45;     // share of the demand that is state (the rest: caches)
        public int BudgetMs = 20;            // ReclaimBudgetMs
        public int IdleEvery = 32;           // operations between idle slices (ladder run only)
        public int IdleBudgetMs = 5;
        public int RestartDelayMs = 5000;
        public int CooldownMs = 1000;
        public int DriftEvery = 400;         // mean operations between target changes of one app
    }

    internal sealed class WorkloadResult
    {
        public string Label;
        public long Ops;
        public long Writes;
        public long WritesOk;
        public long WritesFailed;
        public long FailedWhileKillable;
        public long Restarts;
        public double WorstReclaimMs;       // thread CPU time (ThreadCpuTime)
        public double WorstReclaimWallMs;
        public double MeanReclaimMs;
        public double WorstIdleMs;
        public double WorstIdleWallMs;
        public long TimedReclaims;
        public double MeanPagesStored;
        public long KillsWrite;
        public long KillsWatermark;
        public readonly PressureStats Stats = new PressureStats();
        public readonly long[] KillsByApp = new long[8];
        public readonly long[] TrimsByApp = new long[8];
    }

    internal sealed class PressureWorkload : IMonotonicClock
    {
        // Apps: name, priority (oom_score_adj-like), share of the total state, share of the total cache.
        private static readonly string[] Names = { "system", "ui", "net", "logger", "sync", "gallery", "browser", "prefetch" };
        private static readonly int[] Priorities = { -800, 0, 100, 200, 500, 800, 900, 950 };
        private static readonly double[] StateShares = { 0.20, 0.20, 0.15, 0.10, 0.10, 0.10, 0.10, 0.05 };
        private static readonly double[] CacheShares = { 0.00, 0.10, 0.10, 0.10, 0.15, 0.20, 0.20, 0.15 };

        public static int AppCount { get { return Names.Length; } }
        public static string AppName(int i) { return Names[i]; }
        public static int AppPriority(int i) { return Priorities[i]; }

        private long _now;
        public long Milliseconds { get { return _now; } }

        /// <summary>Mean compressed bytes of the page mix (measured on a scratch store; same-filled pages count 0).</summary>
        public static double MeanStoredBytes(WorkloadSettings s)
        {
            const int Probe = 200;
            int arena = 1024 * 1024;
            StoreConfig sc = StoreConfig.ForArena(arena, s.PageSize);
            sc.SlotCount = Probe;
            PageStore store = new PageStore(new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, s.PageSize)), sc, new PressureWorkload());
            StoreClient c = store.Register("probe", Probe);
            byte[] page = new byte[s.PageSize];
            SampleRandom rng = new SampleRandom(s.Seed ^ 0x5EED);
            for (int i = 0; i < Probe; i++)
            {
                FillPage(page, rng);
                c.Write(i, page, 0);
            }
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            return (double)mm.ComprDataSize / Probe;
        }

        /// <summary>Page content: mostly structured app state, a few incompressible and same-filled pages.</summary>
        private static void FillPage(byte[] page, SampleRandom rng)
        {
            int r = rng.Next(100);
            PageKind kind;
            if (r < 4) kind = PageKind.Random;
            else if (r < 8) kind = PageKind.Zero;
            else kind = (PageKind)rng.Next(6);
            PageSamples.Fill(kind, rng.NextUInt(), page, 0, page.Length);
        }

        public WorkloadResult Run(WorkloadSettings s, bool ladder, double meanStored)
        {
            WorkloadResult res = new WorkloadResult();
            res.Label = ladder ? "ladder" : "kill-only";
            SampleRandom rng = new SampleRandom(s.Seed);
            double totalPages = s.Demand * s.ArenaBytes / meanStored;
            double statePages = totalPages * s.StateShare;
            double cachePages = totalPages - statePages;
            WorkloadApp[] apps = new WorkloadApp[Names.Length];
            int slots = 0;
            for (int i = 0; i < apps.Length; i++)
            {
                int mean = Math.Max(2, (int)(statePages * StateShares[i]));
                apps[i] = new WorkloadApp(Names[i], Priorities[i], mean / 2, mean * 3 / 2, (int)(cachePages * CacheShares[i]));
                slots += apps[i].Slots;
            }
            StoreConfig sc = StoreConfig.ForArena(s.ArenaBytes, s.PageSize);
            // Room for every app twice: restarted apps take a fresh range first-fit, and released ranges
            // of other sizes could otherwise leave no contiguous range long enough.
            sc.SlotCount = Math.Min(StoreConfig.MaxSlotCount, slots * 2);
            sc.MaxClients = apps.Length;
            sc.MergeNowIntervalMs = 1000;
            PageStore store = new PageStore(new ZsPool(new byte[s.ArenaBytes], StoreConfig.PoolConfigFor(s.ArenaBytes, s.PageSize)), sc, this);
            PressureConfig pc = new PressureConfig();
            pc.ReclaimBudgetMs = s.BudgetMs;
            pc.KillCooldownMs = s.CooldownMs;
            if (!ladder) pc.Steps = LadderSteps.Kill;
            MemoryPressure pressure = new MemoryPressure(store, pc, this);
            TimedReclaimer timed = new TimedReclaimer(pressure.Ladder);
            store.Reclaimer = timed;
            for (int i = 0; i < apps.Length; i++) apps[i].Start(store, pressure, rng);

            byte[] page = new byte[s.PageSize];
            ClientStats cs = new ClientStats();
            MmStat mm = new MmStat();
            double pagesSum = 0;
            long samples = 0;
            for (long op = 0; op < s.Ops; op++)
            {
                _now++;
                for (int i = 0; i < apps.Length; i++)
                {
                    WorkloadApp a = apps[i];
                    if (a.RestartAt == 0 && a.Client.IsReleased) a.Died(_now, s.RestartDelayMs);
                    if (a.Dead && a.RestartAt != 0 && _now >= a.RestartAt)
                    {
                        a.Start(store, pressure, rng);
                        res.Restarts++;
                    }
                    if (!a.Dead && rng.Next(s.DriftEvery) == 0)
                    {
                        int span = Math.Max(1, (a.StateMax - a.StateMin) / 4);
                        a.StateTarget = Math.Clamp(a.StateTarget + rng.Next(-span, span + 1), a.StateMin, a.StateMax);
                    }
                }
                WorkloadApp app = apps[rng.Next(apps.Length)];
                if (!app.Dead && !app.Client.IsReleased)
                {
                    if (app.StatePages > app.StateTarget)
                    {
                        int slot = app.UsedSlot(rng, 0, app.StateMax);
                        app.Client.Discard(slot);
                        app.Has[slot] = false;
                        app.StatePages--;
                    }
                    else if (app.StatePages < app.StateTarget)
                    {
                        Write(app, app.FreeSlot(rng, 0, app.StateMax), true, page, rng, res, apps, cs, s);
                    }
                    else if (rng.Next(2) == 0)
                    {
                        Write(app, app.UsedSlot(rng, 0, app.StateMax), true, page, rng, res, apps, cs, s);
                    }
                    else if (app.CachePages < app.CacheMax)
                    {
                        Write(app, app.FreeSlot(rng, app.StateMax, app.Slots), false, page, rng, res, apps, cs, s);
                    }
                    else
                    {
                        Write(app, app.UsedSlot(rng, app.StateMax, app.Slots), false, page, rng, res, apps, cs, s);
                    }
                }
                if (ladder && op % s.IdleEvery == 0)
                {
                    long t0 = Stopwatch.GetTimestamp();
                    double c0 = ThreadCpuTime.NowMs();
                    pressure.RunIdle(s.IdleBudgetMs);
                    double cpu = ThreadCpuTime.NowMs() - c0;
                    double wall = (Stopwatch.GetTimestamp() - t0) * 1000.0 / Stopwatch.Frequency;
                    if (cpu > res.WorstIdleMs) res.WorstIdleMs = cpu;
                    if (wall > res.WorstIdleWallMs) res.WorstIdleWallMs = wall;
                }
                if ((op & 255) == 0)
                {
                    store.GetMmStat(mm);
                    pagesSum += mm.OrigDataSize / s.PageSize;
                    samples++;
                }
            }
            res.Ops = s.Ops;
            res.WorstReclaimMs = timed.WorstMs;
            res.WorstReclaimWallMs = timed.WorstWallMs;
            res.MeanReclaimMs = timed.Calls == 0 ? 0 : timed.TotalMs / timed.Calls;
            res.TimedReclaims = timed.Calls;
            res.MeanPagesStored = samples == 0 ? 0 : pagesSum / samples;
            pressure.GetStats(res.Stats);
            res.KillsWrite = pressure.KillLog.KillsFor(KillReason.WriteDidNotFit);
            res.KillsWatermark = pressure.KillLog.KillsFor(KillReason.BelowMinWatermark);
            for (int i = 0; i < apps.Length; i++)
            {
                res.KillsByApp[i] = apps[i].Kills;
                res.TrimsByApp[i] = apps[i].Trims;
            }
            store.CheckInvariants();
            return res;
        }

        /// <summary>One page write (new or in place) into `slot` (-1: nothing to do), with the bookkeeping.</summary>
        private static void Write(WorkloadApp app, int slot, bool state, byte[] page, SampleRandom rng, WorkloadResult res,
            WorkloadApp[] apps, ClientStats cs, WorkloadSettings s)
        {
            if (slot < 0) return;
            FillPage(page, rng);
            res.Writes++;
            StoreResult r = app.Client.Write(slot, page, 0);
            if (r == StoreResult.Ok)
            {
                res.WritesOk++;
                if (!app.Has[slot])
                {
                    app.Has[slot] = true;
                    if (state) app.StatePages++;
                    else app.CachePages++;
                }
                return;
            }
            res.WritesFailed++;
            if (!app.Client.IsReleased && KillableHolds(apps, app, cs, s.PageSize)) res.FailedWhileKillable++;
        }

        /// <summary>True when another live, killable app holds at least a page's worth of pool bytes only it uses.</summary>
        private static bool KillableHolds(WorkloadApp[] apps, WorkloadApp requester, ClientStats cs, int pageSize)
        {
            for (int i = 0; i < apps.Length; i++)
            {
                WorkloadApp a = apps[i];
                if (a == requester || a.Dead || a.Priority < 0 || a.Client.IsReleased) continue;
                a.Client.GetStats(cs);
                if (cs.ExclusiveBytes >= pageSize) return true;
            }
            return false;
        }

        /// <summary>Times every reclaim call (thread CPU time and wall clock) around the ladder's.</summary>
        private sealed class TimedReclaimer : IReclaimer
        {
            private readonly IReclaimer _inner;
            public double WorstMs;
            public double WorstWallMs;
            public double TotalMs;
            public long Calls;

            public TimedReclaimer(IReclaimer inner)
            {
                _inner = inner;
            }

            public bool Reclaim(int bytesNeeded, StoreClient requester)
            {
                long t0 = Stopwatch.GetTimestamp();
                double c0 = ThreadCpuTime.NowMs();
                bool ok = _inner.Reclaim(bytesNeeded, requester);
                double cpu = ThreadCpuTime.NowMs() - c0;
                double wall = (Stopwatch.GetTimestamp() - t0) * 1000.0 / Stopwatch.Frequency;
                if (cpu > WorstMs) WorstMs = cpu;
                if (wall > WorstWallMs) WorstWallMs = wall;
                TotalMs += cpu;
                Calls++;
                return ok;
            }
        }
    }
}
