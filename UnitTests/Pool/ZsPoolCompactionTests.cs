// Compaction must never grow the pool: CompactAll and every Compact(n) slice leave FramesUsed ≤ before,
// PagesCompacted counts net frames released, and no Malloc that succeeded before CompactAll fails after it.
// The two named reproductions are the cases that broke the first compactor (a destination zspage grew
// while its source released nothing); the randomized test runs small arenas of many shapes (packed and
// unpacked, elastic and fixed zspages) on the device too.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolCompactionTests
    {
        private static int FramesUsed(ZsPool pool, PoolStats s)
        {
            pool.GetStats(s);
            return s.FramesUsed;
        }

        [TestMethod]
        public void CompactAllNeverGrowsTwoFullZspagesDrainedToTheirBottoms()
        {
            // Defaults at 64 KiB: the 261 B tail class holds 15 objects per zspage.
            ZsPool pool = new ZsPool(new byte[65536], PoolConfig.ForArena(65536));
            int[] a = new int[15];
            int[] b = new int[15];
            a[0] = pool.Malloc(255);
            for (int i = 1; i < 15; i++) a[i] = pool.Malloc(205);
            for (int i = 0; i < 15; i++) b[i] = pool.Malloc(205);
            for (int i = 14; i >= 2; i--) pool.Free(b[i]);
            for (int i = 14; i >= 2; i--) pool.Free(a[i]);
            PoolStats s = new PoolStats();
            int before = FramesUsed(pool, s);
            Assert.AreEqual(4, before);
            long compactedBefore = s.PagesCompacted;
            pool.CompactAll();
            int after = FramesUsed(pool, s);
            Assert.IsTrue(after <= before, "frames used " + before + " -> " + after);
            Assert.AreEqual((long)(before - after), s.PagesCompacted - compactedBefore, "PagesCompacted counts net frames");
            byte[] buf = new byte[255];
            Assert.AreEqual(255, pool.GetSize(a[0]));
            pool.Read(a[0], buf, 0, 255);
            for (int i = 1; i < 2; i++) Assert.AreEqual(205, pool.GetSize(a[i]));
            for (int i = 0; i < 2; i++) Assert.AreEqual(205, pool.GetSize(b[i]));
        }

        [TestMethod]
        public void CompactAllKeepsAMallocThatFitBefore()
        {
            PoolConfig c = TestConfigs.Grid(64, 4, 64, 60, 120, 1, 16, false);
            c.ElasticZspages = true;
            ZsPool pool = new ZsPool(new byte[8 * 64], c);
            int x = pool.Malloc(56);
            int[] bs = new int[5];
            for (int i = 0; i < 5; i++) bs[i] = pool.Malloc(1);
            pool.Free(bs[1]);
            pool.Free(x);
            Assert.IsTrue(pool.Malloc(120) != ZsPool.NoHandle);
            PoolStats s = new PoolStats();
            int before = FramesUsed(pool, s);
            // Malloc(56) fits now (probe: allocate and free again, which leaves the same frames in use).
            int probe = pool.Malloc(56);
            Assert.IsTrue(probe != ZsPool.NoHandle, "fits before compaction");
            pool.Free(probe);
            Assert.AreEqual(before, FramesUsed(pool, s));
            pool.CompactAll();
            Assert.IsTrue(FramesUsed(pool, s) <= before, "frames used never grows");
            Assert.IsTrue(pool.Malloc(56) != ZsPool.NoHandle, "still fits after compaction");
        }

        [TestMethod]
        public void RandomShapesNeverGrowAndKeepEveryFit()
        {
            // frame, chain, step, min class, max object, groups, packed, elastic, arena
            int[] shapes =
            {
                256, 16, 64, 16, 4096, 2, 1, 1, 32768,
                512, 16, 64, 32, 4096, 2, 0, 1, 32768,
                512, 16, 64, 32, 4096, 2, 0, 0, 32768,
                256, 16, 64, 16, 4096, 2, 1, 0, 32768,
                64, 4, 64, 60, 120, 1, 0, 1, 1024,
                64, 16, 8, 16, 600, 3, 0, 1, 8192,
                128, 8, 32, 16, 1000, 1, 1, 1, 8192,
            };
            for (int i = 0; i < shapes.Length; i += 9)
            {
                PoolConfig c = TestConfigs.Grid(shapes[i], shapes[i + 1], shapes[i + 2], shapes[i + 3], shapes[i + 4],
                    shapes[i + 5], 0, shapes[i + 6] != 0);
                c.ElasticZspages = shapes[i + 7] != 0;
                c.BytesPerHandle = 64;
                CompactionProperty.Run(c, shapes[i + 8], (uint)(100 + i), 8, 200);
            }
        }
    }
}
