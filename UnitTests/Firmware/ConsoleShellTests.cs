// The console shell answers each command, survives bad input, and stops at end of input or `exit`.
using nanoFramework.TestFramework;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.UnitTests.Firmware
{
    [TestClass]
    public class ConsoleShellTests
    {
        private static string RunScript(ScriptedBoard board)
        {
            new ConsoleShell(board).Run();
            return board.Output;
        }

        [TestMethod]
        public void HelpListsCommands()
        {
            string output = RunScript(new ScriptedBoard(new string[] { "help" }));
            Assert.Contains("commands:", output);
            Assert.Contains("led on|off", output);
        }

        [TestMethod]
        public void LedCommandDrivesTheLed()
        {
            ScriptedBoard board = new ScriptedBoard(new string[] { "led on" });
            RunScript(board);
            Assert.IsTrue(board.StatusLed.IsOn);
            board = new ScriptedBoard(new string[] { "led on", "led off" });
            RunScript(board);
            Assert.IsFalse(board.StatusLed.IsOn);
        }

        [TestMethod]
        public void BadInputGetsAHintAndTheShellGoesOn()
        {
            string output = RunScript(new ScriptedBoard(new string[] { "frobnicate", "led sideways", "", "version" }));
            Assert.Contains("unknown command 'frobnicate'", output);
            Assert.Contains("usage: led on|off", output);
            Assert.Contains("ZramEmbedded " + Boot.Version, output);
        }

        [TestMethod]
        public void ExitStopsBeforeLaterCommands()
        {
            string output = RunScript(new ScriptedBoard(new string[] { "exit", "help" }));
            Assert.DoesNotContains("commands:", output);
        }

        [TestMethod]
        public void UptimeReadsTheBoardClock()
        {
            ScriptedBoard board = new ScriptedBoard(new string[] { "uptime" });
            board.Now = 123456;
            Assert.Contains("uptime 123456 ms", RunScript(board));
        }

        [TestMethod]
        public void BootPrintsBannerAndTurnsLedOffAtEnd()
        {
            ScriptedBoard board = new ScriptedBoard(new string[] { "led on" });
            Boot.Run(board);
            Assert.StartsWith("ZramEmbedded " + Boot.Version + " on VIRTUAL", board.Output);
            Assert.IsFalse(board.StatusLed.IsOn);
        }
    }
}
