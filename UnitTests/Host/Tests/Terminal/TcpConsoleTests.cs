// Host-only: the TCP console driven by a client the way a person attaches a terminal program to the virtual
// board: CR-only line ends, telnet negotiation, line noise, a client that reconnects at once. The client is
// ConsoleClient (.NET sockets only); one variant drives socat, the terminal program .ci/run installs, and is
// skipped with its reason where socat is absent. Also the option parser of the PC firmware.
using System;
using System.Collections.Generic;
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
        /// <summary>The firmware's side: reads lines and answers each with "you said: LINE" until the predicate
        /// holds for the lines read or 15 s pass.</summary>
        private static List<string> Serve(SerialConsole console, Func<List<string>, bool> done)
        {
            var lines = new List<string>();
            var watch = Stopwatch.StartNew();
            while (!done(lines) && watch.ElapsedMilliseconds < 15000)
            {
                if (console.TryReadLine(out string line))
                {
                    lines.Add(line);
                    console.WriteLine("you said: " + line);
                }
                else System.Threading.Thread.Sleep(2);
            }
            return lines;
        }

        [TestMethod]
        public void ClientSendingCrOnlyGetsEchoAndAnswers()
        {
            using var stream = new TcpConsoleStream(0, "hello from the test board");
            var console = new SerialConsole(stream);
            using ConsoleClient client = ConsoleClient.Connect(stream.Port);
            client.Send("help\rled\ton\r\x1B[Awhat\x7F\x7Fo\r");
            client.EndInput();
            List<string> lines = Serve(console, l => l.Count >= 3);
            Assert.IsTrue(client.WaitFor("you said: who\r\n", 15000), "answers arrive: " + client.Received);
            Assert.AreEqual("help|led on|who", string.Join("|", lines));
            string received = client.Received;
            Assert.Contains("hello from the test board\r\n", received);
            Assert.Contains("help\r\nyou said: help\r\n", received);
            Assert.Contains("led on\r\nyou said: led on\r\n", received);
            Assert.Contains("what\b \b\b \bo\r\nyou said: who\r\n", received);
            Assert.DoesNotContains("\x1B", received);
        }

        [TestMethod]
        public void TelnetNegotiationIsRemoved()
        {
            using var stream = new TcpConsoleStream(0, "hi");
            var console = new SerialConsole(stream);
            using ConsoleClient client = ConsoleClient.Connect(stream.Port);
            // IAC WILL NAWS, IAC SB NAWS 0 80 0 24 IAC SE, IAC DO ECHO, IAC IAC (a data byte 255, dropped by the
            // line editor), then a line.
            client.Send("\xFF\xFB\x1F\xFF\xFA\x1F\x00\x50\x00\x18\xFF\xF0\xFF\xFD\x01up\xFF\xFFtime\r");
            Assert.AreEqual("uptime", string.Join("|", Serve(console, l => l.Count >= 1)));
        }

        [TestMethod]
        public void UnfinishedTelnetCommandsCostOnlyTheirLine()
        {
            using var stream = new TcpConsoleStream(0, "hi");
            var console = new SerialConsole(stream);
            using ConsoleClient client = ConsoleClient.Connect(stream.Port);
            // IAC SB with no IAC SE; IAC WILL cut by a line end; IAC followed by no command; a subnegotiation
            // longer than the bound.
            client.Send("ab\xFF\xFAjunk\ruptime\r");
            client.Send("\xFF\xFB\rled on\r");
            client.Send("st\xFF" + "ats\r");
            client.Send("\xFF\xFA" + new string('j', TcpConsoleStream.MaxSubnegotiation) + "map\r");
            List<string> lines = Serve(console, l => l.Count >= 6);
            Assert.AreEqual("ab|uptime||led on|stats|map", string.Join("|", lines));
        }

        [TestMethod]
        public void RandomNoiseNeverWedgesTheConnection()
        {
            // 3,000 random bytes, one line end, then a line that must arrive whole; 24 times on one connection.
            using var stream = new TcpConsoleStream(0, "hi");
            var console = new SerialConsole(stream);
            using ConsoleClient client = ConsoleClient.Connect(stream.Port);
            var random = new Random(19);
            var noise = new byte[3000];
            for (int run = 0; run < 24; run++)
            {
                random.NextBytes(noise);
                client.Send(noise);
                client.Send("\rmarker " + run + "\r");
                string expected = "marker " + run;
                List<string> lines = Serve(console, l => l.Count > 0 && l[l.Count - 1] == expected);
                Assert.AreEqual(expected, lines[lines.Count - 1], "run " + run + ": the line after the noise arrives whole");
            }
        }

        [TestMethod]
        public void ANewClientGetsTheConsoleAtOnce()
        {
            using var stream = new TcpConsoleStream(0, "hi");
            var console = new SerialConsole(stream);
            // One client leaves and another connects straight after: no "busy", the new one is served.
            using (ConsoleClient first = ConsoleClient.Connect(stream.Port))
            {
                first.Send("one\r");
                Assert.AreEqual("one", string.Join("|", Serve(console, l => l.Count >= 1)));
            }
            using ConsoleClient second = ConsoleClient.Connect(stream.Port);
            second.Send("two\r");
            Assert.AreEqual("two", string.Join("|", Serve(console, l => l.Count >= 1)));
            Assert.IsTrue(second.WaitFor("you said: two\r\n", 15000), second.Received);
            Assert.DoesNotContains("busy", second.Received);

            // A client that is still attached is told and closed when a new one connects (a replugged cable).
            using ConsoleClient third = ConsoleClient.Connect(stream.Port);
            Assert.IsTrue(second.WaitForClose(15000), "the client before is closed");
            Assert.Contains("console taken over by a new client", second.Received);
            third.Send("three\r");
            Assert.AreEqual("three", string.Join("|", Serve(console, l => l.Count >= 1)));
            Assert.IsTrue(third.WaitFor("you said: three\r\n", 15000), third.Received);
            Assert.DoesNotContains("you said: three", second.Received);
        }

        /// <summary>socat's path, or null when it is not installed.</summary>
        internal static string FindSocat()
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, "socat"))) return Path.Combine(dir, "socat");
            }
            return null;
        }

        [TestMethod]
        public void SocatInRawModeGetsEchoAndAnswers()
        {
            string socatPath = FindSocat();
            if (socatPath == null) Assert.SkipTest("socat is not installed (.ci/run installs it); ClientSendingCrOnlyGetsEchoAndAnswers covers the same with .NET sockets");
            using var stream = new TcpConsoleStream(0, "hello from the test board");
            var console = new SerialConsole(stream);
            var psi = new ProcessStartInfo(socatPath) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in new[] { "-t", "2", "-", "TCP:127.0.0.1:" + stream.Port }) psi.ArgumentList.Add(a);
            using Process socat = Process.Start(psi);
            try
            {
                byte[] input = System.Text.Encoding.Latin1.GetBytes("help\rled\ton\r\x1B[Awhat\x7F\x7Fo\r");
                socat.StandardInput.BaseStream.Write(input, 0, input.Length);
                socat.StandardInput.Close();
                Assert.AreEqual("help|led on|who", string.Join("|", Serve(console, l => l.Count >= 3)));
                Assert.IsTrue(socat.WaitForExit(15000), "socat exits");
                string received = socat.StandardOutput.ReadToEnd();
                Assert.Contains("hello from the test board\r\n", received);
                Assert.Contains("led on\r\nyou said: led on\r\n", received);
                Assert.Contains("you said: who\r\n", received);
            }
            finally
            {
                if (!socat.HasExited) socat.Kill(true);
            }
        }

        [TestMethod]
        public void OptionsParseAndRejectWithOneLine()
        {
            HostOptions o = HostOptions.Parse(new[] { "--board", "pico_rp2040", "--console", "tcp:5555" }, out string error);
            Assert.IsNull(error);
            Assert.AreEqual("PICO_RP2040", o.Board.Name);
            Assert.AreEqual(5555, o.TcpPort);
            Assert.IsFalse(o.IsBatch);
            o = HostOptions.Parse(new[] { "--seconds", "3" }, out error);
            Assert.IsNull(error);
            Assert.AreEqual(3, o.Seconds);
            Assert.IsTrue(o.IsBatch);

            string[][] bad =
            {
                new[] { "--frobnicate" }, new[] { "--board", "NOPE" }, new[] { "--console", "tcp:0" },
                new[] { "--console", "serial" }, new[] { "--seconds", "-1" }, new[] { "--seconds", "x" },
                new[] { "--script", "/no/such/file" }, new[] { "--seconds" },
                new[] { "--console", "tcp:5555", "--seconds", "3" }, new[] { "--seconds", "3", "--console", "tcp:5555" },
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
