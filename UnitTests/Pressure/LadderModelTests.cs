// A randomized run (fixed seeds) of apps writing, discarding and restarting on a small store where a
// protected app alone can nearly fill the pool (so some writes must fail): whatever
// happens, no protected app is ever killed, no write fails while another killable app holds a page's
// worth of pool bytes only it uses (a kill could have served it), every kill is logged, and the store
// and the killer stay consistent.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class LadderModelTests
    {
        [TestMethod]
        public void RandomOverloadKeepsTheRules()
        {
            for (uint seed = 1; seed <= 3; seed++) Run(seed);
        }

        private static void Run(uint seed)
        {
            PressureRig rig = new PressureRig();
            SampleRandom rng = new SampleRandom(seed);
            string[] names = { "sys", "ui", "bg", "cache" };
            int[] priorities = { -100, 0, 600, 900 };
            int[] cacheStarts = { 40, 14, 8, 2 };
            int[] slots = { 40, 24, 24, 24 };   // the protected app alone can nearly fill the pool
            TestApp[] apps = new TestApp[names.Length];
            for (int i = 0; i < apps.Length; i++)
            {
                apps[i] = rig.App(names[i], slots[i], priorities[i]);
                apps[i].CacheStart = cacheStarts[i];
            }
            ClientStats cs = new ClientStats();
            int failures = 0;
            for (int op = 0; op < 800; op++)
            {
                rig.Clock.Advance(1);
                int k = rng.Next(apps.Length);
                TestApp a = apps[k];
                if (a.Client.IsReleased)
                {
                    // A killed app restarts empty (a new client and registration).
                    apps[k] = rig.App(names[k], slots[k], priorities[k]);
                    apps[k].CacheStart = cacheStarts[k];
                    continue;
                }
                int slot = rng.Next(slots[k]);
                if (rng.Next(5) == 0)
                {
                    a.Client.Discard(slot);
                }
                else if (a.Write(slot) != StoreResult.Ok)
                {
                    failures++;
                    for (int j = 0; j < apps.Length; j++)
                    {
                        TestApp o = apps[j];
                        if (o == a || o.Client.IsReleased || priorities[j] < 0) continue;
                        o.Client.GetStats(cs);
                        Assert.IsTrue(cs.ExclusiveBytes < PressureRig.PageSize,
                            "seed " + seed.ToString() + " op " + op.ToString() + ": a write failed while " + names[j] + " held " + cs.ExclusiveBytes.ToString() + " B");
                    }
                }
                if ((op & 15) == 0) rig.Pressure.RunIdle(5);
                if ((op & 63) == 0) rig.Check();
            }
            OutputHelper.WriteLine("seed " + seed.ToString() + ": " + failures.ToString() + " writes failed, " + rig.Pressure.KillLog.TotalKills.ToString() + " kills");
            Assert.IsTrue(failures > 0, "some writes found nothing killable (seed " + seed.ToString() + ")");
            Assert.AreEqual(0, apps[0].Kills, "the protected app");
            Assert.IsFalse(apps[0].Client.IsReleased);
            long kills = rig.Pressure.KillLog.TotalKills;
            Assert.IsTrue(kills > 0, "the run reached the kill rung (seed " + seed.ToString() + ")");
            PressureStats s = new PressureStats();
            rig.Pressure.GetStats(s);
            Assert.AreEqual(kills, s.Kills);
            Assert.IsTrue(s.Trims > kills, "trims came first");
            KillRecord r = new KillRecord();
            for (int age = 0; rig.Pressure.KillLog.TryGet(age, r); age++)
            {
                Assert.IsTrue(r.Priority >= 0, "logged victim " + r.Victim + " was killable");
                Assert.IsTrue(r.Victim != "sys");
            }
            rig.Check();
        }
    }
}
