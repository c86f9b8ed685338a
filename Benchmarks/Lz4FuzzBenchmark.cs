// `lz4-fuzz`: a long robustness run of the decoder on random and mutated blocks (the unit suite runs a
// few thousand; this runs --iterations N, default 200000, --quick 20000). Every input must either decode
// within the output range or fail with a negative code / Lz4CorruptException; any other exception, a
// write outside the guarded output range, or a length beyond the capacity is a violation. Where liblz4
// also accepts a mutated block, both decoders must produce the same bytes (a disagreement is reported).
// Valid blocks come from ours and from liblz4, over the built-in page kinds or --pages files.
// RESULT lines: fuzz_iterations, fuzz_violations, fuzz_disagreements, fuzz_blocks_per_second.
using System;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Native;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks
{
    public static class Lz4FuzzBenchmark
    {
        private const int Guard = 32;
        private const byte GuardValue = 0xA5;

        private static readonly string[] MutationNames =
        {
            "random", "bitflip", "byte", "truncate", "extend", "capacity", "overlong", "offset", "splice",
        };

        public static int Run(BenchmarkOptions options)
        {
            int iterations = options.Quick ? 20000 : 200000;
            iterations = options.Int("iterations", iterations);

            var sets = PageSet.Load(options, 64, true);
            var pages = new System.Collections.Generic.List<byte[]>();
            foreach (var s in sets) pages.AddRange(s.Pages);

            var encoder = new Lz4Encoder();
            var rng = new SampleRandom(options.Seed * 7u + 12345u);
            int bound = Lz4Block.CompressBound(PageSet.PageSize);
            byte[] block = new byte[bound + 256];
            byte[] other = new byte[bound + 256];
            byte[] output = new byte[PageSet.PageSize + 2 * Guard];
            byte[] theirs = new byte[PageSet.PageSize];

            var outcomes = new long[5]; // index = -code (0 = decoded)
            var byMutation = new long[MutationNames.Length];
            long violations = 0, disagreements = 0, bothAccepted = 0;
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < iterations; i++)
            {
                int mutation = rng.Next(MutationNames.Length);
                byMutation[mutation]++;
                int length, capacity = PageSet.PageSize;
                if (mutation == 0)
                {
                    length = rng.Next(0, 600);
                    int mask = rng.Next(3) == 0 ? 0xFF : 0x1F;
                    for (int b = 0; b < length; b++) block[b] = (byte)(rng.NextUInt() & (uint)mask);
                    capacity = rng.Next(PageSet.PageSize + 1);
                }
                else
                {
                    byte[] page = pages[rng.Next(pages.Count)];
                    int n = (i & 1) == 0
                        ? encoder.Compress(page, 0, page.Length, block, 0, bound)
                        : LibLz4.CompressDefault(page, block, page.Length, bound);
                    length = n;
                    switch (mutation)
                    {
                        case 1: for (int f = rng.Next(1, 5); f > 0; f--) block[rng.Next(n)] ^= (byte)(1 << rng.Next(8)); break;
                        case 2: block[rng.Next(n)] = (byte)rng.NextUInt(); break;
                        case 3: length = rng.Next(n); break;
                        case 4:
                            length = n + rng.Next(1, 200);
                            for (int b = n; b < length; b++) block[b] = (byte)rng.NextUInt();
                            break;
                        case 5: capacity = rng.Next(PageSet.PageSize); break;
                        case 6:
                            {
                                int at = rng.Next(n);
                                for (int b = rng.Next(1, 8); b > 0 && at < n; b--) block[at++] = 0xFF;
                            }
                            break;
                        case 7:
                            {
                                int at = rng.Next(Math.Max(1, n - 1));
                                int offset = rng.Next(3) == 0 ? 0 : rng.Next(65536);
                                block[at] = (byte)offset;
                                if (at + 1 < n) block[at + 1] = (byte)(offset >> 8);
                            }
                            break;
                        default:
                            {
                                // splice a piece of another page's block into this one
                                byte[] p2 = pages[rng.Next(pages.Count)];
                                int n2 = encoder.Compress(p2, 0, p2.Length, other, 0, bound);
                                int from = rng.Next(n2), at = rng.Next(n), count = Math.Min(rng.Next(1, 64), Math.Min(n2 - from, n - at));
                                Array.Copy(other, from, block, at, count);
                            }
                            break;
                    }
                }

                Array.Fill(output, GuardValue);
                int r;
                try
                {
                    r = Lz4Decoder.TryDecompress(block, 0, length, output, Guard, capacity);
                }
                catch (Exception e)
                {
                    violations++;
                    Console.WriteLine("VIOLATION iteration " + i + " (" + MutationNames[mutation] + "): " + e.GetType().Name + ": " + e.Message);
                    continue;
                }
                bool guardsOk = true;
                for (int g = 0; g < Guard; g++)
                    if (output[g] != GuardValue || output[Guard + capacity + g] != GuardValue) guardsOk = false;
                if (!guardsOk || r > capacity || r < Lz4Decoder.ErrorLiteralOverrun)
                {
                    violations++;
                    Console.WriteLine("VIOLATION iteration " + i + " (" + MutationNames[mutation] + "): result " + r + ", guards " + (guardsOk ? "ok" : "damaged"));
                    continue;
                }
                outcomes[r >= 0 ? 0 : -r]++;

                if (r >= 0 && capacity == PageSet.PageSize && length <= bound)
                {
                    int t = LibLz4.DecompressSafe(block, theirs, length, capacity);
                    if (t >= 0)
                    {
                        bothAccepted++;
                        if (t != r || !output.AsSpan(Guard, r).SequenceEqual(theirs.AsSpan(0, t)))
                        {
                            disagreements++;
                            Console.WriteLine("DISAGREEMENT iteration " + i + " (" + MutationNames[mutation] + "): ours " + r + " bytes, liblz4 " + t);
                        }
                    }
                }
            }
            double seconds = sw.Elapsed.TotalSeconds;

            Console.WriteLine("iterations " + iterations + " in " + seconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
            Console.Write("by mutation:");
            for (int m = 0; m < MutationNames.Length; m++) Console.Write(" " + MutationNames[m] + "=" + byMutation[m]);
            Console.WriteLine();
            Console.WriteLine("decoded " + outcomes[0] + " (liblz4 also accepted and agreed on " + (bothAccepted - disagreements) + ")");
            for (int c = 1; c < outcomes.Length; c++) Console.WriteLine("  " + Lz4Decoder.ErrorMessage(-c) + ": " + outcomes[c]);
            Console.WriteLine("violations " + violations + ", disagreements with liblz4 " + disagreements);

            var results = new Results();
            results.Add("fuzz_iterations", iterations);
            results.Add("fuzz_violations", violations);
            results.Add("fuzz_disagreements", disagreements);
            results.Add("fuzz_blocks_per_second", iterations / seconds);
            results.Print();
            return violations == 0 && disagreements == 0 ? 0 : 1;
        }
    }
}
