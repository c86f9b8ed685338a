// Every console command's output shape and its usage errors, unknown commands, and the session itself
// (prompt, end of input, exit, random bytes) on a scripted board. Device-test sized (48 KiB arena).
using nanoFramework.TestFramework;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;
using ZramEmbedded.UnitTests.Terminal;

namespace ZramEmbedded.UnitTests.Firmware
{
    [TestClass]
    public class ConsoleShellTests
    {
        [TestMethod]
        public void HelpListsEveryCommandAndWhatIsNotInThisBuild()
        {
            string output = ShellFixture.Run("help");
            for (int i = 0; i < Commands.Count; i++)
            {
                if (Commands.At(i).Name == "reboot") continue; // the scripted board is virtual: reboot is not listed
                Assert.Contains("  " + Commands.At(i).Name, output);
            }
            Assert.DoesNotContains("  reboot", output);
            for (int i = 0; i < Commands.Count; i++)
                if (!Commands.At(i).IsAvailable) Assert.Contains("not in this build yet", output);
        }

        [TestMethod]
        public void HelpKeepsLongUsagesApartFromTheirTextWithinEightyColumns()
        {
            string output = ShellFixture.Run("help");
            string[] lines = output.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].TrimEnd('\r').Length <= 80, "80 columns: " + lines[i]);
            }
            string[] longUsages = { "writeback <idle|huge|huge_idle> [seconds]", "recompress <idle|huge|huge_idle|all> [seconds]" };
            for (int u = 0; u < longUsages.Length; u++)
            {
                int at = output.IndexOf("  " + longUsages[u]);
                Assert.IsTrue(at >= 0, longUsages[u]);
                char next = output[at + 2 + longUsages[u].Length];
                Assert.IsTrue(next == '\r' || next == '\n', "the usage ends its line: " + longUsages[u]);
            }
            Assert.Contains("mark pages unused for [seconds]", output);
        }

        [TestMethod]
        public void HelpOnOneCommandAndOnAnUnknownOne()
        {
            string output = ShellFixture.Run("help watch", "help nonsense", "help a b");
            Assert.Contains("watch <seconds> [count]: ", output);
            Assert.Contains("no command 'nonsense' (try 'help')", output);
            Assert.Contains("usage: help [command]", output);
        }

        [TestMethod]
        public void StatsPrintsZramLinesUnderTheirColumnNames()
        {
            string output = ShellFixture.Run("stats");
            string[] names = { "#mm_stat", "#io_stat", "#bd_stat" };
            string[] values = { "mm_stat ", "io_stat ", "bd_stat " };
            for (int i = 0; i < names.Length; i++)
            {
                string header = ShellFixture.LineStarting(output, names[i]);
                string line = ShellFixture.LineStarting(output, values[i]);
                Assert.IsNotNull(header, names[i]);
                Assert.IsNotNull(line, values[i]);
                Assert.AreEqual(ShellFixture.Fields(header), ShellFixture.Fields(line), "as many values as column names: " + values[i]);
                Assert.IsTrue(output.IndexOf(header) < output.IndexOf(line), "header first");
            }
            Assert.IsTrue(ShellFixture.LineStarting(output, "#mm_stat").EndsWith(" pages_merged"), "pages_merged last");
            Assert.AreEqual(11, ShellFixture.Fields(ShellFixture.LineStarting(output, "mm_stat ")));
            Assert.Contains("ratio ", output);
            Assert.Contains("pressure ", output);
        }

        [TestMethod]
        public void AppsListsEveryAppWithItsState()
        {
            string output = ShellFixture.Run("apps");
            Assert.Contains(AppsReport.Header, output);
            string[] apps = { "sensors", "config", "display", "events" };
            for (int i = 0; i < apps.Length; i++)
            {
                string row = ShellFixture.LineStarting(output, apps[i]);
                Assert.IsNotNull(row, apps[i]);
                Assert.AreEqual(ShellFixture.Fields(AppsReport.Header), ShellFixture.Fields(row), "one value per column: " + row);
            }
        }

        [TestMethod]
        public void MapFitsEightyColumnsAndShowsEveryFrame()
        {
            string output = ShellFixture.Run("map");
            string[] lines = output.Split('\n');
            int cells = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                Assert.IsTrue(lines[i].Length <= 80 || lines[i].StartsWith("legend"), "fits 80 columns: " + lines[i]);
                if (lines[i].Length > 7 && lines[i][5] == 'K' && lines[i][6] == ' ') cells += lines[i].Length - 7;
            }
            // 48 KiB of 256 B frames, one character each.
            Assert.AreEqual(ShellFixture.ArenaBytes / 256, cells);
            Assert.Contains("legend: ", output);
        }

        [TestMethod]
        public void MapShowsOneFramePerCharacterUpTo256KiBAndHasALegendGlyphEach()
        {
            // 64 KiB (device test size) is one frame per character; larger arenas are a host test.
            Assert.AreEqual(1, new ArenaMap(new ZramEmbedded.Allocator.Pool.ZsPool(new byte[64 * 1024], ZramEmbedded.Allocator.Pool.PoolConfig.ForArena(64 * 1024))).FramesPerCell);
            Assert.AreEqual(ArenaMapGlyphs(), "." + "#" + "a" + "A");
        }

        private static string ArenaMapGlyphs()
        {
            return new string(new char[] { ArenaMap.Glyph(0), ArenaMap.Glyph(1), ArenaMap.Glyph(2), ArenaMap.Glyph(3) });
        }

        [TestMethod]
        public void EveryCommandRejectsWrongArgumentsWithItsUsage()
        {
            string[] bad =
            {
                "stats now", "apps x", "classes some", "map 2", "watch", "watch 0", "watch x", "watch 1 0", "watch 1 2 3",
                "compact now", "merge all", "trim", "trim 4", "trim x", "kill", "kill a b", "pressure x", "kills x",
                "writeback now", "writeback all", "recompress", "recompress now", "recompress idle x", "recompress all 1 2", "button x", "led sideways", "led on off", "board x", "uptime x", "version 2", "reset all",
                "reboot now", "exit now",
            };
            string output = ShellFixture.Run(bad);
            for (int i = 0; i < bad.Length; i++)
            {
                string cmd = Words.Split(bad[i])[0];
                Assert.Contains(Commands.Find(cmd).Usage, output);
            }
            Assert.DoesNotContains("unknown command", output);
        }

        [TestMethod]
        public void EachCommandRecordGivesItsHelpLineAndItsArgumentCount()
        {
            // Per command: `help <name>` prints the record's syntax and summary, and one argument more than the
            // record allows prints the record's usage line.
            string[] lines = new string[Commands.Count * 2];
            for (int i = 0; i < Commands.Count; i++)
            {
                ShellCommand c = Commands.At(i);
                lines[2 * i] = "help " + c.Name;
                lines[2 * i + 1] = c.Name + " x x x x x x x x".Substring(0, 2 * (c.MaxArguments + 1));
            }
            string output = ShellFixture.Run(lines);
            for (int i = 0; i < Commands.Count; i++)
            {
                ShellCommand c = Commands.At(i);
                Assert.StartsWith("usage: " + c.Name, c.Usage);
                Assert.Contains(c.Syntax + ": " + c.Summary, output);
                Assert.Contains(c.Usage, output);
            }
        }

        [TestMethod]
        public void UnknownCommandGetsAHintWithItsNameCutAndPrintable()
        {
            string longWord = new string('x', 10000);
            string output = ShellFixture.Run("frobnicate", longWord, "led\ton");
            Assert.Contains("unknown command 'frobnicate' (try 'help')", output);
            Assert.Contains("unknown command '" + new string('x', Words.MaxEcho) + "...' (try 'help')", output);
            Assert.IsTrue(output.Length < 2000, "no 10,000-character echo");
        }

        [TestMethod]
        public void LedShowsAndSetsTheStatusLed()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            ConsoleShell shell = new ConsoleShell(ShellFixture.NewMachine(board));
            shell.Execute("led on");
            Assert.IsTrue(board.StatusLed.IsOn);
            Assert.Contains("led on (manual", board.Output);
            shell.Execute("led off");
            Assert.IsFalse(board.StatusLed.IsOn);
            shell.Execute("led auto");
            shell.Execute("led");
            Assert.Contains("led off (pressure none)", board.Output);
        }

        [TestMethod]
        public void BoardUptimeVersionPressureAnswerInOneLineEach()
        {
            string output = ShellFixture.Run("board", "uptime", "version", "pressure");
            Assert.Contains("board TEST_BOARD", output);
            Assert.Contains("led pin 5, button pin 6 (active high), console COM9", output);
            Assert.Contains("uptime ", output);
            Assert.Contains("ZramEmbedded " + Boot.Version, output);
            Assert.Contains("pressure none: ", output);
            Assert.Contains("watermarks min/low/high 5.0/10.0/20.0 % free", output);
            Assert.Contains("sensors priority 100", output);
        }

        [TestMethod]
        public void ButtonTogglesSurge()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("button");
            Assert.IsTrue(m.Workload.Surge);
            Assert.Contains("* button: surge on", board.Output);
            // The physical button does the same (debounced press).
            board.Now += 100;
            board.Pressed = true;
            m.Step();
            board.Pressed = false;
            board.Now += 100;
            m.Step();
            Assert.IsFalse(m.Workload.Surge);
        }

        [TestMethod]
        public void ExitQuitsOnThePcAndRebootIsForBoards()
        {
            // Two machines one after the other: the test profile's 32 KiB arena, the first dropped before the second.
            ScriptedBoard board = new ScriptedBoard(new string[0]);
            ConsoleShell shell = new ConsoleShell(ShellFixture.NewMachine(board));
            Assert.IsFalse(shell.Execute("exit"));
            Assert.IsTrue(shell.Execute("reboot"));
            Assert.Contains("the virtual board does not reboot", board.Output);
            Assert.AreEqual(0, board.Reboots);
            shell = null;
            board = null;

            ScriptedBoard device = new ScriptedBoard(new string[0]);
            device.Virtual = false;
            ConsoleShell deviceShell = new ConsoleShell(ShellFixture.NewMachine(device));
            Assert.IsTrue(deviceShell.Execute("exit"), "a board has no exit");
            Assert.Contains("a board keeps running", device.Output);
            deviceShell.Execute("reboot");
            Assert.AreEqual(1, device.Reboots);
            deviceShell.Execute("help");
            Assert.Contains("  reboot", device.Output);
            Assert.DoesNotContains("  exit", device.Output);
        }

        [TestMethod]
        public void SessionShowsPromptAndEndsAtEndOfInput()
        {
            ScriptedBoard board = new ScriptedBoard(new string[] { "version", "", "   ", "uptime" }, ShellFixture.Small);
            int code = Boot.Run(board, RunPlan.Interactive);
            Assert.AreEqual(0, code);
            Assert.StartsWith("ZramEmbedded " + Boot.Version + " on TEST_BOARD", board.Output);
            Assert.Contains("zram> ZramEmbedded " + Boot.Version, board.Output);
            Assert.Contains("zram> uptime ", board.Output);
            Assert.IsFalse(board.StatusLed.IsOn);
        }

        [TestMethod]
        public void RandomBytesLeaveTheConsoleWorking()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            ZramEmbedded.UnitTests.Samples.SampleRandom random = new ZramEmbedded.UnitTests.Samples.SampleRandom(7);
            byte[] noise = new byte[3000];
            for (int i = 0; i < noise.Length; i++) noise[i] = (byte)random.Next(256);
            board.Stream.Add(noise).Add("\r\x03\rversion\r");
            Boot.Run(board, RunPlan.Interactive);
            Assert.Contains("zram> ZramEmbedded " + Boot.Version, board.Output);
        }
    
        [TestMethod]
        public void ClassesWatchAndResetAnswerInTheirShape()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            m.RunFor(3000);
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("classes");
            shell.Execute("classes all");
            shell.Execute("watch 1 2");
            shell.Execute("reset");
            string output = board.Output;
            Assert.Contains(" class  size frames/zspage objs/zspage zspages obj_allocated obj_used frames compactable", output);
            Assert.Contains(StatsReport.WatchHeader, output);
            string[] lines = output.Split('\n');
            int watchLines = 0;
            for (int i = 0; i < lines.Length; i++)
                if (lines[i].Length > 10 && lines[i][0] == ' ' && lines[i].Substring(0, 10).Trim().EndsWith("s"))
                {
                    watchLines++;
                    Assert.AreEqual(ShellFixture.Fields(StatsReport.WatchHeader), ShellFixture.Fields(lines[i]), "one value per column: " + lines[i]);
                }
            Assert.AreEqual(2, watchLines);
            Assert.Contains("reset: counters zeroed", output);
            for (int i = 0; i < m.Workload.Count; i++) Assert.AreEqual(0L, m.Workload[i].Writes);
        }

        [TestMethod]
        public void ResetZeroesTheAppAndIdleCountersAndKeepsMismatches()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            m.RunFor(3000);
            ZramEmbedded.Firmware.Apps.DemoApp a = m.Workload[0];
            a.Trim(1);
            a.Mismatches = 2; // as if two pages had read back wrong
            m.Idle.MergeSlices = 3; m.Idle.MergeUnits = 4; m.Idle.CompactSlices = 5; m.Idle.BytesCompacted = 6;
            m.Idle.RecompressSlices = 7; m.Idle.WritebackSlices = 8; m.Idle.PagesWrittenBack = 9; m.Idle.ReclaimSlices = 10; m.Idle.BytesReclaimed = 11;
            Assert.IsTrue(a.Writes > 0 && a.Reads > 0 && a.Trims > 0 && a.Starts > 0, "the apps ran");
            new ConsoleShell(m).Execute("reset");
            for (int i = 0; i < m.Workload.Count; i++)
            {
                ZramEmbedded.Firmware.Apps.DemoApp app = m.Workload[i];
                Assert.AreEqual(0L, app.Writes + app.Reads + app.ReadFailures + app.NoSpaceWrites + app.Trims + app.PagesTrimmed + app.Kills + app.Starts, app.Name);
            }
            Assert.AreEqual(2L, a.Mismatches, "mismatch counts stay");
            Assert.AreEqual(0L, m.Idle.MergeSlices + m.Idle.MergeUnits + m.Idle.CompactSlices + m.Idle.BytesCompacted);
            Assert.AreEqual(0L, m.Idle.RecompressSlices + m.Idle.WritebackSlices + m.Idle.PagesWrittenBack + m.Idle.ReclaimSlices + m.Idle.BytesReclaimed, "every idle-work counter `stats` prints");
        }
    }
}
