// `alloc` command: utilization, metadata and speed of the zspage pool (Allocator/Pool) against a
// best-fit free-list baseline and against zsmalloc's own parameters, on realistic object sizes.
//
// Object sizes: the built-in mixed page set (PageSet.Mixed) or --pages files, each 4 KiB page compressed
// with the machine's liblz4 (LZ4_compress_default); same-filled pages (incl. zero pages) are left out
// because the page store keeps them in its slot without allocating, and a page that does not shrink is
// stored raw (4096 B), as zram does.
// Steady state and the other workloads are defined in Alloc/ChurnHarness.cs and printed with the table.
// Options: --quick (shorter), --seed N, --sweep (also print the parameter grid used to pick defaults),
// --steps N (churn steps per run).
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
            string v;
            if (options.Extra.TryGetValue("steps", out v)) steps = int.Parse(v, CultureInfo.InvariantCulture);
            int[] sizes = CompressedSizes(options, pageCount);
            PrintDistribution(sizes);

            if (options.Extra.ContainsKey("sweep")) Sweep(sizes, options.Seed, steps, options);
            if (options.Extra.ContainsKey("breakdown")) Breakdown(sizes, options.Seed, steps, ConfigFromOptions(options));
            return 0;
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

        private static int[] ListOption(BenchmarkOptions o, string name, int[] dflt)
        {
            string v;
            if (!o.Extra.TryGetValue(name, out v) || v.Length == 0) return dflt;
            string[] parts = v.Split(',');
            int[] r = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++) r[i] = int.Parse(parts[i], CultureInfo.InvariantCulture);
            return r;
        }

        private static void Sweep(int[] sizes, uint seed, int steps, BenchmarkOptions o)
        {
            Console.WriteLine();
            Console.WriteLine("parameter sweep (utilization: first-fail / steady / after-compaction; metadata % of arena)");
            int[] arenas = { 64 * 1024, 128 * 1024, 256 * 1024, 1024 * 1024 };
            int[] frameSizes = ListOption(o, "sweep-frames", new[] { 512, 1024, 2048, 4096 });
            int[] chains = ListOption(o, "sweep-chains", new[] { 4, 8, 16 });
            int[] stepsGrid = ListOption(o, "sweep-steps", new[] { 16, 32, 64, 128 });
            int[] groups = ListOption(o, "sweep-groups", new[] { 4 });
            int[] fallbacks = ListOption(o, "sweep-bph", new[] { 512 });
            foreach (int f in frameSizes)
            foreach (int ch in chains)
            foreach (int st in stepsGrid)
            foreach (int g in groups)
            foreach (int fb in fallbacks)
            {
                var cfg = new PoolConfig();
                cfg.FrameSize = f; cfg.MaxFramesPerZspage = ch; cfg.ClassStep = st; cfg.FullnessGroups = g;
                cfg.MinClassSize = 32;
                cfg.BytesPerHandle = fb;
                string line = "F=" + f + " N=" + ch + " step=" + st + " G=" + g + " B/h=" + fb + ":";
                bool ok = true;
                foreach (int arena in arenas)
                {
                    ZsPoolAllocator a;
                    try { a = new ZsPoolAllocator("ours", new byte[arena], cfg); }
                    catch (ArgumentException) { ok = false; break; }
                    ChurnResult r = ChurnHarness.Run(a, sizes, seed, arena >= 1024 * 1024 ? steps / 4 : steps, SliceBytes, CompactEvery);
                    line += "  " + (arena / 1024) + "K " + Pct(r.FirstFail) + "/" + Pct(r.Steady) + "/" + Pct(r.Compacted)
                        + " md " + Pct((double)a.MetadataBytes / arena) + " C" + a.Pool.ClassCount;
                }
                if (ok) Console.WriteLine(line);
            }
        }

        private static PoolConfig ConfigFromOptions(BenchmarkOptions o)
        {
            var c = PoolConfig.ForArena(128 * 1024);
            c.BytesPerHandle = 1024; c.FullnessGroups = 1;
            string v;
            if (o.Extra.TryGetValue("frame", out v)) c.FrameSize = int.Parse(v);
            if (o.Extra.TryGetValue("chain", out v)) c.MaxFramesPerZspage = int.Parse(v);
            if (o.Extra.TryGetValue("step", out v)) c.ClassStep = int.Parse(v);
            if (o.Extra.TryGetValue("groups", out v)) c.FullnessGroups = int.Parse(v);
            return c;
        }

        /// <summary>Where the arena's bytes go at the end of a churn run (after a final fill to failure).</summary>
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
                rounding = slotBytes - ps.ObjectBytes - 4L * ps.ObjectsInUse;
                long freeFrames = (long)(ps.FramesTotal - ps.FramesUsed) * cfg.FrameSize;
                Console.WriteLine((arena / 1024) + "K steady " + Pct(r.Steady) + ": objects " + ps.ObjectsInUse + " payload " + ps.ObjectBytes
                    + " | rounding " + rounding + " objhdr " + 4 * ps.ObjectsInUse + " free slots " + freeSlots + " (" + partial + " partial of "
                    + active + " active classes) tail+zshdr " + (tail + 9L * ps.Zspages) + " free frames " + freeFrames + " metadata " + ps.MetadataBytes);
            }
        }

        private static string Pct(double x)
        {
            return (x * 100).ToString("0.0", CultureInfo.InvariantCulture);
        }
    }
}
