// Host-only, end to end: the real firmware exe on the virtual board. A non-interactive run (boot → workload
// → script → summary → exit 0) whose stats move; bad options (one line, exit 2); piped stdin; and the
// console over TCP driven by socat sending CR-only line ends, the way a terminal program attaches.
using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using nanoFramework.TestFramework;

namespace ZramEmbedded.UnitTests.Host.Terminal
{
    [TestClass]
    public class FirmwareProcessTests
    {
        private static long Column(string output, string stat, string column)
        {
            string[] lines = output.Split('\n');
            string[] header = null;
            foreach (string raw in lines)
            {
                string line = raw.TrimEnd('\r');
                if (line.StartsWith("#" + stat + " ")) header = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                else if (header != null && line.StartsWith(stat + " "))
                {
                    string[] values = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    Assert.AreEqual(header.Length, values.Length, "values under every column of " + stat);
                    int i = Array.IndexOf(header, column);
                    Assert.IsTrue(i > 0, column + " is a column of " + stat);
                    return long.Parse(values[i]);
                }
            }
            throw new InvalidOperationException(stat + " not found in:\n" + output);
        }

        [TestMethod]
        public void BatchRunBootsRunsTheWorkloadAndTheScriptThenExitsZero()
        {
            string script = Path.GetTempFileName();
            File.WriteAllLines(script, new[] { "stats", "merge", "compact", "trim 2", "kill display", "apps", "kills", "map", "writeback idle", "stats" });
            string backing = Path.Combine(Path.GetTempPath(), "zram-wb-" + Guid.NewGuid().ToString("N") + ".bin");
            try
            {
                int code = FirmwareProcess.Run(out string output, out string stderr, "--board", "PICO_RP2040", "--seconds", "6", "--script", script, "--backing", backing);
                Assert.AreEqual(0, code, stderr + output);
                Assert.StartsWith("ZramEmbedded ", output);
                Assert.Contains("on PICO_RP2040 (virtual board)", output);
                Assert.Contains("arena 80 KiB", output);
                Assert.IsTrue(Column(output, "mm_stat", "orig_data_size") > 64 * 1024, "the apps stored pages");
                Assert.DoesNotContains("#recompress", output, "idle recompression is off under Machine.RecompressMinArenaBytes (the Pico's arena is 80 KiB)");
                Assert.Contains("zram> kill display", output);
                Assert.Contains("kill: display killed", output);
                Assert.Contains("requested", output);
                Assert.Contains("summary: mismatches 0 (ok)", output);
                Assert.IsTrue(Column(output.Substring(output.IndexOf("zram> writeback idle")), "bd_stat", "bd_count") > 0, "pages on the backing file");
                Assert.IsTrue(File.Exists(backing));
                Assert.AreEqual("", stderr);
            }
            finally
            {
                File.Delete(script);
                File.Delete(backing);
            }
        }

        [TestMethod]
        public void BadOptionsGiveOneLineAndExitTwo()
        {
            string[][] bad = { new[] { "--nope" }, new[] { "--board", "NOPE" }, new[] { "--seconds", "x" }, new[] { "--console", "tcp:99999" } };
            foreach (string[] args in bad)
            {
                int code = FirmwareProcess.Run(out string output, out string stderr, args);
                Assert.AreEqual(2, code, string.Join(" ", args));
                Assert.AreEqual("", output);
                Assert.AreEqual(1, stderr.TrimEnd('\n').Split('\n').Length, "one line: " + stderr);
                Assert.StartsWith("error: ", stderr);
            }
        }

        [TestMethod]
        public void PipedCommandsRunAndEndOfInputQuits()
        {
            using Process p = FirmwareProcess.Start();
            p.StandardInput.Write("version\nled\tauto\nstats\n");
            p.StandardInput.Close();
            string output = p.StandardOutput.ReadToEnd();
            Assert.IsTrue(p.WaitForExit(60000));
            Assert.AreEqual(0, p.ExitCode);
            Assert.Contains("zram> version\nZramEmbedded ", output);
            Assert.Contains("zram> led auto\nled ", output);
            Assert.Contains("#mm_stat ", output);
        }

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        [TestMethod]
        public void TcpConsoleDrivenBySocatWithCrOnlyLineEnds()
        {
            int port = FreePort();
            using Process fw = FirmwareProcess.Start("--console", "tcp:" + port);
            string first = fw.StandardOutput.ReadLine();
            Assert.Contains("console on 127.0.0.1:" + port, first);
            // CR-only line ends, a TAB, an arrow key and a backspace, as a terminal program in raw mode sends them.
            Process socat = TcpConsoleTests.StartSocat(port, "\rversion\rled\ton\r\x1B[Astatz\x7Fs\rapps\rexit\r", 5);
            Assert.IsTrue(socat.WaitForExit(60000), "socat exits");
            string received = socat.StandardOutput.ReadToEnd();
            Assert.IsTrue(fw.WaitForExit(60000), "exit over TCP quits the firmware");
            Assert.AreEqual(0, fw.ExitCode);
            Assert.Contains("console attached", received);
            Assert.Contains("zram> version\r\nZramEmbedded ", received);
            Assert.Contains("led on\r\nled on (manual", received);
            Assert.Contains("statz\b \bs\r\n#mm_stat ", received);
            Assert.Contains("sensors ", received);
            Assert.DoesNotContains("\x1B", received);
            Assert.DoesNotContains("unknown command", received);
        }
    }
}
