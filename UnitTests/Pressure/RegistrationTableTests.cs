// RegistrationTable: register / unregister / re-register, stale ids that match nothing, a full table
// as a result (not an exception), misuse rejected without a change, and a randomized model check.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class RegistrationTableTests
    {
        [TestMethod]
        public void RegisterGivesDistinctIdsAndSnapshotsShowEntries()
        {
            RegistrationTable t = new RegistrationTable(4);
            object a = new object();
            object b = new object();
            int ida;
            int idb;
            Assert.IsTrue(t.TryRegister(a, "a", 900, null, out ida));
            Assert.IsTrue(t.TryRegister(b, "b", RegistrationTable.DefaultPriority, null, out idb));
            Assert.AreNotEqual(ida, idb);
            Assert.AreEqual(2, t.Count);
            Assert.AreEqual("a", t.NameOf(ida));
            Assert.AreSame(b, t.OwnerOf(idb));
            Assert.AreEqual(idb, t.IdOfOwner(b));
            int p;
            Assert.IsTrue(t.TryGetPriority(ida, out p));
            Assert.AreEqual(900, p);
            int[] ids = new int[4];
            int[] prios = new int[4];
            string[] names = new string[4];
            Assert.AreEqual(2, t.Snapshot(ids, prios, null, names, null));
            Assert.AreEqual(ida, ids[0]);
            Assert.AreEqual("b", names[1]);
            Assert.AreEqual(0, prios[1]);
            t.CheckInvariants();
        }

        [TestMethod]
        public void ReRegisteringUpdatesInPlace()
        {
            RegistrationTable t = new RegistrationTable(2);
            object a = new object();
            int id1;
            int id2;
            t.TryRegister(a, "a", 100, null, out id1);
            Assert.IsTrue(t.TryRegister(a, "a2", 700, null, out id2));
            Assert.AreEqual(id1, id2);
            Assert.AreEqual(1, t.Count);
            Assert.AreEqual("a2", t.NameOf(id1));
            int p;
            t.TryGetPriority(id1, out p);
            Assert.AreEqual(700, p);
            t.CheckInvariants();
        }

        [TestMethod]
        public void StaleIdsMatchNothingAfterSlotReuse()
        {
            RegistrationTable t = new RegistrationTable(1);
            object a = new object();
            object b = new object();
            int ida;
            int idb;
            t.TryRegister(a, "a", 500, null, out ida);
            Assert.IsTrue(t.Unregister(ida));
            Assert.IsFalse(t.Unregister(ida), "twice");
            Assert.IsTrue(t.TryRegister(b, "b", 10, null, out idb));
            Assert.AreNotEqual(ida, idb);
            Assert.IsFalse(t.IsRegistered(ida));
            Assert.IsFalse(t.SetPriority(ida, 1000), "a stale id must not reach b");
            Assert.IsFalse(t.Unregister(ida));
            Assert.IsNull(t.NameOf(ida));
            int p;
            t.TryGetPriority(idb, out p);
            Assert.AreEqual(10, p);
            Assert.AreEqual(1, t.Count);
            Assert.IsFalse(t.Unregister(-5));
            Assert.IsFalse(t.Unregister(int.MaxValue));
            t.CheckInvariants();
        }

        [TestMethod]
        public void FullTableIsAResult()
        {
            RegistrationTable t = new RegistrationTable(2);
            int id;
            Assert.IsTrue(t.TryRegister(new object(), "x", 0, null, out id));
            Assert.IsTrue(t.TryRegister(new object(), "y", 0, null, out id));
            Assert.IsFalse(t.TryRegister(new object(), "z", 0, null, out id));
            Assert.AreEqual(RegistrationTable.NoRegistration, id);
            Assert.AreEqual(2, t.Count);
            t.CheckInvariants();
        }

        [TestMethod]
        public void MisuseThrowsAndChangesNothing()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RegistrationTable(0));
            RegistrationTable t = new RegistrationTable(3);
            object a = new object();
            int id;
            t.TryRegister(a, "a", 5, null, out id);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { int x; t.TryRegister(new object(), "p", 1001, null, out x); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { int x; t.TryRegister(a, "p", -1001, null, out x); });
            Assert.ThrowsException(typeof(ArgumentNullException), () => { int x; t.TryRegister(null, "p", 0, null, out x); });
            Assert.ThrowsException(typeof(ArgumentNullException), () => { int x; t.TryRegister(new object(), null, 0, null, out x); });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => t.SetPriority(id, 2000));
            Assert.ThrowsException(typeof(ArgumentNullException), () => t.UnregisterOwner(null));
            Assert.ThrowsException(typeof(ArgumentException), () => t.Snapshot(new int[2], null, null, null, null));
            Assert.AreEqual(1, t.Count);
            Assert.AreEqual("a", t.NameOf(id));
            int p;
            t.TryGetPriority(id, out p);
            Assert.AreEqual(5, p);
            t.CheckInvariants();
        }

        [TestMethod]
        public void ProtectionIsBelowZero()
        {
            Assert.IsTrue(RegistrationTable.IsProtected(-1));
            Assert.IsTrue(RegistrationTable.IsProtected(RegistrationTable.MinPriority));
            Assert.IsFalse(RegistrationTable.IsProtected(0));
            Assert.IsFalse(RegistrationTable.IsProtected(RegistrationTable.DefaultPriority));
        }

        [TestMethod]
        public void RandomOperationsMatchAModel()
        {
            const int Owners = 12;
            RegistrationTable t = new RegistrationTable(8);
            object[] owners = new object[Owners];
            int[] modelId = new int[Owners];      // NoRegistration when not registered
            int[] modelPrio = new int[Owners];
            for (int i = 0; i < Owners; i++)
            {
                owners[i] = new object();
                modelId[i] = RegistrationTable.NoRegistration;
            }
            int[] staleIds = new int[64];
            int stale = 0;
            SampleRandom rng = new SampleRandom(23);
            for (int step = 0; step < 3000; step++)
            {
                int o = rng.Next(Owners);
                int op = rng.Next(5);
                if (op <= 1)
                {
                    int prio = rng.Next(-1000, 1001);
                    int live = 0;
                    for (int i = 0; i < Owners; i++) if (modelId[i] != RegistrationTable.NoRegistration) live++;
                    int id;
                    bool ok = t.TryRegister(owners[o], "o", prio, null, out id);
                    bool expectOk = modelId[o] != RegistrationTable.NoRegistration || live < 8;
                    Assert.AreEqual(expectOk, ok);
                    if (ok)
                    {
                        if (modelId[o] != RegistrationTable.NoRegistration) Assert.AreEqual(modelId[o], id);
                        modelId[o] = id;
                        modelPrio[o] = prio;
                    }
                }
                else if (op == 2)
                {
                    bool had = modelId[o] != RegistrationTable.NoRegistration;
                    Assert.AreEqual(had, t.Unregister(had ? modelId[o] : 12345));
                    if (had)
                    {
                        staleIds[stale++ & 63] = modelId[o];
                        modelId[o] = RegistrationTable.NoRegistration;
                    }
                }
                else if (op == 3 && stale > 0)
                {
                    int sid = staleIds[rng.Next(stale < 64 ? stale : 64)];
                    bool live = false;
                    for (int i = 0; i < Owners; i++) if (modelId[i] == sid) live = true;
                    Assert.AreEqual(live, t.IsRegistered(sid));
                }
                else
                {
                    Assert.AreEqual(modelId[o], t.IdOfOwner(owners[o]));
                    if (modelId[o] != RegistrationTable.NoRegistration)
                    {
                        int p;
                        Assert.IsTrue(t.TryGetPriority(modelId[o], out p));
                        Assert.AreEqual(modelPrio[o], p);
                    }
                }
                if ((step & 31) == 0) t.CheckInvariants();
            }
            t.CheckInvariants();
        }
    }
}
