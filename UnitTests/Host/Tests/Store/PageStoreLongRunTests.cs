// Host-only: the device suite's randomized store workload (StoreModelRun) for longer, on a larger arena
// than a device test may use (256 KiB, 4 KiB pages, then 128 KiB of 1 KiB pages), fixed seeds. About 20 s.
using nanoFramework.TestFramework;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Store
{
    [TestClass]
    public class PageStoreLongRunTests
    {
        [TestMethod]
        public void LongRandomizedRun()
        {
            StoreModelRun.Run(256 * 1024, 4096, 101, 12000, 10);
            StoreModelRun.Run(128 * 1024, 1024, 102, 12000, 10);
        }
    }
}
