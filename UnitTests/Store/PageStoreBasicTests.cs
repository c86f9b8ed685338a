// The store's basic behaviours one at a time: each kind of page round-trips and lands in the right
// counter, empty and discarded slots read zeros, a failed write keeps the old content, idle tracking.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class PageStoreBasicTests
    {
        [TestMethod]
        public void EachKindRoundTripsAndIsCounted()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, clock);
            StoreClient c = store.Register("app", 8);
            byte[] page = new byte[1024];
            byte[] back = new byte[1024];
            MmStat mm = new MmStat();

            StoreFixtures.Structured(page, 1);
            Assert.AreEqual(StoreResult.Ok, c.Write(0, page, 0));
            Assert.AreEqual(StoreResult.Ok, c.Read(0, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(page, back), "structured page");

            StoreFixtures.Same(page, 0xDEADBEEF);
            Assert.AreEqual(StoreResult.Ok, c.Write(1, page, 0));
            Assert.AreEqual(StoreResult.Ok, c.Read(1, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(page, back), "same-filled page");

            StoreFixtures.Random(page, 2);
            Assert.AreEqual(StoreResult.Ok, c.Write(2, page, 0));
            Assert.AreEqual(StoreResult.Ok, c.Read(2, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(page, back), "incompressible page");

            store.GetMmStat(mm);
            Assert.AreEqual(3L * 1024, mm.OrigDataSize);
            Assert.AreEqual(1L, mm.SamePages);
            Assert.AreEqual(1L, mm.HugePages);
            Assert.AreEqual(1L, mm.HugePagesSince);
            Assert.IsTrue(mm.ComprDataSize > 1024 && mm.ComprDataSize < 2048, "one raw page plus one compressed");
            Assert.IsTrue(mm.MemUsedTotal >= mm.ComprDataSize);
            store.CheckInvariants();

            Assert.AreEqual(StoreResult.Ok, c.Read(5, back, 0));
            for (int i = 0; i < back.Length; i++) Assert.AreEqual((byte)0, back[i], "never-written slot reads zeros");
            c.Discard(2);
            Assert.AreEqual(StoreResult.Ok, c.Read(2, back, 0));
            for (int i = 0; i < back.Length; i++) Assert.AreEqual((byte)0, back[i], "discarded slot reads zeros");
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.HugePages);
            Assert.AreEqual(1L, mm.HugePagesSince);
            store.CheckInvariants();
        }

        [TestMethod]
        public void FailedWriteKeepsOldContent()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(16 * 1024, 4096, clock);
            StoreClient c = store.Register("app", 16);
            byte[] page = new byte[4096];
            byte[] back = new byte[4096];
            int stored = 0;
            for (int i = 0; i < 16; i++)
            {
                StoreFixtures.Random(page, (uint)(100 + i));
                if (c.Write(i, page, 0) != StoreResult.Ok) break;
                stored++;
            }
            Assert.IsTrue(stored >= 2 && stored < 16, "arena fills with raw pages");
            IoStat io = new IoStat();
            store.GetIoStat(io);
            Assert.AreEqual(1L, io.FailedWrites);
            // Overwrite a stored slot with a page that cannot fit: the old page must still read back.
            StoreFixtures.Random(page, 999);
            Assert.AreEqual(StoreResult.NoSpace, c.Write(0, page, 0));
            Assert.AreEqual(StoreResult.Ok, c.Read(0, back, 0));
            StoreFixtures.Random(page, 100);
            Assert.IsTrue(StoreFixtures.Equal(page, back), "slot 0 still holds its old page");
            store.CheckInvariants();
            // A same-filled page never needs arena space.
            StoreFixtures.Same(page, 0);
            Assert.AreEqual(StoreResult.Ok, c.Write(stored, page, 0));
        }

        [TestMethod]
        public void IdleTrackingFollowsAccesses()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(16 * 1024, 1024, clock);
            StoreClient c = store.Register("app", 4);
            byte[] page = new byte[1024];
            StoreFixtures.Structured(page, 5);
            c.Write(0, page, 0);
            c.Write(1, page, 0);
            Assert.IsFalse(c.IsIdle(0, 100));
            Assert.IsFalse(c.IsIdle(3, 0), "an empty slot is never idle");
            clock.Advance(150);
            c.Read(1, page, 0);
            Assert.IsTrue(c.IsIdle(0, 100));
            Assert.IsFalse(c.IsIdle(1, 100), "read 0 ms ago");
            Assert.IsFalse(c.IsIdle(1, 0));
            store.MarkAllIdle();
            Assert.IsTrue(c.IsIdle(1, 0), "marked idle");
            c.Read(1, page, 0);
            Assert.IsFalse(c.IsIdle(1, 0), "an access clears the mark");
            clock.Advance(50);
            store.MarkIdle(100);
            Assert.IsTrue(c.IsIdle(0, 0), "200 ms old: marked");
            Assert.IsFalse(c.IsIdle(1, 0), "50 ms old: not marked");
        }
    }
}
