// Host-only: the TCP console driven by an external program (socat, installed by .ci/run), the way a person
// attaches a terminal program to the virtual board: socat sends CR-only line ends, reads the echo and the
// answers. Fails (rather than skips) when socat is missing. Also the option parser of the PC firmware.
using System;
using System.Diagnostics;
using System.IO;
using nanoFramework.TestFramework;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Board.Host;

namespace ZramEmbedded.UnitTests.Host.Terminal
{
    [TestClass]
    public class TcpConsoleTests
    {
        /// <summary>Runs socat against 127.0.0.1:port with the given bytes on its stdin; returns what it printed.</summary>
        internal static Process StartSocat(int port, string input, double waitAfterEofSeconds)
        {
            var psi = new ProcessStartInfo("socat")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("-t");
            psi.ArgumentList.Add(waitAfterEofSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            psi.ArgumentList.Add("-");
            psi.ArgumentList.Add("TCP:127.0.0.1:" + port);
            Process p = Process.Start(psi) ?? throw new InvalidOperationException("socat did not start");
            byte[] bytes = new byte[input.Length];
            for (int i = 0; i < input.Length; i++) bytes[i] = (byte)input[i];
            p.StandardInput.BaseStream.Write(bytes, 0, bytes.Length);
            p.StandardInput.Close();
            return p;
        }

        [TestMethod]
        public void SocatClientSendingCrOnlyGetsEchoAndAnswers()
        {
            using var stream = new TcpConsoleStream(0, "hello from the test board");
            var console = new SerialConsole(stream);
            Process socat = StartSocat(stream.Port, "help\rled\ton\r\x1B[Awhat\x7F\x7Fo\r", 2);
            var lines = new System.Collections.Generic.List<string>();
            var watch = Stopwatch.StartNew();
            while (lines.Count < 3 && watch.ElapsedMilliseconds < 15000)
            {
                if (console.TryReadLine(out string line))
                {
                    lines.Add(line);
                    console.WriteLine("you said: " + line);
                }
                else System.Threading.Thread.Sleep(5);
            }
            Assert.IsTrue(socat.WaitForExit(15000), "socat exits");
            string received = socat.StandardOutput.ReadToEnd();
            Assert.AreEqual(3, lines.Count, "lines: " + string.Join("|", lines) + " stderr: " + socat.StandardError.ReadToEnd());
            Assert.AreEqual("help", lines[0]);
            Assert.AreEqual("led on", lines[1]);
            Assert.AreEqual("who", lines[2]);
            Assert.Contains("hello from the test board\r\n", received);
            Assert.Contains("help\r\nyou said: help\r\n", received);
            Assert.Contains("led on\r\nyou said: led on\r\n", received);
            Assert.Contains("you said: who\r\n", received);
            Assert.DoesNotContains("\x1B", received);
        }

        [TestMethod]
        public void TelnetNegotiationIsRemoved()
        {
            using var stream = new TcpConsoleStream(0, "hi");
            var console = new SerialConsole(stream);
            // IAC WILL NAWS, IAC SB NAWS 0 80 0 24 IAC SE, IAC DO ECHO, then a line.
            Process socat = StartSocat(stream.Port, "\xFF\xFB\x1F\xFF\xFA\x1F\x00\x50\x00\x18\xFF\xF0\xFF\xFD\x01uptime\r", 1);
            string got = null;
            var watch = Stopwatch.StartNew();
            while (got == null && watch.ElapsedMilliseconds < 15000)
            {
                if (!console.TryReadLine(out got)) System.Threading.Thread.Sleep(5);
            }
            socat.WaitForExit(15000);
            Assert.AreEqual("uptime", got);
        }

        [TestMethod]
        public void OptionsParseAndRejectWithOneLine()
        {
            HostOptions o = HostOptions.Parse(new[] { "--board", "pico_rp2040", "--console", "tcp:5555", "--seconds", "3" }, out string error);
            Assert.IsNull(error);
            Assert.AreEqual("PICO_RP2040", o.Board.Name);
            Assert.AreEqual(5555, o.TcpPort);
            Assert.AreEqual(3, o.Seconds);
            Assert.IsTrue(o.IsBatch);

            string[][] bad =
            {
                new[] { "--frobnicate" }, new[] { "--board", "NOPE" }, new[] { "--console", "tcp:0" },
                new[] { "--console", "serial" }, new[] { "--seconds", "-1" }, new[] { "--seconds", "x" },
                new[] { "--script", "/no/such/file" }, new[] { "--seconds" },
            };
            foreach (string[] args in bad)
            {
                Assert.IsNull(HostOptions.Parse(args, out error), string.Join(" ", args));
                Assert.IsFalse(string.IsNullOrEmpty(error));
                Assert.IsFalse(error.Contains('\n'), "one line: " + error);
            }
        }
    }
}
