// Host-only: arenas too large for a small board's RAM (256 KiB – 8 MiB). The defaults must keep the
// metadata budget (≤ 2 % of the arena) and the pool must work with 4- and 5-byte handle entries.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class ZsPoolLargeArenaTests
    {
        [TestMethod]
        public void DefaultsKeepMetadataWithinTwoPercent()
        {
            int[] arenas = { 256 * 1024, 512 * 1024, 1024 * 1024, 2 * 1024 * 1024, 4 * 1024 * 1024, 8 * 1024 * 1024 };
            PoolStats s = new PoolStats();
            for (int i = 0; i < arenas.Length; i++)
            {
                ZsPool pool = new ZsPool(new byte[arenas[i]], PoolConfig.ForArena(arenas[i]));
                pool.GetStats(s);
                Assert.IsTrue(s.MetadataBytes * 50 <= arenas[i], "metadata " + s.MetadataBytes + " B at " + arenas[i]);
            }
        }

        [TestMethod]
        public void OneMebibyteFillsAndEmpties()
        {
            const int arena = 1024 * 1024;
            ZsPool pool = new ZsPool(new byte[arena], PoolConfig.ForArena(arena));
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(s.HandleCapacity * 4, s.HandleTableBytes); // 4096 frames · 16 slots: 16 location bits
            FillVerifyEmpty(pool, s);
        }

        [TestMethod]
        public void FiveByteHandleEntriesWhenLocationsNeedMoreBits()
        {
            // 64 B frames in 2 MiB: 32768 frames need 15 bits, so with the slot bits, a live bit and 13
            // generation bits an entry needs more than 4 bytes.
            PoolConfig c = PoolConfig.ForArena(2 * 1024 * 1024);
            c.FrameSize = 64;
            c.ClassStep = 8;
            c.MaxObjectSize = 1000;
            c.MaxHandles = 8000;
            ZsPool pool = new ZsPool(new byte[2 * 1024 * 1024], c);
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(s.HandleCapacity * 5, s.HandleTableBytes);
            FillVerifyEmpty(pool, s);
        }

        private static void FillVerifyEmpty(ZsPool pool, PoolStats s)
        {
            int[] handles = new int[s.HandleCapacity];
            byte[] buf = new byte[4096];
            int n = 0;
            for (int size = 700; n < handles.Length; size = size * 7 % (pool.MaxObjectSize - 100) + 100)
            {
                int h = pool.Malloc(size);
                if (h == ZsPool.NoHandle) break;
                for (int k = 0; k < size; k++) buf[k] = (byte)(n + k);
                pool.Write(h, buf, 0, size);
                handles[n++] = h;
            }
            pool.GetStats(s);
            Assert.IsTrue(s.Utilization > 0.80, "filled to " + s.Utilization);
            for (int i = 0; i < n; i += 2) pool.Free(handles[i]);
            pool.CompactAll();
            for (int i = 1; i < n; i += 2)
            {
                int size = pool.GetSize(handles[i]);
                pool.Read(handles[i], buf, 0, size);
                for (int k = 0; k < size; k++) Assert.AreEqual((byte)(i + k), buf[k]);
                pool.Free(handles[i]);
            }
            pool.GetStats(s);
            Assert.AreEqual(0, s.FramesUsed);
        }
    }
}
