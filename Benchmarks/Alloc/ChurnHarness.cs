// The utilization workload of the alloc benchmark, identical for every allocator under test.
//
// Sizes: drawn uniformly (SampleRandom, fixed seed) from a list of object sizes (the LZ4-compressed sizes
// of realistic 4 KiB pages; see AllocBenchmark). Utilization = live payload bytes / (arena bytes +
// metadata held outside the arena), read through IChurnAllocator.Utilization.
//
// Two definitions of the churn (ChurnRule), both starting the same way:
// 1. Fill: allocate drawn sizes until the first allocation fails → "first failure" utilization (the same
//    figure under both rules: same seed, same fill).
// 2a. Strict (the headline; what a page store does): a page store cannot drop a page, so no request is
//    ever dropped. A step takes the next request (the one that failed last, else a new draw); if it does
//    not fit, utilization is sampled at that moment (the pool as full as it gets), then uniformly random
//    live objects are freed — with one idle compaction slice of `sliceBytes` after each free (0 = none;
//    allocators that cannot compact skip it) — until the request fits, and it is stored. Frees happen
//    only under pressure, as reclaim (writeback / kill) would do them. The live population therefore
//    keeps the drawn size distribution. "steady" = mean of the samples of the steps after the first
//    10 % of `steps` (warm-up); one step = one stored request.
// 2b. Lenient (the older definition, kept for comparison): a step frees one uniformly random live object,
//    runs one compaction slice, then allocates drawn sizes until one fails, and that request is DROPPED;
//    sampled at that failure. Dropping the requests that do not fit biases the live population towards
//    sizes that happen to fit the holes (survivor bias) and inflates every allocator's figure, most of
//    all for allocators with coarse allocation units (zsmalloc's 4 KiB-page zspages).
// 3. "After full compaction": every `compactEvery` steps after warm-up (0 = never) the pool is compacted
//    completely, then filled by the same rule until the first failure and sampled there; the mean of
//    these samples. Strict: the failing request is carried into the next step (it is stored after
//    eviction, its failure already sampled, so it is not sampled again as a steady sample); lenient: it
//    is dropped. The churn continues from that state.
// Units: sizes in bytes; utilization as a fraction.
using System;
using System.Collections.Generic;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks.Alloc
{
    public enum ChurnRule
    {
        /// <summary>Never drop a request: free random live objects until it fits (page store under reclaim).</summary>
        Strict,
        /// <summary>Drop the request that fails (older definition; survivor-biased).</summary>
        Lenient,
    }

    public sealed class ChurnResult
    {
        public double FirstFail;
        public double Steady;
        public double Compacted;
        /// <summary>Mean live objects at the steady samples.</summary>
        public double MeanLiveObjects;
        /// <summary>Mean size (bytes) of the live objects at the steady samples; strict keeps the drawn mean.</summary>
        public double MeanLiveSize;
        /// <summary>Strict: mean objects freed per stored request after warm-up (lenient: 1 by construction).</summary>
        public double FreesPerRequest;
    }

    public static class ChurnHarness
    {
        public static ChurnResult Run(IChurnAllocator a, int[] sizes, uint seed, int steps, int sliceBytes, int compactEvery)
        {
            return Run(a, sizes, seed, steps, sliceBytes, compactEvery, ChurnRule.Strict);
        }

        public static ChurnResult Run(IChurnAllocator a, int[] sizes, uint seed, int steps, int sliceBytes, int compactEvery, ChurnRule rule)
        {
            return rule == ChurnRule.Strict
                ? RunStrict(a, sizes, seed, steps, sliceBytes, compactEvery)
                : RunLenient(a, sizes, seed, steps, sliceBytes, compactEvery);
        }

        private static ChurnResult RunStrict(IChurnAllocator a, int[] sizes, uint seed, int steps, int sliceBytes, int compactEvery)
        {
            var rng = new SampleRandom(seed);
            var live = new Live();
            byte[] data = Data();
            var r = new ChurnResult();

            int pending = FillUntilFailure(a, sizes, rng, live, data);
            bool pendingSampled = true; // the first-fail sample; step 0 is warm-up anyway
            r.FirstFail = a.Utilization;

            double sum = 0, liveSum = 0, sizeSum = 0, csum = 0;
            long frees = 0;
            int n = 0, cn = 0, stored = 0;
            int warm = steps / 10;
            for (int s = 0; s < steps; s++)
            {
                int size = pending > 0 ? pending : sizes[rng.Next(sizes.Length)];
                bool sampled = pending > 0 && pendingSampled;
                pending = 0;
                int id = a.Alloc(size, data);
                if (id < 0)
                {
                    if (s >= warm && !sampled)
                    {
                        sum += a.Utilization;
                        liveSum += live.Count;
                        sizeSum += live.MeanSize;
                        n++;
                    }
                    while (id < 0)
                    {
                        if (live.Count == 0) throw new InvalidOperationException(a.Name + ": a " + size + " B object does not fit the empty arena");
                        FreeRandom(a, rng, live);
                        if (s >= warm) frees++;
                        if (sliceBytes > 0) a.CompactSlice(sliceBytes);
                        id = a.Alloc(size, data);
                    }
                }
                live.Add(id, size);
                if (s >= warm) stored++;
                if (compactEvery > 0 && s >= warm && s % compactEvery == 0 && a.CompactAll())
                {
                    pending = FillUntilFailure(a, sizes, rng, live, data);
                    pendingSampled = true;
                    csum += a.Utilization;
                    cn++;
                }
            }
            Summarize(r, sum, liveSum, sizeSum, n, csum, cn);
            r.FreesPerRequest = stored > 0 ? (double)frees / stored : 0;
            return r;
        }

        private static ChurnResult RunLenient(IChurnAllocator a, int[] sizes, uint seed, int steps, int sliceBytes, int compactEvery)
        {
            var rng = new SampleRandom(seed);
            var live = new Live();
            byte[] data = Data();
            var r = new ChurnResult();

            FillUntilFailure(a, sizes, rng, live, data);
            r.FirstFail = a.Utilization;

            double sum = 0, liveSum = 0, sizeSum = 0, csum = 0;
            int n = 0, cn = 0;
            int warm = steps / 10;
            for (int s = 0; s < steps; s++)
            {
                if (live.Count > 0) FreeRandom(a, rng, live);
                if (sliceBytes > 0) a.CompactSlice(sliceBytes);
                FillUntilFailure(a, sizes, rng, live, data);
                if (s >= warm)
                {
                    sum += a.Utilization;
                    liveSum += live.Count;
                    sizeSum += live.MeanSize;
                    n++;
                }
                if (compactEvery > 0 && s >= warm && s % compactEvery == 0 && a.CompactAll())
                {
                    FillUntilFailure(a, sizes, rng, live, data);
                    csum += a.Utilization;
                    cn++;
                }
            }
            Summarize(r, sum, liveSum, sizeSum, n, csum, cn);
            r.FreesPerRequest = 1;
            return r;
        }

        /// <summary>Means over the n steady samples and the cn after-compaction samples.</summary>
        private static void Summarize(ChurnResult r, double sum, double liveSum, double sizeSum, int n, double csum, int cn)
        {
            r.Steady = n > 0 ? sum / n : 0;
            r.MeanLiveObjects = n > 0 ? liveSum / n : 0;
            r.MeanLiveSize = n > 0 ? sizeSum / n : 0;
            r.Compacted = cn > 0 ? csum / cn : double.NaN;
        }

        private static byte[] Data()
        {
            byte[] data = new byte[65536];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
            return data;
        }

        /// <summary>The live objects: ids and sizes, removal by swapping with the last.</summary>
        private sealed class Live
        {
            private readonly List<int> _ids = new List<int>();
            private readonly List<int> _sizes = new List<int>();
            private long _bytes;

            public int Count { get { return _ids.Count; } }
            public double MeanSize { get { return _ids.Count > 0 ? (double)_bytes / _ids.Count : 0; } }

            public void Add(int id, int size)
            {
                _ids.Add(id);
                _sizes.Add(size);
                _bytes += size;
            }

            public void FreeAt(IChurnAllocator a, int k)
            {
                a.Free(_ids[k]);
                _bytes -= _sizes[k];
                int last = _ids.Count - 1;
                _ids[k] = _ids[last];
                _sizes[k] = _sizes[last];
                _ids.RemoveAt(last);
                _sizes.RemoveAt(last);
            }
        }

        private static void FreeRandom(IChurnAllocator a, SampleRandom rng, Live live)
        {
            live.FreeAt(a, rng.Next(live.Count));
        }

        /// <summary>Allocates drawn sizes until one fails; returns the size that failed.</summary>
        private static int FillUntilFailure(IChurnAllocator a, int[] sizes, SampleRandom rng, Live live, byte[] data)
        {
            while (true)
            {
                int size = sizes[rng.Next(sizes.Length)];
                int id = a.Alloc(size, data);
                if (id < 0) return size;
                live.Add(id, size);
            }
        }
    }
}
