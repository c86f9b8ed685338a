// Idle reclaim and the kill log: idle kills only at critical pressure and only after the cooldown since
// the last kill, trims once per pressure episode, every kill logged with its reason (which watermark,
// which failed write and for whom), the steps tried before it and the pool before and after; requested
// kills; protected clients refuse a requested kill.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class KillPolicyTests
    {
        [TestMethod]
        public void IdleKillsWaitForTheCooldown()
        {
            PressureConfig cfg = new PressureConfig();
            cfg.KillCooldownMs = 1000;
            PressureRig rig = new PressureRig(cfg);
            TestApp a = rig.App("a", 12, 900);
            TestApp b = rig.App("b", 12, 800);
            TestApp sys = rig.App("sys", 40, -500);
            Assert.AreEqual(10, a.Fill(0, 10));
            Assert.AreEqual(10, b.Fill(0, 10));
            int slot = sys.Fill(0, 11);
            Assert.AreEqual((int)PressureLevel.Critical, (int)rig.Pressure.Update());
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(1L, rig.Pressure.KillLog.TotalKills);
            KillRecord k = rig.Kill(0);
            Assert.AreEqual("a", k.Victim);
            Assert.AreEqual((int)KillReason.BelowMinWatermark, (int)k.Reason);
            Assert.IsNull(k.Requester);
            Assert.AreEqual((int)PressureLevel.Critical, (int)k.LevelBefore);
            Assert.IsTrue((int)k.LevelAfter < (int)PressureLevel.Critical);
            Assert.IsTrue((k.StepsTried & LadderSteps.Trim) != 0, "trims came first");
            // Back to critical: the protected app fills what the kill freed (writes fit: no write kill).
            while (rig.FreeFrames >= 9) Assert.AreEqual(StoreResult.Ok, sys.Write(slot++));
            Assert.AreEqual((int)PressureLevel.Critical, (int)rig.Pressure.Update());
            rig.Clock.Advance(999);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(1L, rig.Pressure.KillLog.TotalKills, "inside the cooldown");
            Assert.IsFalse(b.Client.IsReleased);
            rig.Clock.Advance(1);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(2L, rig.Pressure.KillLog.TotalKills, "cooldown over");
            Assert.AreEqual("b", rig.Kill(0).Victim);
            Assert.AreEqual(1000L, rig.Kill(0).TimeMs - rig.Kill(1).TimeMs);
            // Nothing killable left: idle reclaim at critical kills no one else.
            while (rig.FreeFrames >= 9) Assert.AreEqual(StoreResult.Ok, sys.Write(slot++));
            rig.Clock.Advance(5000);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(2L, rig.Pressure.KillLog.TotalKills);
            Assert.AreEqual(0, sys.Kills);
            rig.Check();
        }

        [TestMethod]
        public void IdleReclaimDoesNotKillWhileTrimsGiveSpaceBack()
        {
            PressureRig rig = new PressureRig();
            TestApp a = rig.App("a", 16, 900);
            TestApp b = rig.App("b", 20, 800);
            a.CacheStart = 4;
            Assert.AreEqual(14, a.Fill(0, 14));
            int slot = 0;
            while (rig.FreeFrames >= 5) Assert.AreEqual(StoreResult.Ok, b.Write(slot++));
            Assert.AreEqual((int)PressureLevel.Critical, (int)rig.Pressure.Update());
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(1, a.Trims);
            Assert.AreEqual(4, a.Pages, "the cache went");
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            Assert.IsTrue((int)rig.Pressure.Level < (int)PressureLevel.Critical);
            rig.Check();
        }

        [TestMethod]
        public void IdleReclaimDoesNotKillAVictimTooSmallToHelp()
        {
            PressureRig rig = new PressureRig();
            TestApp tiny = rig.App("tiny", 4, 950);
            TestApp sys = rig.App("sys", 40, -100);
            Assert.AreEqual(1, tiny.Fill(0, 1));
            int slot = 0;
            while (rig.FreeFrames >= 2) Assert.AreEqual(StoreResult.Ok, sys.Write(slot++));
            Assert.AreEqual((int)PressureLevel.Critical, (int)rig.Pressure.Update());
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills, "one page would not end the critical state");
            Assert.IsFalse(tiny.Client.IsReleased);
            Assert.AreEqual(1, tiny.Trims);
            rig.Check();
        }

        [TestMethod]
        public void IdleReclaimFollowsTheLevel()
        {
            PressureRig rig = new PressureRig();
            TestApp a = rig.App("a", 40, 900);
            a.CacheStart = 35;
            // Low pressure (below the high watermark, above low): compaction and merge only, no trim.
            int slot = 0;
            while (rig.Pressure.Update() == PressureLevel.None) Assert.AreEqual(StoreResult.Ok, a.Write(slot++));
            Assert.AreEqual((int)PressureLevel.Low, (int)rig.Pressure.Level);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(0, a.Trims);
            // Medium: one trim per trim round (TrimIntervalMs), even over several idle slices.
            while (rig.Pressure.Update() < PressureLevel.Medium) Assert.AreEqual(StoreResult.Ok, a.Write(slot++));
            Assert.IsTrue(slot <= 35, "the cache slots are not written yet: the trim frees nothing");
            rig.Pressure.RunIdle(50);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(1, a.Trims);
            Assert.AreEqual((int)PressureLevel.Medium, (int)a.LastTrimLevel);
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills, "no kill below critical");
            rig.Clock.Advance(1000);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(2, a.Trims, "a new round after the interval");
            // Pressure easing below medium ends the round; the next rise trims at once.
            for (int s = 0; s < slot; s++) a.Client.Discard(s);
            rig.Pressure.RunIdle(50);
            Assert.AreEqual((int)PressureLevel.None, (int)rig.Pressure.Level);
            slot = 0;
            while (rig.Pressure.Update() < PressureLevel.Medium) Assert.AreEqual(StoreResult.Ok, a.Write(slot++));
            rig.Pressure.RunIdle(50);
            Assert.AreEqual(3, a.Trims);
            rig.Check();
        }

        [TestMethod]
        public void WriteKillsAreLoggedWithRequesterAndSteps()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp fg = rig.App("fg", 40, 100);
            Assert.AreEqual(12, bg.Fill(0, 12));
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            KillRecord k = rig.Kill(0);
            Assert.AreEqual((int)KillReason.WriteDidNotFit, (int)k.Reason);
            Assert.AreEqual("bg", k.Victim);
            Assert.AreEqual(900, k.Priority);
            Assert.AreEqual("fg", k.Requester);
            Assert.AreEqual(PressureRig.PageSize, k.RequestBytes, "a raw page");
            Assert.AreEqual((int)(LadderSteps.Compaction | LadderSteps.Merge | LadderSteps.Trim), (int)k.StepsTried,
                "no writeback rung without a backing store");
            Assert.AreEqual((long)PressureRig.ArenaBytes, k.CapacityBytes);
            Assert.IsTrue(k.UsedBytesBefore > k.UsedBytesAfter);
            Assert.AreEqual((int)PressureLevel.Critical, (int)k.LevelBefore);
            Assert.AreEqual(rig.Clock.Milliseconds, k.TimeMs);
            Assert.AreEqual(1L, rig.Pressure.KillLog.KillsFor(KillReason.WriteDidNotFit));
        }

        [TestMethod]
        public void RequestedKillsRespectProtection()
        {
            PressureRig rig = new PressureRig();
            TestApp a = rig.App("a", 8, 300);
            TestApp sys = rig.App("sys", 8, -1);
            a.Fill(0, 3);
            sys.Fill(0, 3);
            Assert.IsFalse(rig.Pressure.Kill(sys.Id), "protected");
            Assert.IsFalse(sys.Client.IsReleased);
            Assert.IsFalse(rig.Pressure.Kill(12345), "unknown id");
            Assert.IsTrue(rig.Pressure.Kill(a.Id));
            Assert.IsTrue(a.Client.IsReleased);
            Assert.AreEqual(1, a.Kills);
            KillRecord k = rig.Kill(0);
            Assert.AreEqual((int)KillReason.Requested, (int)k.Reason);
            Assert.AreEqual(3, k.PagesFreed);
            Assert.IsFalse(rig.Pressure.Kill(a.Id), "already gone");
            rig.Check();
        }

        [TestMethod]
        public void LevelChangesFromTheStoreDoNotFlap()
        {
            // One raw page (1 KiB = 1.6 % of 64 KiB) written and discarded again and again right at the high
            // watermark: the default 2.5 % hysteresis gives one change; none gives one per crossing.
            Assert.AreEqual(1, LevelEventsWhileHovering(Watermarks.DefaultHysteresisPermille), "hysteresis: no flapping");
            Assert.AreEqual(41, LevelEventsWhileHovering(0), "without hysteresis every crossing is an event");
        }

        /// <summary>Level events over 20 discard/write cycles at the high watermark (one 64 KiB rig, dropped on return).</summary>
        private static int LevelEventsWhileHovering(int hysteresisPermille)
        {
            PressureConfig cfg = new PressureConfig();
            cfg.HysteresisPermille = hysteresisPermille;
            PressureRig rig = new PressureRig(cfg, 64 * 1024);
            LevelRecorder rec = new LevelRecorder();
            rec.Attach(rig.Pressure.Watermarks);
            TestApp a = rig.App("a", 60, 0);
            int slot = 0;
            while (rig.Pressure.Update() == PressureLevel.None) Assert.AreEqual(StoreResult.Ok, a.Write(slot++));
            Assert.AreEqual(1, rec.Events);
            for (int i = 0; i < 20; i++)
            {
                a.Client.Discard(slot - 1);
                rig.Pressure.Update();
                Assert.AreEqual(StoreResult.Ok, a.Write(slot - 1));
                rig.Pressure.Update();
            }
            rig.Check();
            return rec.Events;
        }
    }
}
