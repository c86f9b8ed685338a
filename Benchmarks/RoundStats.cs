// Medians over timed rounds: the benchmarks time each case several times and report the median (and the
// median of per-round ratios against the baseline timed in the same round), which shrugs off the rounds a
// shared machine disturbs.
using System;

namespace ZramEmbedded.Benchmarks
{
    internal static class RoundStats
    {
        public static double Median(double[] values)
        {
            var copy = (double[])values.Clone();
            Array.Sort(copy);
            int n = copy.Length;
            return (n & 1) == 1 ? copy[n / 2] : 0.5 * (copy[n / 2 - 1] + copy[n / 2]);
        }

        /// <summary>Median over rounds of (baseline time / other time) = other's speed / baseline's speed.</summary>
        public static double MedianRatio(double[] baseline, double[] other)
        {
            var r = new double[baseline.Length];
            for (int i = 0; i < r.Length; i++) r[i] = baseline[i] / other[i];
            return Median(r);
        }
    }
}
