// Placeholder until the command is implemented (replaced by its issue's work).
using System;

namespace ZramEmbedded.Benchmarks
{
    public static class Lz4FuzzBenchmark
    {
        public static int Run(BenchmarkOptions options)
        {
            Console.Error.WriteLine("Lz4FuzzBenchmark: not implemented yet");
            return 1;
        }
    }
}
