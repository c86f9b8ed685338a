// The ladder's writeback rung over the store: idle reclaim takes only pages older than IdleAgeMs, an
// urgent call takes the oldest pages whatever their age, huge ones first, until the bytes are freed; and
// wired into MemoryPressure, a write that does not fit is satisfied by writeback instead of a kill.
// Host-only because the device test assembly is at its IL size limit (the code is nano-subset).
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Backing;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Backing
{
    [TestClass]
    public class StoreWritebackStepTests
    {
        private const int Page = 1024;

        [TestMethod]
        public void IdleReclaimTakesOnlyOldPagesUrgentTakesTheOldest()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(32 * 1024, Page, clock);
            FaultyBackingStore dev = new FaultyBackingStore(RecordCodec.HeaderSize + Page, 16, 1, 64);
            StoreWritebackStep step = new StoreWritebackStep(store, clock);
            Assert.AreEqual(0, step.WriteBack(1000, 10, true), "no backing store yet: nothing");
            store.AttachBackingStore(dev);
            StoreClient c = store.Register("app", 8);
            byte[] p = new byte[Page];
            for (int i = 0; i < 6; i++)
            {
                if (i == 4) StoreFixtures.Random(p, 9);
                else StoreFixtures.Structured(p, (uint)(20 + i));
                c.Write(i, p, 0);
                clock.Advance(i < 2 ? 70000 : 1000); // slots 0 and 1 are old
            }
            step.IdleAgeMs = 60000;
            Assert.AreEqual(2, step.WriteBack(100000, 100, false), "only the two pages older than a minute");
            Assert.AreEqual(0, dev.LogSlot(0));
            Assert.AreEqual(1, dev.LogSlot(1));
            dev.ClearLog();
            Assert.AreEqual(1, step.WriteBack(1, 100, true), "urgent: the huge page first, and one is enough");
            Assert.AreEqual(4, dev.LogSlot(0));
            Assert.AreEqual(3, step.WriteBack(100000, 100, true), "then the rest, oldest first");
            Assert.AreEqual(2, dev.LogSlot(1));
            Assert.AreEqual(3, dev.LogSlot(2));
            Assert.AreEqual(5, dev.LogSlot(3));
            store.CheckInvariants();
        }

        [TestMethod]
        public void TheLadderWritesBackInsteadOfKilling()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(32 * 1024, Page, clock);
            store.AttachBackingStore(new FaultyBackingStore(RecordCodec.HeaderSize + Page, 24, 1, 8));
            MemoryPressure pressure = new MemoryPressure(store, null, clock);
            pressure.Writeback = new StoreWritebackStep(store, clock);
            StoreClient c = store.Register("app", 64);
            int id;
            Assert.IsTrue(pressure.TryRegister(c, 0, null, out id));
            byte[] p = new byte[Page];
            int written = 0;
            for (int i = 0; i < 50; i++)
            {
                StoreFixtures.Random(p, (uint)(500 + i)); // raw pages: the 32 KiB arena holds about 31
                clock.Advance(10);
                if (c.Write(i, p, 0) == StoreResult.Ok) written++;
            }
            Assert.AreEqual(50, written, "every write fitted");
            PressureStats ps = new PressureStats();
            pressure.GetStats(ps);
            Assert.AreEqual(0L, ps.Kills);
            Assert.IsTrue(ps.WritebackPages > 0);
            for (int i = 0; i < 50; i++)
            {
                StoreFixtures.Random(p, (uint)(500 + i));
                byte[] back = new byte[Page];
                Assert.AreEqual((int)StoreResult.Ok, (int)c.Read(i, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(p, back), "slot " + i.ToString());
            }
            store.CheckInvariants();
        }
    }
}
