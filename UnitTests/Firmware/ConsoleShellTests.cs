// The console shell answers each command, survives bad input, and stops at end of input or `exit`.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.UnitTests.Firmware
{
    [TestClass]
    public class ConsoleShellTests
    {
        private const int ArenaBytes = 64 * 1024;

        private static ZsPool NewPool()
        {
            return new ZsPool(new byte[ArenaBytes], PoolConfig.ForArena(ArenaBytes));
        }

        private static string RunScript(ScriptedBoard board)
        {
            new ConsoleShell(board, NewPool()).Run();
            return board.Output;
        }

        private static string RunScript(ScriptedBoard board, ZsPool pool)
        {
            new ConsoleShell(board, pool).Run();
            return board.Output;
        }

        [TestMethod]
        public void PoolCommandReportsStoredObjects()
        {
            ZsPool pool = NewPool();
            byte[] data = new byte[1000];
            int a = pool.Malloc(1000);
            pool.Write(a, data, 0, 1000);
            pool.Malloc(300);
            string output = RunScript(new ScriptedBoard(new string[] { "pool" }), pool);
            Assert.Contains("arena 65536 B", output);
            Assert.Contains("objects 2/", output);
            Assert.Contains("stored 1300 B", output);
            // 256 B frames: 1000 B = a run of 3 frames + a 232 B tail, 300 B = 1 frame + 44 B.
            Assert.Contains("(4 in runs)", output);
            Assert.Contains("utilization ", output);
        }

        [TestMethod]
        public void ClassesListsOnlyClassesHoldingZspages()
        {
            ZsPool pool = NewPool();
            string empty = RunScript(new ScriptedBoard(new string[] { "classes" }), pool);
            Assert.Contains("no class holds a zspage", empty);

            pool.Malloc(1000);
            string one = RunScript(new ScriptedBoard(new string[] { "classes" }), pool);
            string[] lines = one.Split('\n');
            int rows = 0;
            for (int i = 0; i < lines.Length; i++)
            {
                string t = lines[i].Trim();
                if (t.Length > 0 && t[0] >= '0' && t[0] <= '9') rows++;
            }
            Assert.AreEqual(1, rows);

            string all = RunScript(new ScriptedBoard(new string[] { "classes all" }), pool);
            Assert.IsTrue(all.Length > one.Length + 40 * (pool.ClassCount - 2), "`classes all` prints every class");
        }

        [TestMethod]
        public void CompactCommandMovesObjectsAndReportsCounters()
        {
            ZsPool pool = NewPool();
            int[] h = new int[12];
            for (int i = 0; i < h.Length; i++) h[i] = pool.Malloc(700);
            for (int i = 0; i < h.Length; i += 2) pool.Free(h[i]);
            string output = RunScript(new ScriptedBoard(new string[] { "compact" }), pool);
            Assert.Contains("compacted: ", output);
            Assert.Contains("pages_compacted ", output);
            Assert.DoesNotContains("compacted: 0 B moved", output);
        }

        [TestMethod]
        public void TenthsRoundsToOneDecimal()
        {
            Assert.AreEqual("91.2", PoolReport.Tenths(912, 1000));
            Assert.AreEqual("33.3", PoolReport.Tenths(1, 3));
            Assert.AreEqual("66.7", PoolReport.Tenths(2, 3));
            Assert.AreEqual("0.0", PoolReport.Tenths(5, 0));
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
            Assert.StartsWith("ZramEmbedded " + Boot.Version + " on SCRIPTED", board.Output);
            Assert.Contains("arena 32 KiB reserved", board.Output);
            Assert.IsFalse(board.StatusLed.IsOn);
        }
    }
}
