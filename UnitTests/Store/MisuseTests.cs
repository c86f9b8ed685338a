// Misuse throws the documented exception and changes nothing (io_stat's InvalidIo counts it): unknown
// slot, null or short buffer, negative offset, released client; another store's client (counted in neither
// store); registration errors. "Nothing" is checked
// by a fingerprint of every stat and every slot's content taken before and after.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class MisuseTests
    {
        /// <summary>A store with two clients holding compressed, same-filled, raw and merged pages.</summary>
        private static PageStore Populated(out StoreClient a, out StoreClient b)
        {
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, new ManualClock());
            a = store.Register("a", 6);
            b = store.Register("b", 4);
            byte[] page = new byte[1024];
            for (int i = 0; i < 6; i++)
            {
                if (i == 2) StoreFixtures.Same(page, 0x01010101);
                else if (i == 3) StoreFixtures.Random(page, 9);
                else StoreFixtures.Structured(page, (uint)(i % 2));
                Assert.AreEqual(StoreResult.Ok, a.Write(i, page, 0));
            }
            StoreFixtures.Structured(page, 1);
            b.Write(1, page, 0);
            store.MergeSlice(3);
            return store;
        }

        /// <summary>Every stat (InvalidIo apart) and a hash of every slot of the clients.</summary>
        private static long Fingerprint(PageStore store, StoreClient a, StoreClient b)
        {
            MmStat mm = new MmStat();
            IoStat io = new IoStat();
            store.GetMmStat(mm);
            store.GetIoStat(io);
            long f = mm.OrigDataSize * 31 + mm.ComprDataSize;
            f = f * 31 + mm.MemUsedTotal;
            f = f * 31 + mm.SamePages;
            f = f * 31 + mm.HugePages;
            f = f * 31 + mm.HugePagesSince;
            f = f * 31 + mm.PagesMerged;
            f = f * 31 + io.FailedReads;
            f = f * 31 + io.FailedWrites;
            f = f * 31 + io.NotifyFree;
            f = f * 31 + store.UnscannedPages;
            f = f * 31 + store.ClientCount;
            byte[] buffer = new byte[1024];
            StoreClient[] clients = { a, b };
            for (int k = 0; k < clients.Length; k++)
            {
                if (clients[k].IsReleased) continue;
                for (int s = 0; s < clients[k].SlotCount; s++)
                {
                    Assert.AreEqual(StoreResult.Ok, clients[k].Read(s, buffer, 0));
                    for (int i = 0; i < buffer.Length; i++) f = f * 1000003 + buffer[i];
                }
            }
            store.CheckInvariants();
            return f;
        }

        private static long InvalidIo(PageStore store)
        {
            IoStat io = new IoStat();
            store.GetIoStat(io);
            return io.InvalidIo;
        }

        [TestMethod]
        public void BadSlotsAndBuffersThrowAndChangeNothing()
        {
            StoreClient a, b;
            PageStore store = Populated(out a, out b);
            long before = Fingerprint(store, a, b);
            byte[] page = new byte[1024];
            byte[] shortBuffer = new byte[1023];
            StoreFixtures.Structured(page, 77);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.Write(6, page, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.Write(-1, page, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => b.Read(4, page, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => b.Discard(4));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => b.IsIdle(4, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => a.Write(0, null, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => a.Read(0, null, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => a.Write(0, shortBuffer, 0));
            Assert.ThrowsException(typeof(ArgumentException), () => a.Write(0, page, 1));
            Assert.ThrowsException(typeof(ArgumentException), () => a.Read(0, page, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.Write(0, page, -4));
            Assert.AreEqual(11L, InvalidIo(store));
            Assert.AreEqual(before, Fingerprint(store, a, b), "nothing changed");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.MergeSlice(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Compact(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.MemLimit = -1);
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.GetMmStat(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.GetIoStat(null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => a.GetStats(null));
            Assert.AreEqual(before, Fingerprint(store, a, b), "nothing changed");
        }

        [TestMethod]
        public void ReleasedClientThrowsObjectDisposed()
        {
            StoreClient a, b;
            PageStore store = Populated(out a, out b);
            a.Release();
            long before = Fingerprint(store, a, b);
            long invalid = InvalidIo(store);
            byte[] page = new byte[1024];
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.Write(0, page, 0));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.Read(0, page, 0));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.Discard(0));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.Release());
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.GetStats(new ClientStats()));
            Assert.ThrowsException(typeof(ObjectDisposedException), () => a.IsIdle(0, 0));
            Assert.AreEqual(invalid + 6, InvalidIo(store));
            Assert.AreEqual(before, Fingerprint(store, a, b), "nothing changed");
        }

        [TestMethod]
        public void ClientOfAnotherStoreIsRejectedAndCountedInNeither()
        {
            StoreClient a, b;
            PageStore store = Populated(out a, out b);
            PageStore other = StoreFixtures.Make(64 * 1024, 1024, new ManualClock());
            StoreClient inside = other.Register("inside", 2);                   // slots within this store's table
            other.Register("filler", store.SlotCount);
            StoreClient beyond = other.Register("beyond", 4);                   // slots past its end
            long before = Fingerprint(store, a, b);
            long invalid = InvalidIo(store), otherInvalid = InvalidIo(other);
            Assert.ThrowsException(typeof(ArgumentException), () => store.IsOnBackingStore(beyond, 3));
            Assert.ThrowsException(typeof(ArgumentException), () => store.IsOnBackingStore(inside, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.IsOnBackingStore(null, 0));
            Assert.AreEqual(invalid, InvalidIo(store), "another store's client is not this store's invalid_io");
            Assert.AreEqual(otherInvalid, InvalidIo(other));
            Assert.AreEqual(before, Fingerprint(store, a, b), "nothing changed");
        }

        [TestMethod]
        public void RegistrationErrors()
        {
            StoreConfig cfg = StoreConfig.ForArena(16 * 1024, 1024);
            cfg.SlotCount = 10;
            cfg.MaxClients = 2;
            PageStore store = StoreFixtures.Make(16 * 1024, cfg, new ManualClock());
            Assert.ThrowsException(typeof(ArgumentNullException), () => store.Register(null, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Register("x", 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.Register("x", 11));
            StoreClient a = store.Register("a", 4);
            Assert.ThrowsException(typeof(InvalidOperationException), () => store.Register("big", 7));
            StoreClient b = store.Register("b", 6);
            Assert.ThrowsException(typeof(InvalidOperationException), () => store.Register("c", 1));
            Assert.AreEqual(2, store.ClientCount);
            Assert.AreEqual(0, store.UnassignedSlots);
            a.Release();
            Assert.AreEqual(1, store.ClientCount);
            Assert.AreSame(b, store.GetClient(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => store.GetClient(1));
            StoreClient c = store.Register("c", 3);
            Assert.AreEqual(2, store.ClientCount);
            Assert.IsTrue(c.Id > b.Id, "ids are never reused");
            store.CheckInvariants();
        }

        [TestMethod]
        public void BadConfigurationsAreRejected()
        {
            ManualClock clock = new ManualClock();
            ZramEmbedded.Allocator.Pool.ZsPool pool = new ZramEmbedded.Allocator.Pool.ZsPool(new byte[8192],
                StoreConfig.PoolConfigFor(8192, 1024));
            StoreConfig c = StoreConfig.ForArena(8192, 1024);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new PageStore(null, c, clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new PageStore(pool, null, clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new PageStore(pool, c, null));
            c.PageSize = 1022;
            Assert.ThrowsException(typeof(ArgumentException), () => new PageStore(pool, c, clock));
            c.PageSize = 8192;
            Assert.ThrowsException(typeof(ArgumentException), () => new PageStore(pool, c, clock));
            c.PageSize = 1024;
            c.SlotCount = 0;
            Assert.ThrowsException(typeof(ArgumentException), () => new PageStore(pool, c, clock));
            c.SlotCount = 8;
            c.MergeTableSize = -1;
            Assert.ThrowsException(typeof(ArgumentException), () => new PageStore(pool, c, clock));
        }
    }
}
