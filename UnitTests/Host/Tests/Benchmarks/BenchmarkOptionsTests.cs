// Host-only: the benchmarks' option parser (Benchmarks/BenchmarkOptions.cs, linked in). Every command refuses
// an option it does not take and a value that does not fit, in one line that names the option and what it
// expects (Program prints it and exits with 2); good values reach the command.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Benchmarks;

namespace ZramEmbedded.UnitTests.Host.Benchmarks
{
    [TestClass]
    public class BenchmarkOptionsTests
    {
        private static readonly string[] Commands = { "lz4", "lz4hc", "recompress", "lz4-fuzz", "alloc", "store", "pressure", "writeback" };

        private static string Refused(params string[] args)
        {
            Assert.IsNull(BenchmarkOptions.Parse(args, out string error), string.Join(" ", args) + " is refused");
            Assert.IsFalse(string.IsNullOrEmpty(error));
            Assert.IsFalse(error.Contains('\n'), "one line: " + error);
            return error;
        }

        [TestMethod]
        public void UnknownOptionsAreRefusedByEveryCommand()
        {
            foreach (string command in Commands)
            {
                Assert.IsTrue(BenchmarkOptions.IsCommand(command), command);
                string error = Refused(command, "--frobnicate", "5");
                Assert.StartsWith("unknown option --frobnicate (" + command + " takes --pages", error);
                Refused(command, "stray");
            }
            Assert.Contains("unknown option --arena", Refused("alloc", "--arena", "5"));
            Assert.IsFalse(BenchmarkOptions.IsCommand("frob"));
        }

        [TestMethod]
        public void BadValuesNameTheOptionAndWhatItExpects()
        {
            foreach (string command in Commands)
            {
                Assert.AreEqual("--seed expects an integer 0..4294967295, not 'abc'", Refused(command, "--seed", "abc"));
                Assert.AreEqual("--seed expects an integer 0..4294967295, and none was given", Refused(command, "--seed"));
                Assert.AreEqual("--pages expects at least one file", Refused(command, "--pages", "--quick"));
            }
            Assert.AreEqual("--rounds expects an integer 1..100000, not 'x'", Refused("lz4", "--rounds", "x"));
            Assert.AreEqual("--level expects an integer 1..12, not '13'", Refused("lz4hc", "--level", "13"));
            Assert.AreEqual("--demand expects a number 0.5..8, not '9'", Refused("pressure", "--demand", "9"));
            Assert.AreEqual("--arena expects integers 16..4096 separated by commas, not '16,abc'", Refused("recompress", "--arena", "16,abc"));
            Assert.AreEqual("--file expects a value, and none was given", Refused("writeback", "--file"));
            Assert.AreEqual("--steps expects an integer 1..2147483647, not '99999999999'", Refused("alloc", "--steps", "99999999999"));
            Assert.StartsWith("unexpected argument 'x'", Refused("alloc", "--sweep", "x"));
        }

        [TestMethod]
        public void GoodValuesReachTheCommand()
        {
            BenchmarkOptions o = BenchmarkOptions.Parse(new[] { "alloc", "--seed", "7", "--quick", "--steps", "100", "--sweep", "--sweep-frames", "256,512" }, out string error);
            Assert.IsNull(error);
            Assert.AreEqual(7u, o.Seed);
            Assert.IsTrue(o.Quick);
            Assert.AreEqual("100", o.Extra["steps"]);
            Assert.AreEqual("", o.Extra["sweep"]);
            Assert.AreEqual("256,512", o.Extra["sweep-frames"]);
            o = BenchmarkOptions.Parse(new[] { "lz4", "--pages", "a.bin", "b.bin", "--liblz4", "/usr/lib/liblz4.so.1" }, out error);
            Assert.IsNull(error);
            Assert.AreEqual(2, o.PageFiles.Count);
            Assert.AreEqual("/usr/lib/liblz4.so.1", o.Extra["liblz4"]);
            o = BenchmarkOptions.Parse(new[] { "pressure", "--demand", "1.5", "--ops", "5000" }, out error);
            Assert.IsNull(error);
            Assert.AreEqual("1.5", o.Extra["demand"]);
        }
    }
}
