// The `store` benchmark's HC figures: our Lz4HcEncoder (level 9, the Recompressor's default) against
// liblz4's LZ4_compress_HC at level 9 on the benchmark's own 4 KiB pages (same-filled pages left out: the
// store never compresses them), sizes and compression speed in one run (5 rounds, each codec timed on the
// whole set back to back in alternating order, median). Every block of ours is checked to decode with
// liblz4. RESULT hc_ratio_vs_liblz4hc (our bytes / liblz4's; lower is better), hc_compress_kbps,
// liblz4hc_compress_kbps.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Native;

namespace ZramEmbedded.Benchmarks.Recompress
{
    public static class HcFigures
    {
        private const int Level = 9;

        public static void Report(List<byte[]> pages, Results results)
        {
            var set = new List<byte[]>();
            foreach (byte[] p in pages)
                if (p.Length == 4096 && !SameFilled.Detect(p, 0, p.Length, out _)) set.Add(p);
            if (set.Count == 0) return;
            var hc = new Lz4HcEncoder(4096, 0, Lz4HcEncoder.DefaultHashBits, Level);
            int bound = Lz4Block.CompressBound(4096);
            byte[] comp = new byte[bound];
            byte[] back = new byte[4096];
            long ours = 0, theirs = 0;
            foreach (byte[] p in set)
            {
                int n = hc.Compress(p, 0, 4096, comp, 0, bound);
                ours += n;
                if (LibLz4.DecompressSafe(comp, back, n, 4096) != 4096 || !back.AsSpan().SequenceEqual(p))
                    throw new InvalidOperationException("liblz4 rejected our HC block");
                theirs += LibLz4.CompressHC(p, comp, 4096, bound, Level);
            }
            const int rounds = 5;
            var oursT = new double[rounds];
            var libT = new double[rounds];
            for (int r = -1; r < rounds; r++)
            {
                for (int pass = 0; pass < 2; pass++)
                {
                    bool lib = (pass == 0) == ((r & 1) == 0);
                    long t0 = Stopwatch.GetTimestamp();
                    if (lib) foreach (byte[] p in set) LibLz4.CompressHC(p, comp, 4096, bound, Level);
                    else foreach (byte[] p in set) hc.Compress(p, 0, 4096, comp, 0, bound);
                    double s = (Stopwatch.GetTimestamp() - t0) / (double)Stopwatch.Frequency;
                    if (r >= 0) { if (lib) libT[r] = s; else oursT[r] = s; }
                }
            }
            Array.Sort(oursT);
            Array.Sort(libT);
            double kb = set.Count * 4.0;
            double oursKbps = kb / oursT[rounds / 2], libKbps = kb / libT[rounds / 2];
            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "HC level {0} on {1} pages of 4 KiB: our bytes / liblz4 HC's {2:F4}; compression {3:F0} KB/s (liblz4 HC {4:F0} KB/s, ours / liblz4 {5:F2})",
                Level, set.Count, (double)ours / theirs, oursKbps, libKbps, oursKbps / libKbps));
            results.Add("hc_ratio_vs_liblz4hc", (double)ours / theirs);
            results.Add("hc_compress_kbps", oursKbps);
            results.Add("liblz4hc_compress_kbps", libKbps);
        }
    }
}
