// Host-only (its 256 KiB arena is above the device test budget): the console's `recompress` command on a
// machine with the recompressor. After the demo apps have run, `recompress idle` builds the dictionary,
// recompresses the idle pages, shares merged pages' copies again, gives the room back as frames, and every
// app still reads exactly what it wrote; `recompress all` afterwards finds at most what changed since.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;
using ZramEmbedded.UnitTests.Firmware;

namespace ZramEmbedded.UnitTests.Host.Firmware
{
    [TestClass]
    public class RecompressCommandTests
    {
        [TestMethod]
        public void RecompressIdleShrinksTheArenaAndEveryPageReadsBack()
        {
            var profile = new BoardProfile("HOST_TEST", "host", 5, 6, true, "COM9", 256 * 1024);
            var board = new ScriptedBoard(new string[0], profile);
            Machine m = ShellFixture.NewMachine(board);
            Assert.IsNotNull(m.Recompress);
            long end = board.Now + 20000;
            while (board.Now < end)
            {
                m.Workload.Tick(board.Now);
                board.Now += 10;
            }
            var before = new MmStat();
            m.Store.GetMmStat(before);
            var shell = new ConsoleShell(m);
            shell.Execute("recompress idle");
            string line = ShellFixture.LineStarting(board.Output, "recompress idle: ");
            Assert.IsNotNull(line, board.Output);
            var after = new MmStat();
            m.Store.GetMmStat(after);
            var st = new RecompressStats();
            m.Recompress.GetStats(st);
            OutputHelper.WriteLine(line);
            Assert.IsTrue(st.RecompressedTotal > 10, line);
            Assert.AreEqual(1L, st.DictionaryVersion, line);
            Assert.IsTrue(after.ComprDataSize < before.ComprDataSize, "compr_data_size " + before.ComprDataSize + " -> " + after.ComprDataSize);
            Assert.IsTrue(after.MemUsedTotal <= before.MemUsedTotal, "mem_used_total " + before.MemUsedTotal + " -> " + after.MemUsedTotal);
            Assert.AreEqual(before.OrigDataSize, after.OrigDataSize);
            Assert.IsTrue(after.PagesMerged >= before.PagesMerged, "merged pages stay merged: " + before.PagesMerged + " -> " + after.PagesMerged);
            Assert.AreEqual(0L, m.Workload.VerifyAll(), "every page reads back after recompression");
            m.Store.CheckInvariants();

            shell.Execute("recompress all");
            Assert.IsNotNull(ShellFixture.LineStarting(board.Output, "recompress all: "), board.Output);
            Assert.AreEqual(0L, m.Workload.VerifyAll());
            Assert.AreEqual(0L, m.Workload.Mismatches);
            m.Store.CheckInvariants();
        }
    }
}
