// Store capacity with and without idle recompression, for the `recompress` command and the store
// benchmark's recompression rows. Capacity = pages of a page sequence (the realistic mix, or --pages)
// that a PageStore over an arena of N bytes holds:
// - fast: pages are written in order until the first write that returns NoSpace;
// - recompressed: the same, then rounds of {mark all idle, recompression slices until one reports nothing
//   to do (the first round builds the dictionary from the stored pages), a full compaction, writing on
//   from the page that failed until the next NoSpace} until a round stores no page.
// The store has slots for 16 pages per 4 KiB of arena (never the limit) and no merging (the mix has no
// duplicates); everything else is StoreConfig.ForArena / PoolConfigFor. Also measured: read time of all
// stored pages before and after recompression (the same pages, fast form against recompressed form).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Benchmarks.Recompress
{
    public sealed class RecompressCapacityResult
    {
        public int FastPages;
        public int RecompressedPages;
        public int Rounds;
        public long BytesSaved;
        public long PagesRecompressed;
        public long DictionaryBytes;
        public int WorkingBytes;
        public double FastReadSeconds;     // reading the FastPages pages in fast form
        public double RecompressedReadSeconds; // reading the same pages after the first recompression pass
        public double RecompressSeconds;   // the first recompression pass (dictionary build included)
    }

    public static class RecompressCapacity
    {
        private sealed class Clock : IMonotonicClock
        {
            public long Milliseconds => 0;
        }

        /// <summary>Capacity of a store of arenaBytes over `pages`; config null = no recompression (fast only).</summary>
        public static RecompressCapacityResult Measure(int arenaBytes, List<byte[]> pages, RecompressConfig config)
        {
            int pageSize = pages[0].Length;
            StoreConfig sc = StoreConfig.ForArena(arenaBytes, pageSize);
            sc.SlotCount = Math.Min(StoreConfig.MaxSlotCount, Math.Max(64, (int)((long)arenaBytes * 16 / 4096)));
            sc.MergeTableSize = 0;
            var pool = new ZsPool(new byte[arenaBytes], StoreConfig.PoolConfigFor(arenaBytes, pageSize));
            var store = new PageStore(pool, sc, new Clock());
            Recompressor r = config != null ? new Recompressor(store, config) : null;
            StoreClient client = store.Register("bench", sc.SlotCount);
            var result = new RecompressCapacityResult();
            byte[] back = new byte[pageSize];

            int next = 0;
            next = Fill(client, pages, next);
            result.FastPages = next;
            result.FastReadSeconds = ReadAll(client, next, back);
            if (r == null)
            {
                result.RecompressedPages = next;
                return result;
            }
            var st = new RecompressStats();
            for (int round = 0; ; round++)
            {
                var clock = Stopwatch.StartNew();
                RecompressAll(store, r);
                if (round == 0)
                {
                    result.RecompressSeconds = clock.Elapsed.TotalSeconds;
                    result.RecompressedReadSeconds = ReadAll(client, next, back);
                }
                int before = next;
                next = Fill(client, pages, next);
                result.Rounds = round + 1;
                if (next == before || next >= pages.Count || next >= client.SlotCount) break;
            }
            r.GetStats(st);
            result.RecompressedPages = next;
            result.BytesSaved = st.BytesSaved;
            result.PagesRecompressed = st.PagesRecompressed;
            result.DictionaryBytes = st.DictionaryBytes;
            result.WorkingBytes = r.WorkingBytes;
            store.CheckInvariants();
            for (int i = 0; i < next; i++)
            {
                if (client.Read(i, back, 0) != StoreResult.Ok || !back.AsSpan().SequenceEqual(pages[i]))
                    throw new InvalidOperationException("page " + i + " reads differently after recompression");
            }
            return result;
        }

        /// <summary>
        /// The idle pass of a capacity run: mark every page idle, then recompression slices until one reports
        /// nothing to do and a full compaction, repeated until a pass recompresses or rejects no more pages
        /// (in a full pool a new form may find room only after the pages before it were done and compacted).
        /// </summary>
        public static void RecompressAll(PageStore store, Recompressor r)
        {
            var st = new RecompressStats();
            store.MarkAllIdle();
            long done = -1;
            while (true)
            {
                while (r.Slice(1 << 20, RecompressType.Idle) != 0) { }
                while (store.Compact(1 << 20) > 0) { }
                r.GetStats(st);
                if (st.RecompressedTotal + st.Rejected == done) return;
                done = st.RecompressedTotal + st.Rejected;
            }
        }

        private static int Fill(StoreClient client, List<byte[]> pages, int next)
        {
            while (next < pages.Count && next < client.SlotCount && client.Write(next, pages[next], 0) == StoreResult.Ok) next++;
            if (next >= pages.Count || next >= client.SlotCount)
                throw new InvalidOperationException("the page set or the slot table ran out before the arena: give more pages");
            return next;
        }

        private static double ReadAll(StoreClient client, int count, byte[] back)
        {
            double best = double.MaxValue;
            for (int rep = 0; rep < 15; rep++)
            {
                long t0 = Stopwatch.GetTimestamp();
                for (int i = 0; i < count; i++) client.Read(i, back, 0);
                best = Math.Min(best, (Stopwatch.GetTimestamp() - t0) / (double)Stopwatch.Frequency);
            }
            return best;
        }
    }
}
