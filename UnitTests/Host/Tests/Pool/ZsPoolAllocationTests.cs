// Host-only: the pool must not allocate managed memory per call in steady state (CONTRIBUTING.md) —
// Malloc, Write, Read, Free, GetSize, a compaction slice and stats filled into caller-owned objects.
// Measured with GC.GetAllocatedBytesForCurrentThread around many calls after a warm-up pass.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class ZsPoolAllocationTests
    {
        private static void Churn(ZsPool pool, int[] live, int[] sizes, byte[] buffer, SampleRandom rng, PoolStats stats, ClassStats row, int rounds)
        {
            for (int r = 0; r < rounds; r++)
            {
                int i = rng.Next(live.Length);
                if (live[i] != 0)
                {
                    pool.Read(live[i], buffer, 0, sizes[i]);
                    pool.GetSize(live[i]);
                    pool.Free(live[i]);
                    live[i] = 0;
                }
                int size = rng.Next(100, 3500);
                int h = pool.Malloc(size);
                if (h == ZsPool.NoHandle)
                {
                    pool.Compact(4096);
                    continue;
                }
                pool.Write(h, buffer, 0, size);
                live[i] = h;
                sizes[i] = size;
                if ((r & 63) == 0)
                {
                    pool.Compact(2048);
                    pool.GetStats(stats);
                    pool.GetClassStats(r % pool.ClassCount, row);
                }
            }
        }

        [TestMethod]
        public void SteadyStateCallsAllocateNothing()
        {
            ZsPool pool = new ZsPool(new byte[128 * 1024], PoolConfig.ForArena(128 * 1024));
            int[] live = new int[100];
            int[] sizes = new int[100];
            byte[] buffer = new byte[4096];
            SampleRandom rng = new SampleRandom(11);
            PoolStats stats = new PoolStats();
            ClassStats row = new ClassStats();
            Churn(pool, live, sizes, buffer, rng, stats, row, 2000); // warm-up: JIT, tiering, statics
            long before = GC.GetAllocatedBytesForCurrentThread();
            Churn(pool, live, sizes, buffer, rng, stats, row, 20000);
            pool.CompactAll();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated by 20000 churn rounds");
        }

        [TestMethod]
        public void SegmentedArenaAllocatesNothingEither()
        {
            // 1 MiB as 16 segments of 64 KiB: zspages and runs cross segment edges.
            ZsPool pool = new ZsPool(ArenaSegments.Reserve(1 << 20, 64 << 10), PoolConfig.ForArena(1 << 20));
            int[] live = new int[400];
            int[] sizes = new int[400];
            byte[] buffer = new byte[4096];
            SampleRandom rng = new SampleRandom(13);
            PoolStats stats = new PoolStats();
            ClassStats row = new ClassStats();
            Churn(pool, live, sizes, buffer, rng, stats, row, 3000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Churn(pool, live, sizes, buffer, rng, stats, row, 20000);
            pool.CompactAll();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
        }

        [TestMethod]
        public void ZsmallocParamsAllocateNothingEither()
        {
            ZsPool pool = new ZsPool(new byte[64 * 1024], PoolConfig.ZsmallocParams());
            int[] live = new int[60];
            int[] sizes = new int[60];
            byte[] buffer = new byte[4096];
            SampleRandom rng = new SampleRandom(12);
            PoolStats stats = new PoolStats();
            ClassStats row = new ClassStats();
            Churn(pool, live, sizes, buffer, rng, stats, row, 2000);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Churn(pool, live, sizes, buffer, rng, stats, row, 10000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated);
        }
    }
}
