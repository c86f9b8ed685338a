// The randomized workload the model-based store tests run (shared with the host suite's long run):
// thousands of interleaved steps — writes (new structured pages, same-filled and zero pages, incompressible
// pages, duplicates of any client's page, a small pool of repeats), reads, discards, client releases and
// re-registrations, merge slices, MergeNow, compaction slices, idle marking — against a StoreModel. After
// every write the slot reads back what the model says; stats are checked every 8 steps (exactly after a
// merge pass that saw everything), the store's invariants every 25 steps and every slot every 250.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Store
{
    internal static class StoreModelRun
    {
        /// <summary>
        /// Runs `steps` random steps on a store of pageSize pages over arenaBytes with three clients sharing
        /// slotsPerArenaPage × (arenaBytes / pageSize) slots.
        /// </summary>
        internal static StoreModel Run(int arenaBytes, int pageSize, uint seed, int steps, int slotsPerArenaPage)
        {
            ManualClock clock = new ManualClock();
            StoreConfig cfg = StoreConfig.ForArena(arenaBytes, pageSize);
            cfg.IdleUnitMs = 1;
            cfg.MergeNowIntervalMs = 50;
            cfg.SlotCount = arenaBytes / pageSize * slotsPerArenaPage; // more logical room than the arena holds: writes fail
            PageStore store = StoreFixtures.Make(arenaBytes, cfg, clock);
            StoreModel m = new StoreModel(store, 3, cfg.EncoderHashBits);
            SampleRandom rng = new SampleRandom(seed);
            int perClient = cfg.SlotCount / 3;
            for (int k = 0; k < 3; k++) Assert.IsTrue(m.Register(k, perClient - k));
            uint nextSeed = seed * 1000u;
            for (int step = 0; step < steps; step++)
            {
                m.Steps = step;
                clock.Advance(rng.Next(20));
                int k = rng.Next(3);
                StoreClient c = m.Client(k);
                if (c == null)
                {
                    m.Register(k, rng.Next(1, perClient + 1));
                    continue;
                }
                int i = rng.Next(c.SlotCount);
                int op = rng.Next(100);
                if (op < 45)
                {
                    int what = rng.Next(100);
                    StoreResult r;
                    if (what < 35) r = m.Write(k, i, StoreModel.Structured, nextSeed++);
                    else if (what < 50) r = m.Write(k, i, StoreModel.Same, rng.Next(2) == 0 ? 0u : rng.NextUInt());
                    else if (what < 58) r = m.Write(k, i, StoreModel.Random, nextSeed++);
                    else
                    {
                        int k2, i2;
                        if (m.PickObject(rng, out k2, out i2)) r = m.Write(k, i, m.KindOf(k2, i2), m.SeedOf(k2, i2));
                        else r = m.Write(k, i, StoreModel.Structured, (uint)rng.Next(8)); // a small pool of repeats
                    }
                    if (r == StoreResult.NoSpace)
                    {
                        // Make room the way an app would: drop one of its pages.
                        int victim = rng.Next(c.SlotCount);
                        m.Discard(k, victim);
                    }
                    m.CheckRead(k, i);
                }
                else if (op < 65) m.CheckRead(k, i);
                else if (op < 75) m.Discard(k, i);
                else if (op < 87) Assert.IsTrue(store.MergeSlice(rng.Next(1, 24)) >= 0);
                else if (op < 90) store.MergeNow();
                else if (op < 95) store.Compact(rng.Next(64, 4096));
                else if (op < 97) store.MarkAllIdle();
                else if (op < 98) { if (rng.Next(perClient) < 24) m.Release(k); } // rarer for big clients, so they fill
                else
                {
                    while (store.MergeSlice(64) > 0) { }
                    m.CheckStats(store.UnscannedPages == 0);
                }
                if ((step & 7) == 0) m.CheckStats(false);
                if (step % 25 == 0) store.CheckInvariants();
                if (step % 250 == 0) m.CheckAllReads();
            }
            while (store.MergeSlice(64) > 0) { }
            m.CheckStats(store.UnscannedPages == 0);
            m.CheckAllReads();
            store.CheckInvariants();
            // The run must have exercised what it claims to: a full arena, merges, exact merge checks.
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            OutputHelper.WriteLine("seed " + seed + ": failed writes " + m.FailedWrites + ", merged " + store.PagesMergedTotal
                + ", exact checks " + m.ExactChecks + ", compacted " + mm.PagesCompacted + ", huge since " + mm.HugePagesSince);
            Assert.IsTrue(m.FailedWrites > 0, "the arena filled up");
            Assert.IsTrue(store.PagesMergedTotal > 10, "duplicates were merged");
            Assert.IsTrue(m.ExactChecks > 10, "merge results checked exactly");
            Assert.IsTrue(mm.HugePagesSince > 0, "raw pages stored");
            return m;
        }
    }
}
