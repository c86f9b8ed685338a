// Idle recompression in the store: idle pages shrink and read back exactly, the type filter picks idle /
// huge pages, a rewritten page goes back to the fast form, merged pages stay merged through recompression
// and dictionary changes (and a late copy of a recompressed page merges once recompressed), a rebuilt
// dictionary migrates every page off the old one, and a model-based run interleaves writes, reads,
// discards, idle marking, recompression slices, dictionary rebuilds, merge slices and compaction while
// every slot keeps reading what was written. Arenas ≤ 48 KiB, 2 KiB pages.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class RecompressionTests
    {
        private const int PageSize = 2048;
        private const int Arena = 48 * 1024;

        private static RecompressConfig SmallConfig()
        {
            RecompressConfig c = new RecompressConfig();
            c.HashBits = 10;
            c.DictionaryBytes = 1024;
            c.SamplePages = 8;
            return c;
        }

        // Content of a page from a seed: a realistic kind, or an incompressible one when seed % 7 == 6.
        private static void Fill(byte[] page, uint seed)
        {
            PageKind kind = seed % 7 == 6 ? PageKind.Random : (PageKind)(seed % 6);
            PageSamples.Fill(kind, seed, page, 0, page.Length);
        }

        // A full merge pass (MergeNow is rate-limited: the clock moves past its interval first).
        private static void MergeAll(PageStore store, ManualClock clock)
        {
            clock.Advance(2000);
            store.MergeNow();
        }

        // Runs slices until one reports nothing to do; returns the slices run.
        private static int Drain(Recompressor r, RecompressType type)
        {
            for (int i = 0; i < 1000; i++)
            {
                if (r.Slice(100000, type) == 0) return i;
            }
            Assert.IsTrue(false, "recompression never finished");
            return 0;
        }

        [TestMethod]
        public void IdlePagesShrinkAndReadBack()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            Recompressor r = new Recompressor(store, SmallConfig());
            Assert.AreSame(r, store.Recompressor);
            StoreClient c = store.Register("app", 40);
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            for (int s = 0; s < 28; s++)
            {
                Fill(page, (uint)s);
                Assert.AreEqual(StoreResult.Ok, c.Write(s, page, 0));
            }
            MmStat before = new MmStat();
            store.GetMmStat(before);

            // Nothing is idle yet: the first slices build the dictionary (the pool holds SamplePages objects)
            // and then find no idle page.
            Drain(r, RecompressType.Idle);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.AreEqual(0L, st.PagesRecompressed);
            Assert.AreEqual(1L, st.DictionaryVersion);
            Assert.IsTrue(st.DictionaryBytes > 0 && st.DictionaryBytes <= 1024);

            store.MarkAllIdle();
            Drain(r, RecompressType.Idle);
            r.GetStats(st);
            MmStat after = new MmStat();
            store.GetMmStat(after);
            Assert.IsTrue(st.PagesRecompressed >= 10, "pages recompressed: " + st.PagesRecompressed);
            Assert.IsTrue(st.PagesWithDictionary > 0, "no page used the dictionary");
            Assert.IsTrue(st.Rejected >= 4, "the incompressible pages are rejected: " + st.Rejected);
            Assert.AreEqual(before.ComprDataSize - st.BytesSaved, after.ComprDataSize);
            Assert.IsTrue(after.ComprDataSize < before.ComprDataSize * 95 / 100, "saved only " + st.BytesSaved + " of " + before.ComprDataSize);
            Assert.AreEqual(before.OrigDataSize, after.OrigDataSize);
            Assert.IsTrue(store.MetadataBytes >= r.WorkingBytes);
            store.CheckInvariants();

            for (int s = 0; s < 28; s++)
            {
                Fill(page, (uint)s);
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s + " reads differently after recompression");
            }

            // A second pass finds nothing new (rejected pages are not tried again).
            long rejected = st.Rejected;
            store.MarkAllIdle();
            Drain(r, RecompressType.All);
            r.GetStats(st);
            Assert.AreEqual(rejected, st.Rejected);
        }

        [TestMethod]
        public void FullPoolStillRecompressesAndMakesRoom()
        {
            // A pool written until NoSpace has no room for a new form beside the old: recompression frees the
            // old form first (keeping its bytes), and puts it back when the new one does not fit either.
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            RecompressConfig cfg = SmallConfig();
            cfg.DictionaryBytes = 0;
            Recompressor r = new Recompressor(store, cfg);
            StoreClient c = store.Register("app", 64);
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            int n = 0;
            while (n < 64)
            {
                PageSamples.Fill((PageKind)(n % 3), (uint)n, page, 0, PageSize); // text, json, csv
                if (c.Write(n, page, 0) != StoreResult.Ok) break;
                n++;
            }
            Assert.IsTrue(n > 20 && n < 64, "pages before NoSpace: " + n);
            store.MarkAllIdle();
            RecompressStats st = new RecompressStats();
            for (int pass = 0; pass < 10; pass++)
            {
                Drain(r, RecompressType.Idle);
                while (store.Compact(1 << 16) > 0) { }
            }
            r.GetStats(st);
            Assert.IsTrue(st.PagesRecompressed > n / 2, "recompressed " + st.PagesRecompressed + " of " + n);
            store.CheckInvariants();
            int more = n;
            while (more < 64)
            {
                PageSamples.Fill((PageKind)(more % 3), (uint)more, page, 0, PageSize);
                if (c.Write(more, page, 0) != StoreResult.Ok) break;
                more++;
            }
            Assert.IsTrue(more >= n + 2, "pages after recompression: " + more + ", before: " + n);
            for (int s = 0; s < more; s++)
            {
                PageSamples.Fill((PageKind)(s % 3), (uint)s, page, 0, PageSize);
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s);
            }
            store.CheckInvariants();
        }

        [TestMethod]
        public void MemLimitHoldsWhenARefusedFormPutsTheOldOneBack()
        {
            // Found by a randomized run: with the pool a few frames under the limit, a slot whose new form is
            // refused gets its old form back, and that allocation must not grow another zspage past the limit.
            StoreConfig cfg = StoreConfig.ForArena(16384, 1024);
            ZramEmbedded.Allocator.Pool.ZsPool pool = new ZramEmbedded.Allocator.Pool.ZsPool(new byte[16384], StoreConfig.PoolConfigFor(16384, cfg));
            PageStore store = new PageStore(pool, cfg, new ManualClock());
            RecompressConfig rc = new RecompressConfig();
            rc.SamplePages = 4;
            Recompressor rec = new Recompressor(store, rc);
            StoreClient c = store.Register("app", cfg.SlotCount);
            int[] kinds =
            {
                (int)PageKind.Csv, 800, (int)PageKind.Text, 735, (int)PageKind.SensorRecords, 37, (int)PageKind.HeapLike, 665,
                (int)PageKind.Json, 953, (int)PageKind.Json, 879, (int)PageKind.SensorRecords, 449, (int)PageKind.SensorRecords, 746,
                (int)PageKind.Json, 808, (int)PageKind.BinaryStructs, 323, (int)PageKind.BinaryStructs, 817, (int)PageKind.Csv, 790,
                (int)PageKind.HeapLike, 872, (int)PageKind.BinaryStructs, 405, (int)PageKind.BinaryStructs, 718, (int)PageKind.Json, 157,
                (int)PageKind.BinaryStructs, 852, (int)PageKind.HeapLike, 312, (int)PageKind.Csv, 605,
            };
            byte[] page = new byte[1024];
            for (int s = 0; s < kinds.Length / 2; s++)
            {
                PageSamples.Fill((PageKind)kinds[2 * s], (uint)kinds[2 * s + 1], page, 0, page.Length);
                Assert.AreEqual(StoreResult.Ok, c.Write(s, page, 0));
            }
            Assert.AreEqual(12032L, pool.UsedBytes, "the case starts where the run found it");
            store.MemLimit = 12219;
            rec.Slice(100000, RecompressType.All);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.IsTrue(mm.MemUsedTotal <= 12219 && mm.MemUsedMax <= 12219, "used " + mm.MemUsedTotal + ", peak " + mm.MemUsedMax);
            byte[] back = new byte[1024];
            for (int s = 0; s < kinds.Length / 2; s++)
            {
                PageSamples.Fill((PageKind)kinds[2 * s], (uint)kinds[2 * s + 1], page, 0, page.Length);
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s);
            }
            store.CheckInvariants();
        }

        [TestMethod]
        public void BlocksRecompressedWithoutADictionaryMerge()
        {
            // No dictionary: identical pages recompressed alone come out identical and the scan shares them.
            ManualClock clock = new ManualClock();
            Recompressor r;
            StoreClient c;
            PageStore store = TwinsWithoutDictionary(clock, PageKind.Text, 3, out r, out c); // three pairs of twins
            store.MarkAllIdle();
            Drain(r, RecompressType.Idle);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.AreEqual(6L, st.PagesRecompressed, "every page has its HC form");
            Assert.AreEqual(0L, st.PagesWithDictionary);
            MergeAll(store, clock);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(3L, mm.PagesMerged, "one of each pair of twins shares the other's block");
            r.GetStats(st);
            Assert.AreEqual(6L, st.PagesRecompressed, "merging keeps the form of every page");
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            for (int s = 0; s < 6; s++)
            {
                PageSamples.Fill(PageKind.Text, (uint)(s % 3), page, 0, PageSize);
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s);
            }
            store.CheckInvariants();
        }

        // A store whose recompressor has no dictionary, holding `pairs` pairs of twin pages of `kind` in slots
        // 0..2*pairs-1 (slot s holds seed s % pairs), not merged yet.
        private static PageStore TwinsWithoutDictionary(ManualClock clock, PageKind kind, int pairs, out Recompressor r, out StoreClient c)
        {
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            RecompressConfig cfg = SmallConfig();
            cfg.DictionaryBytes = 0;
            r = new Recompressor(store, cfg);
            c = store.Register("app", 8);
            byte[] page = new byte[PageSize];
            for (int s = 0; s < 2 * pairs; s++)
            {
                PageSamples.Fill(kind, (uint)(s % pairs), page, 0, PageSize);
                c.Write(s, page, 0);
            }
            return store;
        }

        [TestMethod]
        public void IdleWorkRecompressesThenMergesThenCompacts()
        {
            // Two pairs of twins, not merged yet, no dictionary: recompression first gives all four their HC
            // form (merged first, the pairs would be shared fast blocks, which are not unshared without a
            // dictionary), the merge step then shares each pair, and compaction leaves nothing to move.
            ManualClock clock = new ManualClock();
            Recompressor r;
            StoreClient c;
            PageStore store = TwinsWithoutDictionary(clock, PageKind.Json, 2, out r, out c);
            store.MarkAllIdle();
            IdleWork.RunAll(store, RecompressType.Idle, 1000);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(4L, st.PagesRecompressed, "recompression ran first");
            Assert.AreEqual(2L, mm.PagesMerged, "then the merge step shared each pair");
            Assert.AreEqual(0, store.UnscannedPages);
            Assert.AreEqual(0, IdleWork.Slice(IdleWork.Compact, store, 1 << 20, RecompressType.Idle), "compacted to the end");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => IdleWork.Slice(IdleWork.Steps, store, 1, RecompressType.Idle));
            store.CheckInvariants();
        }

        [TestMethod]
        public void MemLimitHoldsWhileRecompressing()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            RecompressConfig cfg = SmallConfig();
            cfg.DictionaryBytes = 0;
            Recompressor r = new Recompressor(store, cfg);
            StoreClient c = store.Register("app", 16);
            byte[] page = new byte[PageSize];
            for (int s = 0; s < 12; s++)
            {
                PageSamples.Fill((PageKind)(s % 3), (uint)s, page, 0, PageSize);
                c.Write(s, page, 0);
            }
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            store.MemLimit = mm.MemUsedTotal; // no frame to spare
            store.ResetMemUsedMax();
            store.MarkAllIdle();
            for (int i = 0; i < 200; i++)
            {
                int used = r.Slice(40, RecompressType.Idle);
                store.Compact(4096);
                store.GetMmStat(mm);
                Assert.IsTrue(mm.MemUsedTotal <= store.MemLimit && mm.MemUsedMax <= store.MemLimit,
                    "over the limit: " + mm.MemUsedTotal + ", peak " + mm.MemUsedMax);
                if (used == 0) break;
            }
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.IsTrue(st.PagesRecompressed >= 4, "recompressed " + st.PagesRecompressed);
            byte[] back = new byte[PageSize];
            for (int s = 0; s < 12; s++)
            {
                PageSamples.Fill((PageKind)(s % 3), (uint)s, page, 0, PageSize);
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s);
            }
            store.CheckInvariants();
        }

        [TestMethod]
        public void TypeFilterAndRewrite()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            RecompressConfig cfg = SmallConfig();
            cfg.DictionaryBytes = 0; // HC alone
            Recompressor r = new Recompressor(store, cfg);
            StoreClient c = store.Register("app", 8);
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            for (int s = 0; s < 6; s++)
            {
                Fill(page, (uint)s);
                c.Write(s, page, 0);
            }
            StoreFixtures.Random(page, 9);
            c.Write(6, page, 0); // huge

            store.MarkAllIdle();
            Assert.AreEqual(StoreResult.Ok, c.Read(0, back, 0)); // slot 0 is no longer idle
            Drain(r, RecompressType.Huge);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.AreEqual(0L, st.PagesRecompressed); // the only huge page does not compress
            Assert.AreEqual(1L, st.Rejected);
            Assert.AreEqual(0L, st.DictionaryVersion);

            Drain(r, RecompressType.HugeIdle);
            Drain(r, RecompressType.Idle);
            r.GetStats(st);
            long idleOnes = st.PagesRecompressed;
            Assert.IsTrue(idleOnes >= 3 && idleOnes + st.Rejected == 6, "recompressed " + idleOnes + ", rejected " + st.Rejected);

            // The slot read after marking was not idle, so it kept its fast form; type=all takes it too, and
            // every page has now been recompressed or rejected exactly once.
            Drain(r, RecompressType.All);
            r.GetStats(st);
            long recompressed = st.PagesRecompressed;
            Assert.AreEqual(7L, recompressed + st.Rejected);
            Assert.IsTrue(recompressed >= idleOnes);

            // Writing a recompressed slot again stores it with the fast encoder.
            Fill(page, 2);
            Assert.AreEqual(StoreResult.Ok, c.Write(2, page, 0));
            r.GetStats(st);
            Assert.AreEqual(recompressed - 1, st.PagesRecompressed);
            Assert.AreEqual(StoreResult.Ok, c.Read(2, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(page, back));
            store.CheckInvariants();

            // Discard and release count recompressed pages out.
            c.Discard(3);
            c.Release();
            r.GetStats(st);
            Assert.AreEqual(0L, st.PagesRecompressed);
            store.CheckInvariants();
        }

        [TestMethod]
        public void PagesStayMergedThroughRecompressionAndDictionaryChanges()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            Recompressor r = new Recompressor(store, SmallConfig());
            StoreClient c = store.Register("app", 16);
            byte[] a = new byte[PageSize];
            byte[] b = new byte[PageSize];
            byte[] page = new byte[PageSize];
            PageSamples.Fill(PageKind.Json, 11, a, 0, PageSize);
            PageSamples.Fill(PageKind.Json, 12, b, 0, PageSize);
            Assert.AreEqual(StoreResult.Ok, c.Write(0, a, 0));
            Assert.AreEqual(StoreResult.Ok, c.Write(1, a, 0)); // same content as slot 0
            Assert.AreEqual(StoreResult.Ok, c.Write(2, b, 0));
            for (int s = 3; s < 9; s++)
            {
                PageSamples.Fill((PageKind)(s % 4), (uint)(20 + s), page, 0, PageSize);
                Assert.AreEqual(StoreResult.Ok, c.Write(s, page, 0));
            }
            MergeAll(store, clock);
            MmStat mm = new MmStat();
            store.GetMmStat(mm);
            Assert.AreEqual(1L, mm.PagesMerged);
            long fastBytes = mm.ComprDataSize;

            // The shared fast object is recompressed as one copy per slot; the merge scan shares them again.
            store.MarkAllIdle();
            Drain(r, RecompressType.Idle);
            store.CheckInvariants();
            MergeAll(store, clock);
            store.CheckInvariants();
            store.GetMmStat(mm);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.AreEqual(1L, st.DictionaryVersion);
            Assert.IsTrue(st.PagesWithDictionary >= 3, "pages on the dictionary: " + st.PagesWithDictionary);
            Assert.AreEqual(1L, mm.PagesMerged, "the recompressed copies of slots 0 and 1 are shared again");
            Assert.AreEqual(0, store.UnscannedPages);
            Assert.IsTrue(mm.ComprDataSize < fastBytes, "recompressed " + mm.ComprDataSize + " B, fast " + fastBytes + " B");

            // A copy of a page written after its twin was recompressed merges once it is recompressed too.
            Assert.AreEqual(StoreResult.Ok, c.Write(9, b, 0));
            MergeAll(store, clock);
            store.GetMmStat(mm);
            Assert.AreEqual(1L, mm.PagesMerged, "a fast block and a dictionary block are not compared");
            store.MarkAllIdle();
            Drain(r, RecompressType.Idle);
            MergeAll(store, clock);
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged);
            store.CheckInvariants();

            // A new dictionary: the shared dictionary blocks move (one copy per slot) and are merged again.
            r.RequestDictionary();
            Drain(r, RecompressType.Idle);
            MergeAll(store, clock);
            store.CheckInvariants();
            r.GetStats(st);
            Assert.AreEqual(2L, st.DictionaryVersion);
            Assert.AreEqual(0L, st.PagesOnOldDictionary);
            store.GetMmStat(mm);
            Assert.AreEqual(2L, mm.PagesMerged);

            byte[] back = new byte[PageSize];
            int[] slotsOfA = { 0, 1 };
            for (int i = 0; i < slotsOfA.Length; i++)
            {
                Assert.AreEqual(StoreResult.Ok, c.Read(slotsOfA[i], back, 0));
                Assert.IsTrue(StoreFixtures.Equal(a, back), "slot " + slotsOfA[i]);
            }
            int[] slotsOfB = { 2, 9 };
            for (int i = 0; i < slotsOfB.Length; i++)
            {
                Assert.AreEqual(StoreResult.Ok, c.Read(slotsOfB[i], back, 0));
                Assert.IsTrue(StoreFixtures.Equal(b, back), "slot " + slotsOfB[i]);
            }

            // Dropping one sharer keeps the other's page; dropping both frees the object.
            c.Discard(0);
            Assert.AreEqual(StoreResult.Ok, c.Read(1, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(a, back));
            c.Write(1, b, 0);
            store.CheckInvariants();
        }

        [TestMethod]
        public void RebuiltDictionaryMigratesEveryPage()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            Recompressor r = new Recompressor(store, SmallConfig());
            StoreClient c = store.Register("app", 40);
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            for (int s = 0; s < 24; s++)
            {
                Fill(page, (uint)s);
                c.Write(s, page, 0);
            }
            store.MarkAllIdle();
            Drain(r, RecompressType.All);
            RecompressStats st = new RecompressStats();
            r.GetStats(st);
            Assert.AreEqual(1L, st.DictionaryVersion);
            long onDict = st.PagesWithDictionary;
            Assert.IsTrue(onDict > 0);

            // New content changes what the pages share; ask for a new dictionary.
            for (int s = 0; s < 12; s++)
            {
                Fill(page, (uint)(100 + s));
                c.Write(s, page, 0);
            }
            r.RequestDictionary();
            r.Slice(100000, RecompressType.All); // builds version 2 (the free buffer had no references)
            r.GetStats(st);
            Assert.AreEqual(2L, st.DictionaryVersion);
            Assert.IsTrue(st.PagesOnOldDictionary > 0, "pages on version 1: " + st.PagesOnOldDictionary);
            store.CheckInvariants();

            // While pages remain on version 1, a further request waits; slices migrate them first.
            r.RequestDictionary();
            Drain(r, RecompressType.All);
            r.GetStats(st);
            Assert.AreEqual(0L, st.PagesOnOldDictionary);
            Assert.IsTrue(st.Migrated > 0);
            Assert.AreEqual(3L, st.DictionaryVersion);
            Assert.AreEqual(3L, st.DictionaryBuilds);
            store.CheckInvariants();
            for (int s = 0; s < 24; s++)
            {
                Fill(page, (uint)(s < 12 ? 100 + s : s));
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(page, back), "slot " + s);
            }
        }

        [TestMethod]
        public void ModelRunWithRecompressionAndDictionaryChanges()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(Arena, PageSize, clock);
            RecompressConfig cfg = SmallConfig();
            cfg.SamplePages = 6;
            Recompressor r = new Recompressor(store, cfg);
            const int Slots = 48;
            StoreClient c = store.Register("app", Slots);
            uint[] model = new uint[Slots]; // seed + 1 of the slot's content, 0 = empty
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            SampleRandom rng = new SampleRandom(1414);
            RecompressStats st = new RecompressStats();
            long maxVersion = 0;
            for (int step = 0; step < 1500; step++)
            {
                int op = rng.Next(100);
                int s = rng.Next(Slots);
                if (op < 35)
                {
                    uint seed = rng.NextUInt() % 5000;
                    bool same = rng.Next(10) == 0;
                    if (same) StoreFixtures.Same(page, seed);
                    else Fill(page, seed);
                    StoreResult w = c.Write(s, page, 0);
                    // The model remembers a same-filled page by its word (bit 31 set), any other by seed + 1.
                    if (w == StoreResult.Ok) model[s] = same ? (0x80000000u | seed) : seed + 1;
                    else Assert.AreEqual(StoreResult.NoSpace, w);
                }
                else if (op < 60)
                {
                    Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                    Expect(model[s], page);
                    Assert.IsTrue(StoreFixtures.Equal(page, back), "step " + step + " slot " + s);
                }
                else if (op < 65)
                {
                    c.Discard(s);
                    model[s] = 0;
                }
                else if (op < 72)
                {
                    store.MarkAllIdle();
                }
                else if (op < 90)
                {
                    r.Slice(1 + rng.Next(400), (RecompressType)rng.Next(4));
                }
                else if (op < 93)
                {
                    r.RequestDictionary();
                }
                else if (op < 97)
                {
                    store.MergeSlice(1 + rng.Next(50));
                }
                else
                {
                    store.Compact(1 + rng.Next(4096));
                }
                if (step % 50 == 0) store.CheckInvariants();
                r.GetStats(st);
                if (st.DictionaryVersion > maxVersion) maxVersion = st.DictionaryVersion;
            }
            store.CheckInvariants();
            for (int s = 0; s < Slots; s++)
            {
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Expect(model[s], page);
                Assert.IsTrue(StoreFixtures.Equal(page, back), "final slot " + s);
            }
            r.GetStats(st);
            OutputHelper.WriteLine("recompressed " + st.RecompressedTotal.ToString() + ", migrated " + st.Migrated.ToString()
                                   + ", dictionary version " + maxVersion.ToString());
            Assert.IsTrue(st.RecompressedTotal > 20, "recompressed " + st.RecompressedTotal);
            Assert.IsTrue(maxVersion >= 3, "dictionary versions seen: " + maxVersion);
            Assert.IsTrue(st.Migrated > 0, "no page migrated between dictionaries");
        }

        // The content the model expects: zeros, a same-filled page, or the page of a seed.
        private static void Expect(uint m, byte[] page)
        {
            if (m == 0) Array.Clear(page, 0, page.Length);
            else if ((m & 0x80000000u) != 0) StoreFixtures.Same(page, m & 0x7FFFFFFFu);
            else Fill(page, m - 1);
        }

        [TestMethod]
        public void ChainRingSizeSetsWorkingBytes()
        {
            // The chain ring is the only part ChainBits changes: 2 B per entry (0 = the whole window: page +
            // dictionary, 1024 + 1024 B here, so 2048 entries), whole 12-byte heap blocks on the device.
            int[] bits = { 8, 11, 0 };
            int[] entries = { 256, 2048, 2048 };
            int first = 0;
            for (int i = 0; i < bits.Length; i++)
            {
                PageStore store = StoreFixtures.Make(16 * 1024, 1024, new ManualClock());
                RecompressConfig cfg = SmallConfig();
                cfg.ChainBits = bits[i];
                Recompressor r = new Recompressor(store, cfg);
                if (i == 0) first = r.WorkingBytes;
                else
                {
                    int grew = r.WorkingBytes - first, raw = 2 * (entries[i] - entries[0]);
                    Assert.IsTrue(grew > raw - 12 && grew < raw + 12, "ChainBits " + bits[i] + ": grew " + grew + " B for " + raw + " B of ring");
                }
            }
        }

        [TestMethod]
        public void MisuseThrows()
        {
            ManualClock clock = new ManualClock();
            PageStore store = StoreFixtures.Make(16 * 1024, 1024, clock);
            RecompressConfig cfg = SmallConfig();
            Recompressor r = new Recompressor(store, cfg);
            Assert.ThrowsException(typeof(InvalidOperationException), () => new Recompressor(store, cfg));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => r.Slice(0, RecompressType.All));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => r.Slice(10, (RecompressType)7));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Recompressor(null, cfg));
            Assert.ThrowsException(typeof(ArgumentNullException), () => r.GetStats(null));
            RecompressConfig bad = SmallConfig();
            bad.DictionaryBytes = 1000;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad = SmallConfig();
            bad.Level = 13;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad = SmallConfig();
            bad.ChainBits = 7;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad.ChainBits = 17;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad.ChainBits = 8;
            bad.Validate();
            bad.SegmentLength = 96; // 1024 B is not a whole number of 96-byte segments
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad.SegmentLength = 4;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad = SmallConfig();
            bad.PicksPerPage = 0;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            bad = SmallConfig();
            bad.SampleBits = 9;
            Assert.ThrowsException(typeof(ArgumentException), () => bad.Validate());
            // An empty store: nothing to do, no dictionary.
            Assert.AreEqual(0, r.Slice(1000, RecompressType.All));
            Assert.AreEqual(0, r.DictionaryVersion);
            Assert.IsFalse(r.Building);
        }
    }
}
