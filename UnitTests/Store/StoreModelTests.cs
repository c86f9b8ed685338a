// Model-based randomized tests of the page store (StoreModelRun's workload) on small arenas — 1 KiB, 4 KiB
// and 256 B pages — with several fixed seeds each.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class StoreModelTests
    {
        [TestMethod]
        public void RandomizedSmallPages()
        {
            for (uint seed = 1; seed <= 3; seed++) StoreModelRun.Run(32 * 1024, 1024, seed, 2500, 6);
        }

        [TestMethod]
        public void RandomizedPagesOf4KiB()
        {
            for (uint seed = 11; seed <= 13; seed++) StoreModelRun.Run(32 * 1024, 4096, seed, 1500, 6);
        }

        [TestMethod]
        public void RandomizedPagesOf256Bytes()
        {
            for (uint seed = 21; seed <= 22; seed++) StoreModelRun.Run(16 * 1024, 256, seed, 2500, 6);
        }
    }
}
