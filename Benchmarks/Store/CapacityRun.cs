// Capacity runs for the `store` benchmark: how many logical bytes of a page sequence an arena holds.
//
// Store (PageStore over ZsPool): store pages in order until a write fails; run idle work to completion
// (merge scan, then compaction); go on storing from where it stopped (the page that failed first) until a
// write fails again. Capacity = logical bytes held / (arena bytes + every byte of metadata outside the
// arena: slot table, merge table, scratch, encoder table, the pool's own). Features can be switched off
// for the breakdown (same-filled detection, merge, compaction).
// Baseline: every page LZ4-compressed (the same encoder; raw when it does not shrink) into a best-fit heap
// (Benchmarks/Alloc/BestFitAllocator, in-arena headers), no same-filled pages, no merge, no compaction;
// stops at the first failure. Its metadata: a 6-byte slot entry (id + size) per page slot (as many slots
// as the store's default, more if it holds more pages), the same encoder table and a page-sized scratch
// buffer.
// Ideal: perfect packing and no metadata with the same dedup: a same-filled page costs 0, an exact
// duplicate of a page already held costs 0, any other page costs its LZ4 size (raw if it does not
// shrink); pages in order until the next does not fit. Capacity = logical bytes / arena bytes.
using System;
using System.Collections.Generic;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Benchmarks.Alloc;

namespace ZramEmbedded.Benchmarks.Store
{
    public sealed class CapacityResult
    {
        public string Name = "";
        public double Capacity;
        public long LogicalBytes;
        public int PagesHeld;
        public int MetadataBytes;
        public int ArenaBytes;
        public bool RanOutOfPages;
        public bool RanOutOfSlots;
        /// <summary>The default slot table ran out first; this result is with a larger one.</summary>
        public bool SlotsRaised;
        public int SlotCount;
        /// <summary>Merge only: bytes of exact duplicates freed by one full scan / bytes they held (−1 if none).</summary>
        public double MergeFreedFraction = -1;
        public long DuplicateBytes;
        public long PagesMerged;
        public long SamePages;
        public long HugePages;
        public long PagesCompacted;
        public int PagesAfterIdle;
        /// <summary>Recompression only: idle rounds after the first (each: merge, recompress, compact, write on).</summary>
        public int RecompressRounds;
        /// <summary>Recompression only: the recompressor's RAM (Recompressor.WorkingBytes, part of MetadataBytes).</summary>
        public int RecompressorBytes;
        /// <summary>Where the store's metadata goes (store only).</summary>
        public string MetadataSplit = "";
    }

    public sealed class StoreFeatures
    {
        public bool SameFilled = true;
        public bool Merge = true;
        public bool Compaction = true;
        public string Name = "store";
        /// <summary>Overrides of the store's defaults (0 = StoreConfig.ForArena's), for parameter sweeps.</summary>
        public int HashBits;
        public int HugeThreshold;
        public double SlotsPerArenaPage;
        public double MergeEntriesPerArenaPage;
        /// <summary>Idle recompression during the idle work (null = none): Recompress/RecompressCapacity.RecompressAll.</summary>
        public RecompressConfig Recompress;
    }

    public static class CapacityRun
    {
        private sealed class FixedClock : IMonotonicClock
        {
            public long Milliseconds => 0;
        }

        public static StoreConfig ConfigFor(int arenaBytes, int pageSize, StoreFeatures f, int pageCount)
        {
            StoreConfig cfg = StoreConfig.ForArena(arenaBytes, pageSize);
            cfg.SameFilledPages = f.SameFilled;
            if (f.HashBits > 0) cfg.EncoderHashBits = f.HashBits;
            if (f.HugeThreshold > 0) cfg.HugeThreshold = f.HugeThreshold;
            if (f.SlotsPerArenaPage > 0) cfg.SlotCount = (int)(f.SlotsPerArenaPage * arenaBytes / pageSize);
            if (f.MergeEntriesPerArenaPage > 0) cfg.MergeTableSize = (int)(f.MergeEntriesPerArenaPage * arenaBytes / pageSize);
            if (!f.Merge) cfg.MergeTableSize = 0;
            return cfg;
        }

        /// <summary>
        /// The store's capacity with StoreConfig.ForArena's slot table; if the slots run out before the arena
        /// fills, again with twice the slots (and their metadata) until the arena is the limit.
        /// </summary>
        public static CapacityResult Store(List<byte[]> pages, int arenaBytes, int pageSize, StoreFeatures f)
        {
            CapacityResult r = StoreOnce(pages, arenaBytes, pageSize, f);
            double slots = 4;
            while (r.RanOutOfSlots && slots < 64)
            {
                slots *= 2;
                f.SlotsPerArenaPage = slots;
                r = StoreOnce(pages, arenaBytes, pageSize, f);
                r.SlotsRaised = true;
            }
            return r;
        }

        private static CapacityResult StoreOnce(List<byte[]> pages, int arenaBytes, int pageSize, StoreFeatures f)
        {
            StoreConfig cfg = ConfigFor(arenaBytes, pageSize, f, pages.Count);
            var pool = new ZsPool(new byte[arenaBytes], StoreConfig.PoolConfigFor(arenaBytes, cfg));
            var store = new PageStore(pool, cfg, new FixedClock());
            Recompressor recompressor = f.Recompress != null ? new Recompressor(store, f.Recompress) : null;
            StoreClient client = store.Register("bench", cfg.SlotCount);
            var r = new CapacityResult { Name = f.Name, ArenaBytes = arenaBytes, SlotCount = cfg.SlotCount };
            int next = 0;
            int slot = 0;
            Fill(client, pages, ref next, ref slot, r);
            var mm = new MmStat();
            store.GetMmStat(mm);
            long comprBefore = mm.ComprDataSize;
            if (f.Merge)
            {
                r.DuplicateBytes = DuplicateBytes(pages, next, pageSize, store.HugeThreshold, cfg.EncoderHashBits, f.SameFilled);
                while (store.MergeSlice(4096) > 0) { }
                store.GetMmStat(mm);
                if (r.DuplicateBytes > 0) r.MergeFreedFraction = (double)(comprBefore - mm.ComprDataSize) / r.DuplicateBytes;
            }
            IdlePass(store, recompressor, f, false); // merged just above, measured
            int before = slot;
            Fill(client, pages, ref next, ref slot, r);
            // With recompression, the pages written after an idle pass go idle in their turn: rounds of
            // {idle pass, write on} until a round stores no page (the steady state of a device whose pages
            // all go idle), as the `recompress` command measures.
            while (recompressor != null && slot > before && !r.RanOutOfPages && !r.RanOutOfSlots)
            {
                r.RecompressRounds++;
                int roundStart = slot;
                IdlePass(store, recompressor, f, true);
                Fill(client, pages, ref next, ref slot, r);
                if (slot == roundStart) break;
            }
            r.PagesAfterIdle = slot - before;
            store.GetMmStat(mm);
            r.LogicalBytes = mm.OrigDataSize;
            r.PagesHeld = slot;
            r.PagesMerged = mm.PagesMerged;
            r.SamePages = mm.SamePages;
            r.HugePages = mm.HugePages;
            r.PagesCompacted = mm.PagesCompacted;
            r.MetadataBytes = store.MetadataBytes;
            if (recompressor != null) r.RecompressorBytes = recompressor.WorkingBytes;
            r.MetadataSplit = string.Format("slot table {0} B ({1} slots), merge table {2} B ({3} entries), scratch + LZ4 table {4} B, other store objects {5} B, pool {6} B",
                store.SlotTableBytes, store.SlotCount, store.MergeTableBytes, store.MergeTableSize, store.WorkingBufferBytes,
                store.StoreOwnBytes - store.SlotTableBytes - store.MergeTableBytes - store.WorkingBufferBytes, pool.MetadataBytes);
            r.Capacity = (double)r.LogicalBytes / (arenaBytes + r.MetadataBytes);
            store.CheckInvariants();
            return r;
        }

        // The store's idle work run to completion in IdleWork's order, the features allowing (a merge scan
        // first when asked: pages written since the last pass): recompression of every idle page, a merge scan
        // (merged pages were recompressed as one copy per slot: the scan shares the copies again), compaction.
        private static void IdlePass(PageStore store, Recompressor recompressor, StoreFeatures f, bool merge)
        {
            if (merge && f.Merge) IdleWork.RunToCompletion(IdleWork.Merge, store, RecompressType.Idle, int.MaxValue);
            for (int step = 0; step < IdleWork.Steps; step++)
            {
                if (step == IdleWork.Recompress)
                {
                    if (recompressor != null) Recompress.RecompressCapacity.RecompressAll(store, recompressor);
                    continue;
                }
                if (step == IdleWork.Merge && (!f.Merge || recompressor == null)) continue;
                if (step == IdleWork.Compact && !f.Compaction) continue;
                IdleWork.RunToCompletion(step, store, RecompressType.Idle, int.MaxValue);
            }
        }

        private static void Fill(StoreClient client, List<byte[]> pages, ref int next, ref int slot, CapacityResult r)
        {
            while (true)
            {
                if (next >= pages.Count)
                {
                    r.RanOutOfPages = true;
                    return;
                }
                if (slot >= client.SlotCount)
                {
                    r.RanOutOfSlots = true;
                    return;
                }
                if (client.Write(slot, pages[next], 0) != StoreResult.Ok) return;
                next++;
                slot++;
            }
        }

        /// <summary>Bytes the exact duplicates among pages[0..count) hold as objects (all but the first copy).</summary>
        private static long DuplicateBytes(List<byte[]> pages, int count, int pageSize, int hugeThreshold, int hashBits, bool sameFilled)
        {
            var enc = new Lz4Encoder(hashBits);
            var buf = new byte[pageSize];
            var seen = new HashSet<string>();
            long bytes = 0;
            for (int i = 0; i < count; i++)
            {
                if (sameFilled && SameFilled.Detect(pages[i], 0, pageSize, out _)) continue;
                string key = Convert.ToBase64String(pages[i]);
                if (seen.Add(key)) continue;
                int n = enc.Compress(pages[i], 0, pageSize, buf, 0, hugeThreshold - 1);
                bytes += n == Lz4Block.DoesNotFit ? pageSize : n;
            }
            return bytes;
        }

        public static CapacityResult Baseline(List<byte[]> pages, int arenaBytes, int pageSize, int hashBits, int slotCount)
        {
            var heap = new BestFitAllocator(new byte[arenaBytes]);
            var enc = new Lz4Encoder(hashBits);
            var buf = new byte[pageSize];
            var r = new CapacityResult { Name = "baseline: LZ4 + best-fit", ArenaBytes = arenaBytes };
            int i = 0;
            for (; i < pages.Count; i++)
            {
                int n = enc.Compress(pages[i], 0, pageSize, buf, 0, pageSize - 1);
                int id = n == Lz4Block.DoesNotFit ? heap.Alloc(pageSize, pages[i]) : heap.Alloc(n, buf);
                if (id < 0) break;
            }
            r.RanOutOfPages = i >= pages.Count;
            r.PagesHeld = i;
            r.LogicalBytes = (long)i * pageSize;
            r.MetadataBytes = Math.Max(slotCount, i) * 6 + enc.HashTableBytes + pageSize;
            r.Capacity = (double)r.LogicalBytes / (arenaBytes + r.MetadataBytes);
            return r;
        }

        public static CapacityResult Ideal(List<byte[]> pages, int arenaBytes, int pageSize, int hugeThreshold, int hashBits)
        {
            var enc = new Lz4Encoder(hashBits);
            return Ideal(pages, arenaBytes, pageSize, "ideal (perfect packing, no metadata)",
                         (page, buf) => enc.Compress(page, 0, pageSize, buf, 0, hugeThreshold - 1));
        }

        /// <summary>
        /// The ceiling of idle recompression in the LZ4 block format on these pages: the ideal store (as Ideal)
        /// where every page costs its smallest form among the fast encoder's, HC level 12's (chain over the
        /// whole window) and HC level 12's with a dictionary of dictionaryBytes built by the store's method
        /// (cfg's builder settings) from up to cfg.SamplePages distinct compressible pages of those the fast
        /// ideal holds, a stride apart as the Recompressor samples. Recompressor RAM is not counted: a bound
        /// on pages held, not on capacity.
        /// </summary>
        public static CapacityResult IdealRecompressed(List<byte[]> pages, int arenaBytes, int pageSize, int hashBits, RecompressConfig cfg, int fastHeld)
        {
            var fast = new Lz4Encoder(hashBits);
            var hc = new Lz4HcEncoder(pageSize, cfg.DictionaryBytes, Lz4HcEncoder.DefaultHashBits, Lz4HcEncoder.MaxLevel);
            var candidates = new List<byte[]>();
            var distinct = new HashSet<string>();
            var probe = new byte[pageSize];
            for (int i = 0; i < fastHeld && i < pages.Count; i++)
            {
                if (SameFilled.Detect(pages[i], 0, pageSize, out _) || !distinct.Add(Convert.ToBase64String(pages[i]))) continue;
                if (fast.Compress(pages[i], 0, pageSize, probe, 0, pageSize - 1) != Lz4Block.DoesNotFit) candidates.Add(pages[i]);
            }
            byte[] dict = new byte[cfg.DictionaryBytes];
            int dictLength = 0;
            if (cfg.DictionaryBytes > 0 && candidates.Count > 0)
            {
                var builder = new Lz4DictionaryBuilder(cfg.DictionaryBytes, new ushort[1 << (cfg.ChainBits == 0 ? 12 : cfg.ChainBits)],
                                                       cfg.SegmentLength, cfg.PicksPerPage, cfg.SampleBits, false);
                int stride = Math.Max(1, candidates.Count / cfg.SamplePages);
                for (int pass = 0; pass < 2; pass++)
                    for (int i = 0, taken = 0; i < candidates.Count && taken < cfg.SamplePages; i += stride, taken++)
                    {
                        if (pass == 0) builder.Count(candidates[i], 0, pageSize);
                        else builder.Select(candidates[i], 0, pageSize);
                    }
                dictLength = builder.Finish(dict, 0);
            }
            return Ideal(pages, arenaBytes, pageSize, "ideal, recompressed (no RAM counted)", (page, buf) =>
            {
                int best = fast.Compress(page, 0, pageSize, buf, 0, pageSize - 1);
                if (best == Lz4Block.DoesNotFit) best = pageSize;
                int n = hc.Compress(page, 0, pageSize, probe, 0, pageSize - 1);
                if (n != Lz4Block.DoesNotFit && n < best) best = n;
                if (dictLength > 0)
                {
                    n = hc.Compress(page, 0, pageSize, probe, 0, pageSize - 1, dict, 0, dictLength);
                    if (n != Lz4Block.DoesNotFit && n < best) best = n;
                }
                return best == pageSize ? Lz4Block.DoesNotFit : best;
            });
        }

        private static CapacityResult Ideal(List<byte[]> pages, int arenaBytes, int pageSize, string name, Func<byte[], byte[], int> compress)
        {
            var buf = new byte[pageSize];
            var held = new HashSet<string>();
            var r = new CapacityResult { Name = name, ArenaBytes = arenaBytes };
            long used = 0;
            int i = 0;
            for (; i < pages.Count; i++)
            {
                int cost = 0;
                if (!SameFilled.Detect(pages[i], 0, pageSize, out _))
                {
                    string key = Convert.ToBase64String(pages[i]);
                    if (!held.Contains(key))
                    {
                        int n = compress(pages[i], buf);
                        cost = n == Lz4Block.DoesNotFit ? pageSize : n;
                        if (used + cost > arenaBytes) break;
                        held.Add(key);
                    }
                }
                used += cost;
            }
            r.RanOutOfPages = i >= pages.Count;
            r.PagesHeld = i;
            r.LogicalBytes = (long)i * pageSize;
            r.Capacity = (double)r.LogicalBytes / arenaBytes;
            return r;
        }
    }
}
