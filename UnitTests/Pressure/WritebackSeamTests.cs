// The writeback rung's seam (IWritebackStep): the ladder calls it after merge and before trims, counts
// what it gave back, skips it when none is configured, and carries on when it throws.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class WritebackSeamTests
    {
        [TestMethod]
        public void WritebackServesBeforeTrims()
        {
            PressureRig rig = new PressureRig();
            TestApp cold = rig.App("cold", 12, 0);
            TestApp bg = rig.App("bg", 12, 900);
            bg.CacheStart = 0;
            TestApp fg = rig.App("fg", 40, 100);
            Assert.AreEqual(10, cold.Fill(0, 10));
            Assert.AreEqual(10, bg.Fill(0, 10));
            FakeWriteback wb = new FakeWriteback(cold.Client);
            rig.Pressure.Writeback = wb;
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(1, wb.Calls);
            Assert.IsTrue(wb.LastUrgent);
            Assert.IsTrue(wb.LastBytesWanted >= PressureRig.PageSize);
            Assert.AreEqual(0, bg.Trims, "writeback was enough");
            PressureStats s = new PressureStats();
            rig.Pressure.GetStats(s);
            Assert.AreEqual(2L, s.WritebackPages);
            Assert.IsTrue(s.WritebackBytes >= 2 * PressureRig.PageSize, "writeback bytes " + s.WritebackBytes);
            rig.Check();
        }

        [TestMethod]
        public void ThrowingWritebackIsSkipped()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            bg.CacheStart = 0;
            TestApp fg = rig.App("fg", 40, 100);
            Assert.AreEqual(10, bg.Fill(0, 10));
            FakeWriteback wb = new FakeWriteback(null);
            rig.Pressure.Writeback = wb;
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(1, wb.Calls);
            Assert.AreEqual(1, bg.Trims, "the ladder went on to the trims");
            rig.Check();
        }
    }

    /// <summary>Stands in for the writeback helper: "writes back" (here: discards) two pages of one client; throws without one.</summary>
    public sealed class FakeWriteback : IWritebackStep
    {
        private readonly StoreClient _victim;
        public int Calls;
        public int LastBytesWanted;
        public bool LastUrgent;

        public FakeWriteback(StoreClient victim)
        {
            _victim = victim;
        }

        public int WriteBack(int bytesWanted, int budgetMs, bool urgent)
        {
            Calls++;
            LastBytesWanted = bytesWanted;
            LastUrgent = urgent;
            if (_victim == null) throw new InvalidOperationException("backing store failed (test)");
            int done = 0;
            for (int s = 0; s < _victim.SlotCount && done < 2; s++)
            {
                if (!_victim.HasData(s)) continue;
                _victim.Discard(s);
                done++;
            }
            return done;
        }
    }
}
