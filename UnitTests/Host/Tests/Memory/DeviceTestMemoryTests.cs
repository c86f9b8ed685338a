// Host-only: every device test fits the per-test memory budget of a Pico-class board. Each device test project (every
// part of the device suite, nf-build/device/*/*.nfproj) is compiled again with its allocation sites instrumented and
// run in a process of its own (DeviceSuiteCompiler, MeasureMain):
// every [TestClass] is found by reflection and run the way the device's launcher runs it, and PeakMemory bounds each
// test's peak live managed memory. A test above the budget fails this check with its name and figure, so a new
// device test cannot silently grow past it: make it smaller, let the method holding a large object return before
// the next large allocation, or move the case to the host-only tests.
//
// The budget, 160 KiB per test: a PICO_RP2040 keeps its managed heap in the 256 KiB ram0 region shared with
// .data/.bss and a 16 KiB CRT heap (nanoframework-facts.md §6.2), under ~200 KiB in practice; about 22 KB is in use
// before the first test (§9). 160 KiB + 22 KB leaves ~18 KiB for fragmentation (large arrays need contiguous
// blocks) and for the size differences between host objects and 12-byte heap blocks (nf-build/README.md).
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;

namespace ZramEmbedded.UnitTests.Host.Memory
{
    [TestClass]
    public class DeviceTestMemoryTests
    {
        public const long BudgetBytes = 160 * 1024;

        [TestMethod]
        public void EveryDeviceTestFitsTheBudget()
        {
            var figures = DeviceSuiteCompiler.MeasureDeviceSuite(out List<string> failures, out List<string> unmeasured);
            Assert.IsTrue(figures.Count >= 70, "the device suite has " + figures.Count + " tests: discovery is broken");
            Assert.AreEqual(0, unmeasured.Count, "device test classes that were not measured:\n" + string.Join("\n", unmeasured));
            Assert.AreEqual(0, failures.Count, "device tests failed while measured:\n" + string.Join("\n", failures));
            foreach (var suite in figures.GroupBy(f => f.Suite))
                OutputHelper.WriteLine(suite.Key + ": " + suite.Count() + " tests, largest " + Kib(suite.Max(f => f.PeakBytes)));
            var ordered = figures.OrderByDescending(f => f.PeakBytes).ToList();
            foreach (var f in ordered.Take(15)) OutputHelper.WriteLine(Kib(f.PeakBytes) + "  " + f.Suite + ": " + f.Test + "  (" + f.Samples + " samples)");
            var over = ordered.Where(f => f.PeakBytes > BudgetBytes).ToList();
            Assert.AreEqual(0, over.Count, "device tests above the " + Kib(BudgetBytes) + " budget (bound on peak live managed memory):\n"
                + string.Join("\n", over.Select(f => "  " + f.Suite + ": " + f.Test + ": " + Kib(f.PeakBytes))));
        }

        [TestMethod]
        public void TheBoundSeesTwoLiveArenasButNotDroppedOnesOrGarbage()
        {
            // The check itself, on device-style tests through the same instrumentation: holding two 96 KiB arrays at
            // once is above the budget; one array per helper call (dropped when the helper returns) is one array;
            // the garbage strings of a loop do not add up.
            var figures = DeviceSuiteCompiler.Measure(new[] { ("Probe.cs", @"
using nanoFramework.TestFramework;
namespace ZramEmbedded.UnitTests.Probe
{
    [TestClass]
    public class Arenas
    {
        private static byte[] s_kept;

        [TestMethod]
        public void Two()
        {
            byte[] first = new byte[96 * 1024];
            byte[] second = new byte[96 * 1024];
            s_kept = first.Length > second.Length ? first : second;
            s_kept = null;
        }

        [TestMethod]
        public void OneAtATime()
        {
            Use(96 * 1024);
            Use(96 * 1024);
        }

        private static void Use(int size)
        {
            byte[] arena = new byte[size];
            arena[0] = 1;
        }

        [TestMethod]
        public void Garbage()
        {
            string s = """";
            for (int i = 0; i < 20000; i++) { s = ""item "" + (1000 + i).ToString(); }
            s_kept = new byte[s.Length];
            s_kept = null;
        }
    }
}") }, out List<string> failures);
            Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
            long two = figures.Single(f => f.Test == "Arenas.Two").PeakBytes;
            long one = figures.Single(f => f.Test == "Arenas.OneAtATime").PeakBytes;
            long garbage = figures.Single(f => f.Test == "Arenas.Garbage").PeakBytes;
            Assert.IsTrue(two > BudgetBytes && two < 2 * 96 * 1024 + 16 * 1024, "two live 96 KiB arrays measured " + Kib(two));
            Assert.IsTrue(one >= 96 * 1024 && one < 96 * 1024 + 16 * 1024, "one array at a time measured " + Kib(one));
            Assert.IsTrue(garbage < 16 * 1024, "20000 dropped strings measured " + Kib(garbage));
        }

        private static string Kib(long bytes) => (bytes / 1024.0).ToString("0.0") + " KiB";
    }
}
