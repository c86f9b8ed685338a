// Merging identical pages: the RFC review's scenario spelled out, and reference-count edge cases (a write
// to one of three merged slots, discarding all of them, releasing a client whose merged pages another
// client shares). Every step checks what each slot reads and the store's invariants.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class MergeTests
    {
        private static void AssertReads(StoreClient c, int slot, byte[] expected, byte[] buffer, string what)
        {
            Assert.AreEqual(StoreResult.Ok, c.Read(slot, buffer, 0), what);
            Assert.IsTrue(StoreFixtures.Equal(expected, buffer), what);
        }

        private static void FullMerge(PageStore store)
        {
            while (store.MergeSlice(64) > 0) { }
        }

        /// <summary>
        /// The review (Chen Wandun on RFC 1/4): slots 2 and 3 share obj2 after a scan; slot 0 is then rewritten
        /// with a page equal to obj2. The RFC skipped the merge because obj2 already had two references, so the
        /// duplicate survived. Here the next scan must merge slot 0 into obj2 and free its object: three
        /// slots, one object.
        /// </summary>
        [TestMethod]
        public void ReviewCaseAlreadySharedObjectStillMerges()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, clock);
            StoreClient c = store.Register("app", 5);
            byte[][] obj = new byte[5][];
            for (int i = 0; i < 5; i++)
            {
                obj[i] = new byte[1024];
                StoreFixtures.Structured(obj[i], (uint)(10 + i));
            }
            StoreFixtures.Structured(obj[3], 12); // obj3 equals obj2
            for (int i = 0; i < 5; i++) Assert.AreEqual(StoreResult.Ok, c.Write(i, obj[i], 0));
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            long fiveObjects = mm.ComprDataSize;
            FullMerge(store);
            store.GetMmStat(mm);
            Assert.AreEqual(1L, mm.PagesMerged, "slot 3 merged into slot 2's object");
            store.CheckInvariants();

            byte[] obj0n = new byte[1024];
            StoreFixtures.Structured(obj0n, 12); // slot 0 now equals obj2
            Assert.AreEqual(StoreResult.Ok, c.Write(0, obj0n, 0));
            FullMerge(store);
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged, "slot 0 joins the already shared object");
            Assert.AreEqual(0, store.UnscannedPages);
            byte[] buffer = new byte[1024];
            AssertReads(c, 0, obj[2], buffer, "slot 0");
            AssertReads(c, 1, obj[1], buffer, "slot 1");
            AssertReads(c, 2, obj[2], buffer, "slot 2");
            AssertReads(c, 3, obj[2], buffer, "slot 3");
            AssertReads(c, 4, obj[4], buffer, "slot 4");
            store.CheckInvariants();
            ClientStats cs = new ClientStats();
            c.GetStats(cs);
            Assert.AreEqual(3, cs.Merged, "three slots share one object");
            Assert.AreEqual(5, cs.Pages);
            Assert.IsTrue(mm.ComprDataSize < fiveObjects, "duplicates freed");
        }

        /// <summary>Three slots with one page, merged: one object, PagesMerged 2; the store's object counts agree.</summary>
        private static PageStore ThreeMerged(out StoreClient c, out byte[] page)
        {
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, new ManualClock());
            c = store.Register("app", 4);
            page = new byte[1024];
            StoreFixtures.Structured(page, 7);
            for (int i = 0; i < 3; i++) Assert.AreEqual(StoreResult.Ok, c.Write(i, page, 0));
            FullMerge(store);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged);
            Assert.AreEqual(1, store.MergeEntries);
            Assert.AreEqual(1, PoolObjects(store));
            store.CheckInvariants();
            return store;
        }

        private static int PoolObjects(PageStore store)
        {
            ZramEmbedded.Allocator.Pool.PoolStats ps = new ZramEmbedded.Allocator.Pool.PoolStats();
            store.Pool.GetStats(ps);
            return ps.ObjectsInUse;
        }

        private static long PagesMerged(PageStore store)
        {
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            return mm.PagesMerged;
        }

        [TestMethod]
        public void WriteToOneOfThreeMergedSlotsLeavesTheOthers()
        {
            StoreClient c;
            byte[] page;
            PageStore store = ThreeMerged(out c, out page);
            byte[] other = new byte[1024];
            StoreFixtures.Structured(other, 8);
            Assert.AreEqual(StoreResult.Ok, c.Write(1, other, 0));
            byte[] buffer = new byte[1024];
            AssertReads(c, 0, page, buffer, "slot 0 keeps the shared page");
            AssertReads(c, 1, other, buffer, "slot 1 has its new page");
            AssertReads(c, 2, page, buffer, "slot 2 keeps the shared page");
            Assert.AreEqual(1L, PagesMerged(store));
            Assert.AreEqual(2, PoolObjects(store), "the shared object and slot 1's new one");
            store.CheckInvariants();
            // Writing the shared page again into slot 1 makes a new object, which the next scan merges back.
            Assert.AreEqual(StoreResult.Ok, c.Write(1, page, 0));
            Assert.AreEqual(2, PoolObjects(store));
            FullMerge(store);
            Assert.AreEqual(2L, PagesMerged(store));
            Assert.AreEqual(1, PoolObjects(store));
            store.CheckInvariants();
        }

        [TestMethod]
        public void DiscardingEveryMergedSlotFreesTheObjectWithTheLast()
        {
            StoreClient c;
            byte[] page;
            PageStore store = ThreeMerged(out c, out page);
            c.Discard(1);
            Assert.AreEqual(1L, PagesMerged(store));
            Assert.AreEqual(1, PoolObjects(store));
            c.Discard(0);
            Assert.AreEqual(0L, PagesMerged(store));
            Assert.AreEqual(1, PoolObjects(store), "slot 2 still references it");
            byte[] buffer = new byte[1024];
            AssertReads(c, 2, page, buffer, "last reference reads");
            c.Discard(2);
            Assert.AreEqual(0, PoolObjects(store), "freed with the last reference");
            Assert.AreEqual(0, store.MergeEntries);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.ComprDataSize);
            Assert.AreEqual(0L, mm.OrigDataSize);
            store.CheckInvariants();
        }

        [TestMethod]
        public void ReleasingAClientThatSharesObjectsKeepsTheOtherClientsPages()
        {
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, new ManualClock());
            StoreClient a = store.Register("a", 4);
            StoreClient b = store.Register("b", 4);
            byte[] p1 = new byte[1024];
            byte[] p2 = new byte[1024];
            StoreFixtures.Structured(p1, 21);
            StoreFixtures.Structured(p2, 22);
            a.Write(0, p1, 0);
            a.Write(1, p1, 0);
            a.Write(2, p2, 0);
            b.Write(0, p1, 0);
            b.Write(3, p2, 0);
            FullMerge(store);
            Assert.AreEqual(3L, PagesMerged(store));
            Assert.AreEqual(2, PoolObjects(store));
            ClientStats s = new ClientStats();
            a.GetStats(s);
            Assert.AreEqual(3, s.Pages);
            Assert.AreEqual(3, s.Merged);
            Assert.AreEqual(0L, s.ExclusiveBytes, "b shares both of a's objects");
            store.CheckInvariants();
            a.Release();
            Assert.IsTrue(a.IsReleased);
            Assert.AreEqual(1, store.ClientCount);
            byte[] buffer = new byte[1024];
            AssertReads(b, 0, p1, buffer, "b slot 0");
            AssertReads(b, 3, p2, buffer, "b slot 3");
            Assert.AreEqual(0L, PagesMerged(store));
            Assert.AreEqual(2, PoolObjects(store));
            b.GetStats(s);
            Assert.AreEqual(0, s.Merged);
            Assert.IsTrue(s.ExclusiveBytes > 0 && s.ExclusiveBytes == s.StoredBytes);
            store.CheckInvariants();
            b.Release();
            Assert.AreEqual(0, PoolObjects(store));
            Assert.AreEqual(0, store.MergeEntries);
            store.CheckInvariants();
        }

        [TestMethod]
        public void SameFilledAndHugePagesInTheMerge()
        {
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, new ManualClock());
            StoreClient c = store.Register("app", 6);
            byte[] page = new byte[1024];
            StoreFixtures.Same(page, 0);
            c.Write(0, page, 0);
            c.Write(1, page, 0);
            StoreFixtures.Random(page, 3);
            c.Write(2, page, 0);
            c.Write(3, page, 0);
            FullMerge(store);
            Assert.AreEqual(1, store.MergeEntries, "same-filled pages never enter the table");
            Assert.AreEqual(1L, PagesMerged(store), "raw duplicates merge too");
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.HugePages);
            Assert.AreEqual(1024L, mm.ComprDataSize);
            byte[] buffer = new byte[1024];
            AssertReads(c, 3, page, buffer, "merged raw page");
            store.CheckInvariants();
        }

        [TestMethod]
        public void FullTableLeavesObjectsForALaterPass()
        {
            StoreConfig cfg = StoreConfig.ForArena(32 * 1024, 1024);
            cfg.MergeTableSize = 2;
            PageStore store = StoreFixtures.Make(32 * 1024, cfg, new ManualClock());
            StoreClient c = store.Register("app", 8);
            byte[] page = new byte[1024];
            for (int i = 0; i < 4; i++)
            {
                StoreFixtures.Structured(page, (uint)(30 + i));
                c.Write(i, page, 0);
            }
            StoreFixtures.Structured(page, 30);
            c.Write(4, page, 0); // duplicate of slot 0, indexed first
            int used = store.MergeSlice(1000);
            Assert.IsTrue(used > 0 && used < 1000, "the slice stops when nothing more can be indexed");
            Assert.AreEqual(2, store.MergeEntries);
            Assert.AreEqual(1L, PagesMerged(store), "slot 4 still finds slot 0's entry");
            Assert.AreEqual(2, store.UnscannedPages, "slots 2 and 3 wait for room");
            store.CheckInvariants();
            c.Discard(0);
            c.Discard(4);
            FullMerge(store);
            Assert.AreEqual(1, store.UnscannedPages);
            store.CheckInvariants();
        }

        [TestMethod]
        public void MergeDisabledDoesNothing()
        {
            StoreConfig cfg = StoreConfig.ForArena(16 * 1024, 1024);
            cfg.MergeTableSize = 0;
            PageStore store = StoreFixtures.Make(16 * 1024, cfg, new ManualClock());
            StoreClient c = store.Register("app", 2);
            byte[] page = new byte[1024];
            StoreFixtures.Structured(page, 1);
            c.Write(0, page, 0);
            c.Write(1, page, 0);
            Assert.AreEqual(0, store.MergeSlice(100));
            Assert.AreEqual(0, store.MergeNow());
            Assert.AreEqual(0L, PagesMerged(store));
            store.CheckInvariants();
        }

        [TestMethod]
        public void MergeNowIsRateLimited()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, clock);
            StoreClient c = store.Register("app", 4);
            byte[] page = new byte[1024];
            StoreFixtures.Structured(page, 40);
            c.Write(0, page, 0);
            c.Write(1, page, 0);
            Assert.AreEqual(1, store.MergeNow());
            c.Write(2, page, 0);
            clock.Advance(999);
            Assert.AreEqual(0, store.MergeNow(), "within the interval");
            clock.Advance(1);
            Assert.AreEqual(1, store.MergeNow());
            Assert.AreEqual(2L, PagesMerged(store));
            store.CheckInvariants();
        }

        [TestMethod]
        public void SliceBudgetBoundsTheWork()
        {
            PageStore store = StoreFixtures.Make(64 * 1024, 1024, new ManualClock());
            StoreClient c = store.Register("app", 40);
            byte[] page = new byte[1024];
            for (int i = 0; i < 40; i++)
            {
                StoreFixtures.Structured(page, (uint)(i % 10));
                c.Write(i, page, 0);
            }
            int slices = 0;
            int used;
            while ((used = store.MergeSlice(5)) > 0)
            {
                Assert.IsTrue(used <= 6, "a slice overshoots by at most one comparison");
                slices++;
                store.CheckInvariants();
            }
            Assert.IsTrue(slices >= 8, "40 slots at 5 units a slice");
            Assert.AreEqual(30L, PagesMerged(store));
            Assert.AreEqual(10, store.MergeEntries);
        }
    }
}
