// `lz4hc`: our high-compression LZ4 encoder and dictionary path against liblz4's HC (LZ4_compress_HC at
// level 9, its default, and at our level when that differs) on 4 KiB pages, per data kind, in one run.
// Sizes: our HC, liblz4 HC, our fast encoder (MCU table), our HC with a dictionary built by
// Lz4DictionaryBuilder from training pages that are not in the measured sets, liblz4 HC with the same
// dictionary. Speed (median over rounds; each round times both codecs back to back, alternating which
// goes first): HC compression KB/s, ours and liblz4's; reads (our decoder) of our HC blocks against reads
// of our fast blocks of the same pages; reads of dictionary blocks. Options: --level N (1..12, default 9),
// --per-kind N (default 128; --quick 32), --rounds N (default 9; --quick 3), --dict N (dictionary
// capacity in bytes, a multiple of 32, default 2048; 0 = no dictionary rows), --samples N (training pages,
// default 32), --pages FILE... (one set per file; training pages are every 8th page of the files).
// RESULT lines: hc_ratio_vs_liblz4hc (our HC bytes / liblz4 HC level-9 bytes over all kinds; lower is
// better), hc_compress_kbps, liblz4hc_compress_kbps, hc_read_speed_vs_fast (median over kinds),
// hc_gain_vs_fast (fast bytes / HC bytes), dict_codec_gain (HC bytes / HC+dictionary bytes),
// dict_ratio_vs_liblz4hc_dict, dict_read_speed_vs_fast, dict_build_ms.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Native;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks
{
    public static class Lz4HcBenchmark
    {
        // Reads are ~20x faster than HC compression: repeat them so each timed pass lasts long enough.
        private const int ReadRepeats = 16;

        private sealed class KindData
        {
            public PageSet Set;
            public byte[][] Fast, Hc, HcDict; // our blocks
            public int[] FastN, HcN, HcDictN;
            public long Raw, LibHc9, LibHcLevel, OursHc, OursFast, OursHcDict, LibHcDict;
            public double[] OursC, LibC, ReadFast, ReadHc, ReadDict;
        }

        public static int Run(BenchmarkOptions options)
        {
            int level = options.Int("level", Lz4HcEncoder.DefaultLevel);
            int perKind = options.Int("per-kind", options.Quick ? 32 : 128);
            int rounds = options.Int("rounds", options.Quick ? 3 : 9);
            int dictCap = options.Int("dict", 2048);
            int samples = options.Int("samples", 32);
            if (level < Lz4HcEncoder.MinLevel || level > Lz4HcEncoder.MaxLevel) return Fail("--level must be 1..12");
            if (perKind < 1 || rounds < 1 || samples < 1) return Fail("--per-kind, --rounds and --samples must be positive");
            if (dictCap < 0 || dictCap % Lz4DictionaryBuilder.DefaultSegmentLength != 0 || dictCap > 32768)
                return Fail("--dict must be 0 or a multiple of 32 up to 32768");

            int page = PageSet.PageSize;
            var hc = new Lz4HcEncoder(page, dictCap, Lz4HcEncoder.DefaultHashBits, level);
            var fast = new Lz4Encoder(Lz4Encoder.DefaultHashBits);
            int bound = Lz4Block.CompressBound(page);
            byte[] scratch = new byte[bound];
            byte[] back = new byte[page];

            // The dictionary, from training pages outside the measured sets.
            byte[] dict = new byte[Math.Max(dictCap, 1)];
            int dictLength = 0;
            double buildMs = 0;
            if (dictCap > 0)
            {
                var training = TrainingPages(options, samples);
                var builder = new Lz4DictionaryBuilder(dictCap);
                var clock = Stopwatch.StartNew();
                foreach (var p in training) builder.Count(p, 0, p.Length);
                foreach (var p in training) builder.Select(p, 0, p.Length);
                dictLength = builder.Finish(dict, 0);
                buildMs = clock.Elapsed.TotalMilliseconds;
                Console.WriteLine("dictionary: " + dictLength + " of " + dictCap + " B from " + training.Count + " training pages in "
                                  + buildMs.ToString("F1", CultureInfo.InvariantCulture) + " ms (builder " + builder.WorkingBytes + " B)");
            }
            byte[] exactDict = new byte[Math.Max(dictLength, 1)];
            Array.Copy(dict, exactDict, dictLength);
            Console.WriteLine("liblz4 " + LibLz4.VersionNumber() + "; our HC level " + level + " (attempts " + hc.MaxAttempts + ", nice " + hc.NiceLength
                              + "), working memory " + hc.WorkingBytes + " B; " + rounds + " rounds");

            var kinds = new List<KindData>();
            foreach (var set in PageSet.Load(options, perKind, false))
            {
                int n = set.Pages.Count;
                var kd = new KindData
                {
                    Set = set, Fast = new byte[n][], Hc = new byte[n][], HcDict = new byte[n][], FastN = new int[n], HcN = new int[n], HcDictN = new int[n],
                    OursC = new double[rounds], LibC = new double[rounds], ReadFast = new double[rounds], ReadHc = new double[rounds], ReadDict = new double[rounds],
                };
                for (int i = 0; i < n; i++)
                {
                    byte[] p = set.Pages[i];
                    kd.Raw += page;
                    kd.Fast[i] = new byte[bound];
                    kd.Hc[i] = new byte[bound];
                    kd.HcDict[i] = new byte[bound];
                    kd.FastN[i] = fast.Compress(p, 0, page, kd.Fast[i], 0, bound);
                    kd.HcN[i] = hc.Compress(p, 0, page, kd.Hc[i], 0, bound);
                    kd.HcDictN[i] = hc.Compress(p, 0, page, kd.HcDict[i], 0, bound, dict, 0, dictLength);
                    kd.OursFast += kd.FastN[i];
                    kd.OursHc += kd.HcN[i];
                    kd.OursHcDict += kd.HcDictN[i];
                    kd.LibHc9 += LibLz4.CompressHC(p, scratch, page, bound, 9);
                    kd.LibHcLevel += level == 9 ? 0 : LibLz4.CompressHC(p, scratch, page, bound, level);
                    if (dictLength > 0) kd.LibHcDict += LibLz4.CompressHCUsingDict(p, scratch, page, bound, exactDict, dictLength, level);
                    Check(LibLz4.DecompressSafe(kd.Hc[i], back, kd.HcN[i], page) == page && back.AsSpan().SequenceEqual(p), "liblz4 failed on our HC block of " + set.Name);
                    if (dictLength > 0)
                        Check(LibLz4.DecompressSafeUsingDict(kd.HcDict[i], back, kd.HcDictN[i], page, exactDict, dictLength) == page && back.AsSpan().SequenceEqual(p),
                              "liblz4 failed on our dictionary block of " + set.Name);
                    Check(Lz4Decoder.Decompress(kd.HcDict[i], 0, kd.HcDictN[i], back, 0, page, dict, 0, dictLength) == page && back.AsSpan().SequenceEqual(p),
                          "our decoder failed on our dictionary block of " + set.Name);
                }
                kinds.Add(kd);
            }

            double tick = 1.0 / Stopwatch.Frequency;
            for (int r = -1; r < rounds; r++) // round -1 warms up
            {
                foreach (var kd in kinds)
                {
                    var pages = kd.Set.Pages;
                    bool libFirst = (r & 1) == 0;
                    for (int pass = 0; pass < 2; pass++)
                    {
                        bool lib = (pass == 0) == libFirst;
                        long t0 = Stopwatch.GetTimestamp();
                        if (lib) for (int i = 0; i < pages.Count; i++) LibLz4.CompressHC(pages[i], scratch, page, bound, 9);
                        else for (int i = 0; i < pages.Count; i++) hc.Compress(pages[i], 0, page, scratch, 0, bound);
                        double s = (Stopwatch.GetTimestamp() - t0) * tick;
                        if (r >= 0) { if (lib) kd.LibC[r] = s; else kd.OursC[r] = s; }
                    }
                    for (int pass = 0; pass < 3; pass++)
                    {
                        int which = (pass + (r & 1)) % 3;
                        long t0 = Stopwatch.GetTimestamp();
                        for (int rep = 0; rep < ReadRepeats; rep++)
                        {
                            if (which == 0) for (int i = 0; i < pages.Count; i++) Lz4Decoder.Decompress(kd.Fast[i], 0, kd.FastN[i], back, 0, page);
                            else if (which == 1) for (int i = 0; i < pages.Count; i++) Lz4Decoder.Decompress(kd.Hc[i], 0, kd.HcN[i], back, 0, page);
                            else for (int i = 0; i < pages.Count; i++) Lz4Decoder.Decompress(kd.HcDict[i], 0, kd.HcDictN[i], back, 0, page, dict, 0, dictLength);
                        }
                        double s = (Stopwatch.GetTimestamp() - t0) * tick / ReadRepeats;
                        if (r >= 0) { if (which == 0) kd.ReadFast[r] = s; else if (which == 1) kd.ReadHc[r] = s; else kd.ReadDict[r] = s; }
                    }
                }
            }

            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-10} {1,6} {2,6} {3,6} {4,6} {5,6} {6,6} | {7,7} {8,7} | {9,7} {10,6} {11,6}",
                "kind", "fast", "HC", "lib9", "/lib9", "+dict", "lib+d", "C KB/s", "lib9", "D fast", "HC/f", "dict/f"));
            long raw = 0, hcBytes = 0, lib9 = 0, fastBytes = 0, dictBytes = 0, libDict = 0;
            double oursSeconds = 0, libSeconds = 0;
            var readRel = new List<double>();
            var dictReadRel = new List<double>();
            foreach (var kd in kinds)
            {
                double kb = kd.Raw / 1024.0;
                double oursC = kb / RoundStats.Median(kd.OursC), libC = kb / RoundStats.Median(kd.LibC);
                double readFast = kd.Raw / 1e6 / RoundStats.Median(kd.ReadFast);
                double hcRead = RoundStats.MedianRatio(kd.ReadFast, kd.ReadHc), dictRead = RoundStats.MedianRatio(kd.ReadFast, kd.ReadDict);
                readRel.Add(hcRead);
                dictReadRel.Add(dictRead);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0,-10} {1,6:F3} {2,6:F3} {3,6:F3} {4,6:F4} {5,6:F3} {6,6:F3} | {7,7:F0} {8,7:F0} | {9,7:F0} {10,6:F3} {11,6:F3}",
                    kd.Set.Name.Length > 10 ? kd.Set.Name.Substring(0, 10) : kd.Set.Name,
                    (double)kd.Raw / kd.OursFast, (double)kd.Raw / kd.OursHc, (double)kd.Raw / kd.LibHc9, (double)kd.OursHc / kd.LibHc9,
                    (double)kd.Raw / kd.OursHcDict, dictLength > 0 ? (double)kd.Raw / kd.LibHcDict : 0.0,
                    oursC, libC, readFast, hcRead, dictRead));
                raw += kd.Raw; hcBytes += kd.OursHc; lib9 += kd.LibHc9; fastBytes += kd.OursFast; dictBytes += kd.OursHcDict; libDict += kd.LibHcDict;
                oursSeconds += RoundStats.Median(kd.OursC); libSeconds += RoundStats.Median(kd.LibC);
                if (level != 9)
                    Console.WriteLine("           liblz4 HC at level " + level + ": " + ((double)kd.Raw / kd.LibHcLevel).ToString("F3", CultureInfo.InvariantCulture)
                                      + ", ours/lib " + ((double)kd.OursHc / kd.LibHcLevel).ToString("F4", CultureInfo.InvariantCulture));
            }
            Console.WriteLine();
            Console.WriteLine("columns: compression ratios (raw / compressed) of our fast encoder, our HC, liblz4 HC level 9, our HC bytes / liblz4's,");
            Console.WriteLine("our HC and liblz4 HC with the dictionary; HC compression KB/s; our decoder's MB/s on fast blocks and its speed on");
            Console.WriteLine("HC and dictionary blocks relative to that (1.0 = as fast, higher = faster)");

            var results = new Results();
            results.Add("hc_ratio_vs_liblz4hc", (double)hcBytes / lib9);
            results.Add("hc_compress_kbps", raw / 1024.0 / oursSeconds);
            results.Add("liblz4hc_compress_kbps", raw / 1024.0 / libSeconds);
            results.Add("hc_read_speed_vs_fast", RoundStats.Median(readRel.ToArray()));
            results.Add("hc_gain_vs_fast", (double)fastBytes / hcBytes);
            if (dictLength > 0)
            {
                results.Add("dict_codec_gain", (double)hcBytes / dictBytes);
                results.Add("dict_ratio_vs_liblz4hc_dict", (double)dictBytes / libDict);
                results.Add("dict_read_speed_vs_fast", RoundStats.Median(dictReadRel.ToArray()));
                results.Add("dict_build_ms", buildMs);
            }
            results.Print();
            return 0;
        }

        private static List<byte[]> TrainingPages(BenchmarkOptions options, int samples)
        {
            var list = new List<byte[]>();
            if (options.PageFiles.Count > 0)
            {
                var all = PageSet.Mixed(options, 0).Pages;
                for (int i = 0; i < all.Count && list.Count < samples; i += 8) list.Add(all[i]);
                return list;
            }
            for (int i = 0; i < samples; i++)
            {
                uint seed = 900000u + options.Seed * 131u + (uint)i;
                list.Add(PageSamples.Make(PageSamples.MixedKind(seed), seed));
            }
            return list;
        }

        private static void Check(bool ok, string what)
        {
            if (!ok) throw new InvalidOperationException(what);
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("lz4hc: " + message);
            return 2;
        }



    }
}
