// The reclaim hook (called once when a write does not fit, before NoSpace, with the store consistent and
// re-enterable) and zram's mem_limit / mem_used_max.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    /// <summary>A scripted reclaimer: counts calls and does what the test sets (no instance state in test classes).</summary>
    internal sealed class ScriptedReclaimer : IReclaimer
    {
        internal const int DoNothing = 0;
        internal const int DiscardVictim = 1;
        internal const int ReleaseRequester = 2;
        internal const int MergeThenCompact = 3;
        internal const int NestedWrite = 4;

        internal int Mode;
        internal int Calls;
        internal int LastBytes;
        internal StoreClient Victim;
        internal int VictimSlot;
        internal bool Answer = true;
        internal byte[] NestedPage;
        internal StoreResult NestedResult;

        public bool Reclaim(int bytesNeeded, StoreClient requester)
        {
            Calls++;
            LastBytes = bytesNeeded;
            requester.Store.CheckInvariants(); // consistent when called
            if (Mode == DiscardVictim) Victim.Discard(VictimSlot);
            else if (Mode == ReleaseRequester) requester.Release();
            else if (Mode == MergeThenCompact)
            {
                requester.Store.MergeNow();
                while (requester.Store.Compact(4096) > 0) { }
            }
            else if (Mode == NestedWrite) NestedResult = Victim.Write(VictimSlot, NestedPage, 0);
            return Answer;
        }
    }

    [TestClass]
    public class ReclaimAndLimitTests
    {
        /// <summary>Fills a 16 KiB store of 4 KiB pages with raw pages until a write fails; returns slots filled.</summary>
        private static int FillRaw(StoreClient c, byte[] page, uint seed)
        {
            int n = 0;
            while (n < c.SlotCount)
            {
                StoreFixtures.Random(page, seed + (uint)n);
                if (c.Write(n, page, 0) != StoreResult.Ok) break;
                n++;
            }
            return n;
        }

        [TestMethod]
        public void HookFreesAVictimAndTheWriteIsRetried()
        {
            PageStore store = StoreFixtures.Make(16 * 1024, 4096, new ManualClock());
            StoreClient victim = store.Register("victim", 4);
            StoreClient app = store.Register("app", 4);
            byte[] page = new byte[4096];
            int n = FillRaw(victim, page, 50);
            Assert.IsTrue(n >= 2);
            ScriptedReclaimer r = new ScriptedReclaimer();
            r.Mode = ScriptedReclaimer.DiscardVictim;
            r.Victim = victim;
            r.VictimSlot = 0;
            store.Reclaimer = r;
            StoreFixtures.Random(page, 500);
            Assert.AreEqual(StoreResult.Ok, app.Write(0, page, 0));
            Assert.AreEqual(1, r.Calls);
            Assert.AreEqual(4096, r.LastBytes, "a raw page needs the page size");
            byte[] back = new byte[4096];
            app.Read(0, back, 0);
            Assert.IsTrue(StoreFixtures.Equal(page, back));
            Assert.IsFalse(victim.HasData(0));
            store.CheckInvariants();
        }

        [TestMethod]
        public void HookThatFreesNothingIsCalledOnce()
        {
            PageStore store = StoreFixtures.Make(16 * 1024, 4096, new ManualClock());
            StoreClient app = store.Register("app", 8);
            byte[] page = new byte[4096];
            int n = FillRaw(app, page, 60);
            ScriptedReclaimer r = new ScriptedReclaimer();
            r.Answer = true; // claims success but frees nothing: one retry, then NoSpace
            store.Reclaimer = r;
            StoreFixtures.Random(page, 600);
            Assert.AreEqual(StoreResult.NoSpace, app.Write(n, page, 0));
            Assert.AreEqual(1, r.Calls);
            r.Answer = false;
            Assert.AreEqual(StoreResult.NoSpace, app.Write(n, page, 0));
            Assert.AreEqual(2, r.Calls);
            Assert.IsFalse(app.HasData(n));
            store.CheckInvariants();
        }

        [TestMethod]
        public void HookMayReleaseTheRequester()
        {
            PageStore store = StoreFixtures.Make(16 * 1024, 4096, new ManualClock());
            StoreClient app = store.Register("app", 8);
            byte[] page = new byte[4096];
            int n = FillRaw(app, page, 70);
            ScriptedReclaimer r = new ScriptedReclaimer();
            r.Mode = ScriptedReclaimer.ReleaseRequester;
            store.Reclaimer = r;
            Assert.AreEqual(StoreResult.NoSpace, app.Write(n, page, 0));
            Assert.IsTrue(app.IsReleased);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.OrigDataSize);
            store.CheckInvariants();
        }

        [TestMethod]
        public void HookMayMergeAndCompactThroughTheStore()
        {
            // The arena is full of pages that are pairwise equal; the hook merges them. The failed write's
            // compressed bytes sat in the scratch buffer the merge reuses, so the retry must start over.
            PageStore store = StoreFixtures.Make(16 * 1024, 1024, new ManualClock());
            StoreClient app = store.Register("app", 64);
            byte[] page = new byte[1024];
            int n = 0;
            while (n < 64)
            {
                StoreFixtures.Random(page, (uint)(n / 2));
                if (app.Write(n, page, 0) != StoreResult.Ok) break;
                n++;
            }
            Assert.IsTrue(n < 64, "arena full");
            ScriptedReclaimer r = new ScriptedReclaimer();
            r.Mode = ScriptedReclaimer.MergeThenCompact;
            store.Reclaimer = r;
            byte[] fresh = new byte[1024];
            StoreFixtures.Structured(fresh, 99);
            Assert.AreEqual(StoreResult.Ok, app.Write(n, fresh, 0));
            Assert.AreEqual(1, r.Calls);
            byte[] back = new byte[1024];
            app.Read(n, back, 0);
            Assert.IsTrue(StoreFixtures.Equal(fresh, back), "the retried write stored the right page");
            for (int i = 0; i < n; i++)
            {
                StoreFixtures.Random(page, (uint)(i / 2));
                app.Read(i, back, 0);
                Assert.IsTrue(StoreFixtures.Equal(page, back), "merged pages intact");
            }
            store.CheckInvariants();
        }

        [TestMethod]
        public void NestedWriteFromTheHookDoesNotRecurse()
        {
            PageStore store = StoreFixtures.Make(16 * 1024, 4096, new ManualClock());
            StoreClient app = store.Register("app", 8);
            StoreClient other = store.Register("other", 2);
            byte[] page = new byte[4096];
            int n = FillRaw(app, page, 80);
            ScriptedReclaimer r = new ScriptedReclaimer();
            r.Mode = ScriptedReclaimer.NestedWrite;
            r.Victim = other;
            r.VictimSlot = 0;
            r.NestedPage = new byte[4096];
            StoreFixtures.Random(r.NestedPage, 801);
            r.Answer = false;
            store.Reclaimer = r;
            Assert.AreEqual(StoreResult.NoSpace, app.Write(n, page, 0));
            Assert.AreEqual(1, r.Calls, "the nested write did not call the hook");
            Assert.AreEqual(StoreResult.NoSpace, r.NestedResult);
            IoStat io = new IoStat();
            store.GetIoStat(io);
            Assert.AreEqual(3L, io.FailedWrites, "the fill's, the nested and the outer");
            store.CheckInvariants();
        }

        [TestMethod]
        public void MemLimitIsHonoured()
        {
            PageStore store = StoreFixtures.Make(32 * 1024, 1024, new ManualClock());
            StoreClient app = store.Register("app", 32);
            store.MemLimit = 4096;
            byte[] page = new byte[1024];
            int n = 0;
            MmStat mm = new MmStat();
            while (n < 32)
            {
                StoreFixtures.Random(page, (uint)(900 + n));
                if (app.Write(n, page, 0) != StoreResult.Ok) break;
                n++;
                store.GetMmStat(mm);
                Assert.IsTrue(mm.MemUsedTotal <= 4096, "never past the limit");
            }
            Assert.IsTrue(n >= 2 && n < 5, "about four raw 1 KiB pages under a 4 KiB limit");
            StoreFixtures.Same(page, 0);
            Assert.AreEqual(StoreResult.Ok, app.Write(n, page, 0), "same-filled pages need no memory");
            store.GetMmStat(mm);
            Assert.AreEqual(4096L, mm.MemLimit);
            long peak = mm.MemUsedMax;
            Assert.IsTrue(peak >= mm.MemUsedTotal && peak <= 4096);
            store.MemLimit = 0;
            StoreFixtures.Random(page, 999);
            Assert.AreEqual(StoreResult.Ok, app.Write(n + 1, page, 0), "no limit");
            for (int i = 0; i <= n + 1; i++) app.Discard(i);
            store.GetMmStat(mm);
            Assert.IsTrue(mm.MemUsedMax > peak, "high watermark kept");
            store.ResetMemUsedMax();
            store.GetMmStat(mm);
            Assert.AreEqual(mm.MemUsedTotal, mm.MemUsedMax);
            store.CheckInvariants();
        }

        [TestMethod]
        public void CompactionIsCountedAndKeepsContent()
        {
            PageStore store = StoreFixtures.Make(64 * 1024, 1024, new ManualClock());
            StoreClient app = store.Register("app", 120);
            byte[] page = new byte[1024];
            int n = 0;
            while (n < 120)
            {
                StoreFixtures.Structured(page, (uint)(n + 1000));
                if (app.Write(n, page, 0) != StoreResult.Ok) break;
                n++;
            }
            for (int i = 0; i < n; i++)
                if (i % 3 != 0) app.Discard(i); // keep every third page: zspages left a third full
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            long usedBefore = mm.MemUsedTotal;
            int moved = 0, m;
            while ((m = store.Compact(1024)) > 0) moved += m;
            store.GetMmStat(mm);
            Assert.IsTrue(moved > 0);
            Assert.IsTrue(mm.PagesCompacted > 0, "frames released by compaction");
            Assert.IsTrue(mm.MemUsedTotal < usedBefore);
            byte[] back = new byte[1024];
            for (int i = 0; i < n; i += 3)
            {
                StoreFixtures.Structured(page, (uint)(i + 1000));
                app.Read(i, back, 0);
                Assert.IsTrue(StoreFixtures.Equal(page, back));
            }
            store.CheckInvariants();
        }
    }
}
