// `alloc` command: utilization, metadata and speed of the zspage pool (Allocator/Pool) against a
// best-fit free-list baseline and against zsmalloc's own parameters, on realistic object sizes.
//
// Object sizes: the built-in mixed page set (PageSet.Mixed) or --pages files, each 4 KiB page compressed
// with the machine's liblz4 (LZ4_compress_default); same-filled pages (incl. zero pages) are left out
// because the page store keeps them in its slot without allocating, and a page that does not shrink is
// stored raw (4096 B), as zram does.
//
// Utilization = live object bytes / (arena bytes + metadata held outside the arena). Workload
// (Alloc/ChurnHarness.cs, identical for every allocator, sizes drawn with SampleRandom from --seed), every
// row measured under two churn rules, printed side by side:
// - first-fail: allocate drawn sizes into the empty arena until the first allocation fails (same under
//   both rules).
// - steady, strict (the headline RESULT names): 20000 stored requests (--steps; 1 MiB runs a quarter).
//   No request is ever dropped, as a page store cannot drop a page: when the next drawn size does not
//   fit, utilization is sampled (the pool as full as it gets), then uniformly random live objects are
//   freed — one idle compaction slice of 4 KiB after each free (pools only; best-fit cannot compact) —
//   until it fits, and it is stored. Mean of the samples after the first 10 % of steps.
// - steady, lenient (the older definition; RESULT names with `_lenient`): a step frees one random live
//   object, runs one 4 KiB slice, then allocates drawn sizes until one fails, and that request is
//   dropped; sampled at that failure. Dropping what does not fit keeps sizes that happen to fit the holes
//   (survivor bias), so it reads higher than strict for every allocator.
// - "no-compact": the same churn without any compaction.
// - after full compaction: every 50 steps of the steady run, compact fully, then fill by the same rule
//   until the first failure and sample; the mean of those samples.
// - mean live B: mean size of the live objects at the samples; strict keeps the drawn mean, lenient's is
//   smaller (the survivor bias made visible).
// - frees/req: strict rule, mean live objects freed (evicted) per stored request.
// Rows: ours (PoolConfig.ForArena), zsmalloc's parameters (ZsmallocParams: 4 KiB frames, chain 4, 16 B
// step) on our pool, the same with classic fixed-size zspages, ours with fixed zspages, ours without tail
// packing (whole objects in classes, 512 B frames: the defaults before packing), and best-fit.
// Speed: malloc+write+read+free cycles of 1536 B objects in a half-full 256 KiB arena, and CompactAll
// throughput (bytes moved / time, and frames released / time: packed pools move only tails, so they move
// fewer bytes per frame released) after freeing half of a full arena, beside the baselines' figures.
// Options: --quick (shorter), --seed N, --steps N, --sweep (parameter grid used to pick the defaults:
// --sweep-frames/-chains/-steps/-min/-groups/-bph/-pack take comma lists; strict rule unless --lenient),
// --breakdown (with --frame/--chain/--step/--groups/--pack 0|1/--bph to pick the configuration)
// (where the bytes go). Metadata, class table, sweep and breakdown use the strict rule.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Benchmarks.Alloc;
using ZramEmbedded.Native;

namespace ZramEmbedded.Benchmarks
{
    public static class AllocBenchmark
    {
        private const int SliceBytes = 4096;
        private const int CompactEvery = 50;

        public static int Run(BenchmarkOptions options)
        {
            int pageCount = options.Quick ? 600 : 3000;
            int steps = options.Quick ? 4000 : 20000;
            steps = options.Int("steps", steps);
            int[] sizes = CompressedSizes(options, pageCount);
            PrintDistribution(sizes);

            if (options.Has("sweep"))
            {
                Sweep(sizes, options.Seed, steps, options);
                return 0;
            }
            if (options.Has("breakdown"))
            {
                Breakdown(sizes, options.Seed, steps, ConfigFromOptions(options));
                return 0;
            }

            var results = new Results();
            PrintDefinitions(steps);
            Utilization(sizes, options.Seed, steps, results);
            Metadata(sizes, options.Seed, steps, results);
            Segmented(sizes, options.Seed, steps, results);
            ForeignHandles(options.Seed, options.Quick ? 20000 : 100000, results);
            ClassTable(sizes, options.Seed, steps);
            Speed(sizes, options.Seed, options.Quick, results);
            Console.WriteLine();
            results.Print();
            return 0;
        }

        private static void PrintDefinitions(int steps)
        {
            Console.WriteLine();
            Console.WriteLine("Definitions (Benchmarks/Alloc/ChurnHarness.cs):");
            Console.WriteLine("  utilization = live object bytes / (arena bytes + metadata held outside the arena)");
            Console.WriteLine("  first-fail  = allocate drawn sizes into the empty pool until the first allocation fails (both rules)");
            Console.WriteLine("  strict      = " + steps + " stored requests; none is ever dropped (a page store cannot drop a page):");
            Console.WriteLine("                when the next drawn size does not fit, sample (pool as full as it gets), then free");
            Console.WriteLine("                uniformly random live objects, one idle compaction slice of " + SliceBytes + " B after each free");
            Console.WriteLine("                (pools only), until it fits, and store it; mean of samples after 10 % warm-up. HEADLINE");
            Console.WriteLine("  lenient     = older rule: a step frees one random live object, runs one slice, then allocates drawn");
            Console.WriteLine("                sizes until one fails, which is DROPPED; sampled there (survivor-biased: reads high)");
            Console.WriteLine("  no-compact  = the same churn without any compaction");
            Console.WriteLine("  compacted   = every " + CompactEvery + " steps: full compaction, then fill by the same rule until the first");
            Console.WriteLine("                failure; mean of those samples");
            Console.WriteLine("  mean live B = mean size of the live objects at the samples (drawn mean above: strict keeps it,");
            Console.WriteLine("                lenient drifts towards sizes that fit)");
            Console.WriteLine("  frees/req   = strict rule: live objects freed per stored request (after warm-up)");
            Console.WriteLine("Rows: ours = PoolConfig.ForArena (elastic zspages); zsmalloc params = 4 KiB frames, chain 4, 16 B step on");
            Console.WriteLine("  our pool; '+fixed' / 'fixed zspages' = the same with classic zsmalloc zspages (whole chain held while");
            Console.WriteLine("  any object lives); 'no tail packing' = ours with whole objects in their classes (512 B frames, the");
            Console.WriteLine("  defaults before tail packing); best-fit = Alloc/BestFitAllocator.cs (umm_malloc-like, 4 B header, 8 B granules).");
        }

        private static readonly int[] UtilArenas = { 64 * 1024, 128 * 1024, 256 * 1024, 1024 * 1024 };

        private static void Utilization(int[] sizes, uint seed, int steps, Results results)
        {
            Console.WriteLine();
            Console.WriteLine("Utilization (%)                      steady           no-compact       compacted     live objs   mean live B");
            Console.WriteLine("                           arena  first-fail  strict lenient   strict lenient   strict lenient   strict  strict lenient  frees/req");
            foreach (int arena in UtilArenas)
            {
                int st = arena >= 1024 * 1024 ? steps / 4 : steps;
                string k = (arena / 1024) + "k";
                var ours = Row("ours (defaults)", arena, sizes, seed, st, () => new ZsPoolAllocator("ours", new byte[arena], PoolConfig.ForArena(arena)));
                var zs = Row("zsmalloc params", arena, sizes, seed, st, () => new ZsPoolAllocator("zs", new byte[arena], PoolConfig.ZsmallocParams()));
                var zc = Row("zsmalloc params+fixed", arena, sizes, seed, st, () => new ZsPoolAllocator("zs", new byte[arena], ClassicZsmalloc()));
                var oc = Row("ours, fixed zspages", arena, sizes, seed, st, () => new ZsPoolAllocator("zs", new byte[arena], Classic(PoolConfig.ForArena(arena))));
                var up = Row("ours, no tail packing", arena, sizes, seed, st, () => new ZsPoolAllocator("ours", new byte[arena], Unpacked(PoolConfig.ForArena(arena))));
                var bf = Row("best-fit baseline", arena, sizes, seed, st, () => new BestFitAllocator(new byte[arena]));
                for (int pass = 0; pass < 2; pass++)
                {
                    // pass 0: strict (headline names), pass 1: lenient (`_lenient` suffix).
                    string sfx = pass == 0 ? "" : "_lenient";
                    ChurnResult o = pass == 0 ? ours.Strict : ours.Lenient;
                    if (arena == 128 * 1024)
                    {
                        results.Add("util_first_fail_128k" + sfx, o.FirstFail);
                        results.Add("util_steady_128k" + sfx, o.Steady);
                        results.Add("util_compacted_128k" + sfx, o.Compacted);
                        results.Add("bestfit_util_steady_128k" + sfx, (pass == 0 ? bf.Strict : bf.Lenient).Steady);
                        results.Add("zsparams_util_steady_128k" + sfx, (pass == 0 ? zs.Strict : zs.Lenient).Steady);
                        results.Add("zsclassic_util_steady_128k" + sfx, (pass == 0 ? zc.Strict : zc.Lenient).Steady);
                        results.Add("unpacked_util_steady_128k" + sfx, (pass == 0 ? up.Strict : up.Lenient).Steady);
                        results.Add("unpacked_util_compacted_128k" + sfx, (pass == 0 ? up.Strict : up.Lenient).Compacted);
                    }
                    if (arena == 256 * 1024)
                    {
                        results.Add("util_steady_256k" + sfx, o.Steady);
                        results.Add("util_compacted_256k" + sfx, o.Compacted);
                        results.Add("bestfit_util_steady_256k" + sfx, (pass == 0 ? bf.Strict : bf.Lenient).Steady);
                    }
                }
            }
        }

        /// <summary>The defaults without tail packing: whole objects in their classes, 512 B frames (the pre-packing defaults).</summary>
        private static PoolConfig Unpacked(PoolConfig c)
        {
            c.PackTails = false;
            if (c.FrameSize < 512) c.FrameSize = 512; // a whole 4096 B object must fit a 16-frame chain
            c.MinClassSize = 32;
            return c;
        }

        private static PoolConfig Classic(PoolConfig c)
        {
            c.ElasticZspages = false;
            return c;
        }

        private static PoolConfig ClassicZsmalloc()
        {
            return Classic(PoolConfig.ZsmallocParams());
        }

        /// <summary>One allocator row under both churn rules (the strict and lenient runs with and without compaction).</summary>
        private sealed class RowResult
        {
            public ChurnResult Strict;
            public ChurnResult Lenient;
        }

        private static RowResult Row(string name, int arena, int[] sizes, uint seed, int steps, Func<IChurnAllocator> make)
        {
            var r = new RowResult();
            r.Strict = ChurnHarness.Run(make(), sizes, seed, steps, SliceBytes, CompactEvery, ChurnRule.Strict);
            ChurnResult strictPlain = ChurnHarness.Run(make(), sizes, seed, steps, 0, 0, ChurnRule.Strict);
            r.Lenient = ChurnHarness.Run(make(), sizes, seed, steps, SliceBytes, CompactEvery, ChurnRule.Lenient);
            ChurnResult lenientPlain = ChurnHarness.Run(make(), sizes, seed, steps, 0, 0, ChurnRule.Lenient);
            Console.WriteLine("  " + name.PadRight(22) + (arena / 1024 + "K").PadLeft(7) + Pct(r.Strict.FirstFail).PadLeft(12)
                + Pct(r.Strict.Steady).PadLeft(8) + Pct(r.Lenient.Steady).PadLeft(8)
                + Pct(strictPlain.Steady).PadLeft(9) + Pct(lenientPlain.Steady).PadLeft(8)
                + PctOrNa(r.Strict.Compacted).PadLeft(9) + PctOrNa(r.Lenient.Compacted).PadLeft(8)
                + r.Strict.MeanLiveObjects.ToString("0", CultureInfo.InvariantCulture).PadLeft(9)
                + r.Strict.MeanLiveSize.ToString("0", CultureInfo.InvariantCulture).PadLeft(8)
                + r.Lenient.MeanLiveSize.ToString("0", CultureInfo.InvariantCulture).PadLeft(8)
                + r.Strict.FreesPerRequest.ToString("0.00", CultureInfo.InvariantCulture).PadLeft(11));
            return r;
        }

        private static string PctOrNa(double x)
        {
            return double.IsNaN(x) ? "n/a" : Pct(x);
        }

        private static void Metadata(int[] sizes, uint seed, int steps, Results results)
        {
            Console.WriteLine();
            Console.WriteLine("Metadata outside the arena, ours (defaults)   arena   total B  % arena  per live obj  handles  frames  classes  groups  fixed");
            foreach (int arena in UtilArenas)
            {
                var a = new ZsPoolAllocator("ours", new byte[arena], PoolConfig.ForArena(arena));
                ChurnResult r = ChurnHarness.Run(a, sizes, seed, arena >= 1024 * 1024 ? steps / 8 : steps / 4, SliceBytes, 0);
                var s = new PoolStats();
                a.Pool.GetStats(s);
                var cfg = PoolConfig.ForArena(arena);
                int handles = s.HandleTableBytes, frames = s.FrameLinkBytes;
                int groups = s.ClassCount * cfg.FullnessGroups * 2;
                int classes = s.MetadataBytes - handles - frames - groups - ZsPool.FixedObjectBytes;
                Console.WriteLine("  " + "".PadRight(42) + (arena / 1024 + "K").PadLeft(7) + s.MetadataBytes.ToString().PadLeft(10)
                    + Pct((double)s.MetadataBytes / arena).PadLeft(9) + (s.MetadataBytes / r.MeanLiveObjects).ToString("0.0", CultureInfo.InvariantCulture).PadLeft(14)
                    + handles.ToString().PadLeft(9) + frames.ToString().PadLeft(8) + classes.ToString().PadLeft(9) + groups.ToString().PadLeft(8)
                    + ZsPool.FixedObjectBytes.ToString().PadLeft(7));
                Console.WriteLine("  " + "".PadRight(42) + "in-arena headers now: " + s.InArenaOverheadBytes + " B (9 B per zspage, 4 B per object), "
                    + "handle capacity " + s.HandleCapacity + ", classes " + s.ClassCount);
                if (arena == 128 * 1024) results.Add("metadata_fraction", (double)s.MetadataBytes / arena);
            }
        }

        /// <summary>
        /// 2 MiB and 4 MiB arenas reserved as 512 KiB segments (ArenaSegments, what a board does) against one
        /// array of the same size, strict churn with the same seed in this run (a tenth of the steps: these
        /// arenas hold ~1,000–2,000 objects, so the churn still replaces them several times).
        /// </summary>
        private static void Segmented(int[] sizes, uint seed, int steps, Results results)
        {
            Console.WriteLine();
            Console.WriteLine("Segmented arenas (ArenaSegments: 512 KiB segments) vs one array, ours (defaults), strict churn of " + (steps / 10) + " requests");
            Console.WriteLine("  arena  segments   steady seg  steady one   compacted seg  compacted one   metadata seg  metadata one");
            foreach (int arena in new[] { 2 << 20, 4 << 20 })
            {
                var seg = new ZsPoolAllocator("seg", ArenaSegments.Reserve(arena), PoolConfig.ForArena(arena));
                var one = new ZsPoolAllocator("one", new byte[arena], PoolConfig.ForArena(arena));
                ChurnResult rs = ChurnHarness.Run(seg, sizes, seed, steps / 10, SliceBytes, CompactEvery * 4);
                ChurnResult ro = ChurnHarness.Run(one, sizes, seed, steps / 10, SliceBytes, CompactEvery * 4);
                double ms = (double)seg.MetadataBytes / arena, mo = (double)one.MetadataBytes / arena;
                Console.WriteLine(((arena >> 20) + "M").PadLeft(7) + ArenaSegments.Reserve(arena, ArenaSegments.MaxSegmentBytes).Length.ToString().PadLeft(10)
                    + Pct(rs.Steady).PadLeft(13) + Pct(ro.Steady).PadLeft(12) + PctOrNa(rs.Compacted).PadLeft(16) + PctOrNa(ro.Compacted).PadLeft(15)
                    + Pct(ms).PadLeft(15) + Pct(mo).PadLeft(14));
                string k = (arena >> 20) + "m";
                results.Add("util_steady_" + k, rs.Steady);
                results.Add("util_steady_" + k + "_unsegmented", ro.Steady);
                results.Add("metadata_fraction_" + k, ms);
                results.Add("metadata_fraction_" + k + "_unsegmented", mo);
            }
        }

        /// <summary>
        /// Share of foreign handles rejected: three pools of each arena size 8 KiB – 4 MiB (defaults, so the
        /// same configuration per size), churned so generations differ; then `pairs` random (live handle of one
        /// pool, any other pool) probes with GetSize, counting InvalidHandleException.
        /// </summary>
        private static void ForeignHandles(uint seed, int pairs, Results results)
        {
            int[] arenas = { 8 << 10, 16 << 10, 64 << 10, 128 << 10, 256 << 10, 1 << 20, 2 << 20, 4 << 20 };
            const int perSize = 3;
            int n = arenas.Length * perSize;
            var pools = new ZsPool[n];
            var handles = new List<int>[n];
            var rng = new ZramEmbedded.UnitTests.Samples.SampleRandom(seed + 1000);
            for (int p = 0; p < n; p++)
            {
                int arena = arenas[p / perSize];
                pools[p] = new ZsPool(ArenaSegments.Reserve(arena), PoolConfig.ForArena(arena));
                handles[p] = new List<int>();
                for (int round = 0; round < 3; round++)
                {
                    while (true)
                    {
                        int h = pools[p].Malloc(rng.Next(1, 4097));
                        if (h == ZsPool.NoHandle) break;
                        handles[p].Add(h);
                    }
                    if (round == 2) break;
                    for (int k = handles[p].Count - 1; k >= 0; k--)
                    {
                        if (rng.Next(2) == 0) continue;
                        pools[p].Free(handles[p][k]);
                        handles[p].RemoveAt(k);
                    }
                }
            }
            int rejected = 0;
            for (int t = 0; t < pairs; t++)
            {
                int from = rng.Next(n);
                int to = rng.Next(n - 1);
                if (to >= from) to++;
                int h = handles[from][rng.Next(handles[from].Count)];
                try { pools[to].GetSize(h); }
                catch (InvalidHandleException) { rejected++; }
            }
            double rate = (double)rejected / pairs;
            Console.WriteLine();
            Console.WriteLine("Foreign handles: " + rejected + " of " + pairs + " random (handle, other pool) pairs rejected ("
                + (rate * 100).ToString("0.000", CultureInfo.InvariantCulture) + " %), " + n + " pools of 8 KiB – 4 MiB");
            results.Add("foreign_handle_rejection", rate);
        }

        /// <summary>zsmalloc debugfs-style class table of our pool at 128 KiB after churn (active classes only).</summary>
        private static void ClassTable(int[] sizes, uint seed, int steps)
        {
            int arena = 128 * 1024;
            var a = new ZsPoolAllocator("ours", new byte[arena], PoolConfig.ForArena(arena));
            ChurnHarness.Run(a, sizes, seed, steps / 4, SliceBytes, 0);
            Console.WriteLine();
            Console.WriteLine("Classes of ours at 128K after churn (" + a.Pool.ClassCount + " classes, huge from " + a.Pool.HugeObjectSize + " B; active rows):");
            Console.WriteLine("  class   size  frames/zspage  objs/zspage  zspages  obj_allocated  obj_used  frames  compactable");
            var row = new ClassStats();
            for (int c = 0; c < a.Pool.ClassCount; c++)
            {
                a.Pool.GetClassStats(c, row);
                if (row.Zspages == 0) continue;
                Console.WriteLine("  " + c.ToString().PadLeft(5) + row.Size.ToString().PadLeft(7) + row.FramesPerZspage.ToString().PadLeft(15)
                    + row.ObjectsPerZspage.ToString().PadLeft(13) + row.Zspages.ToString().PadLeft(9) + row.ObjectsAllocated.ToString().PadLeft(15)
                    + row.ObjectsInUse.ToString().PadLeft(10) + row.Frames.ToString().PadLeft(8) + (row.Compactable ? "yes" : "no").PadLeft(13));
            }
            var s = new PoolStats();
            a.Pool.GetStats(s);
            Console.WriteLine("  totals: frames " + s.FramesUsed + "/" + s.FramesTotal + " (" + s.FrameSize + " B), zspages " + s.Zspages + ", objects " + s.ObjectsInUse
                + ", object bytes " + s.ObjectBytes + ", metadata " + s.MetadataBytes + " B, utilization " + Pct(s.Utilization) + " %, pages_compacted " + s.PagesCompacted);
        }

        private static void Speed(int[] sizes, uint seed, bool quick, Results results)
        {
            Console.WriteLine();
            double seconds = quick ? 0.3 : 1.0;
            const int arena = 256 * 1024;
            var pool = new ZsPoolAllocator("ours", new byte[arena], PoolConfig.ForArena(arena));
            var bf = new BestFitAllocator(new byte[arena]);
            double poolOps = OpsPerSecond(pool.Pool, null, seconds);
            double bfOps = OpsPerSecond(null, bf, seconds);
            Console.WriteLine("Speed (this host, Release): malloc+write+read+free of 1536 B objects, 256K arena half full");
            Console.WriteLine("  ours: " + (poolOps / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M ops/s    best-fit: "
                + (bfOps / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M ops/s");
            double poolFrames, wholeFrames, ignored;
            double poolMbs = CompactionMBs(sizes, seed, seconds, PoolConfig.ForArena(arena), out poolFrames);
            double wholeMbs = CompactionMBs(sizes, seed, seconds, Unpacked(PoolConfig.ForArena(arena)), out wholeFrames);
            double bfMbs = CompactionMBs(sizes, seed, seconds, null, out ignored);
            Console.WriteLine("Compaction (256K arena filled, then half freed at random; CompactAll):");
            Console.WriteLine("  ours: " + poolMbs.ToString("0", CultureInfo.InvariantCulture) + " MB/s moved, "
                + poolFrames.ToString("0", CultureInfo.InvariantCulture) + " frames (256 B) released per ms — only tails move");
            Console.WriteLine("  ours without tail packing (512 B frames): " + wholeMbs.ToString("0", CultureInfo.InvariantCulture) + " MB/s moved, "
                + wholeFrames.ToString("0", CultureInfo.InvariantCulture) + " frames (512 B) released per ms");
            Console.WriteLine("  best-fit (slide all blocks down): " + bfMbs.ToString("0", CultureInfo.InvariantCulture) + " MB/s moved");
            results.Add("alloc_ops_per_s", poolOps);
            results.Add("bestfit_ops_per_s", bfOps);
            results.Add("compact_mb_per_s", poolMbs);
            results.Add("compact_unpacked_mb_per_s", wholeMbs);
            results.Add("bestfit_slide_mb_per_s", bfMbs);
        }

        private static double OpsPerSecond(ZsPool pool, BestFitAllocator bf, double seconds)
        {
            const int size = 1536;
            const int liveCount = 80; // ≈ half of a 256K arena
            byte[] src = new byte[size];
            byte[] dst = new byte[size];
            for (int i = 0; i < size; i++) src[i] = (byte)(i * 13);
            int[] live = new int[liveCount];
            for (int i = 0; i < liveCount; i++) live[i] = pool != null ? pool.Malloc(size) : bf.Alloc(size, src);
            var rng = new ZramEmbedded.UnitTests.Samples.SampleRandom(5);
            long ops = 0;
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed.TotalSeconds < seconds)
            {
                for (int n = 0; n < 1000; n++)
                {
                    int k = rng.Next(liveCount);
                    if (pool != null)
                    {
                        pool.Free(live[k]);
                        int h = pool.Malloc(size);
                        pool.Write(h, src, 0, size);
                        pool.Read(h, dst, 0, size);
                        live[k] = h;
                    }
                    else
                    {
                        bf.Free(live[k]);
                        int h = bf.Alloc(size, src);
                        bf.Read(h, dst);
                        live[k] = h;
                    }
                }
                ops += 1000;
            }
            return ops / sw.Elapsed.TotalSeconds;
        }

        /// <summary>CompactAll throughput of a pool with `cfg` (null: best-fit's slide); frames released per ms out.</summary>
        private static double CompactionMBs(int[] sizes, uint seed, double seconds, PoolConfig cfg, out double framesPerMs)
        {
            const int arena = 256 * 1024;
            bool ours = cfg != null;
            var rng = new ZramEmbedded.UnitTests.Samples.SampleRandom(seed + 77);
            byte[] data = new byte[4096];
            long moved = 0, released = 0;
            double elapsed = 0;
            int rounds = 0;
            var ps = new PoolStats();
            while (elapsed < seconds || rounds < 3)
            {
                var live = new List<int>();
                ZsPool pool = ours ? new ZsPool(new byte[arena], cfg) : null;
                BestFitAllocator bf = ours ? null : new BestFitAllocator(new byte[arena]);
                while (true)
                {
                    int size = sizes[rng.Next(sizes.Length)];
                    int id;
                    if (ours)
                    {
                        id = pool.Malloc(size);
                        if (id == ZsPool.NoHandle) break;
                        pool.Write(id, data, 0, size);
                    }
                    else
                    {
                        id = bf.Alloc(size, data);
                        if (id < 0) break;
                    }
                    live.Add(id);
                }
                for (int i = live.Count - 1; i >= 0; i--)
                {
                    if (rng.Next(2) == 0) continue;
                    if (ours) pool.Free(live[i]); else bf.Free(live[i]);
                    live.RemoveAt(i);
                }
                long before = 0;
                if (ours) { pool.GetStats(ps); before = ps.PagesCompacted; }
                var sw = Stopwatch.StartNew();
                moved += ours ? pool.CompactAll() : bf.SlideAll(live);
                elapsed += sw.Elapsed.TotalSeconds;
                if (ours) { pool.GetStats(ps); released += ps.PagesCompacted - before; }
                rounds++;
            }
            framesPerMs = released / (elapsed * 1000);
            return moved / elapsed / 1e6;
        }

        private static int[] CompressedSizes(BenchmarkOptions options, int pageCount)
        {
            PageSet set = PageSet.Mixed(options, pageCount);
            var sizes = new List<int>();
            byte[] dst = new byte[LibLz4.CompressBound(PageSet.PageSize)];
            int sameFilled = 0;
            foreach (byte[] page in set.Pages)
            {
                if (IsSameFilled(page)) { sameFilled++; continue; }
                int n = LibLz4.CompressDefault(page, dst, page.Length, dst.Length);
                if (n <= 0 || n >= PageSet.PageSize) n = PageSet.PageSize;
                sizes.Add(n);
            }
            Console.WriteLine("pages: " + set.Name + ", " + set.Pages.Count + " pages, " + sameFilled + " same-filled left out");
            return sizes.ToArray();
        }

        private static bool IsSameFilled(byte[] page)
        {
            for (int i = 4; i < page.Length; i++) if (page[i] != page[i & 3]) return false;
            return true;
        }

        private static void PrintDistribution(int[] sizes)
        {
            int[] s = (int[])sizes.Clone();
            Array.Sort(s);
            double mean = 0;
            foreach (int x in s) mean += x;
            mean /= s.Length;
            int raw = 0;
            foreach (int x in s) if (x >= PageSet.PageSize) raw++;
            Console.WriteLine("LZ4 object sizes: n=" + s.Length + " mean=" + mean.ToString("0") + " p10=" + s[s.Length / 10]
                + " p50=" + s[s.Length / 2] + " p90=" + s[s.Length * 9 / 10] + " min=" + s[0] + " max=" + s[s.Length - 1]
                + " raw(4096)=" + raw);
        }


        private static void Sweep(int[] sizes, uint seed, int steps, BenchmarkOptions o)
        {
            Console.WriteLine();
            ChurnRule rule = o.Has("lenient") ? ChurnRule.Lenient : ChurnRule.Strict;
            Console.WriteLine("parameter sweep (" + (rule == ChurnRule.Strict ? "strict" : "lenient")
                + " rule; utilization: first-fail / steady / after-compaction; metadata % of arena)");
            int[] arenas = { 64 * 1024, 128 * 1024, 256 * 1024, 1024 * 1024 };
            int[] frameSizes = o.Ints("sweep-frames", new[] { 512, 1024, 2048, 4096 });
            int[] chains = o.Ints("sweep-chains", new[] { 4, 8, 16 });
            int[] stepsGrid = o.Ints("sweep-steps", new[] { 16, 32, 64, 128 });
            int[] groups = o.Ints("sweep-groups", new[] { 4 });
            int[] fallbacks = o.Ints("sweep-bph", new[] { 768 });
            int[] packs = o.Ints("sweep-pack", new[] { 0 });
            int[] mins = o.Ints("sweep-min", new[] { 32 });
            foreach (int pk in packs)
            foreach (int mn in mins)
            foreach (int f in frameSizes)
            foreach (int ch in chains)
            foreach (int st in stepsGrid)
            foreach (int g in groups)
            foreach (int fb in fallbacks)
            {
                var cfg = new PoolConfig();
                cfg.FrameSize = f; cfg.MaxFramesPerZspage = ch; cfg.ClassStep = st; cfg.FullnessGroups = g;
                cfg.MinClassSize = mn;
                cfg.BytesPerHandle = fb;
                cfg.PackTails = pk != 0;
                string line = (pk != 0 ? "packed " : "") + "F=" + f + " N=" + ch + " step=" + st + " min=" + mn + " G=" + g + " B/h=" + fb + ":";
                bool ok = true;
                foreach (int arena in arenas)
                {
                    ZsPoolAllocator a;
                    try { a = new ZsPoolAllocator("ours", new byte[arena], cfg); }
                    catch (ArgumentException) { ok = false; break; }
                    ChurnResult r = ChurnHarness.Run(a, sizes, seed, arena >= 1024 * 1024 ? steps / 4 : steps, SliceBytes, CompactEvery, rule);
                    line += "  " + (arena / 1024) + "K " + Pct(r.FirstFail) + "/" + Pct(r.Steady) + "/" + Pct(r.Compacted)
                        + " md " + Pct((double)a.MetadataBytes / arena) + " C" + a.Pool.ClassCount;
                }
                if (ok) Console.WriteLine(line);
            }
        }

        private static PoolConfig ConfigFromOptions(BenchmarkOptions o)
        {
            var c = PoolConfig.ForArena(128 * 1024);

            c.FrameSize = o.Int("frame", c.FrameSize);
            c.MaxFramesPerZspage = o.Int("chain", c.MaxFramesPerZspage);
            c.ClassStep = o.Int("step", c.ClassStep);
            c.FullnessGroups = o.Int("groups", c.FullnessGroups);
            if (o.Has("pack")) c.PackTails = o.Int("pack", 0) != 0;
            c.BytesPerHandle = o.Int("bph", c.BytesPerHandle);
            return c;
        }

        /// <summary>
        /// Where the arena's bytes go at the end of a strict churn run (just after the last stored request).
        /// "rounding" counts every live object's slot rounding, including top objects of elastic zspages whose
        /// rounding is not held, and "tail" is computed from born slots, so only their sum is exact: the bytes
        /// of held frames that are neither payload, object headers, free slots nor zspage headers.
        /// </summary>
        private static void Breakdown(int[] sizes, uint seed, int steps, PoolConfig cfg)
        {
            foreach (int arena in new[] { 64 * 1024, 128 * 1024, 256 * 1024 })
            {
                var a = new ZsPoolAllocator("ours", new byte[arena], cfg);
                ChurnResult r = ChurnHarness.Run(a, sizes, seed, steps, SliceBytes, 0);
                var ps = new PoolStats();
                a.Pool.GetStats(ps);
                var cs = new ClassStats();
                long rounding = 0, freeSlots = 0, tail = 0, slotBytes = 0;
                int partial = 0, active = 0;
                for (int c = 0; c < a.Pool.ClassCount; c++)
                {
                    a.Pool.GetClassStats(c, cs);
                    if (cs.Zspages == 0) continue;
                    active++;
                    slotBytes += (long)cs.ObjectsInUse * cs.Size;
                    freeSlots += (long)(cs.ObjectsAllocated - cs.ObjectsInUse) * cs.Size;
                    tail += (long)cs.Frames * cfg.FrameSize - 9L * cs.Zspages - (long)cs.ObjectsAllocated * cs.Size;
                    freeSlots += 0;
                    if (cs.ObjectsAllocated > cs.ObjectsInUse) partial++; // zspages with holes
                }
                long objHeaders = ps.InArenaOverheadBytes - 9L * ps.Zspages;
                long inSlots = ps.ObjectBytes - (long)ps.RunFrames * cfg.FrameSize; // payload bytes kept in slots
                rounding = slotBytes - inSlots - objHeaders;
                long freeFrames = (long)(ps.FramesTotal - ps.FramesUsed) * cfg.FrameSize;
                Console.WriteLine((arena / 1024) + "K steady " + Pct(r.Steady) + ": objects " + ps.ObjectsInUse + " payload " + ps.ObjectBytes
                    + " | run frames " + ps.RunFrames + ", rounding " + rounding + " objhdr " + objHeaders + " free slots " + freeSlots + " (" + partial + " partial of "
                    + active + " active classes) tail+zshdr " + (tail + 9L * ps.Zspages) + " free frames " + freeFrames + " metadata " + ps.MetadataBytes);
            }
        }

        private static string Pct(double x)
        {
            return (x * 100).ToString("0.0", CultureInfo.InvariantCulture);
        }
    }
}
