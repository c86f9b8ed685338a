// The living system on a scripted board with simulated time (device-test sized, 48 KiB arena): the apps
// fill the store, `merge` raises pages_merged, `compact` raises pages_compacted, overcommit (surge mode)
// makes the low-memory killer trim and kill (kill log), and no app ever reads back a page that differs
// from what it wrote. A whole boot -> workload -> script -> summary run exits 0.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.UnitTests.Firmware
{
    [TestClass]
    public class WorkloadTests
    {
        /// <summary>Runs only the apps (no idle work) for `ms` of simulated time, in 10 ms steps.</summary>
        private static void AppsOnly(ScriptedBoard board, Machine m, long ms)
        {
            long end = board.Now + ms;
            while (board.Now < end)
            {
                m.Workload.Tick(board.Now);
                board.Now += 10;
            }
        }

        [TestMethod]
        public void AppsFillTheStoreAndCheckWhatTheyRead()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            m.RunFor(8000);
            MmStat s = new MmStat();
            m.Store.GetMmStat(s);
            Assert.IsTrue(s.OrigDataSize > 32 * 1024, "pages stored: " + s.OrigDataSize.ToString());
            Assert.IsTrue(s.SamePages > 0, "blank tiles are same-filled pages");
            long reads = 0;
            for (int i = 0; i < m.Workload.Count; i++) reads += m.Workload[i].Reads;
            Assert.IsTrue(reads > 20, "apps read pages back");
            Assert.AreEqual(0L, m.Workload.VerifyAll());
            Assert.AreEqual(0L, m.Workload.Mismatches);
            m.Store.CheckInvariants();
        }

        [TestMethod]
        public void MergeRaisesPagesMerged()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            AppsOnly(board, m, 6000);
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("merge");
            string line = ShellFixture.LineStarting(board.Output, "merge: ");
            long before = ShellFixture.After(line, "pages_merged ");
            long after = ShellFixture.After(line, "-> ");
            Assert.IsTrue(after > before, line);
            Assert.AreEqual(0L, m.Workload.VerifyAll());
        }

        [TestMethod]
        public void CompactRaisesPagesCompacted()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            AppsOnly(board, m, 15000);
            // Holes in the zspages: every other page of the event log and sensor ring goes.
            for (int a = 0; a < m.Workload.Count; a++)
            {
                StoreClient c = m.Workload[a].Client;
                for (int p = 0; p < c.SlotCount; p += 2) c.Discard(p);
            }
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("compact");
            string line = ShellFixture.LineStarting(board.Output, "compact: ");
            Assert.IsTrue(ShellFixture.After(line, "-> ") > ShellFixture.After(line, "pages_compacted "), line);
        }

        [TestMethod]
        public void OvercommitMakesTheKillerTrimAndKill()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            Machine m = ShellFixture.NewMachine(board);
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("button");
            m.RunFor(60000);
            shell.Execute("kills");
            Assert.IsTrue(m.Pressure.KillLog.TotalKills > 0, "kills: " + m.Pressure.KillLog.TotalKills.ToString());
            Assert.IsTrue(m.Pressure.Killer.Trims > 0, "trims");
            string log = board.Output;
            Assert.Contains("kills " + m.Pressure.KillLog.TotalKills.ToString() + " (", log);
            Assert.Contains(" after ", log);
            Assert.IsTrue(board.LedChanges > 0, "the LED showed the pressure");
            Assert.AreEqual(0L, m.Workload.VerifyAll());
            Assert.AreEqual(0L, m.Workload.Mismatches);
            m.Pressure.CheckInvariants();
        }

        [TestMethod]
        public void BatchRunRunsTheScriptAfterTheWorkloadAndExitsZero()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            RunPlan plan = new RunPlan(10, new string[] { "stats", "apps", "watch 1", "merge", "nonsense" });
            int code = Boot.Run(board, plan);
            string output = board.Output;
            Assert.AreEqual(0, code);
            Assert.Contains("running the workload for 10 s", output);
            Assert.IsTrue(output.IndexOf("zram> stats") < output.IndexOf("zram> apps"), "script in order");
            Assert.IsTrue(output.IndexOf("zram> merge") < output.IndexOf("summary: "), "summary last");
            Assert.Contains("unknown command 'nonsense'", output);
            Assert.Contains("summary: mismatches 0 (ok)", output);
            // watch without a count prints BatchWatchLines lines in a script.
            int watchLines = 0;
            string[] lines = output.Split('\n');
            for (int i = 0; i < lines.Length; i++)
                if (lines[i].Length > 10 && lines[i][0] == ' ' && lines[i].Substring(0, 10).Trim().EndsWith("s")) watchLines++;
            Assert.AreEqual(ConsoleShell.BatchWatchLines, watchLines);
        }
    
        [TestMethod]
        public void WritebackMovesIdlePagesOutAndTheyReadBackIntact()
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], ShellFixture.Small);
            board.Backing = new ZramEmbedded.UnitTests.Backing.FaultyBackingStore(
                ZramEmbedded.Board.StreamBackingStore.RecordSizeFor(Machine.PageSize), 16, 1, 8); // 24 KiB of records: the suite runs in a 160 KiB heap
            Machine m = ShellFixture.NewMachine(board);
            AppsOnly(board, m, 6000);
            ConsoleShell shell = new ConsoleShell(m);
            shell.Execute("writeback idle");
            shell.Execute("stats");
            string output = board.Output;
            string line = ShellFixture.LineStarting(output, "writeback idle: ");
            Assert.IsNotNull(line, output);
            Assert.IsTrue(ShellFixture.After(line, "bd_count ") > 0, line);
            Assert.IsTrue(ShellFixture.LineStarting(output, "bd_stat ") != "bd_stat 0 0 0", "bd_stat moved");
            Assert.AreEqual(0L, m.Workload.VerifyAll(), "pages read back from the backing store are intact");
            ZramEmbedded.Allocator.Backing.BdStat bd = new ZramEmbedded.Allocator.Backing.BdStat();
            m.Store.GetBdStat(bd);
            Assert.IsTrue(bd.BdReads > 0, "read back");
            Assert.AreEqual(0L, m.Workload.Mismatches);
        }

        [TestMethod]
        public void RecompressOnABoardWithoutTheRecompressorSaysSo()
        {
            // The 48 KiB test arena is under Machine.RecompressMinArenaBytes (the host suite runs the command
            // on a 256 KiB machine: Host/Tests/Firmware/RecompressCommandTests).
            string output = ShellFixture.Run("recompress idle", "help recompress");
            Assert.Contains("recompress: not on this board (arena under 96 KiB)", output);
            Assert.Contains("echo type=idle > recompress", output);
        }

        [TestMethod]
        public void WritebackWithoutABackingStoreSaysSo()
        {
            string output = ShellFixture.Run("writeback idle", "writeback sideways", "writeback idle x");
            Assert.Contains("writeback: no backing store on this board (start with --backing FILE)", output);
            Assert.Contains(Commands.Find("writeback").Usage, output);
        }
    }
}
