// Writeback through the page store, one behaviour at a time, on the fault-injecting backing store: each
// mode picks the right pages oldest first within the budget and writeback_limit; a written-back page
// leaves the arena and reads back (bd_reads) into RAM; every fault kind fails that page only; a failed
// write keeps the page in RAM; merged pages go out once and come back once; discards and releases free
// records; bd_stat adds up; pages the recompressor made smaller (some against its dictionary) go out in the
// fast form and come back as ordinary pages. Every step also runs the store's invariant check.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Backing
{
    [TestClass]
    public class WritebackTests
    {
        private const int Page = 1024;

        private static PageStore NewStore(ManualClock clock, FaultyBackingStore dev)
        {
            PageStore store = StoreFixtures.Make(32 * 1024, Page, clock);
            store.AttachBackingStore(dev);
            return store;
        }

        private static FaultyBackingStore NewDevice(int records)
        {
            return new FaultyBackingStore(RecordCodec.HeaderSize + Page, records, 1, 64);
        }

        private static byte[] Structured(uint seed)
        {
            byte[] p = new byte[Page];
            StoreFixtures.Structured(p, seed);
            return p;
        }

        private static void AssertReads(StoreClient c, int slot, byte[] expected, string what)
        {
            byte[] back = new byte[Page];
            Assert.AreEqual((int)StoreResult.Ok, (int)c.Read(slot, back, 0), what);
            Assert.IsTrue(StoreFixtures.Equal(expected, back), what);
        }

        /// <summary>Writes structured pages seed 100+i into slots 0..n-1, one clock tick apart; returns them.</summary>
        private static byte[][] Fill(StoreClient c, ManualClock clock, int n)
        {
            byte[][] pages = new byte[n][];
            for (int i = 0; i < n; i++)
            {
                pages[i] = Structured((uint)(100 + i));
                Assert.AreEqual((int)StoreResult.Ok, (int)c.Write(i, pages[i], 0));
                clock.Advance(1);
            }
            return pages;
        }

        [TestMethod]
        public void IdlePagesLeaveTheArenaAndComeBackOnRead()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[][] pages = Fill(c, clock, 6);
            MmStat before = new MmStat();
            store.GetMmStat(before);
            store.MarkAllIdle();
            AssertReads(c, 0, pages[0], "slot 0 touched: no longer idle");
            Assert.AreEqual(5, store.Writeback(WritebackMode.Idle, 100));
            store.CheckInvariants();
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(5L, bd.BdCount);
            Assert.AreEqual(5L, bd.BdWrites);
            Assert.AreEqual(0L, bd.BdReads);
            Assert.AreEqual(5, store.BackedSlots);
            Assert.AreEqual(1L * Page, mm.OrigDataSize, "written-back pages leave orig_data_size");
            Assert.IsTrue(mm.ComprDataSize < before.ComprDataSize / 3, "their objects left the arena");
            Assert.IsTrue(bd.BytesWritten < 5L * Page, "compressed records");
            Assert.AreEqual(0, store.Writeback(WritebackMode.Idle, 100), "nothing idle is left in RAM");

            AssertReads(c, 3, pages[3], "slot 3 from the backing store");
            store.GetBdStat(bd);
            Assert.AreEqual(1L, bd.BdReads);
            Assert.AreEqual(4L, bd.BdCount, "its record was freed: the page is back in the arena");
            Assert.AreEqual(4, store.BackedSlots);
            AssertReads(c, 3, pages[3], "slot 3 again, from RAM");
            store.GetBdStat(bd);
            Assert.AreEqual(1L, bd.BdReads);
            for (int i = 0; i < 6; i++) AssertReads(c, i, pages[i], "slot " + i.ToString());
            store.GetBdStat(bd);
            Assert.AreEqual(5L, bd.BdReads);
            Assert.AreEqual(0L, bd.BdCount);
            store.GetMmStat(mm);
            Assert.AreEqual(before.ComprDataSize, mm.ComprDataSize, "the same objects are back");
            store.CheckInvariants();
        }

        [TestMethod]
        public void OldestFirstWithinTheBudget()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[][] pages = Fill(c, clock, 6);
            // Access order now: 4, 1, 5, 0, then 2 and 3 untouched since written (oldest).
            int[] order = { 4, 1, 5, 0 };
            for (int i = 0; i < order.Length; i++)
            {
                clock.Advance(5);
                AssertReads(c, order[i], pages[order[i]], "touch");
            }
            store.MarkAllIdle();
            dev.ClearLog();
            Assert.AreEqual(3, store.Writeback(WritebackMode.Idle, 3));
            Assert.AreEqual(3, dev.LogCount);
            Assert.AreEqual(2, dev.LogSlot(0));
            Assert.AreEqual(3, dev.LogSlot(1));
            Assert.AreEqual(4, dev.LogSlot(2));
            Assert.AreEqual(2, store.Writeback(WritebackMode.Idle, 2));
            Assert.AreEqual(1, dev.LogSlot(3));
            Assert.AreEqual(5, dev.LogSlot(4));
            Assert.AreEqual(c.Id, dev.LogClient(0));
            store.CheckInvariants();
        }

        [TestMethod]
        public void ModesPickHugeIdleOrBoth()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[] r0 = new byte[Page], r1 = new byte[Page], same = new byte[Page];
            StoreFixtures.Random(r0, 1);
            StoreFixtures.Random(r1, 2);
            StoreFixtures.Same(same, 0x01020304);
            byte[] s2 = Structured(3);
            c.Write(0, r0, 0);
            c.Write(1, r1, 0);
            c.Write(2, s2, 0);
            c.Write(3, same, 0);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.HugePages);
            Assert.AreEqual(0, store.Writeback(WritebackMode.Idle, 10), "nothing marked idle");
            Assert.AreEqual(0, store.Writeback(WritebackMode.HugeIdle, 10), "huge but not idle");
            store.MarkAllIdle();
            AssertReads(c, 1, r1, "slot 1 touched");
            Assert.AreEqual(1, store.Writeback(WritebackMode.HugeIdle, 10), "slot 0: huge and idle");
            Assert.AreEqual(1, store.Writeback(WritebackMode.Huge, 10), "slot 1: huge");
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.HugePages, "huge pages on the backing store are not in RAM");
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(2L * (RecordCodec.HeaderSize + Page), bd.BytesWritten, "raw records");
            Assert.AreEqual(1, store.Writeback(WritebackMode.Idle, 10), "slot 2; the same-filled page holds no object");
            AssertReads(c, 0, r0, "huge page back");
            store.GetMmStat(mm);
            Assert.AreEqual(1L, mm.HugePages, "and huge again in RAM");
            AssertReads(c, 2, s2, "slot 2");
            AssertReads(c, 3, same, "slot 3");
            store.CheckInvariants();
        }

        [TestMethod]
        public void WritebackLimitStopsAtTheLimit()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[][] pages = Fill(c, clock, 6);
            store.WritebackLimit = 2;
            store.WritebackLimitEnabled = true;
            store.MarkAllIdle();
            Assert.AreEqual(2, store.Writeback(WritebackMode.Idle, 10));
            Assert.AreEqual(0L, store.WritebackLimit);
            Assert.AreEqual(0, store.Writeback(WritebackMode.Idle, 10));
            Assert.AreEqual(2L, dev.Writes);
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.IsTrue(bd.WritebackLimitEnabled);
            Assert.AreEqual(0L, bd.WritebackLimit);
            store.WritebackLimit = 1;
            Assert.AreEqual(1, store.Writeback(WritebackMode.Idle, 10));
            store.WritebackLimitEnabled = false;
            Assert.AreEqual(3, store.Writeback(WritebackMode.Idle, 10), "no limit once disabled");
            Assert.AreEqual(0L, store.WritebackLimit);
            for (int i = 0; i < 6; i++) AssertReads(c, i, pages[i], "slot " + i.ToString());
            store.CheckInvariants();
        }

        [TestMethod]
        public void AFailedWriteKeepsThePageInRam()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[][] pages = Fill(c, clock, 4);
            MmStat before = new MmStat(), mm = new MmStat();
            store.GetMmStat(before);
            store.MarkAllIdle();
            dev.Arm(FaultKind.FailWrite, 0);
            Assert.AreEqual(0, store.Writeback(WritebackMode.Idle, 10), "the call ends at the failed write");
            store.GetMmStat(mm);
            Assert.AreEqual(before.ComprDataSize, mm.ComprDataSize);
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(1L, bd.FailedWrites);
            Assert.AreEqual(0L, bd.BdCount);
            store.CheckInvariants();
            Assert.AreEqual(4, store.Writeback(WritebackMode.Idle, 10), "the next call writes them");
            for (int i = 0; i < 4; i++) AssertReads(c, i, pages[i], "slot " + i.ToString());
        }

        /// <summary>Writes 5 pages back, arms `kind`, reads slot 2 (or, for write faults, writes it back under the fault).</summary>
        private static void OneFault(FaultKind kind, int param, bool persistent)
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 8);
            byte[][] pages = Fill(c, clock, 5);
            store.MarkAllIdle();
            bool writeFault = kind == FaultKind.TornWrite || kind == FaultKind.LoseWrite;
            if (writeFault)
            {
                Assert.AreEqual(2, store.Writeback(WritebackMode.Idle, 2));
                dev.Arm(kind, param);
            }
            Assert.AreEqual(5 - (writeFault ? 2 : 0), store.Writeback(WritebackMode.Idle, 10));
            if (!writeFault) dev.Arm(kind, param);
            byte[] back = new byte[Page];
            Assert.AreEqual((int)StoreResult.ReadFailed, (int)c.Read(2, back, 0), "slot 2 under " + ((int)kind).ToString());
            Assert.AreEqual(1, dev.FaultCount);
            Assert.AreEqual(2, dev.LastFaultSlot);
            for (int i = 0; i < Page; i++) Assert.AreEqual((byte)0, back[i]);
            IoStat io = new IoStat();
            store.GetIoStat(io);
            Assert.AreEqual(1L, io.FailedReads);
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(1L, bd.FailedReads);
            for (int i = 0; i < 5; i++) if (i != 2) AssertReads(c, i, pages[i], "slot " + i.ToString());
            if (persistent) Assert.AreEqual((int)StoreResult.ReadFailed, (int)c.Read(2, back, 0), "the damage stays");
            else AssertReads(c, 2, pages[2], "a transient read error passes");
            store.CheckInvariants();
            // Writing or discarding the slot ends it; its record is freed.
            c.Discard(2);
            AssertReads(c, 2, new byte[Page], "discarded: zeros");
            store.GetBdStat(bd);
            Assert.AreEqual(0L, bd.BdCount);
            store.CheckInvariants();
        }

        [TestMethod]
        public void EachFaultKindFailsThatPageOnly()
        {
            OneFault(FaultKind.FailRead, 0, false);
            OneFault(FaultKind.FlipBit, 3, true);      // in the magic
            OneFault(FaultKind.FlipBit, 8 * 30, true); // in the payload
            OneFault(FaultKind.TornWrite, 6, true);
            OneFault(FaultKind.TornWrite, 200, true);
            OneFault(FaultKind.LoseWrite, 0, true);
        }

        [TestMethod]
        public void MergedPagesGoOutOnceAndComeBackOnce()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient a = store.Register("a", 4);
            StoreClient b = store.Register("b", 4);
            byte[] dup = Structured(7);
            byte[] other = Structured(8);
            a.Write(0, dup, 0);
            a.Write(1, other, 0);
            b.Write(2, dup, 0);
            b.Write(3, dup, 0);
            while (store.MergeSlice(64) > 0) { }
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged);
            long shared = mm.ComprDataSize;
            store.MarkAllIdle();
            Assert.AreEqual(2, store.Writeback(WritebackMode.Idle, 10), "one record for the merged page, one for the other");
            Assert.AreEqual(2L, dev.Writes);
            Assert.AreEqual(4, store.BackedSlots);
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.ComprDataSize);
            Assert.AreEqual(0L, mm.PagesMerged);
            store.CheckInvariants();
            AssertReads(b, 3, dup, "b:3");
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(1L, bd.BdReads);
            Assert.AreEqual(1, store.BackedSlots, "all three sharers came back with one read");
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged, "still one shared object");
            AssertReads(a, 0, dup, "a:0");
            AssertReads(b, 2, dup, "b:2");
            AssertReads(a, 1, other, "a:1");
            store.GetBdStat(bd);
            Assert.AreEqual(2L, bd.BdReads);
            store.GetMmStat(mm);
            Assert.AreEqual(shared, mm.ComprDataSize);
            store.CheckInvariants();
        }

        [TestMethod]
        public void AMergedPageStaysWhileOneSharerIsActive()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient a = store.Register("a", 4);
            byte[] dup = Structured(7);
            a.Write(0, dup, 0);
            a.Write(1, dup, 0);
            while (store.MergeSlice(64) > 0) { }
            store.MarkAllIdle();
            AssertReads(a, 1, dup, "slot 1 in use");
            Assert.AreEqual(0, store.Writeback(WritebackMode.Idle, 10));
            Assert.AreEqual(0L, dev.Writes);
        }

        [TestMethod]
        public void DiscardReleaseAndRewriteFreeRecords()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            StoreClient a = store.Register("a", 4);
            StoreClient b = store.Register("b", 4);
            Fill(a, clock, 4);
            byte[][] bp = Fill(b, clock, 3);
            store.MarkAllIdle();
            Assert.AreEqual(7, store.Writeback(WritebackMode.Idle, 10));
            BdStat bd = new BdStat();
            a.Discard(0);
            a.Write(1, Structured(55), 0);
            store.GetBdStat(bd);
            Assert.AreEqual(5L, bd.BdCount);
            store.CheckInvariants();
            a.Release();
            store.GetBdStat(bd);
            Assert.AreEqual(3L, bd.BdCount, "b's three pages");
            Assert.AreEqual(3, store.BackedSlots);
            store.CheckInvariants();
            for (int i = 0; i < 3; i++) AssertReads(b, i, bp[i], "b:" + i.ToString());
            store.GetBdStat(bd);
            Assert.AreEqual(0L, bd.BdCount);
        }

        [TestMethod]
        public void FullBackingStoreStopsAndFullArenaKeepsThePageOnTheDevice()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(3);
            PageStore store = NewStore(clock, dev);
            StoreClient c = store.Register("app", 120);
            byte[][] pages = Fill(c, clock, 5);
            store.MarkAllIdle();
            Assert.AreEqual(3, store.Writeback(WritebackMode.Idle, 10), "three records");
            // Fill the arena with copies of page 0 until one does not fit: then page 0 cannot come back.
            int n = 5;
            while (n < 120 && c.Write(n, pages[0], 0) == StoreResult.Ok) n++;
            Assert.IsTrue(n < 120, "the arena filled up");
            AssertReads(c, 0, pages[0], "read from the device although the arena is full");
            AssertReads(c, 0, pages[0], "again");
            BdStat bd = new BdStat();
            store.GetBdStat(bd);
            Assert.AreEqual(2L, bd.BdReads);
            Assert.AreEqual(3L, bd.BdCount, "the page stayed on the device");
            store.CheckInvariants();
        }

        [TestMethod]
        public void RecompressedPagesAreWrittenBackInTheFastForm()
        {
            ManualClock clock = new ManualClock();
            FaultyBackingStore dev = NewDevice(16);
            PageStore store = NewStore(clock, dev);
            RecompressConfig cfg = new RecompressConfig();
            cfg.DictionaryBytes = 512;
            cfg.SamplePages = 4;
            Recompressor r = new Recompressor(store, cfg);
            StoreClient c = store.Register("app", 12);
            byte[][] pages = new byte[10][];
            for (int i = 0; i < pages.Length; i++)
            {
                pages[i] = new byte[Page];
                PageSamples.Fill((PageKind)(i % 6), (uint)(500 + i), pages[i], 0, Page);
                Assert.AreEqual((int)StoreResult.Ok, (int)c.Write(i, pages[i], 0));
                clock.Advance(1);
            }
            store.MarkAllIdle();
            while (r.Slice(100000, RecompressType.Idle) != 0) { }
            RecompressStats rs = new RecompressStats();
            r.GetStats(rs);
            Assert.IsTrue(rs.PagesRecompressed >= 4, "pages recompressed: " + rs.PagesRecompressed);
            Assert.IsTrue(rs.PagesWithDictionary >= 1, "no page references the dictionary");
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            int objects = 10 - (int)mm.SamePages;

            // Every page with an object is idle: recompressed ones go out too, and stop referencing the dictionary.
            Assert.AreEqual(objects, store.Writeback(WritebackMode.Idle, 100));
            store.CheckInvariants();
            r.GetStats(rs);
            Assert.AreEqual(0L, rs.PagesRecompressed);
            Assert.AreEqual(0L, rs.PagesWithDictionary);
            store.GetMmStat(mm);
            Assert.AreEqual(0L, mm.ComprDataSize);

            // A new dictionary may replace the one the pages were made with: the records do not depend on it.
            r.RequestDictionary();
            while (r.Slice(100000, RecompressType.Idle) != 0) { }
            for (int i = 0; i < pages.Length; i++) AssertReads(c, i, pages[i], "slot " + i + " after writeback");
            store.CheckInvariants();

            // Back in the arena as ordinary pages: they are recompressed again once idle.
            store.MarkAllIdle();
            while (r.Slice(100000, RecompressType.Idle) != 0) { }
            r.GetStats(rs);
            Assert.IsTrue(rs.PagesRecompressed >= 4, "recompressed again: " + rs.PagesRecompressed);
            for (int i = 0; i < pages.Length; i++) AssertReads(c, i, pages[i], "slot " + i + " recompressed again");
            store.CheckInvariants();
        }

        [TestMethod]
        public void MisuseThrows()
        {
            ManualClock clock = new ManualClock();
            PageStore plain = StoreFixtures.Make(32 * 1024, Page, clock);
            Assert.ThrowsException(typeof(InvalidOperationException), () => plain.Writeback(WritebackMode.Idle, 1));
            BdStat bd = new BdStat();
            plain.GetBdStat(bd);
            Assert.AreEqual(0L, bd.BdCount);
            FaultyBackingStore dev = NewDevice(4);
            plain.AttachBackingStore(dev);
            Assert.ThrowsException(typeof(InvalidOperationException), () => plain.AttachBackingStore(dev));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => plain.Writeback(WritebackMode.Idle, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => plain.Writeback((WritebackMode)7, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => plain.WritebackLimit = -1);
            Assert.ThrowsException(typeof(ArgumentNullException), () => plain.GetBdStat(null));
            Assert.ThrowsException(typeof(ArgumentException), () => StoreFixtures.Make(32 * 1024, Page, clock).AttachBackingStore(new FaultyBackingStore(Page, 4, 1, 1)));
        }
    }
}
