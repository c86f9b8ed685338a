// The utilization workload of the alloc benchmark, identical for every allocator under test.
//
// Sizes: drawn uniformly (SampleRandom, fixed seed) from a list of object sizes (the LZ4-compressed sizes
// of realistic 4 KiB pages; see AllocBenchmark).
// 1. Fill: allocate drawn sizes until the first allocation fails → "first failure" utilization.
// 2. Steady-state churn, `steps` steps. One step = free one uniformly random live object, run one idle
//    compaction slice of `sliceBytes` (0 = none; allocators that cannot compact skip it), then allocate
//    drawn sizes until one fails (that request is dropped, as a page store rejects a page when full).
//    Utilization is sampled when the step's allocation fails, i.e. with the pool as full as it gets
//    for that request; "steady" is the mean over all steps after the first 10 % (warm-up).
// 3. "After full compaction": every `compactEvery` steps (0 = never) the pool is compacted completely,
//    then filled with drawn sizes until one fails (no compaction in between), and sampled; the mean of
//    these samples. The churn continues from that state.
// Utilization = live payload bytes / (arena bytes + metadata held outside the arena).
using System.Collections.Generic;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks.Alloc
{
    public sealed class ChurnResult
    {
        public double FirstFail;
        public double Steady;
        public double Compacted;
        public double MeanLiveObjects;
    }

    public static class ChurnHarness
    {
        public static ChurnResult Run(IChurnAllocator a, int[] sizes, uint seed, int steps, int sliceBytes, int compactEvery)
        {
            var rng = new SampleRandom(seed);
            var live = new List<int>();
            byte[] data = new byte[65536];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
            var r = new ChurnResult();

            FillUntilFailure(a, sizes, rng, live, data);
            r.FirstFail = a.Utilization;

            double sum = 0, liveSum = 0, csum = 0;
            int n = 0, cn = 0;
            int warm = steps / 10;
            for (int s = 0; s < steps; s++)
            {
                if (live.Count > 0)
                {
                    int k = rng.Next(live.Count);
                    a.Free(live[k]);
                    live[k] = live[live.Count - 1];
                    live.RemoveAt(live.Count - 1);
                }
                if (sliceBytes > 0) a.CompactSlice(sliceBytes);
                FillUntilFailure(a, sizes, rng, live, data);
                if (s >= warm)
                {
                    sum += a.Utilization;
                    liveSum += live.Count;
                    n++;
                }
                if (compactEvery > 0 && s >= warm && s % compactEvery == 0 && a.CompactAll())
                {
                    FillUntilFailure(a, sizes, rng, live, data);
                    csum += a.Utilization;
                    cn++;
                }
            }
            r.Steady = n > 0 ? sum / n : 0;
            r.MeanLiveObjects = n > 0 ? liveSum / n : 0;
            r.Compacted = cn > 0 ? csum / cn : double.NaN;
            return r;
        }

        private static void FillUntilFailure(IChurnAllocator a, int[] sizes, SampleRandom rng, List<int> live, byte[] data)
        {
            while (true)
            {
                int size = sizes[rng.Next(sizes.Length)];
                int id = a.Alloc(size, data);
                if (id < 0) return;
                live.Add(id);
            }
        }
    }
}
