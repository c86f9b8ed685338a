// Host-only writeback tests: the randomized model (WritebackModel) over many seeds, and the page
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
            for (uint seed = 1; seed < 13; seed++)
            {
                var m = new WritebackModel(seed, 24, 4000);
                m.Run(3000);
                Assert.IsTrue(m.ReadsFromDevice > 0 && m.MaxBacked > 0 && m.FaultsFired > 0, "seed " + seed + " exercised the device");
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

        [TestMethod]
        public void WritebackAndReadBackAllocateNothing()
        {
            var clock = new ManualClock();
            PageStore store = NewStore(clock);
            store.AttachBackingStore(new FaultyBackingStore(RecordCodec.HeaderSize + 1024, 16, 1, 0));
            StoreClient a = store.Register("a", 8);
            StoreClient b = store.Register("b", 4);
            byte[][] pages = new byte[8][];
            for (int i = 0; i < 8; i++)
            {
                pages[i] = new byte[1024];
                if (i == 7) StoreFixtures.Random(pages[i], 3);
                else StoreFixtures.Structured(pages[i], (uint)(i % 5)); // slots 5 and 6 repeat 0 and 1: merged
                a.Write(i, pages[i], 0);
                b.Write(i % 4, pages[i], 0);
            }
            var bd = new BdStat();
            var mm = new MmStat();
            byte[] back = new byte[1024];
            long allocated = 0;
            for (int round = 0; round < 20; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                while (store.MergeSlice(64) > 0) { }
                store.MarkAllIdle();
                int n = store.Writeback(round % 3 == 0 ? WritebackMode.Huge : WritebackMode.Idle, 16);
                for (int i = 0; i < 8; i++) a.Read(i, back, 0);
                for (int i = 0; i < 4; i++) b.Read(i, back, 0);
                a.Discard(round % 8);
                a.Write(round % 8, pages[round % 8], 0);
                store.GetBdStat(bd);
                store.GetMmStat(mm);
                if (round >= 2) allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.IsTrue(n > 0, "round " + round + " wrote back");
            }
            Assert.AreEqual(0L, allocated, "bytes allocated by writeback, read-back, discard and stats once warm");
            store.CheckInvariants();
        }

        [TestMethod]
        public void AttachingCountsTheRecordTablesInMetadata()
        {
            PageStore store = NewStore(new ManualClock());
            int before = store.StoreOwnBytes;
            store.AttachBackingStore(new FaultyBackingStore(RecordCodec.HeaderSize + 1024, 16, 1, 0));
            // bitmap 24, generations 84, references 60, record buffer 1080, batch 2 × 156, objects 180 + 60 + 84.
            Assert.AreEqual(1884, store.StoreOwnBytes - before);
            Assert.AreEqual(store.StoreOwnBytes + store.Pool.MetadataBytes, store.MetadataBytes);
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
