// `lz4`: our LZ4 block codec against the machine's liblz4 on 4 KiB pages, per data kind, in one run.
// Ratio: liblz4 (LZ4_compress_fast_extState, Debian's fixed 16 KiB state = 8192 16-bit entries for small
// blocks) against ours with the same table (Lz4Encoder.LibLz4HashBits) and ours with the MCU default
// table (Lz4Encoder.DefaultHashBits), all at the same acceleration. Speed: ours at the same table as
// liblz4; decompression of the same (liblz4's) blocks by both. The machine is shared and noisy, so every
// round times each codec on the kind's whole page set back to back, alternating which goes first, and the
// figures are medians over rounds of the per-round values (speed ratios are per-round ratios, so a noisy
// round slows both codecs alike).
// Options: --accel N (default 1), --rounds N (default 41; --quick 9), --per-kind N pages (default 256),
// --edge (also the zero / same-filled / random kinds), --pages FILE... (one set per file),
// --liblz4 PATH (another liblz4 shared library with a different LZ4_MEMORY_USAGE, to compare at the MCU
// table size). Our "same table" encoder takes its size from the library's LZ4_sizeofState
// (2^LZ4_MEMORY_USAGE + 32 bytes; blocks under 64 KiB use 2^(LZ4_MEMORY_USAGE-1) 16-bit entries).
// RESULT lines (over the kinds shown): ratio_vs_liblz4_min, compress_speed_vs_liblz4,
// decompress_speed_vs_liblz4, plus ratio_default_table_vs_liblz4_min.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Native;

namespace ZramEmbedded.Benchmarks
{
    public static class Lz4Benchmark
    {
        private sealed class KindData
        {
            public PageSet Set;
            public byte[][] LibBlocks;      // liblz4's blocks (decompression input for both codecs)
            public int[] LibSizes;
            public long LibBytes, OursBytes, OursDefaultBytes, RawBytes;
            public double[] LibC, OursC, LibD, OursD; // per-round seconds
        }

        public static int Run(BenchmarkOptions options)
        {
            int accel = options.Int("accel", 1);
            int rounds = options.Int("rounds", options.Quick ? 9 : 41);
            int perKind = options.Int("per-kind", options.Quick ? 64 : 256);
            // Warm-up rounds (not measured) run until the JIT has had time to tier up the hot loops.
            int warmup = options.Quick ? 2 : 5;
            double warmupSeconds = options.Quick ? 1.0 : 2.0;
            bool edge = options.Has("edge");
            string libPath = options.Text("liblz4");
            if (libPath != null)
            {
                NativeLibrary.SetDllImportResolver(typeof(LibLz4).Assembly,
                    (name, assembly, searchPath) => name == "liblz4.so.1" ? NativeLibrary.Load(libPath) : IntPtr.Zero);
            }
            int memoryUsage = 0;
            while ((2 << memoryUsage) <= LibLz4.SizeofState()) memoryUsage++;
            int sameBits = memoryUsage - 1;
            if (sameBits < Lz4Encoder.MinHashBits || sameBits > Lz4Encoder.MaxHashBits)
                throw new InvalidOperationException("liblz4 state of " + LibLz4.SizeofState() + " B has no matching table size");

            Console.WriteLine("liblz4 " + LibLz4.VersionNumber() + ", state " + LibLz4.SizeofState() + " B (LZ4_MEMORY_USAGE "
                              + memoryUsage + "); acceleration " + accel + "; ours: table " + (2 << sameBits)
                              + " B (same as liblz4) and " + (2 << Lz4Encoder.DefaultHashBits) + " B (MCU default); " + rounds + " rounds");

            var sets = PageSet.Load(options, perKind, edge);
            var same = new Lz4Encoder(sameBits);
            var mcu = new Lz4Encoder(Lz4Encoder.DefaultHashBits);
            byte[] state = new byte[LibLz4.SizeofState()];
            int bound = Lz4Block.CompressBound(PageSet.PageSize);
            byte[] scratch = new byte[bound];
            byte[] back = new byte[PageSet.PageSize];

            // Sizes and correctness (each codec's blocks decode to the page with the other codec).
            var kinds = new List<KindData>();
            foreach (var set in sets)
            {
                var kd = new KindData { Set = set, LibBlocks = new byte[set.Pages.Count][], LibSizes = new int[set.Pages.Count] };
                for (int i = 0; i < set.Pages.Count; i++)
                {
                    byte[] page = set.Pages[i];
                    kd.LibBlocks[i] = new byte[bound];
                    int ln = LibLz4.CompressFastExtState(state, page, kd.LibBlocks[i], page.Length, bound, accel);
                    kd.LibSizes[i] = ln;
                    int on = same.Compress(page, 0, page.Length, scratch, 0, bound, accel);
                    int dn = mcu.Compress(page, 0, page.Length, scratch, 0, bound, accel);
                    kd.LibBytes += ln;
                    kd.OursBytes += on;
                    kd.OursDefaultBytes += dn;
                    kd.RawBytes += page.Length;
                    if (Lz4Decoder.Decompress(kd.LibBlocks[i], 0, ln, back, 0, back.Length) != page.Length || !back.AsSpan().SequenceEqual(page))
                        throw new InvalidOperationException("our decoder failed on a liblz4 block of " + set.Name);
                    if (LibLz4.DecompressSafe(scratch, back, dn, back.Length) != page.Length || !back.AsSpan().SequenceEqual(page))
                        throw new InvalidOperationException("liblz4 failed on our block of " + set.Name);
                }
                kd.LibC = new double[rounds];
                kd.OursC = new double[rounds];
                kd.LibD = new double[rounds];
                kd.OursD = new double[rounds];
                kinds.Add(kd);
            }

            // Timing, interleaved.
            double tick = 1.0 / Stopwatch.Frequency;
            var warmClock = Stopwatch.StartNew();
            for (int r = -warmup; r < rounds; r++)
            {
                if (r == -1 && warmClock.Elapsed.TotalSeconds < warmupSeconds) r = -2; // one more warm-up round
                foreach (var kd in kinds)
                {
                    var pages = kd.Set.Pages;
                    bool libFirst = (r & 1) == 0;
                    for (int pass = 0; pass < 2; pass++)
                    {
                        bool lib = (pass == 0) == libFirst;
                        long t0 = Stopwatch.GetTimestamp();
                        if (lib)
                            for (int i = 0; i < pages.Count; i++) LibLz4.CompressFastExtState(state, pages[i], scratch, PageSet.PageSize, bound, accel);
                        else
                            for (int i = 0; i < pages.Count; i++) same.Compress(pages[i], 0, PageSet.PageSize, scratch, 0, bound, accel);
                        double s = (Stopwatch.GetTimestamp() - t0) * tick;
                        if (r >= 0) { if (lib) kd.LibC[r] = s; else kd.OursC[r] = s; }
                    }
                    for (int pass = 0; pass < 2; pass++)
                    {
                        bool lib = (pass == 0) == libFirst;
                        long t0 = Stopwatch.GetTimestamp();
                        if (lib)
                            for (int i = 0; i < pages.Count; i++) LibLz4.DecompressSafe(kd.LibBlocks[i], back, kd.LibSizes[i], back.Length);
                        else
                            for (int i = 0; i < pages.Count; i++) Lz4Decoder.Decompress(kd.LibBlocks[i], 0, kd.LibSizes[i], back, 0, back.Length);
                        double s = (Stopwatch.GetTimestamp() - t0) * tick;
                        if (r >= 0) { if (lib) kd.LibD[r] = s; else kd.OursD[r] = s; }
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} {1,7} {2,8} {3,6} {4,8} {5,6} | {6,8} {7,8} {8,6} | {9,8} {10,8} {11,6}",
                "kind", "ratio", "ours", "/lib", "ours", "/lib", "C lib", "C ours", "/lib", "D lib", "D ours", "/lib"));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-14} {1,7} {2,8} {3,6} {4,8} {5,6} | {6,8} {7,8} {8,6} | {9,8} {10,8} {11,6}",
                "", "liblz4", "same tbl", "", "MCU tbl", "", "MB/s", "MB/s", "", "MB/s", "MB/s", ""));
            var ratioRel = new List<double>();
            var ratioDefaultRel = new List<double>();
            var cRel = new List<double>();
            var dRel = new List<double>();
            foreach (var kd in kinds)
            {
                double mb = kd.RawBytes / 1e6;
                double libRatio = (double)kd.RawBytes / kd.LibBytes;
                double oursRatio = (double)kd.RawBytes / kd.OursBytes;
                double defRatio = (double)kd.RawBytes / kd.OursDefaultBytes;
                double libC = mb / RoundStats.Median(kd.LibC), oursC = mb / RoundStats.Median(kd.OursC);
                double libD = mb / RoundStats.Median(kd.LibD), oursD = mb / RoundStats.Median(kd.OursD);
                double cr = RoundStats.MedianRatio(kd.LibC, kd.OursC), dr = RoundStats.MedianRatio(kd.LibD, kd.OursD);
                ratioRel.Add(oursRatio / libRatio);
                ratioDefaultRel.Add(defRatio / libRatio);
                cRel.Add(cr);
                dRel.Add(dr);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0,-14} {1,7:F3} {2,8:F3} {3,6:F3} {4,8:F3} {5,6:F3} | {6,8:F0} {7,8:F0} {8,6:F3} | {9,8:F0} {10,8:F0} {11,6:F3}",
                    kd.Set.Name.Length > 14 ? kd.Set.Name.Substring(0, 14) : kd.Set.Name, libRatio, oursRatio, oursRatio / libRatio, defRatio, defRatio / libRatio,
                    libC, oursC, cr, libD, oursD, dr));
            }
            Console.WriteLine();
            Console.WriteLine("ratio = raw / compressed bytes over the kind's pages; /lib = ours / liblz4 (speeds: median of per-round ratios)");

            var results = new Results();
            results.Add("ratio_vs_liblz4_min", Min(ratioRel));
            results.Add("compress_speed_vs_liblz4", MedianOf(cRel));
            results.Add("decompress_speed_vs_liblz4", MedianOf(dRel));
            results.Add("ratio_default_table_vs_liblz4_min", Min(ratioDefaultRel));
            results.Print();
            return 0;
        }




        private static double MedianOf(List<double> values) => RoundStats.Median(values.ToArray());

        private static double Min(List<double> values)
        {
            double m = double.MaxValue;
            foreach (double v in values) m = Math.Min(m, v);
            return m;
        }
    }
}
