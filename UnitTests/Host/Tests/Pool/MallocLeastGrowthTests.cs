// Host-only: ZsPool.MallocLeastGrowth's guarantee. Putting back an object of the size just freed never leaves
// the pool larger than before that free (so a store under mem_limit stays under it when a refused
// replacement restores the old form), on elastic and classic zspages, with and without packed tails;
// plain Malloc, which takes the fullest zspage even when it must grow, does not promise this and is shown
// to break it on the same churn.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class MallocLeastGrowthTests
    {
        /// <summary>Frees and re-allocates random live objects; returns how often the pool ended larger.</summary>
        private static int Grew(PoolConfig cfg, int seed, bool leastGrowth)
        {
            const int Arena = 32 * 1024;
            var pool = new ZsPool(new byte[Arena], cfg);
            var random = new Random(seed);
            var live = new int[200];
            var sizes = new int[200];
            var data = new byte[4096];
            var back = new byte[4096];
            int grew = 0;
            for (int step = 0; step < 20000; step++)
            {
                int i = random.Next(live.Length);
                if (live[i] != 0 && random.Next(4) == 0)
                {
                    long before = pool.UsedBytes;
                    pool.Free(live[i]);
                    int h = leastGrowth ? pool.MallocLeastGrowth(sizes[i]) : pool.Malloc(sizes[i]);
                    Assert.AreNotEqual(ZsPool.NoHandle, h, "the room just freed takes the object back");
                    if (pool.UsedBytes > before) grew++;
                    random.NextBytes(data.AsSpan(0, sizes[i]));
                    pool.Write(h, data, 0, sizes[i]);
                    pool.Read(h, back, 0, sizes[i]);
                    Assert.IsTrue(data.AsSpan(0, sizes[i]).SequenceEqual(back.AsSpan(0, sizes[i])));
                    live[i] = h;
                    continue;
                }
                if (live[i] != 0) { pool.Free(live[i]); live[i] = 0; continue; }
                int size = random.Next(4) == 0 ? random.Next(600, 1025) : random.Next(20, 600);
                int handle = pool.Malloc(size);
                if (handle == ZsPool.NoHandle) continue;
                live[i] = handle;
                sizes[i] = size;
            }
            pool.CheckInvariants();
            return grew;
        }

        // The store's pool for 1 KiB pages (elastic, packed tails), the same unpacked, and zsmalloc's classic zspages.
        private static PoolConfig Store() { return ZramEmbedded.Allocator.Store.StoreConfig.PoolConfigFor(32 * 1024, 1024); }

        private static PoolConfig Unpacked() { return ZramEmbedded.UnitTests.Pool.TestConfigs.Unpacked(32 * 1024); }

        private static PoolConfig Classic()
        {
            PoolConfig c = PoolConfig.ForArena(32 * 1024);
            c.ElasticZspages = false;
            return c;
        }

        [TestMethod]
        public void PuttingBackWhatWasJustFreedNeverGrowsThePool()
        {
            for (int seed = 1; seed <= 6; seed++)
            {
                Assert.AreEqual(0, Grew(Store(), seed, true), "elastic, packed, seed " + seed);
                Assert.AreEqual(0, Grew(Unpacked(), seed, true), "elastic, unpacked, seed " + seed);
                Assert.AreEqual(0, Grew(Classic(), seed, true), "classic, seed " + seed);
            }
        }

        [TestMethod]
        public void PlainMallocCanGrowOnTheSameChurn()
        {
            int grew = 0;
            for (int seed = 1; seed <= 6; seed++) grew += Grew(Store(), seed, false);
            Assert.IsTrue(grew > 0, "the churn reaches the case MallocLeastGrowth exists for");
        }
    }
}
