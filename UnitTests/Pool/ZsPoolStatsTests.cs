// Stats must describe the pool as zsmalloc's debugfs `classes` file and zram's mm_stat do, and the
// metadata budget must hold: everything kept outside the arena ≤ 2 % of the arena for the defaults.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolStatsTests
    {
        [TestMethod]
        public void DefaultsKeepMetadataWithinTwoPercent()
        {
            // Device-sized arenas, one pool alive at a time (each in its own call); 256 KiB and up are checked by
            // the host-only tests.
            PoolStats s = new PoolStats();
            CheckMetadataBudget(64 * 1024, s);
            CheckMetadataBudget(128 * 1024, s);
        }

        private static void CheckMetadataBudget(int arena, PoolStats s)
        {
            ZsPool pool = new ZsPool(new byte[arena], PoolConfig.ForArena(arena));
            pool.GetStats(s);
            Assert.AreEqual(pool.MetadataBytes, s.MetadataBytes);
            Assert.IsTrue(s.MetadataBytes * 50 <= arena, "metadata " + s.MetadataBytes + " B at " + arena);
        }

        [TestMethod]
        public void EmptyPoolTotals()
        {
            ZsPool pool = new ZsPool(new byte[100 * 1000], PoolConfig.ForArena(100 * 1000));
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(100 * 1000, s.ArenaBytes);
            Assert.AreEqual(100 * 1000 / s.FrameSize, s.FramesTotal);
            Assert.AreEqual(0, s.FramesUsed);
            Assert.AreEqual(0, s.ObjectsInUse);
            Assert.AreEqual(0.0, s.Utilization);
            Assert.AreEqual(pool.ClassCount, s.ClassCount);
        }

        [TestMethod]
        public void ClassRowsDescribeTheObjects()
        {
            // Whole objects in their classes (no tail packing), as in zsmalloc.
            ZsPool pool = new ZsPool(new byte[128 * 1024], TestConfigs.Unpacked(128 * 1024));
            int a = pool.Malloc(1000);
            int b = pool.Malloc(1000);
            int c = pool.Malloc(3000);
            ClassStats row = new ClassStats();
            int rows = 0;
            for (int k = 0; k < pool.ClassCount; k++)
            {
                pool.GetClassStats(k, row);
                Assert.AreEqual(k, row.Index);
                if (row.ObjectsInUse == 0) continue;
                rows++;
                Assert.AreEqual(1, row.Zspages);
                Assert.IsTrue(row.Size >= (row.ObjectsInUse == 2 ? 1004 : 3004));
                Assert.IsTrue(row.Frames >= 1 && row.Frames <= row.FramesPerZspage);
            }
            Assert.AreEqual(2, rows);
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(3, s.ObjectsInUse);
            Assert.AreEqual(5000, s.ObjectBytes);
            Assert.AreEqual(2 * 9 + 3 * 4, s.InArenaOverheadBytes);
            Assert.IsTrue(s.Utilization > 0.03 && s.Utilization < 0.04);
            pool.Free(a);
            pool.Free(b);
            pool.Free(c);
        }

        [TestMethod]
        public void HugeObjectSizeFollowsTheClassTable()
        {
            // The pool's classes are the table's for (frame, chain, step, min, max object + 4 B object header,
            // 9 B zspage header); objects whose slot need exceeds the huge watermark go one per zspage.
            PoolConfig c = TestConfigs.Unpacked(128 * 1024);
            ZsPool pool = new ZsPool(new byte[128 * 1024], c);
            SizeClassTable t = new SizeClassTable(c.FrameSize, c.MaxFramesPerZspage, c.ClassStep, c.MinClassSize,
                c.MaxObjectSize + 4, 9);
            Assert.AreEqual(t.Count, pool.ClassCount);
            Assert.AreEqual(t.HugeThreshold - 3, pool.HugeObjectSize);
            int big = pool.Malloc(pool.HugeObjectSize);
            ClassStats row = new ClassStats();
            for (int k = 0; k < pool.ClassCount; k++)
            {
                pool.GetClassStats(k, row);
                if (row.ObjectsInUse > 0) Assert.AreEqual(1, row.ObjectsPerZspage);
            }
            pool.Free(big);
        }
    }
}
