// `store` command: capacity and speed of the page store (Allocator/Store) on realistic app-state pages,
// against a baseline (every page LZ4-compressed into a best-fit heap) and an ideal store, in one run.
//
// Pages: the built-in app-state image (Benchmarks/Store/AppStateMix.cs: sensor rings, config JSON with
// shared defaults, log rings, framebuffers with blank rows, icon tiles and double buffering, struct tables,
// heap-like pages, incompressible blobs, zeroed buffers), cut into 4 KiB and 1 KiB pages; or with
// --pages FILE... the files' raw 4 KiB pages in file order, each stored once (4 KiB pages only; the
// files' own duplicates and blank pages are what merge and same-filled find).
// Capacity (Benchmarks/Store/CapacityRun.cs): fill until a write fails, idle work to completion, fill
// again; logical bytes held / (arena + all metadata). Rows per arena and page size: ideal, the store with
// features added one at a time (compression only, + same-filled, + merge, + compaction = the store),
// baseline. merge_freed_fraction: at 128 KiB with 4 KiB pages, bytes of exact duplicates freed by one
// full idle scan / bytes they held.
// Speed (256 KiB arena, 4 KiB pages): writes cycling over 40 slots (each write replaces that slot's page)
// and reads of those slots, pages/s, store vs baseline (same LZ4 encoder, best-fit heap, slot table);
// merge scan speed: slots examined per ms in full scans of a freshly filled store.
// Recompression rows (4 KiB pages): the store whose idle passes also recompress every idle page (HC, then
// HC + a dictionary built from the stored pages), in rounds until a round stores no page; RESULT
// recompressed_capacity_128k/_256k (capacity, same unit, the recompressor's RAM counted),
// recompressed_capacity_gain_* (pages held / the store's), ideal_recompressed_gain_* (the same ratio for the
// ideal store with each page in its smallest LZ4 form: CapacityRun.IdealRecompressed), dict_gain (pages with /
// without the dictionary at 128 KiB); HC against liblz4 HC level 9 on the 4 KiB pages: hc_ratio_vs_liblz4hc
// (our bytes / liblz4's, lower is better), hc_compress_kbps, liblz4hc_compress_kbps (Recompress/HcFigures.cs).
// Options: --seed N, --quick, --pages FILE...; anything else is an error (exit code 2).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Benchmarks.Alloc;
using ZramEmbedded.Benchmarks.Store;

namespace ZramEmbedded.Benchmarks
{
    public static class StoreBenchmark
    {
        private const int SpeedSlots = 40;

        public static int Run(BenchmarkOptions options)
        {
            var results = new Results();
            bool files = options.PageFiles.Count > 0;
            List<byte[]> pages4k;
            List<byte[]> pages1k = null;
            if (files)
            {
                pages4k = new List<byte[]>();
                try
                {
                    foreach (string f in options.PageFiles) pages4k.AddRange(PageSet.FromFile(f).Pages);
                }
                catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is ArgumentException)
                {
                    Console.Error.WriteLine("store: cannot read pages: " + e.Message);
                    return 2;
                }
                Console.WriteLine("pages: " + pages4k.Count + " raw 4 KiB pages from " + string.Join(", ", options.PageFiles) + " (file order, each once)");
            }
            else
            {
                byte[] image = AppStateMix.Image(options.Quick ? 1536 * 1024 : 2560 * 1024, options.Seed);
                pages4k = AppStateMix.Pages(image, 4096);
                pages1k = AppStateMix.Pages(image, 1024);
                Console.WriteLine("pages: built-in app-state image, seed " + options.Seed + ", " + image.Length / 1024 + " KiB");
            }
            Describe(pages4k, 4096);
            if (pages1k != null) Describe(pages1k, 1024);
            Console.WriteLine();
            Console.WriteLine("capacity = logical bytes held / (arena + all metadata outside it); ideal: / arena, no metadata, perfect packing");

            CapacityTable(pages4k, 128 * 1024, 4096, "", results, true);
            CapacityTable(pages4k, 256 * 1024, 4096, "", results, false);
            if (pages1k != null)
            {
                CapacityTable(pages1k, 128 * 1024, 1024, "_1k", results, false);
                CapacityTable(pages1k, 256 * 1024, 1024, "_1k", results, false);
            }
            Recompress.HcFigures.Report(pages4k, results);
            Speed(pages4k, options.Quick, results);
            Console.WriteLine();
            results.Print();
            return 0;
        }

        private static void Describe(List<byte[]> pages, int pageSize)
        {
            var enc = new Lz4Encoder(StoreConfig.ForArena(128 * 1024, pageSize).EncoderHashBits);
            var buf = new byte[pageSize];
            var seen = new HashSet<string>();
            int zero = 0, same = 0, dup = 0, raw = 0, others = 0;
            long comp = 0;
            foreach (byte[] p in pages)
            {
                if (SameFilled.Detect(p, 0, pageSize, out uint w))
                {
                    if (w == 0) zero++;
                    else same++;
                    continue;
                }
                if (!seen.Add(Convert.ToBase64String(p)))
                {
                    dup++;
                    continue;
                }
                int n = enc.Compress(p, 0, pageSize, buf, 0, pageSize - 1);
                if (n == Lz4Block.DoesNotFit) raw++;
                else
                {
                    others++;
                    comp += n;
                }
            }
            double total = pages.Count;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "  {0} B pages: {1}; zero {2:P1}, other same-filled {3:P1}, exact duplicates {4:P1}, incompressible {5:P1}, LZ4 ratio of the rest {6:F2}",
                pageSize, pages.Count, zero / total, same / total, dup / total, raw / total, others > 0 ? (double)others * pageSize / comp : 0));
        }

        private static void CapacityTable(List<byte[]> pages, int arena, int pageSize, string suffix, Results results, bool mergeFraction)
        {
            Console.WriteLine();
            Console.WriteLine(string.Format("arena {0} KiB, {1} B pages", arena / 1024, pageSize));
            int hashBits = StoreConfig.ForArena(arena, pageSize).EncoderHashBits;
            var ideal = CapacityRun.Ideal(pages, arena, pageSize, pageSize, hashBits);
            Row(ideal, null);
            var steps = new[]
            {
                new StoreFeatures { Name = "store: compression only", SameFilled = false, Merge = false, Compaction = false },
                new StoreFeatures { Name = "  + same-filled pages", SameFilled = true, Merge = false, Compaction = false },
                new StoreFeatures { Name = "  + merge", SameFilled = true, Merge = true, Compaction = false },
                new StoreFeatures { Name = "  + compaction = store", SameFilled = true, Merge = true, Compaction = true },
            };
            CapacityResult prev = null, full = null;
            foreach (var f in steps)
            {
                var r = CapacityRun.Store(pages, arena, pageSize, f);
                Row(r, prev);
                prev = r;
                full = r;
            }
            int slots = StoreConfig.ForArena(arena, pageSize).SlotCount;
            var baseline = CapacityRun.Baseline(pages, arena, pageSize, hashBits, slots);
            Row(baseline, null);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "  store / ideal {0:F3}, store / baseline {1:F3}; store metadata {2} B ({3:P1} of the arena): {4} merged, {5} same-filled, {6} raw pages held, {7} pool frames compacted, {8} pages stored after idle work",
                full.Capacity / ideal.Capacity, full.Capacity / baseline.Capacity, full.MetadataBytes,
                (double)full.MetadataBytes / arena, full.PagesMerged, full.SamePages, full.HugePages, full.PagesCompacted, full.PagesAfterIdle));
            Console.WriteLine("  store metadata: " + full.MetadataSplit);
            if (full.RanOutOfPages) Console.WriteLine("  NOTE: the pages ran out before the arena filled (capacity is a lower bound)");
            if (full.SlotsRaised) Console.WriteLine("  NOTE: ForArena's slot table (3.5x the arena's pages) filled before the arena; measured with " + full.SlotCount + " slots");
            string k = arena == 128 * 1024 ? "128k" : "256k";
            if (pageSize == 4096) RecompressRows(pages, arena, pageSize, full, ideal, hashBits, k, results);
            results.Add("capacity_" + k + suffix, full.Capacity);
            if (arena == 128 * 1024)
            {
                results.Add("ideal_capacity_" + k + suffix, ideal.Capacity);
                results.Add("baseline_capacity_" + k + suffix, baseline.Capacity);
            }
            if (mergeFraction)
            {
                var merged = steps[2];
                var m = CapacityRun.Store(pages, arena, pageSize, merged);
                if (m.MergeFreedFraction < 0)
                    Console.WriteLine("  merge: no exact duplicates among the pages held when the arena first filled (merge_freed_fraction 1: nothing to free)");
                else
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                        "  merge: exact duplicates held {0} B of objects when the arena first filled; one full idle scan freed {1:P1} of them",
                        m.DuplicateBytes, m.MergeFreedFraction));
                results.Add("merge_freed_fraction", m.MergeFreedFraction < 0 ? 1 : m.MergeFreedFraction);
            }
        }

        // Idle recompression (Allocator/Store/Recompressor): the store as above, its idle passes also
        // recompressing every idle page with HC, without and with a dictionary built from the stored pages,
        // in rounds until a round stores no page (the steady state: every page has gone idle); the
        // recompressor's RAM counts as metadata. RESULT recompressed_capacity_<arena> is the capacity with the
        // dictionary (same unit as capacity_<arena>); _gain is pages held / the store's (same arena, RAM not
        // counted: the unit of zram's mm_stat figures); ideal_recompressed_gain_<arena> is the same ratio for
        // the ideal stores (CapacityRun.IdealRecompressed / Ideal): the most the LZ4 format with this
        // dictionary size can give on these pages, perfectly packed.
        private static void RecompressRows(List<byte[]> pages, int arena, int pageSize, CapacityResult store, CapacityResult ideal,
                                           int hashBits, string k, Results results)
        {
            var hcOnly = new StoreFeatures { Name = "  + idle recompression, HC", Recompress = new RecompressConfig { DictionaryBytes = 0 } };
            var withDict = new StoreFeatures { Name = "  + idle recompression, HC + dict", Recompress = new RecompressConfig() };
            var hc = CapacityRun.Store(pages, arena, pageSize, hcOnly);
            Row(hc, store);
            var dict = CapacityRun.Store(pages, arena, pageSize, withDict);
            Row(dict, hc);
            var ceiling = CapacityRun.IdealRecompressed(pages, arena, pageSize, hashBits, withDict.Recompress, ideal.PagesHeld);
            Row(ceiling, null);
            int ram = dict.RecompressorBytes;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "  recompressed / store: pages held {0:F3} (HC alone {1:F3}; ideal {2:F3}); capacity with the recompressor's {3} B of RAM as metadata {4:F3}; {5} idle rounds",
                (double)dict.PagesHeld / store.PagesHeld, (double)hc.PagesHeld / store.PagesHeld, (double)ceiling.PagesHeld / ideal.PagesHeld,
                ram, dict.Capacity / store.Capacity, dict.RecompressRounds + 1));
            results.Add("recompressed_capacity_" + k, dict.Capacity);
            results.Add("recompressed_capacity_gain_" + k, (double)dict.PagesHeld / store.PagesHeld);
            results.Add("ideal_recompressed_gain_" + k, (double)ceiling.PagesHeld / ideal.PagesHeld);
            if (k == "128k") results.Add("dict_gain", (double)dict.PagesHeld / hc.PagesHeld);
        }

        private static void Row(CapacityResult r, CapacityResult prev)
        {
            string delta = prev == null ? "" : string.Format(CultureInfo.InvariantCulture, "  ({0:+0.000;-0.000})", r.Capacity - prev.Capacity);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,-38} {1,6:F3}x  {2,5} pages  meta {3,6} B{4}{5}",
                r.Name, r.Capacity, r.PagesHeld, r.MetadataBytes, delta, r.RanOutOfPages ? "  (pages ran out)" : r.RanOutOfSlots ? "  (slots ran out)" : ""));
        }

        private sealed class TickClock : IMonotonicClock
        {
            public long Milliseconds => Environment.TickCount64;
        }

        private static void Speed(List<byte[]> pages, bool quick, Results results)
        {
            const int arena = 256 * 1024, pageSize = 4096;
            int writes = quick ? 6000 : 24000;
            int n = Math.Min(pages.Count, 400);
            var pool = new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, pageSize));
            var cfg = StoreConfig.ForArena(arena, pageSize);
            var store = new PageStore(pool, cfg, new TickClock());
            StoreClient client = store.Register("speed", SpeedSlots);
            var heap = new BestFitAllocator(new byte[arena]);
            var enc = new Lz4Encoder(cfg.EncoderHashBits);
            var scratch = new byte[pageSize];
            var ids = new int[SpeedSlots];
            var sizes = new int[SpeedSlots];
            for (int i = 0; i < SpeedSlots; i++) ids[i] = -1;
            var dst = new byte[pageSize];
            double sw = 0, sr = 0, bw = 0, br = 0;
            int failures = 0;
            for (int round = 0; round < 3; round++)
            {
                var t = Stopwatch.StartNew();
                for (int i = 0; i < writes; i++)
                    if (client.Write(i % SpeedSlots, pages[i % n], 0) != StoreResult.Ok) failures++;
                sw = Math.Max(sw, writes / t.Elapsed.TotalSeconds);
                t.Restart();
                for (int i = 0; i < writes; i++)
                    if (client.Read(i % SpeedSlots, dst, 0) != StoreResult.Ok) failures++;
                sr = Math.Max(sr, writes / t.Elapsed.TotalSeconds);
                t.Restart();
                for (int i = 0; i < writes; i++)
                {
                    int s = i % SpeedSlots;
                    if (ids[s] >= 0) heap.Free(ids[s]);
                    byte[] p = pages[i % n];
                    int c = enc.Compress(p, 0, pageSize, scratch, 0, pageSize - 1);
                    sizes[s] = c == Lz4Block.DoesNotFit ? -pageSize : c;
                    ids[s] = c == Lz4Block.DoesNotFit ? heap.Alloc(pageSize, p) : heap.Alloc(c, scratch);
                    if (ids[s] < 0) failures++;
                }
                bw = Math.Max(bw, writes / t.Elapsed.TotalSeconds);
                t.Restart();
                for (int i = 0; i < writes; i++)
                {
                    int s = i % SpeedSlots;
                    if (sizes[s] < 0) heap.Read(ids[s], dst);
                    else
                    {
                        heap.Read(ids[s], scratch);
                        if (Lz4Decoder.TryDecompress(scratch, 0, sizes[s], dst, 0, pageSize) != pageSize) failures++;
                    }
                }
                br = Math.Max(br, writes / t.Elapsed.TotalSeconds);
            }
            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "speed (256 KiB arena, 4 KiB pages, {0} slots rewritten in turn, best of 3 x {1}): store write {2:F0} pages/s, read {3:F0}; baseline write {4:F0}, read {5:F0}; store/baseline write {6:F2}, read {7:F2}{8}",
                SpeedSlots, writes, sw, sr, bw, br, sw / bw, sr / br, failures > 0 ? "  (" + failures + " failed operations!)" : ""));

            // Merge scan speed: one store, filled, then repeatedly rewritten with other pages (new objects the
            // scan has not seen) and scanned in full; median over repetitions after a warm-up.
            int reps = quick ? 15 : 41;
            var rates = new List<double>();
            var p2 = new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, pageSize));
            var s2 = new PageStore(p2, cfg, new TickClock());
            StoreClient c2 = s2.Register("scan", cfg.SlotCount);
            for (int rep = 0; rep < reps + 5; rep++)
            {
                for (int i = 0; i < cfg.SlotCount; i++) c2.Discard(i);
                for (int i = 0; i < cfg.SlotCount && i < pages.Count; i++)
                    if (c2.Write(i, pages[(i + rep * 7) % pages.Count], 0) != StoreResult.Ok) break;
                long before = s2.PagesScannedTotal;
                var t = Stopwatch.StartNew();
                while (s2.MergeSlice(64) > 0) { }
                double ms = t.Elapsed.TotalMilliseconds;
                if (rep >= 5) rates.Add((s2.PagesScannedTotal - before) / ms);
            }
            rates.Sort();
            double scan = rates[rates.Count / 2];
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "merge scan: {0:F0} slots examined per ms (median of {1} full scans of a filled 256 KiB store; each new object read, hashed, compared with its candidates)",
                scan, rates.Count));
            results.Add("write_pages_per_s", sw);
            results.Add("read_pages_per_s", sr);
            results.Add("baseline_write_pages_per_s", bw);
            results.Add("baseline_read_pages_per_s", br);
            results.Add("merge_scan_pages_per_ms", scan);
        }
    }
}
