// Placeholder until the command is implemented (replaced by its issue's work).
using System;

namespace ZramEmbedded.Benchmarks
{
    public static class AllocBenchmark
    {
        public static int Run(BenchmarkOptions options)
        {
            Console.Error.WriteLine("AllocBenchmark: not implemented yet");
            return 1;
        }
    }
}
