// Hooks that call back into the store or the killer during a reclaim: writing (gets an answer, no
// deadlock, no nested ladder), discarding, releasing their client, unregistering, restarting, throwing
// (logged, counted as freed nothing, the ladder goes on). Whatever the hooks do, every call ends, the
// writer gets Ok or NoSpace — never an exception — and the store and killer stay consistent.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class ReentrancyTests
    {
        /// <summary>bg (900) and mid (500) hold 10 pages each, fg (0) fills the rest; returns fg's next slot.</summary>
        private static int FillUp(PressureRig rig, TestApp bg, TestApp mid, TestApp fg)
        {
            Assert.AreEqual(10, bg.Fill(0, 10));
            Assert.AreEqual(10, mid.Fill(0, 10));
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            return slot;
        }

        [TestMethod]
        public void TrimHookThatWritesGetsAnAnswer()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            bg.OnTrim = HookAction.WritePage;
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.IsTrue(bg.HookWriteTried);
            Assert.AreEqual(StoreResult.NoSpace, bg.HookWriteResult, "the pool is full and a write inside a reclaim does not reclaim");
            Assert.AreEqual(1, bg.Kills, "then bg was killed for fg's write");
            rig.Check();
        }

        [TestMethod]
        public void TrimHookThatWritesAfterFreeingDoesNotLoop()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            bg.CacheStart = 9;            // gives back one page...
            bg.OnTrim = HookAction.WritePage; // ...and takes it again
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.AreEqual(StoreResult.Ok, bg.HookWriteResult);
            Assert.AreEqual(1, bg.Trims, "one trim per client per reclaim call");
            rig.Check();
        }

        [TestMethod]
        public void KillHookThatReleasesItsClient()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            bg.OnKill = HookAction.ReleaseClient;
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.IsTrue(bg.Client.IsReleased);
            KillRecord k = rig.Kill(0);
            Assert.AreEqual("bg", k.Victim);
            Assert.AreEqual(10, k.PagesFreed);
            Assert.IsFalse(k.HookFailed);
            Assert.AreEqual(2, rig.Pressure.Killer.Registered);
            rig.Check();
        }

        [TestMethod]
        public void TrimHookThatReleasesOrUnregisters()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            bg.OnTrim = HookAction.ReleaseClient; // the app quits when asked for memory
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills, "quitting freed enough");
            Assert.AreEqual(0, mid.Trims);
            // mid unregisters when trimmed: it is never killed afterwards.
            mid.OnTrim = HookAction.Unregister;
            StoreResult r = StoreResult.Ok;
            while (r == StoreResult.Ok && slot < 40) r = fg.Write(slot++);
            Assert.AreEqual(StoreResult.NoSpace, r);
            Assert.AreEqual(1, mid.Trims);
            Assert.AreEqual(0, mid.Kills, "unregistered: not a victim");
            Assert.IsFalse(mid.Client.IsReleased);
            Assert.AreEqual(1, rig.Pressure.Killer.Registered, "only fg left (bg's stale entry dropped)");
            rig.Check();
        }

        [TestMethod]
        public void ThrowingHooksAreLoggedAndTheLadderGoesOn()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            bg.OnTrim = HookAction.Throw;
            bg.OnKill = HookAction.Throw;
            mid.CacheStart = 5;
            mid.OnTrim = HookAction.None;
            // bg's trim throws: the ladder carries on with mid's trim, which frees enough.
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(1, bg.Trims);
            Assert.AreEqual(1, mid.Trims);
            PressureStats s = new PressureStats();
            rig.Pressure.GetStats(s);
            Assert.AreEqual(1L, s.HookFailures);
            Assert.AreEqual("bg", s.LastHookFailure);
            Assert.AreEqual(0L, rig.Pressure.KillLog.TotalKills);
            // Fill again: bg is killed, its throwing Kill hook is logged, its pages are freed anyway.
            while (rig.Pressure.KillLog.TotalKills == 0) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            KillRecord k = rig.Kill(0);
            Assert.AreEqual("bg", k.Victim);
            Assert.IsTrue(k.HookFailed);
            Assert.IsTrue(bg.Client.IsReleased);
            Assert.AreEqual(10, k.PagesFreed);
            rig.Check();
        }

        [TestMethod]
        public void KillHookThatRestartsTheApp()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp mid = rig.App("mid", 12, 500);
            TestApp fg = rig.App("fg", 40, 0);
            int slot = FillUp(rig, bg, mid, fg);
            StoreClient old = bg.Client;
            bg.OnKill = HookAction.Restart; // releases itself and registers a fresh, empty client
            Assert.AreEqual(StoreResult.Ok, fg.Write(slot));
            Assert.IsTrue(old.IsReleased);
            Assert.IsFalse(bg.Client.IsReleased);
            Assert.IsTrue(rig.Pressure.Killer.IsRegistered(bg.Id), "the restarted app is registered");
            Assert.AreEqual(0, bg.Pages);
            Assert.AreEqual(1L, rig.Pressure.KillLog.TotalKills);
            rig.Check();
        }

        [TestMethod]
        public void WriterWhoseTrimReleasesItselfGetsNoSpace()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, -10);   // protected: nobody to kill
            TestApp fg = rig.App("fg", 40, 0);
            Assert.AreEqual(10, bg.Fill(0, 10));
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            fg.OnTrim = HookAction.ReleaseClient;
            Assert.AreEqual(StoreResult.NoSpace, fg.Write(slot));
            Assert.IsTrue(fg.Client.IsReleased);
            rig.Check();
        }

        [TestMethod]
        public void IdleReclaimFromInsideAHookIsRefused()
        {
            PressureRig rig = new PressureRig();
            NestedIdleApp nested = new NestedIdleApp(rig.Pressure);
            StoreClient c = rig.Store.Register("nested", 4);
            int id;
            Assert.IsTrue(rig.Pressure.TryRegister(c, 800, nested, out id));
            TestApp fg = rig.App("fg", 40, 0);
            int slot = 0;
            while (!rig.WouldFailWithoutReclaim(fg, slot)) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            Assert.AreEqual(StoreResult.NoSpace, fg.Write(slot));
            Assert.AreEqual(1, nested.Calls);
            Assert.AreEqual(0, nested.Freed, "the ladder was running: the nested idle slice did nothing");
            Assert.IsFalse(nested.NestedKill, "and a nested kill request was refused");
            rig.Check();
        }
    }

    /// <summary>A client whose Trim tries to run the ladder again (idle slice and a kill).</summary>
    public sealed class NestedIdleApp : ILowMemoryClient
    {
        private readonly MemoryPressure _pressure;
        public int Calls;
        public int Freed = -1;
        public bool NestedKill;

        public NestedIdleApp(MemoryPressure pressure)
        {
            _pressure = pressure;
        }

        public void Trim(PressureLevel level)
        {
            Calls++;
            Freed = _pressure.RunIdle(10);
            NestedKill = _pressure.Kill(0);
        }

        public void Kill()
        {
        }
    }
}
