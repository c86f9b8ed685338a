// The line editor: every line ending, editing keys, control and escape bytes, overlong lines, and bytes split
// across reads and read timeouts, through SerialConsole over a scripted byte stream (as on a UART).
using nanoFramework.TestFramework;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.UnitTests.Terminal
{
    [TestClass]
    public class LineEditorTests
    {
        /// <summary>All lines the console yields for the stream, joined with '|' (end of input stops).</summary>
        private static string Lines(ScriptedStream stream, int maxLength)
        {
            SerialConsole console = new SerialConsole(stream, maxLength);
            string all = "";
            int lines = 0;
            for (int guard = 0; guard < 10000; guard++)
            {
                string line;
                if (console.TryReadLine(out line))
                {
                    all += (lines++ == 0 ? "" : "|") + line;
                    continue;
                }
                if (console.IsClosed) return all;
            }
            throw new System.InvalidOperationException("console never closed");
        }

        private static string Lines(string input)
        {
            return Lines(new ScriptedStream(false, "\r\n").Add(input), LineEditor.DefaultMaxLength);
        }

        [TestMethod]
        public void CrLfAndCrLfEachEndOneLine()
        {
            Assert.AreEqual("a|b|c|d", Lines("a\rb\nc\r\nd\r"));
            Assert.AreEqual("|", Lines("\r\n\r\n"));
            // LF CR is two line ends, the second line empty.
            Assert.AreEqual("x||y", Lines("x\n\ry\n"));
        }

        [TestMethod]
        public void CrAndLfSplitAcrossReadsAndTimeoutsStillMakeOneLine()
        {
            ScriptedStream s = new ScriptedStream(false, "\r\n").Add("he").Pause().Add("lp\r").Pause().Pause().Add("\nstats\r");
            Assert.AreEqual("help|stats", Lines(s, 128));
        }

        [TestMethod]
        public void ByteByByteWithTimeoutsLosesNothing()
        {
            string text = "led on\rstats\r\nmap\n";
            ScriptedStream s = new ScriptedStream(false, "\r\n");
            for (int i = 0; i < text.Length; i++) s.Add(text.Substring(i, 1)).Pause();
            Assert.AreEqual("led on|stats|map", Lines(s, 128));
        }

        [TestMethod]
        public void ManyLinesInOneReadAreAllDelivered()
        {
            ScriptedStream s = new ScriptedStream(false, "\n").Add("a\nbb\nccc\ndddd\n");
            s.MaxReadSize = 3;
            Assert.AreEqual("a|bb|ccc|dddd", Lines(s, 128));
        }

        [TestMethod]
        public void BackspaceAndDeleteEraseAndEchoEraseSequence()
        {
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add("stx\x08" + "at\x7F\x7F" + "ats\r");
            Assert.AreEqual("stats", Lines(s, 128));
            Assert.AreEqual("stx\b \bat\b \b\b \bats\r\n", s.Output);
            // Backspace on an empty line does nothing and echoes nothing.
            ScriptedStream e = new ScriptedStream(true, "\r\n").Add("\x08\x08ok\r");
            Assert.AreEqual("ok", Lines(e, 128));
            Assert.AreEqual("ok\r\n", e.Output);
        }

        [TestMethod]
        public void ControlBytesAreDroppedAndNeverEchoed()
        {
            // The NUL goes in as a byte: on the device a string ends at its first NUL (NANO012).
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add(new byte[] { (byte)'h', 0x00, 0x01 }).Add("e\x07l\x0B\x0Cp\x1F\r");
            Assert.AreEqual("help", Lines(s, 128));
            Assert.AreEqual("help\r\n", s.Output);
            // High bytes (UTF-8, telnet, line noise) are dropped as well.
            Assert.AreEqual("ab", Lines("a\xC3\xA9\xFF" + "b\r"));
        }

        [TestMethod]
        public void TabIsASpace()
        {
            Assert.AreEqual("led on", Lines("led\ton\r"));
        }

        [TestMethod]
        public void EscapeSequencesAreDroppedWhole()
        {
            // Arrow up, arrow left, F5 (CSI 15~), F1 (SS3 P), Alt-x, a CSI with parameters and intermediates.
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add("\x1B[Ast\x1B[Da\x1B[15~t\x1BOPs\x1Bx\x1B[1;5 q\r");
            Assert.AreEqual("stats", Lines(s, 128));
            Assert.AreEqual("stats\r\n", s.Output);
            Assert.DoesNotContains("\x1B", s.Output);
        }

        [TestMethod]
        public void EscapeSequenceSplitAcrossReadsIsStillDropped()
        {
            ScriptedStream s = new ScriptedStream(false, "\r\n").Add("ab\x1B").Pause().Add("[").Pause().Add("1;2").Add("Hcd\r");
            Assert.AreEqual("abcd", Lines(s, 128));
        }

        [TestMethod]
        public void LineEndInsideAnEscapeSequenceStillEndsTheLine()
        {
            Assert.AreEqual("ab|cd", Lines("ab\x1B\rcd\r"));
            Assert.AreEqual("ab|cd", Lines("ab\x1B[12\rcd\r"));
        }

        [TestMethod]
        public void EndlessEscapeParametersGiveUpAfterTheLimit()
        {
            string digits = "";
            for (int i = 0; i < LineEditor.MaxEscapeLength + 5; i++) digits += "1";
            string line = Lines("\x1B[" + digits + "\r");
            Assert.IsTrue(line.Length <= 5, "at most the digits past the limit remain: " + line);
        }

        [TestMethod]
        public void StringSequencesAreDroppedWhole()
        {
            // A window title (OSC ... BEL), a colour query answer (OSC ... ESC \), a DCS and an APC.
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add("st\x1B]0;user@host: ~\aat\x1B]11;rgb:0/0/0\x1B\\s\x1BP1$r0m\x1B\\\x1B_x\x07\r");
            Assert.AreEqual("stats", Lines(s, 128));
            Assert.AreEqual("stats\r\n", s.Output);
        }

        [TestMethod]
        public void UnterminatedStringSequenceCostsOnlyItsLine()
        {
            // No BEL and no ESC \: the line end still ends the sequence and the line; the next line is whole.
            Assert.AreEqual("ab|led on", Lines("ab\x1B]0;no terminator\rled on\r"));
            string text = "";
            for (int i = 0; i < LineEditor.MaxStringLength + 5; i++) text += "x";
            string line = Lines("\x1B]" + text + "\r");
            Assert.IsTrue(line.Length <= 5, "at most the text past the limit remains: " + line);
        }

        [TestMethod]
        public void CtrlUClearsAndCtrlCAbandonsTheLine()
        {
            Assert.AreEqual("map", Lines("garbage\x15map\r"));
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add("stat\x03help\r");
            Assert.AreEqual("|help", Lines(s, 128));
            Assert.Contains("^C\r\n", s.Output);
        }

        [TestMethod]
        public void OverlongLineIsCutWithOneNotice()
        {
            string longLine = "";
            for (int i = 0; i < 300; i++) longLine += (char)('a' + i % 26);
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add(longLine + "\rnext\r");
            SerialConsole console = new SerialConsole(s, 128);
            string line;
            Assert.IsTrue(console.TryReadLine(out line));
            Assert.AreEqual(longLine.Substring(0, 128), line);
            Assert.IsTrue(console.LastLineWasCut);
            Assert.IsTrue(console.TryReadLine(out line));
            Assert.AreEqual("next", line);
            Assert.IsFalse(console.LastLineWasCut);
            string output = s.Output;
            // The echo stops at the limit; one notice line follows the cut line.
            Assert.Contains(longLine.Substring(0, 128) + "\r\n! input longer than 128 characters: cut\r\n", output);
            Assert.DoesNotContains(longLine.Substring(0, 129), output);
        }

        [TestMethod]
        public void BackspaceAfterTheLimitForgetsTheDroppedCharactersFirst()
        {
            Assert.AreEqual("abc", Lines(new ScriptedStream(false, "\n").Add("abcde\x08\x08\r"), 3));
            Assert.AreEqual("ab", Lines(new ScriptedStream(false, "\n").Add("abcde\x08\x08\x08\r"), 3));
        }

        [TestMethod]
        public void HalfTypedLastLineIsDeliveredAtEndOfInput()
        {
            Assert.AreEqual("stats|uptime", Lines("stats\ruptime"));
        }

        [TestMethod]
        public void NoEchoWhenTheStreamEchoesItself()
        {
            ScriptedStream s = new ScriptedStream(false, "\n").Add("help\r");
            Lines(s, 128);
            Assert.AreEqual("", s.Output);
        }

        [TestMethod]
        public void PollKeyConsumesTheKeyLineOnly()
        {
            ScriptedStream s = new ScriptedStream(false, "\n").Add("\nstats\n");
            SerialConsole console = new SerialConsole(s);
            Assert.IsTrue(console.PollKey());
            string line;
            Assert.IsTrue(console.TryReadLine(out line));
            Assert.AreEqual("stats", line);
            ScriptedStream quiet = new ScriptedStream(false, "\n");
            quiet.KeepOpen = true;
            Assert.IsFalse(new SerialConsole(quiet).PollKey());
        }

        [TestMethod]
        public void PollKeyWithItsCrInOneReadAndItsLfInTheNextMakesNoEmptyLine()
        {
            // A terminal sends CR LF for Enter; a read may end between the two. The LF still belongs to the key's
            // line end: the next line is the command typed after it, not an empty one.
            ScriptedStream s = new ScriptedStream(false, "\n").Add("q\r").Pause().Add("\n").Pause().Add("stats\r");
            SerialConsole console = new SerialConsole(s);
            Assert.IsTrue(console.PollKey());
            Assert.AreEqual("stats", NextLine(console));
        }

        [TestMethod]
        public void PollKeyCountsNoLfThatFinishesACrLf()
        {
            // The LF of a key's CR LF, seen by the next PollKey (a second `watch`), is no key press.
            ScriptedStream again = new ScriptedStream(false, "\n").Add("q\r").Pause().Add("\n");
            again.KeepOpen = true;
            SerialConsole console = new SerialConsole(again);
            Assert.IsTrue(console.PollKey());
            Assert.IsFalse(console.PollKey(), "the read that found nothing");
            Assert.IsFalse(console.PollKey(), "the LF of the key's CR LF");

            // Nor is the LF of the command line's own CR LF, in the same read or the next: `watch` keeps going.
            ScriptedStream sameRead = new ScriptedStream(false, "\n").Add("watch 1\r\n");
            sameRead.KeepOpen = true;
            console = new SerialConsole(sameRead);
            Assert.AreEqual("watch 1", NextLine(console));
            Assert.IsFalse(console.PollKey(), "LF in the command's read");
            ScriptedStream nextRead = new ScriptedStream(false, "\n").Add("watch 1\r").Pause().Add("\n");
            nextRead.KeepOpen = true;
            console = new SerialConsole(nextRead);
            Assert.AreEqual("watch 1", NextLine(console));
            Assert.IsFalse(console.PollKey(), "the read that found nothing");
            Assert.IsFalse(console.PollKey(), "LF in the next read");
        }

        /// <summary>The next line the console yields, reading through read timeouts; null at end of input.</summary>
        private static string NextLine(SerialConsole console)
        {
            for (int guard = 0; guard < 100; guard++)
            {
                string line;
                if (console.TryReadLine(out line)) return line;
                if (console.IsClosed) return null;
            }
            throw new System.InvalidOperationException("no line");
        }

        [TestMethod]
        public void OutputIsMadePrintableWithTheStreamLineEnding()
        {
            ScriptedStream s = new ScriptedStream(false, "\r\n");
            SerialConsole console = new SerialConsole(s);
            console.WriteLine("a\x1B[2Jb\tc");
            console.Write("x\ny");
            Assert.AreEqual("a?[2Jb?c\r\nx\r\ny", s.Output);
        }

        [TestMethod]
        public void EventLineRedrawsPromptAndTypedCharacters()
        {
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add("sta");
            s.KeepOpen = true;
            SerialConsole console = new SerialConsole(s);
            console.Prompt = "zram> ";
            string line;
            Assert.IsFalse(console.TryReadLine(out line));
            console.WriteEvent("* led on");
            Assert.AreEqual("sta\r\n* led on\r\nzram> sta", s.Output);
        }

        [TestMethod]
        public void RandomBytesNeverBreakTheConsole()
        {
            // Noise costs at most the line it arrives in: one line end after it, and the next line is whole.
            SampleRandomBytes(1);
            SampleRandomBytes(2);
            SampleRandomBytes(3);
        }

        private static void SampleRandomBytes(uint seed)
        {
            ZramEmbedded.UnitTests.Samples.SampleRandom random = new ZramEmbedded.UnitTests.Samples.SampleRandom(seed);
            byte[] noise = new byte[4096];
            for (int i = 0; i < noise.Length; i++) noise[i] = (byte)random.Next(256);
            ScriptedStream s = new ScriptedStream(true, "\r\n").Add(noise).Add("\rversion\r");
            s.MaxReadSize = 7;
            SerialConsole console = new SerialConsole(s, 64);
            string line;
            string last = null;
            while (!console.IsClosed)
            {
                if (console.TryReadLine(out line))
                {
                    Assert.IsTrue(line.Length <= 64);
                    for (int i = 0; i < line.Length; i++) Assert.IsTrue(line[i] >= ' ' && line[i] <= '~', "printable");
                    last = line;
                }
            }
            Assert.AreEqual("version", last);
            string output = s.Output;
            for (int i = 0; i < output.Length; i++)
            {
                char c = output[i];
                Assert.IsTrue((c >= ' ' && c <= '~') || c == '\r' || c == '\n' || c == '\b', "echo is printable or editing");
            }
        }
    }
}
