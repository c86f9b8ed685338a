// Model-based randomized tests of writeback (WritebackModel): fixed seeds, short enough for a device
// (8 KiB arena, 48 slots of 512 B, 24 records); the host-only suite runs the same model longer.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;

namespace ZramEmbedded.UnitTests.Backing
{
    [TestClass]
    public class WritebackModelTests
    {
        private static void RunSeed(uint seed, int steps)
        {
            WritebackModel m = new WritebackModel(seed, 24, steps + 16);
            m.Run(steps);
            BdStat bd = new BdStat();
            m.Store.GetBdStat(bd);
            OutputHelper.WriteLine("seed " + seed.ToString() + ": " + m.ReadsChecked.ToString() + " reads (" + m.ReadsFromDevice.ToString()
                + " from the device), " + m.PagesWrittenBack.ToString() + " pages written back in " + m.WritebackCalls.ToString()
                + " calls, bd_writes " + bd.BdWrites.ToString() + ", " + m.FaultsFired.ToString() + " faults, "
                + m.FailedReadsExplained.ToString() + " failed reads (all at a fault), " + m.NoSpaceWrites.ToString() + " NoSpace");
            Assert.IsTrue(m.ReadsFromDevice > 0, "pages came back from the device");
            Assert.IsTrue(bd.BdWrites > 0 && m.MaxBacked > 0, "pages went to the device");
            Assert.IsTrue(m.FaultsFired > 0, "faults fired");
            m.DrainAndRelease();
        }

        [TestMethod]
        public void Seed1() { RunSeed(1, 700); }

        [TestMethod]
        public void Seed2() { RunSeed(2, 700); }

        [TestMethod]
        public void Seed3() { RunSeed(3, 700); }
    }
}
