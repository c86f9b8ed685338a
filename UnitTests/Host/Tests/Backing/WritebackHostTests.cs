// Host-only writeback tests: the randomized model (WritebackModel) run long over many seeds, and the page
// store over the backing file on the PC across a firmware restart — what StreamBackingStore promises:
// the file and its epoch survive, the new run's store starts empty, writes back and reads back through
// the same file, and nothing of the previous run is ever read as a page.
using System;
using System.IO;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Host;
using ZramEmbedded.UnitTests.Backing;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Backing
{
    [TestClass]
    public class WritebackHostTests
    {
        [TestMethod]
        public void ModelLongRuns()
        {
            long faults = 0, failed = 0, fromDevice = 0;
            for (uint seed = 10; seed < 22; seed++)
            {
                var m = new WritebackModel(seed, 24, 4000);
                m.Run(3000);
                faults += m.FaultsFired;
                failed += m.FailedReadsExplained;
                fromDevice += m.ReadsFromDevice;
                m.DrainAndRelease();
            }
            OutputHelper.WriteLine($"12 seeds × 3000 steps: {fromDevice} reads from the device, {faults} faults, {failed} failed reads, all explained");
            Assert.IsTrue(faults > 100 && failed > 20 && fromDevice > 200);
        }

        [TestMethod]
        public void ModelWithFewRecordsReusesThemHard()
        {
            for (uint seed = 30; seed < 36; seed++)
            {
                var m = new WritebackModel(seed, 4, 3000);
                m.Run(2500);
                m.DrainAndRelease();
            }
        }

        private static PageStore NewStore(ManualClock clock)
        {
            return StoreFixtures.Make(32 * 1024, 1024, clock);
        }

        [TestMethod]
        public void StoreOverTheBackingFileAcrossARestart()
        {
            string dir = Path.Combine(Path.GetTempPath(), "zram-wb-restart-" + Guid.NewGuid().ToString("N"));
            string path = Path.Combine(dir, "wb.bin");
            int recordSize = StreamBackingStore.RecordSizeFor(1024);
            try
            {
                byte[][] pages = new byte[6][];
                var clock = new ManualClock();
                using (StreamBackingStore file = FileBackingStore.Open(path, recordSize, 8))
                {
                    PageStore store = NewStore(clock);
                    store.AttachBackingStore(file);
                    StoreClient c = store.Register("app", 8);
                    for (int i = 0; i < 6; i++)
                    {
                        pages[i] = new byte[1024];
                        StoreFixtures.Structured(pages[i], (uint)(40 + i));
                        Assert.AreEqual(StoreResult.Ok, c.Write(i, pages[i], 0));
                    }
                    store.MarkAllIdle();
                    Assert.AreEqual(6, store.Writeback(WritebackMode.Idle, 10));
                    byte[] back = new byte[1024];
                    Assert.AreEqual(StoreResult.Ok, c.Read(1, back, 0));
                    CollectionAssert.AreEqual(pages[1], back);
                }

                // The restart: a new store over the same file. It starts empty; the old records are on disk.
                using (StreamBackingStore file = FileBackingStore.Open(path, recordSize, 8))
                {
                    Assert.AreEqual(2u, file.Epoch);
                    PageStore store = NewStore(clock);
                    store.AttachBackingStore(file);
                    var bd = new BdStat();
                    store.GetBdStat(bd);
                    Assert.AreEqual(0L, bd.BdCount, "records are not reattached");
                    StoreClient c = store.Register("app", 8);
                    byte[] back = new byte[1024];
                    for (int i = 0; i < 8; i++)
                    {
                        Assert.AreEqual(StoreResult.Ok, c.Read(i, back, 0));
                        CollectionAssert.AreEqual(new byte[1024], back, "a restarted store's slots are empty");
                    }
                    // Written back again (next-fit starts at record 0, so over the previous run's records) and read back.
                    for (int i = 0; i < 8; i++)
                    {
                        byte[] p = new byte[1024];
                        StoreFixtures.Structured(p, (uint)(40 + (i % 6)));
                        Assert.AreEqual(StoreResult.Ok, c.Write(i, p, 0));
                    }
                    store.MarkAllIdle();
                    Assert.AreEqual(8, store.Writeback(WritebackMode.Idle, 10));
                    for (int i = 0; i < 8; i++)
                    {
                        Assert.AreEqual(StoreResult.Ok, c.Read(i, back, 0));
                        CollectionAssert.AreEqual(pages[i % 6], back);
                    }
                    store.CheckInvariants();
                }
            }
            finally
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
            }
        }
    }
}
