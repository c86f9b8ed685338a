// Handles must catch misuse that a plain index + small generation would miss: a stale handle stays
// invalid for at least 4,096 reuses of its entry, and a handle used on a pool that did not issue it is
// rejected (InvalidHandleException) and changes nothing. Device-sized here; the 4 MiB stale test and the
// 100,000-pair foreign-handle measurement are host-only (UnitTests/Host/Tests/Pool/ZsPoolHandleSafetyTests).
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolHandleTests
    {
        [TestMethod]
        public void StaleHandleRejectedFor4096ReusesOfItsEntry()
        {
            HandleChecks.StaleStaysStale(new ZsPool(new byte[16 * 1024], PoolConfig.ForArena(16 * 1024)), 4096, 512);
            HandleChecks.StaleStaysStale(new ZsPool(new byte[64 * 1024], PoolConfig.ForArena(64 * 1024)), 4096, 512);
        }

        [TestMethod]
        public void HandleFromAnotherPoolOfTheSameConfigIsRejected()
        {
            PoolConfig c = PoolConfig.ForArena(32 * 1024);
            ZsPool a = new ZsPool(new byte[32 * 1024], c);
            ZsPool b = new ZsPool(new byte[32 * 1024], c);
            byte[] data = new byte[300];
            int[] ha = new int[20];
            int[] hb = new int[20];
            for (int i = 0; i < 20; i++)
            {
                // Same calls in the same order: the same entries and generations in both pools.
                ha[i] = a.Malloc(100 + i * 10);
                hb[i] = b.Malloc(100 + i * 10);
            }
            PoolStats before = new PoolStats();
            PoolStats after = new PoolStats();
            b.GetStats(before);
            for (int i = 0; i < 20; i++)
            {
                int h = ha[i];
                int size = 100 + i * 10;
                Assert.ThrowsException(typeof(InvalidHandleException), () => b.Free(h));
                Assert.ThrowsException(typeof(InvalidHandleException), () => b.GetSize(h));
                Assert.ThrowsException(typeof(InvalidHandleException), () => b.Read(h, data, 0, size));
                Assert.ThrowsException(typeof(InvalidHandleException), () => b.Write(h, data, 0, size));
            }
            b.GetStats(after);
            Assert.AreEqual(before.ObjectsInUse, after.ObjectsInUse);
            Assert.AreEqual(before.FramesUsed, after.FramesUsed);
            for (int i = 0; i < 20; i++) Assert.AreEqual(100 + i * 10, b.GetSize(hb[i]));
        }
    }
}
