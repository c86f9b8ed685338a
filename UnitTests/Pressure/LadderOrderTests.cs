// The reclaim ladder on a full pool: cheaper rungs serve before any kill (compaction, merge, trim — each
// checked by showing the write would fail with no reclaim at all), kills go highest priority first and
// largest first among equals, one at a time, never a protected client nor the writer itself, and a kill
// frees every page of its victim. A write nothing can serve returns NoSpace.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class LadderOrderTests
    {
        [TestMethod]
        public void VictimsInPriorityOrderLargestFirstNeverProtected()
        {
            PressureRig rig = new PressureRig();
            TestApp bg1 = rig.App("bg1", 8, 900);
            TestApp bg2 = rig.App("bg2", 8, 900);
            TestApp svc = rig.App("svc", 10, 500);
            TestApp sys = rig.App("sys", 10, -100);
            TestApp fg = rig.App("fg", 60, 0);
            Assert.AreEqual(4, bg1.Fill(0, 4));
            Assert.AreEqual(6, bg2.Fill(0, 6));
            Assert.AreEqual(8, svc.Fill(0, 8));
            Assert.AreEqual(8, sys.Fill(0, 8));
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0 && slot < 60) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            KillRecord k = rig.Kill(0);
            Assert.AreEqual("bg2", k.Victim, "largest of the two 900s first");
            Assert.IsTrue(bg2.Client.IsReleased);
            Assert.AreEqual(1, bg2.Kills);
            Assert.AreEqual(0, bg1.Kills, "one at a time: one kill served the write");
            // Keep writing: bg1, then svc; then nothing killable is left (sys protected, fg the writer).
            StoreResult r = StoreResult.Ok;
            while (r == StoreResult.Ok && slot < 60) r = fg.Write(slot++);
            Assert.AreEqual(StoreResult.NoSpace, r, "a write nothing can serve returns NoSpace");
            Assert.AreEqual(3L, rig.Pressure.KillLog.TotalKills);
            Assert.AreEqual("svc", rig.Kill(0).Victim);
            Assert.AreEqual("bg1", rig.Kill(1).Victim);
            Assert.AreEqual("bg2", rig.Kill(2).Victim);
            Assert.AreEqual(0, sys.Kills);
            Assert.IsFalse(sys.Client.IsReleased);
            Assert.AreEqual(8, sys.Pages, "the protected client keeps every page");
            Assert.IsFalse(fg.Client.IsReleased, "the writer is never its own victim");
            // Every kill was preceded by trims of everyone, most expendable first.
            Assert.IsTrue(rig.Journal.IndexOf("T:bg2") < rig.Journal.IndexOf("T:bg1"), rig.Journal.ToString());
            Assert.IsTrue(rig.Journal.IndexOf("T:bg1") < rig.Journal.IndexOf("T:svc"), rig.Journal.ToString());
            Assert.IsTrue(rig.Journal.IndexOf("T:sys") < rig.Journal.IndexOf("K:bg2"), rig.Journal.ToString());
            rig.Check();
        }

        [TestMethod]
        public void AKillFreesEveryPageOfTheVictim()
        {
            PressureRig rig = new PressureRig();
            TestApp victim = rig.App("victim", 12, 700);
            TestApp fg = rig.App("fg", 40, 0);
            Assert.AreEqual(12, victim.Fill(0, 12));
            MmStat before = new MmStat();
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0)
            {
                rig.Store.GetMmStat(before);
                Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            }
            MmStat after = new MmStat();
            rig.Store.GetMmStat(after);
            Assert.IsTrue(victim.Client.IsReleased);
            // Pages: the victim's 12 gone, the writer's new one added.
            Assert.AreEqual(before.OrigDataSize - 12L * PressureRig.PageSize + PressureRig.PageSize, after.OrigDataSize);
            KillRecord k = rig.Kill(0);
            Assert.AreEqual(12, k.PagesFreed);
            Assert.IsTrue(k.BytesFreed >= 12 * PressureRig.PageSize, "arena bytes freed " + k.BytesFreed);
            Assert.AreEqual(k.UsedBytesBefore - k.UsedBytesAfter, (long)k.BytesFreed);
            Assert.AreEqual(0, rig.Pressure.Killer.Registered - 1, "the victim's registration is gone");
            rig.Check();
        }

        [TestMethod]
        public void TrimServesBeforeAnyKill()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp svc = rig.App("svc", 12, 500);
            TestApp fg = rig.App("fg", 20, 0);
            bg.CacheStart = 6;
            svc.CacheStart = 6;
            Assert.AreEqual(12, bg.Fill(0, 12));
            Assert.AreEqual(12, svc.Fill(0, 12));
            int slot = fg.Fill(0, 7);
            Assert.IsTrue(rig.WouldFailWithoutReclaim(fg, slot), "precondition: the pool is full");
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            Assert.AreEqual(1, bg.Trims);
            Assert.AreEqual((int)PressureLevel.Critical, (int)bg.LastTrimLevel);
            Assert.AreEqual(0, svc.Trims, "the first trim was enough: the next client is left alone");
            Assert.AreEqual(6, bg.Pages);
            PressureStats s = new PressureStats();
            rig.Pressure.GetStats(s);
            Assert.AreEqual(1L, s.Trims);
            Assert.IsTrue(s.TrimBytes >= 5 * PressureRig.PageSize, "trim bytes " + s.TrimBytes);
            Assert.AreEqual(1L, s.ReclaimSatisfied);
            rig.Check();
        }

        [TestMethod]
        public void MergeServesBeforeTrim()
        {
            PressureRig rig = new PressureRig();
            TestApp a = rig.App("a", 16, 900);
            TestApp b = rig.App("b", 16, 500);
            TestApp fg = rig.App("fg", 8, 0);
            a.CacheStart = 0;
            b.CacheStart = 0;
            for (int i = 0; i < 15; i++)
            {
                Assert.AreEqual(StoreResult.Ok, a.WriteSeed(i, (uint)(77 + i)));
                Assert.AreEqual(StoreResult.Ok, b.WriteSeed(i, (uint)(77 + i))); // duplicates of a's pages
            }
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(0, a.Trims, "merge freed the duplicates: no trim");
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            PressureStats s = new PressureStats();
            rig.Pressure.GetStats(s);
            Assert.IsTrue(s.MergeBytes > 0, "merge bytes " + s.MergeBytes);
            Assert.AreEqual(15, a.Pages);
            rig.Check();
        }

        [TestMethod]
        public void CompactionServesBeforeMerge()
        {
            // Small objects (pages that compress to 80..200 B) share zspages; discarding every other one
            // leaves holes that only compaction turns into free frames.
            PressureRig rig = new PressureRig();
            TestApp a = rig.App("a", 76, 900);
            a.CacheStart = 0;
            byte[] page = rig.Page;
            int n = a.Client.SlotCount;
            for (int i = 0; i < n; i++)
            {
                SmallPage(page, (uint)i);
                Assert.AreEqual(StoreResult.Ok, a.Client.Write(i, page, 0));
            }
            for (int i = 0; i < n; i += 2) a.Client.Discard(i);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            PressureStats before = new PressureStats();
            rig.Pressure.GetStats(before);
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            PressureStats after = new PressureStats();
            rig.Pressure.GetStats(after);
            Assert.IsTrue(after.CompactionBytes > before.CompactionBytes, "compaction gave frames back");
            Assert.AreEqual(before.MergeBytes, after.MergeBytes);
            Assert.AreEqual(0, a.Trims, "compaction was enough: no trim");
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            rig.Check();
        }

        /// <summary>A page that compresses to roughly 80..200 bytes: a random head, zeros after it.</summary>
        private static void SmallPage(byte[] page, uint seed)
        {
            StoreFixtures.Random(page, seed);
            int head = 60 + (int)(seed * 37 % 120);
            for (int i = head; i < page.Length; i++) page[i] = 0;
        }

        [TestMethod]
        public void KillOnlyConfigurationSkipsTheCheapRungs()
        {
            PressureConfig cfg = new PressureConfig();
            cfg.Steps = LadderSteps.Kill;
            PressureRig rig = new PressureRig(cfg);
            TestApp bg = rig.App("bg", 12, 900);
            bg.CacheStart = 0;
            TestApp fg = rig.App("fg", 40, 0);
            Assert.AreEqual(12, bg.Fill(0, 12));
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(0, bg.Trims);
            Assert.AreEqual((int)LadderSteps.None, (int)rig.Kill(0).StepsTried);
        }
    }
}
