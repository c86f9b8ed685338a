// `recompress`: page-store capacity with idle recompression (HC + a dictionary the store builds from its
// own pages) against the store's fast encoder alone, at 128 KiB and 256 KiB arenas, on the realistic mix
// (PageSet.Mixed) or --pages files. Rows per arena: fast only, recompressed with HC alone, recompressed
// with HC + dictionary, and fast only over an arena larger by the recompressor's RAM (the same total RAM);
// columns: pages held, × fast, dictionary bytes, recompressor RAM, time of the first recompression pass,
// and reads of the same pages after recompression relative to before (1.0 = as fast).
// Method: Recompress/RecompressCapacity.cs. Options: --level N (HC level, default 9), --dict N
// (dictionary bytes, default 2048), --samples N (pages sampled for the dictionary, default 32),
// --arena KIB,... (default 128,256), --pages FILE..., --seed N.
// RESULT lines (the `store` command has the recompressed_capacity_* rows on its own page mix):
// pages_x_fast_128k / _256k (pages held with HC + dictionary / fast), pages_x_fast_hc_128k (HC alone),
// pages_dict_gain_128k (with dictionary / without), recompressed_read_speed_vs_fast (at 128 KiB, with
// dictionary), pages_x_fast_same_ram_128k / _256k (against fast with the recompressor's RAM added to
// the arena).
using System;
using System.Collections.Generic;
using System.Globalization;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Benchmarks.Recompress;

namespace ZramEmbedded.Benchmarks
{
    public static class RecompressBenchmark
    {
        public static int Run(BenchmarkOptions options)
        {
            var baseConfig = new RecompressConfig();
            int[] arenas = { 128, 256 };
            try
            {
                baseConfig.Level = options.Int("level", baseConfig.Level);
                baseConfig.DictionaryBytes = options.Int("dict", baseConfig.DictionaryBytes);
                baseConfig.SamplePages = options.Int("samples", baseConfig.SamplePages);
                arenas = options.Ints("arena", arenas); // KiB, 16..4096 (declared)
                baseConfig.Validate(); // what the declarations cannot say: the settings together
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException || e is OverflowException)
            {
                Console.Error.WriteLine("recompress: " + e.Message);
                return 2;
            }

            var noDict = baseConfig.Clone();
            noDict.DictionaryBytes = 0;
            int maxArena = 0;
            foreach (int a in arenas) maxArena = Math.Max(maxArena, a);
            var pages = PageSet.Mixed(options, maxArena * 1024 / PageSet.PageSize * 8).Pages;
            Console.WriteLine("page store capacity, " + pages.Count + " pages of " + (options.PageFiles.Count > 0 ? "--pages" : "the realistic mix")
                              + "; HC level " + baseConfig.Level + ", dictionary " + baseConfig.DictionaryBytes + " B from " + baseConfig.SamplePages + " sample pages");
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6} {1,-14} {2,6} {3,7} {4,7} {5,8} {6,9} {7,7}",
                "arena", "form", "pages", "x fast", "dict B", "RAM B", "pass ms", "read"));
            var results = new Results();
            foreach (int kib in arenas)
            {
                RecompressCapacityResult fast = RecompressCapacity.Measure(kib * 1024, pages, null);
                RecompressCapacityResult hc = RecompressCapacity.Measure(kib * 1024, pages, noDict);
                RecompressCapacityResult dict = baseConfig.DictionaryBytes > 0 ? RecompressCapacity.Measure(kib * 1024, pages, baseConfig) : hc;
                // The recompressor's RAM given to the arena instead (whole KiB): does recompression pay for it?
                int ramKib = dict.WorkingBytes / 1024;
                RecompressCapacityResult fastRam = RecompressCapacity.Measure((kib + ramKib) * 1024, pages, null);
                Row(kib, "fast", fast, fast);
                Row(kib, "HC", hc, fast);
                if (baseConfig.DictionaryBytes > 0) Row(kib, "HC+dictionary", dict, fast);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6} {1,-14} {2,6} {3,7:F3}",
                    (kib + ramKib) + "K", "fast, +RAM", fastRam.FastPages, (double)fastRam.FastPages / fast.FastPages));
                string suffix = kib + "k";
                results.Add("pages_x_fast_" + suffix, (double)dict.RecompressedPages / fast.FastPages);
                results.Add("pages_x_fast_same_ram_" + suffix, (double)dict.RecompressedPages / fastRam.FastPages);
                if (kib == 128)
                {
                    results.Add("pages_x_fast_hc_128k", (double)hc.RecompressedPages / fast.FastPages);
                    results.Add("pages_dict_gain_128k", (double)dict.RecompressedPages / hc.RecompressedPages);
                    results.Add("recompressed_read_speed_vs_fast", dict.FastReadSeconds / dict.RecompressedReadSeconds);
                }
            }
            Console.WriteLine();
            Console.WriteLine("pages = pages held when a write first fails (recompressed: after rounds of recompress-compact-write);");
            Console.WriteLine("read = speed of reading the same pages after the first recompression pass / before (1.0 = as fast)");
            results.Print();
            return 0;
        }

        private static void Row(int kib, string form, RecompressCapacityResult r, RecompressCapacityResult fast)
        {
            bool isFast = ReferenceEquals(r, fast);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-6} {1,-14} {2,6} {3,7:F3} {4,7} {5,8} {6,9:F1} {7,7}",
                kib + "K", form, r.RecompressedPages, (double)r.RecompressedPages / fast.FastPages,
                isFast ? "-" : r.DictionaryBytes.ToString(CultureInfo.InvariantCulture), isFast ? "-" : r.WorkingBytes.ToString(CultureInfo.InvariantCulture),
                isFast ? "-" : (r.RecompressSeconds * 1000).ToString("F1", CultureInfo.InvariantCulture),
                isFast ? "-" : (r.FastReadSeconds / r.RecompressedReadSeconds).ToString("F3", CultureInfo.InvariantCulture)));
        }
    }
}
