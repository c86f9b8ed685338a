// Host-only, end to end: the real firmware exe on the virtual board. A non-interactive run (boot → workload
// → script → summary → exit 0) whose stats move; bad options (one line, exit 2) and --help; piped stdin; the
// console over TCP driven by a client sending CR-only line ends, the way a terminal program attaches; and
// that a firmware a test started is gone when the test lets go of it.
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
            string[][] bad =
            {
                new[] { "--nope" }, new[] { "--board", "NOPE" }, new[] { "--seconds", "x" }, new[] { "--console", "tcp:99999" },
                new[] { "--seconds", "2", "--console", "tcp:" + FreePort() },
            };
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
        public void HelpExplainsEveryOptionWithItsDefault()
        {
            int code = FirmwareProcess.Run(out string output, out string stderr, "--help");
            Assert.AreEqual(0, code);
            Assert.AreEqual("", stderr);
            string[] lines = output.TrimEnd('\n').Split('\n');
            Assert.StartsWith("usage: ", lines[0]);
            foreach (string option in new[] { "--board", "--console", "--backing", "--script", "--seconds", "--help" })
            {
                Assert.IsTrue(Array.Exists(lines, l => l.StartsWith("  " + option + " ") || l.StartsWith("  " + option + ",") || l == "  " + option + " stdio|tcp:PORT"), option + " has a line of its own");
            }
            foreach (string fact in new[] { "default VIRTUAL", "PICO_RP2040", "ST_STM32F769I_DISCOVERY", "(default)", "interactive only", "default: none: writeback is off", "the workload runs first, then the script", "exit code" })
            {
                Assert.Contains(fact, output);
            }
            for (int i = 1; i < lines.Length; i++) Assert.IsTrue(lines[i].Length <= 100, "short lines: " + lines[i]);
        }

        [TestMethod]
        public void PipedCommandsRunAndEndOfInputQuits()
        {
            using FirmwareProcess.Child child = FirmwareProcess.Start();
            Process p = child.Process;
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
        public void TcpConsoleDrivenByAClientWithCrOnlyLineEnds()
        {
            int port = FreePort();
            using FirmwareProcess.Child child = FirmwareProcess.Start("--console", "tcp:" + port);
            Process fw = child.Process;
            string first = fw.StandardOutput.ReadLine();
            Assert.Contains("console on 127.0.0.1:" + port, first);
            using ConsoleClient client = ConsoleClient.Connect(port);
            // CR-only line ends, a TAB, an arrow key and a backspace, as a terminal program in raw mode sends them.
            client.Send("\rversion\rled\ton\r\x1B[Astatz\x7Fs\rapps\rexit\r");
            Assert.IsTrue(client.WaitForClose(60000), "exit over TCP quits the firmware and closes the connection");
            string received = client.Received;
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

        [TestMethod]
        public void AFirmwareATestStartedIsGoneWhenTheTestLetsGo()
        {
            int port = FreePort();
            Process fw;
            using (FirmwareProcess.Child child = FirmwareProcess.Start("--console", "tcp:" + port))
            {
                fw = child.Process;
                Assert.Contains("console on 127.0.0.1:" + port, fw.StandardOutput.ReadLine());
                // Leaving the block is what a failing assertion does too.
            }
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();   // throws if the firmware still listens on the port
            listener.Stop();
        }
    }
}
