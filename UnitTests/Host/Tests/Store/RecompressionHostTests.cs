// Host-only: idle recompression allocates nothing per call in steady state (slices of every type,
// dictionary rebuilds and migration, reads of recompressed pages, writes over them, stats, merging and
// writeback of recompressed pages), and a long randomized run on a 256 KiB arena with 4 KiB pages of the
// realistic mix: writes, reads against the model, discards, idle marking, recompression slices, dictionary rebuilds, merge and compaction slices and
// writeback of idle pages (recompressed ones among them) to a backing store, interleaved, half the pages
// drawn from 40 contents so that merged and recompressed pages meet; every slot reads what was written and
// the store's invariants hold throughout.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Backing;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Store
{
    [TestClass]
    public class RecompressionHostTests
    {
        private static PageStore MakeStore(int arenaBytes, ManualClock clock)
        {
            StoreConfig c = StoreConfig.ForArena(arenaBytes, PageSamples.PageSize);
            c.IdleUnitMs = 1;
            var pool = new ZsPool(new byte[arenaBytes], StoreConfig.PoolConfigFor(arenaBytes, PageSamples.PageSize));
            return new PageStore(pool, c, clock);
        }

        [TestMethod]
        public void MemLimitHoldsAfterEveryRecompressionSlice()
        {
            // Small arenas (16 KiB, 1 KiB pages) filled with random contents, the limit set a few bytes to a few
            // frames above what the pool uses, then recompression of every type interleaved with writes and
            // discards: no call may leave the pool above the limit, and every page reads back.
            int overshoots = 0;
            for (uint run = 0; run < 4000; run++)
            {
                var random = new Random((int)run);
                StoreConfig cfg = StoreConfig.ForArena(16384, 1024);
                var pool = new ZsPool(new byte[16384], StoreConfig.PoolConfigFor(16384, cfg));
                var clock = new ManualClock();
                var store = new PageStore(pool, cfg, clock);
                var rec = new Recompressor(store, new RecompressConfig { SamplePages = 4 });
                StoreClient c = store.Register("app", cfg.SlotCount);
                var seeds = new int[cfg.SlotCount];
                var kinds = new PageKind[cfg.SlotCount];
                var page = new byte[1024];
                var back = new byte[1024];
                int pages = 12 + random.Next(10);
                for (int s = 0; s < pages && s < cfg.SlotCount; s++)
                {
                    kinds[s] = (PageKind)random.Next(6);
                    seeds[s] = 1 + random.Next(1000);
                    PageSamples.Fill(kinds[s], (uint)seeds[s], page, 0, 1024);
                    if (c.Write(s, page, 0) != StoreResult.Ok) seeds[s] = 0;
                }
                store.MemLimit = pool.UsedBytes + random.Next(3 * 256);
                for (int step = 0; step < 6; step++)
                {
                    int s = random.Next(pages);
                    if (random.Next(3) == 0)
                    {
                        var kind = (PageKind)random.Next(6);
                        int seed = 1 + random.Next(1000);
                        PageSamples.Fill(kind, (uint)seed, page, 0, 1024);
                        if (c.Write(s, page, 0) == StoreResult.Ok) { kinds[s] = kind; seeds[s] = seed; } // else the old page stays
                    }
                    clock.Advance(random.Next(5000));
                    if (random.Next(2) == 0) store.MarkAllIdle();
                    rec.Slice(100000, (RecompressType)random.Next(4));
                    if (pool.UsedBytes > store.MemLimit) overshoots++;
                    Assert.IsTrue(pool.UsedBytes <= store.MemLimit, "run " + run + " step " + step + ": used " + pool.UsedBytes + " > limit " + store.MemLimit);
                }
                for (int s = 0; s < pages; s++)
                {
                    if (seeds[s] <= 0) continue;
                    PageSamples.Fill(kinds[s], (uint)seeds[s], page, 0, 1024);
                    Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                    Assert.IsTrue(page.AsSpan().SequenceEqual(back), "run " + run + " slot " + s);
                }
                store.CheckInvariants();
            }
            Assert.AreEqual(0, overshoots);
        }

        [TestMethod]
        public void RecompressionAllocatesNothingPerCall()
        {
            var clock = new ManualClock();
            PageStore store = MakeStore(128 * 1024, clock);
            var config = new RecompressConfig { SamplePages = 8 };
            var r = new Recompressor(store, config);
            store.AttachBackingStore(new FaultyBackingStore(RecordCodec.HeaderSize + PageSamples.PageSize, 64, 1, 64));
            StoreClient c = store.Register("app", 96);
            var pages = new byte[24][];
            for (int i = 0; i < pages.Length; i++)
            {
                uint seed = (uint)i * 31 + 5;
                pages[i] = PageSamples.Make(PageSamples.MixedKind(seed), seed);
            }
            byte[] buffer = new byte[PageSamples.PageSize];
            var st = new RecompressStats();
            var mm = new MmStat();
            var rng = new SampleRandom(1415);
            for (int round = 0; round < 2; round++) // round 0 warms up
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int step = 0; step < 1200; step++)
                {
                    clock.Advance(2);
                    int slot = rng.Next(c.SlotCount);
                    int op = rng.Next(20);
                    if (op < 6) c.Write(slot, pages[rng.Next(pages.Length)], 0);
                    else if (op < 11) c.Read(slot, buffer, 0);
                    else if (op < 12) c.Discard(slot);
                    else if (op < 13) store.MarkAllIdle();
                    else if (op < 18) r.Slice(1 + rng.Next(300), (RecompressType)rng.Next(4));
                    else if (op < 19) r.RequestDictionary();
                    else
                    {
                        r.GetStats(st);
                        store.GetMmStat(mm);
                        store.MergeSlice(16);
                        store.Compact(2048);
                        store.Writeback(WritebackMode.Idle, 2); // recompressed and merged dictionary pages go out in the fast form
                    }
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round == 1) Assert.AreEqual(0L, allocated);
            }
            r.GetStats(st);
            Assert.IsTrue(st.RecompressedTotal > 20 && st.DictionaryBuilds >= 3 && st.Migrated > 0,
                "recompressed " + st.RecompressedTotal + ", builds " + st.DictionaryBuilds + ", migrated " + st.Migrated);
            store.CheckInvariants();
        }

        [TestMethod]
        public void LongRandomizedRunKeepsEveryPage()
        {
            var clock = new ManualClock();
            PageStore store = MakeStore(256 * 1024, clock);
            var r = new Recompressor(store, new RecompressConfig());
            store.AttachBackingStore(new FaultyBackingStore(RecordCodec.HeaderSize + PageSamples.PageSize, 96, 1, 64));
            long wroteRecompressed = 0;
            const int Slots = 200;
            StoreClient c = store.Register("app", Slots);
            var model = new uint[Slots]; // seed + 1, 0 = empty
            byte[] page = new byte[PageSamples.PageSize];
            byte[] back = new byte[PageSamples.PageSize];
            var rng = new SampleRandom(1416);
            int noSpace = 0;
            for (int step = 0; step < 6000; step++)
            {
                clock.Advance(1);
                int s = rng.Next(Slots);
                int op = rng.Next(100);
                if (op < 30)
                {
                    uint seed = rng.Next(2) == 0 ? rng.NextUInt() % 40 : rng.NextUInt() % 100000; // half from 40 contents: many duplicates
                    PageSamples.Fill(PageSamples.MixedKind(seed), seed, page, 0, page.Length);
                    StoreResult w = c.Write(s, page, 0);
                    if (w == StoreResult.Ok) model[s] = seed + 1;
                    else noSpace++;
                }
                else if (op < 60)
                {
                    Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                    Expected(model[s], page);
                    Assert.IsTrue(page.AsSpan().SequenceEqual(back), "step " + step + " slot " + s);
                }
                else if (op < 64) { c.Discard(s); model[s] = 0; }
                else if (op < 68) store.MarkIdle(50);
                else if (op < 90) r.Slice(1 + rng.Next(2000), (RecompressType)rng.Next(4));
                else if (op < 91) r.RequestDictionary();
                else if (op < 95) store.MergeSlice(1 + rng.Next(64));
                else if (op < 97) store.Compact(1 + rng.Next(16384));
                else
                {
                    var before = new RecompressStats();
                    r.GetStats(before);
                    int written = store.Writeback(WritebackMode.Idle, 1 + rng.Next(6));
                    var after = new RecompressStats();
                    r.GetStats(after);
                    if (written > 0 && after.PagesRecompressed < before.PagesRecompressed) wroteRecompressed++;
                }
                if (step % 1000 == 0) store.CheckInvariants();
            }
            store.CheckInvariants();
            for (int s = 0; s < Slots; s++)
            {
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Expected(model[s], page);
                Assert.IsTrue(page.AsSpan().SequenceEqual(back), "final slot " + s);
            }
            var st = new RecompressStats();
            r.GetStats(st);
            OutputHelper.WriteLine("recompressed " + st.RecompressedTotal + ", rejected " + st.Rejected + ", migrated " + st.Migrated
                                   + ", builds " + st.DictionaryBuilds + ", saved " + st.BytesSaved + " B, NoSpace " + noSpace);
            var bd = new BdStat();
            store.GetBdStat(bd);
            OutputHelper.WriteLine("written back " + bd.BdWrites + " (" + wroteRecompressed + " calls took recompressed pages), read back " + bd.BdReads);
            Assert.IsTrue(st.RecompressedTotal > 200 && st.DictionaryBuilds >= 5 && st.Migrated > 100);
            Assert.IsTrue(bd.BdWrites > 50 && bd.BdReads > 20 && wroteRecompressed > 10, "writeback barely ran");
            var mm = new MmStat();
            store.GetMmStat(mm);
            OutputHelper.WriteLine("pages merged at the end " + mm.PagesMerged + ", on a dictionary " + st.PagesWithDictionary);
            Assert.IsTrue(mm.PagesMerged > 5 && st.PagesWithDictionary > 20, "merging and dictionaries barely met");
        }

        private static void Expected(uint m, byte[] page)
        {
            if (m == 0)
            {
                Array.Clear(page);
                return;
            }
            uint seed = m - 1;
            PageSamples.Fill(PageSamples.MixedKind(seed), seed, page, 0, page.Length);
        }
    }
}
