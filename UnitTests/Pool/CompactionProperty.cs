// The compaction property, shared by the device suite (ZsPoolCompactionTests) and the host-only sweep
// over many configurations (UnitTests/Host/Tests/Pool/CompactionSweepTests): not a test class itself.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    /// <summary>
    /// The compaction property, shared with the host-only sweep: random churn, then at random points a
    /// Compact(n) slice or CompactAll; across each call FramesUsed never grows, PagesCompacted rises by exactly
    /// the frames released, contents stay intact, and across CompactAll every probed size that could be
    /// allocated before still can.
    /// </summary>
    public static class CompactionProperty
    {
        public static void Run(PoolConfig config, int arenaBytes, uint seed, int rounds, int opsPerRound)
        {
            ZsPool pool = new ZsPool(new byte[arenaBytes], config);
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            PoolModel model = new PoolModel(s.HandleCapacity);
            SampleRandom rng = new SampleRandom(seed);
            int max = pool.MaxObjectSize;
            byte[] buffer = new byte[max + 2];
            int[] probes = ProbeSizes(pool, config);
            bool[] fit = new bool[probes.Length];
            uint nextSeed = seed * 7919u;
            for (int round = 0; round < rounds; round++)
            {
                int small = rng.Next(1, max + 1);
                for (int op = 0; op < opsPerRound; op++)
                {
                    if (rng.Next(100) < 55 || model.Count == 0)
                    {
                        int size = rng.Next(4) == 0 ? rng.Next(1, max + 1) : rng.Next(1, small + 1);
                        int h = pool.Malloc(size);
                        if (h == ZsPool.NoHandle) continue;
                        uint cs = nextSeed++;
                        PoolModel.Fill(buffer, 1, size, cs);
                        pool.Write(h, buffer, 1, size);
                        model.Add(h, size, cs);
                    }
                    else
                    {
                        int k = rng.Next(model.Count);
                        pool.Free(model.Handles[k]);
                        model.RemoveAt(k);
                    }
                    if (rng.Next(20) == 0) Slice(pool, s, rng.Next(1, 2000));
                }
                // Which probe sizes fit now (a probe allocates and frees: the same frames stay in use).
                pool.GetStats(s);
                int before = s.FramesUsed;
                long compacted = s.PagesCompacted;
                for (int p = 0; p < probes.Length; p++) fit[p] = Fits(pool, probes[p]);
                pool.GetStats(s);
                Assert.AreEqual(before, s.FramesUsed, "probing leaves the frames in use as they were");
                pool.CompactAll();
                pool.CheckInvariants();
                pool.GetStats(s);
                Assert.IsTrue(s.FramesUsed <= before, "CompactAll: frames used " + before + " -> " + s.FramesUsed);
                Assert.AreEqual((long)(before - s.FramesUsed), s.PagesCompacted - compacted, "net frames counted");
                for (int p = 0; p < probes.Length; p++)
                {
                    if (fit[p] && !Fits(pool, probes[p]))
                        Assert.IsTrue(false, "Malloc(" + probes[p] + ") fit before CompactAll and not after (round " + round + ")");
                }
                if (round % 4 == 3) model.VerifyAll(pool, buffer);
            }
            model.VerifyAll(pool, buffer);
        }

        private static void Slice(ZsPool pool, PoolStats s, int budget)
        {
            pool.GetStats(s);
            int before = s.FramesUsed;
            long compacted = s.PagesCompacted;
            pool.Compact(budget);
            pool.CheckInvariants();
            pool.GetStats(s);
            Assert.IsTrue(s.FramesUsed <= before, "Compact(" + budget + "): frames used " + before + " -> " + s.FramesUsed);
            Assert.AreEqual((long)(before - s.FramesUsed), s.PagesCompacted - compacted, "net frames counted");
        }

        private static bool Fits(ZsPool pool, int size)
        {
            int h = pool.Malloc(size);
            if (h == ZsPool.NoHandle) return false;
            pool.Free(h);
            return true;
        }

        /// <summary>About 60 sizes spread evenly over 1..MaxObjectSize (an odd step, so they hit every class and tail).</summary>
        private static int[] ProbeSizes(ZsPool pool, PoolConfig c)
        {
            int step = (c.MaxObjectSize / 60) | 1;
            int n = (pool.MaxObjectSize - 1) / step + 1;
            int[] r = new int[n];
            for (int i = 0; i < n; i++) r[i] = 1 + i * step;
            return r;
        }
    }
}
