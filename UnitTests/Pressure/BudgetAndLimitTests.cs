// The reclaim budget and mem_limit: slow hooks stop the ladder at its budget plus one hook, and the next
// writes skip the trims that timed out and kill at once; with mem_limit set, capacity and levels follow the limit and
// the ladder reclaims to fit under it. Misuse of registration and configuration is rejected.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class BudgetAndLimitTests
    {
        [TestMethod]
        public void SlowTrimsRunIntoTheBudgetThenOneKill()
        {
            PressureConfig cfg = new PressureConfig();
            cfg.ReclaimBudgetMs = 20;
            PressureRig rig = new PressureRig(cfg);
            SlowApp[] slow = new SlowApp[4];
            for (int i = 0; i < slow.Length; i++)
            {
                slow[i] = new SlowApp(rig.Clock, 15);
                slow[i].Client = rig.Store.Register("s" + i, 8);
                int id;
                Assert.IsTrue(rig.Pressure.TryRegister(slow[i].Client, 900 - i, slow[i], out id));
                for (int s = 0; s < 5; s++)
                {
                    StoreFixtures.Random(rig.Page, (uint)(i * 100 + s));
                    Assert.AreEqual(StoreResult.Ok, slow[i].Client.Write(s, rig.Page, 0));
                }
            }
            TestApp fg = rig.App("fg", 30, 0);
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            long start = rig.Clock.Milliseconds;
            // Trims of 15 ms each: the second one ends past the 20 ms budget, so neither a third trim nor
            // a kill may start: the write gets NoSpace within budget plus one hook.
            Assert.AreEqual(StoreResult.NoSpace, fg.Write(slot));
            Assert.AreEqual(1, slow[0].Trims);
            Assert.AreEqual(1, slow[1].Trims);
            Assert.AreEqual(0, slow[2].Trims);
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            long took = rig.Clock.Milliseconds - start;
            Assert.IsTrue(took <= 20 + 15, "budget plus one hook: " + took);
            // The next write skips the trims that timed out and kills at once (one hook).
            start = rig.Clock.Milliseconds;
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(1, slow[0].Trims, "no second trim pass inside TrimIntervalMs");
            Assert.AreEqual(1L, rig.Pressure.KillLog.TotalKills);
            Assert.AreEqual("s0", rig.Kill(0).Victim);
            Assert.AreEqual((int)(LadderSteps.Compaction | LadderSteps.Merge), (int)rig.Kill(0).StepsTried);
            Assert.AreEqual(15L, rig.Clock.Milliseconds - start);
            PressureStats s2 = new PressureStats();
            rig.Pressure.GetStats(s2);
            Assert.AreEqual(30L, s2.WorstReclaimMs);
        }

        [TestMethod]
        public void MemLimitIsTheCapacity()
        {
            PressureRig rig = new PressureRig();
            rig.Store.MemLimit = 16 * 1024;
            TestApp bg = rig.App("bg", 14, 900);
            TestApp fg = rig.App("fg", 30, 0);
            Assert.AreEqual(13, bg.Fill(0, 13));
            // 13 raw 1 KiB pages leave about 15 % of the 16 KiB limit free: low pressure, though the
            // 32 KiB arena is more than half empty.
            Assert.AreEqual((int)PressureLevel.Low, (int)rig.Pressure.Update());
            Assert.AreEqual(16L * 1024, rig.Pressure.Watermarks.CapacityBytes);
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0 && slot < 30) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.IsTrue(slot <= 4, "the limit, not the 32 KiB arena, ran out: " + slot);
            MmStat mm = new MmStat();
            rig.Store.GetMmStat(mm);
            Assert.IsTrue(mm.MemUsedTotal <= 16 * 1024);
            Assert.AreEqual(16L * 1024, rig.Kill(0).CapacityBytes);
        }

        [TestMethod]
        public void RegistrationMisuseIsRejected()
        {
            PressureRig rig = new PressureRig();
            PressureRig other = new PressureRig();
            StoreClient foreign = other.Store.Register("x", 2);
            int id;
            Assert.ThrowsException(typeof(ArgumentException), () => { int i; rig.Pressure.TryRegister(foreign, 0, null, out i); });
            Assert.ThrowsException(typeof(ArgumentNullException), () => { int i; rig.Pressure.TryRegister(null, 0, null, out i); });
            StoreClient gone = rig.Store.Register("gone", 2);
            gone.Release();
            Assert.ThrowsException(typeof(ObjectDisposedException), () => { int i; rig.Pressure.TryRegister(gone, 0, null, out i); });
            StoreClient c = rig.Store.Register("c", 2);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { int i; rig.Pressure.TryRegister(c, 5000, null, out i); });
            // Every entry point that takes a client rejects another store's (and null) before it touches anything.
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Pressure.Killer.Unregister(foreign));
            Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Pressure.Killer.Unregister((StoreClient)null));
            Assert.ThrowsException(typeof(ArgumentException), () => rig.Pressure.Ladder.Reclaim(1024, foreign));
            Assert.AreEqual(0, rig.Pressure.Killer.Registered);
            Assert.AreEqual(0, other.Pressure.Killer.Registered);
            Assert.IsFalse(foreign.IsReleased);
            Assert.IsTrue(rig.Pressure.TryRegister(c, 0, null, out id), "no hooks is allowed: the killer still releases the client");
            Assert.IsTrue(rig.Pressure.Kill(id));
            Assert.IsTrue(c.IsReleased);
            rig.Check();
        }

        [TestMethod]
        public void MetadataIsFixedAndCounted()
        {
            PressureRig rig = new PressureRig();
            MemoryPressure p = rig.Pressure;
            int bytes = p.MetadataBytes;
            Assert.AreEqual(bytes, 72 + p.Watermarks.MetadataBytes + p.KillLog.MetadataBytes + p.Killer.MetadataBytes + p.Ladder.MetadataBytes);
            OutputHelper.WriteLine("pressure metadata " + bytes.ToString() + " B (kill log " + p.KillLog.MetadataBytes.ToString() + " B)");
            Assert.IsTrue(bytes > 2000 && bytes < 5000, "pressure metadata " + bytes); // 3.9 KB with 8 clients and 16 log records
            PressureStats s = new PressureStats();
            p.GetStats(s);
            Assert.AreEqual(bytes, s.MetadataBytes);
        }

        [TestMethod]
        public void BadConfigurationIsRejected()
        {
            PressureRig rig = new PressureRig();
            PressureConfig cfg = new PressureConfig();
            cfg.ReclaimBudgetMs = 0;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MemoryPressure(rig.Store, cfg, rig.Clock));
            cfg = new PressureConfig();
            cfg.LowFreePermille = 300; // above high
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MemoryPressure(rig.Store, cfg, rig.Clock));
            cfg = new PressureConfig();
            cfg.Steps = (LadderSteps)64;
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new MemoryPressure(rig.Store, cfg, rig.Clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new MemoryPressure(null, null, rig.Clock));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => rig.Pressure.RunIdle(0));
            Assert.AreSame(rig.Pressure.Ladder, rig.Store.Reclaimer, "a rejected construction left the store alone");
        }
    }

    /// <summary>A client whose Trim and Kill take `hookMs` of the manual clock (a slow app).</summary>
    public sealed class SlowApp : ILowMemoryClient
    {
        private readonly ManualClock _clock;
        private readonly int _hookMs;
        public StoreClient Client;
        public int Trims;

        public SlowApp(ManualClock clock, int hookMs)
        {
            _clock = clock;
            _hookMs = hookMs;
        }

        public void Trim(PressureLevel level)
        {
            Trims++;
            _clock.Advance(_hookMs);
        }

        public void Kill()
        {
            _clock.Advance(_hookMs);
        }
    }
}
