// Placeholder until the command is implemented (replaced by its issue's work).
using System;

namespace ZramEmbedded.Benchmarks
{
    public static class Lz4Benchmark
    {
        public static int Run(BenchmarkOptions options)
        {
            Console.Error.WriteLine("Lz4Benchmark: not implemented yet");
            return 1;
        }
    }
}
