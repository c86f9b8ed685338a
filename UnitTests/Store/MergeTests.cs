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
    }
}
