// Model-based randomized tests: thousands of Malloc / Write / Read / Free operations with compaction
// slices interleaved, against PoolModel (handle → size and content seed), with fixed seeds so the host and
// the device run the same sequence (SampleRandom). After every phase every live object must read back
// intact and the pool's counters must agree with the model. Small arenas force the pool to fill up, so
// the out-of-space path, elastic growth/shrink and compaction all run many times.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolModelTests
    {
        [TestMethod]
        public void DefaultConfigSurvivesRandomChurn()
        {
            Run(PoolConfig.ForArena(32 * 1024), 32 * 1024, 1, 4000, 200, 4096);
            // Typical sizes around a few frames: most objects are a run plus a packed tail.
            Run(PoolConfig.ForArena(48 * 1024), 48 * 1024, 8, 4000, 1500, 4096);
        }

        [TestMethod]
        public void UnpackedDefaultsSurviveRandomChurn()
        {
            Run(TestConfigs.Unpacked(32 * 1024), 32 * 1024, 9, 4000, 1500, 4096);
        }

        [TestMethod]
        public void TinyFramesPackedTails()
        {
            // 64 B frames, runs of up to 15 frames, tails in 8 B steps.
            Run(TestConfigs.Grid(64, 16, 8, 16, 1000, 3, 400, true), 16 * 1024, 10, 4000, 300, 1000);
        }

        [TestMethod]
        public void ZsmallocParamsSurviveRandomChurn()
        {
            Run(PoolConfig.ZsmallocParams(), 64 * 1024, 2, 3000, 300, 4096);
        }

        [TestMethod]
        public void ClassicFixedZspagesSurviveRandomChurn()
        {
            PoolConfig c = PoolConfig.ZsmallocParams();
            c.ElasticZspages = false;
            Run(c, 64 * 1024, 5, 3000, 300, 4096);
            PoolConfig d = PoolConfig.ForArena(32 * 1024);
            d.ElasticZspages = false;
            Run(d, 32 * 1024, 6, 3000, 200, 4096);
            PoolConfig e = TestConfigs.Unpacked(32 * 1024);
            e.ElasticZspages = false;
            Run(e, 32 * 1024, 7, 3000, 200, 4096);
        }

        [TestMethod]
        public void TinyFramesStraddleEverywhere()
        {
            // 64 B frames: almost every object straddles several non-adjacent frames.
            Run(TestConfigs.Grid(64, 16, 8, 16, 600, 3, 400, false), 16 * 1024, 3, 4000, 150, 600);
        }

        [TestMethod]
        public void SmallPoolsUseFourByteHandleEntries()
        {
            // 256 frames and at most 15 slots per zspage: 12 location bits, a live bit and ≥ 13 generation bits.
            ZsPool small = new ZsPool(new byte[64 * 1024], PoolConfig.ForArena(64 * 1024));
            PoolStats s = new PoolStats();
            small.GetStats(s);
            Assert.AreEqual(s.HandleCapacity * 4, s.HandleTableBytes);
            Assert.AreEqual(64 * 1024 / 768, s.HandleCapacity);
        }

        [TestMethod]
        public void ManySmallObjectsManyPerZspage()
        {
            // 1 KiB frames, chain 4, 16 B step; objects of at most 200 B, so many share each zspage.
            Run(TestConfigs.Grid(1024, 4, 16, 32, 2000, 8, 2000, true), 8 * 1024, 4, 4000, 64, 200);
        }

        /// <summary>
        /// One randomized run: a mix of operations; sizes up to maxSize, mostly below typicalMax.
        /// </summary>
        private static void Run(PoolConfig config, int arenaBytes, uint seed, int operations, int typicalMax, int maxSize)
        {
            ZsPool pool = new ZsPool(new byte[arenaBytes], config);
            PoolStats stats = new PoolStats();
            ClassStats row = new ClassStats();
            pool.GetStats(stats);
            PoolModel model = new PoolModel(stats.HandleCapacity);
            SampleRandom rng = new SampleRandom(seed);
            byte[] buffer = new byte[maxSize + 2];
            uint nextSeed = seed * 1000u;
            int failures = 0;
            long lastCompacted = 0;
            for (int op = 0; op < operations; op++)
            {
                int kind = rng.Next(100);
                if (kind < 45 || model.Count == 0)
                {
                    int size = rng.Next(8) == 0 ? rng.Next(1, maxSize + 1) : rng.Next(1, typicalMax + 1);
                    int h = pool.Malloc(size);
                    if (h == ZsPool.NoHandle)
                    {
                        failures++;
                        continue;
                    }
                    uint s = nextSeed++;
                    PoolModel.Fill(buffer, 1, size, s);
                    pool.Write(h, buffer, 1, size);
                    model.Add(h, size, s);
                }
                else if (kind < 80)
                {
                    int i = rng.Next(model.Count);
                    pool.Free(model.Handles[i]);
                    model.RemoveAt(i);
                }
                else if (kind < 92)
                {
                    model.Verify(pool, rng.Next(model.Count), buffer);
                }
                else if (kind < 99)
                {
                    pool.GetStats(stats);
                    int framesBefore = stats.FramesUsed;
                    pool.Compact(rng.Next(1, 3000));
                    pool.GetStats(stats);
                    Assert.IsTrue(stats.FramesUsed <= framesBefore, "a compaction slice never takes frames");
                }
                else
                {
                    pool.GetStats(stats);
                    int framesBefore = stats.FramesUsed;
                    pool.CompactAll();
                    pool.GetStats(stats);
                    Assert.IsTrue(stats.FramesUsed <= framesBefore, "full compaction never takes frames");
                    Assert.IsTrue(stats.PagesCompacted >= lastCompacted, "pages_compacted never decreases");
                    lastCompacted = stats.PagesCompacted;
                }
                if (op % 500 == 0)
                {
                    model.VerifyAll(pool, buffer);
                    model.VerifyCounters(pool, stats, row);
                }
            }
            model.VerifyAll(pool, buffer);
            model.VerifyCounters(pool, stats, row);
            Assert.IsTrue(failures > 0, "the run filled the arena at least once");

            // Full compaction leaves no class where a plan could release a frame, never grows the pool, and
            // changes no content; classic zspages are left with less than one zspage of free slots (zsmalloc's
            // zs_can_compact).
            pool.GetStats(stats);
            int framesBeforeAll = stats.FramesUsed;
            pool.CompactAll();
            pool.GetStats(stats);
            Assert.IsTrue(stats.FramesUsed <= framesBeforeAll, "full compaction never takes frames");
            for (int c = 0; c < pool.ClassCount; c++)
            {
                pool.GetClassStats(c, row);
                Assert.IsFalse(row.Compactable, "class " + c + " still compactable");
                if (!config.ElasticZspages) Assert.IsTrue(row.ObjectsAllocated - row.ObjectsInUse < row.ObjectsPerZspage);
            }
            model.VerifyAll(pool, buffer);
            model.VerifyCounters(pool, stats, row);

            // Freeing everything returns every frame.
            while (model.Count > 0)
            {
                pool.Free(model.Handles[model.Count - 1]);
                model.RemoveAt(model.Count - 1);
            }
            pool.GetStats(stats);
            Assert.AreEqual(0, stats.FramesUsed);
            Assert.AreEqual(0, stats.Zspages);
            Assert.AreEqual(0, stats.ObjectBytes);
        }

        [TestMethod]
        public void CompactionReleasesFramesAndCountsThem()
        {
            PoolConfig c = TestConfigs.Unpacked(64 * 1024);
            ZsPool pool = new ZsPool(new byte[64 * 1024], c);
            PoolModel model = new PoolModel(200);
            byte[] buffer = new byte[2000];
            // Same-size objects fill several zspages of one class; free every other one.
            for (int i = 0; i < 24; i++)
            {
                int h = pool.Malloc(1000);
                Assert.IsTrue(h != ZsPool.NoHandle);
                PoolModel.Fill(buffer, 0, 1000, (uint)i);
                pool.Write(h, buffer, 0, 1000);
                model.Add(h, 1000, (uint)i);
            }
            for (int i = model.Count - 1; i >= 0; i -= 2)
            {
                pool.Free(model.Handles[i]);
                model.RemoveAt(i);
            }
            PoolStats before = new PoolStats();
            pool.GetStats(before);
            int moved = 0;
            int slices = 0;
            while (true)
            {
                int m = pool.Compact(1100);
                if (m == 0) break;
                // A slice runs whole plans: it may overshoot by at most one zspage's objects (here 2 frames of
                // 512 B hold 1 object of 1000 B; chains of up to 16 frames bound it in general).
                Assert.IsTrue(m <= 1100 + 16 * 512, "a slice stays within its budget plus one zspage's objects");
                moved += m;
                slices++;
            }
            Assert.IsTrue(slices > 1, "budgeted slices");
            PoolStats after = new PoolStats();
            pool.GetStats(after);
            Assert.IsTrue(after.FramesUsed < before.FramesUsed, "compaction released frames");
            Assert.AreEqual((long)(before.FramesUsed - after.FramesUsed), after.PagesCompacted - before.PagesCompacted);
            Assert.AreEqual((long)moved, after.BytesCompacted - before.BytesCompacted);
            model.VerifyAll(pool, buffer);
        }

        [TestMethod]
        public void AllocatesFromTheFullestZspageFirst()
        {
            ZsPool pool = new ZsPool(new byte[64 * 1024], PoolConfig.ForArena(64 * 1024));
            ClassStats row = new ClassStats();
            int first = pool.Malloc(200);
            int cls = -1;
            for (int k = 0; k < pool.ClassCount && cls < 0; k++)
            {
                pool.GetClassStats(k, row);
                if (row.ObjectsInUse > 0) cls = k;
            }
            int n = row.ObjectsPerZspage;
            Assert.IsTrue(n >= 4, "test needs several objects per zspage");
            // Zspage A gets n objects (filled before B is opened), B gets 2.
            int[] h = new int[n + 2];
            h[0] = first;
            for (int i = 1; i < h.Length; i++) h[i] = pool.Malloc(200);
            pool.GetClassStats(cls, row);
            Assert.AreEqual(2, row.Zspages);
            // A: n-1 in use, B: 2 in use. The next object must go to A, the fuller one: then freeing B's two
            // objects releases B.
            pool.Free(h[0]);
            int again = pool.Malloc(200);
            Assert.IsTrue(again != ZsPool.NoHandle);
            pool.Free(h[n]);
            pool.Free(h[n + 1]);
            pool.GetClassStats(cls, row);
            Assert.AreEqual(1, row.Zspages);
            Assert.AreEqual(n, row.ObjectsInUse);
        }
    }
}
