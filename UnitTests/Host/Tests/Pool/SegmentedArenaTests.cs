// Host-only: 2 MiB and 4 MiB arenas as 512 KiB segments (ArenaSegments.Reserve) against one array of the
// same size, under the same churn in the same run: utilization and the metadata share must be within 0.2
// percentage points (the segment table is the only difference in metadata; the frame layout is the same).
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class SegmentedArenaTests
    {
        /// <summary>Strict churn (no request dropped): mean utilization sampled whenever a request does not fit.</summary>
        private static double Churn(ZsPool pool, uint seed, int steps)
        {
            var rng = new SampleRandom(seed);
            var s = new PoolStats();
            pool.GetStats(s);
            int[] live = new int[s.HandleCapacity];
            int count = 0;
            double sum = 0;
            int samples = 0;
            byte[] data = new byte[4096];
            for (int step = 0; step < steps; step++)
            {
                int size = rng.Next(4) == 0 ? 4096 : rng.Next(600, 3500);
                int h;
                while ((h = pool.Malloc(size)) == ZsPool.NoHandle)
                {
                    pool.GetStats(s);
                    sum += s.Utilization;
                    samples++;
                    int k = rng.Next(count);
                    pool.Free(live[k]);
                    live[k] = live[--count];
                    pool.Compact(4096);
                }
                pool.Write(h, data, 0, size);
                live[count++] = h;
            }
            return sum / samples;
        }

        [TestMethod]
        public void TwoAndFourMiBSegmentedMatchOneArray()
        {
            int[] sizes = { 2 << 20, 4 << 20 };
            var a = new PoolStats();
            var b = new PoolStats();
            foreach (int arena in sizes)
            {
                PoolConfig c = PoolConfig.ForArena(arena);
                var one = new ZsPool(new byte[arena], c);
                var seg = new ZsPool(ArenaSegments.Reserve(arena), c);
                double u1 = Churn(one, 7, 6000);
                double u2 = Churn(seg, 7, 6000);
                one.GetStats(a);
                seg.GetStats(b);
                double m1 = (double)a.MetadataBytes / arena, m2 = (double)b.MetadataBytes / arena;
                OutputHelper.WriteLine(arena / 1024 + " KiB: utilization " + u1.ToString("0.0000") + " one array, " + u2.ToString("0.0000")
                    + " in " + (arena >> 19) + " segments; metadata " + m1.ToString("0.0000") + " / " + m2.ToString("0.0000"));
                Assert.IsTrue(u1 > 0.9, "the churn fills the arena");
                Assert.IsTrue(System.Math.Abs(u1 - u2) <= 0.002, "utilization within 0.2 point");
                Assert.IsTrue(System.Math.Abs(m1 - m2) <= 0.002, "metadata share within 0.2 point");
                Assert.AreEqual(a.FramesUsed, b.FramesUsed, "same frames in use after the same churn");
            }
        }
    }
}
