// Host-only: registration, unregistration, re-registration and snapshots from several threads at once
// leave the table consistent, and every owner's final state is what its own thread did last.
using System.Threading;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pressure
{
    [TestClass]
    public class RegistrationThreadingTests
    {
        [TestMethod]
        public void ConcurrentRegistrationStaysConsistent()
        {
            const int Threads = 4;
            const int PerThread = 3;
            RegistrationTable t = new RegistrationTable(Threads * PerThread);
            object[] owners = new object[Threads * PerThread];
            bool[] registered = new bool[owners.Length];
            for (int i = 0; i < owners.Length; i++) owners[i] = new object();
            int failures = 0;
            Thread[] threads = new Thread[Threads];
            for (int k = 0; k < Threads; k++)
            {
                int me = k;
                threads[k] = new Thread(() =>
                {
                    SampleRandom rng = new SampleRandom((uint)(100 + me));
                    int[] ids = new int[t.Capacity];
                    for (int step = 0; step < 20000; step++)
                    {
                        int o = me * PerThread + rng.Next(PerThread);
                        switch (rng.Next(4))
                        {
                            case 0:
                            case 1:
                                int id;
                                if (!t.TryRegister(owners[o], "c", rng.Next(-1000, 1001), null, out id)) Interlocked.Increment(ref failures);
                                registered[o] = true;
                                break;
                            case 2:
                                t.UnregisterOwner(owners[o]);
                                registered[o] = false;
                                break;
                            default:
                                int n = t.Snapshot(ids, null, null, null, null);
                                if (n < 0 || n > t.Capacity) Interlocked.Increment(ref failures);
                                break;
                        }
                    }
                });
            }
            foreach (Thread th in threads) th.Start();
            foreach (Thread th in threads) th.Join();
            Assert.AreEqual(0, failures, "a register failed although every owner has a slot");
            t.CheckInvariants();
            int live = 0;
            for (int i = 0; i < owners.Length; i++)
            {
                Assert.AreEqual(registered[i], t.IdOfOwner(owners[i]) != RegistrationTable.NoRegistration);
                if (registered[i]) live++;
            }
            Assert.AreEqual(live, t.Count);
        }
    }
}
