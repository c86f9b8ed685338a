// Benchmark entry point: `dotnet run -c Release --project Benchmarks -- <command> [--pages FILE...] [options]`.
// Each command prints its tables, then one `RESULT <name> <value>` line per headline figure.
using System;

namespace ZramEmbedded.Benchmarks
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "help" || args[0] == "--help")
            {
                PrintUsage();
                return args.Length == 0 ? 2 : 0;
            }
            if (!BenchmarkOptions.IsCommand(args[0]))
            {
                Console.Error.WriteLine("unknown command: " + args[0]);
                PrintUsage();
                return 2;
            }
            BenchmarkOptions options = BenchmarkOptions.Parse(args, out string error);
            if (options == null)
            {
                Console.Error.WriteLine(args[0] + ": " + error);
                return 2;
            }
            switch (args[0])
            {
                case "lz4": return Lz4Benchmark.Run(options);
                case "lz4hc": return Lz4HcBenchmark.Run(options);
                case "recompress": return RecompressBenchmark.Run(options);
                case "lz4-fuzz": return Lz4FuzzBenchmark.Run(options);
                case "alloc": return AllocBenchmark.Run(options);
                case "store": return StoreBenchmark.Run(options);
                case "pressure": return PressureBenchmark.Run(options);
                case "writeback": return WritebackBenchmark.Run(options);
                default: throw new InvalidOperationException("a declared command without a runner: " + args[0]);
            }
        }

        private static void PrintUsage()
        {
            Console.WriteLine("usage: dotnet run -c Release --project Benchmarks -- <command> [--pages FILE...] [--seed N] [--quick]");
            Console.WriteLine("  lz4       codec ratio and speed against the machine's liblz4");
            Console.WriteLine("  lz4hc     high-compression encoder and dictionary against liblz4 HC (level 9)");
            Console.WriteLine("  recompress  page-store capacity with idle recompression (HC + dictionary) against the fast encoder");
            Console.WriteLine("  lz4-fuzz  long decompressor robustness run (random and mutated blocks)");
            Console.WriteLine("  alloc     zspage pool utilization, metadata and speed against a best-fit baseline");
            Console.WriteLine("  store     page store capacity (vs ideal and LZ4 + best-fit), feature breakdown, merge, speed");
            Console.WriteLine("  pressure  reclaim ladder and low-memory killer under 2x overcommit against a kill-only killer");
            Console.WriteLine("  writeback capacity, write amplification and read-back speed with a backing store (--arena-kib, --backing-kib, --rounds, --file PATH)");
            Console.WriteLine("  --pages FILE...  files of raw 4 KiB pages (concatenated) instead of the built-in sets");
            Console.WriteLine("  --seed N         seed of the generated pages and workloads (default 1); --quick  a shorter run for smoke checks");
            Console.WriteLine("options each command takes (an unknown option or a bad value exits with 2):");
            foreach (string command in new[] { "lz4", "lz4hc", "recompress", "lz4-fuzz", "alloc", "store", "pressure", "writeback" })
                Console.WriteLine("  " + command + ": " + BenchmarkOptions.Known(command));
        }
    }
}
