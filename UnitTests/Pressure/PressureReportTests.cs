// The console's pressure views (Firmware/Shell/PressureReport): the summary names the level and the
// clients, the kill log prints one line per kill with its reason, requester and steps.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Firmware.Shell;
using ZramEmbedded.UnitTests.Firmware;

namespace ZramEmbedded.UnitTests.Pressure
{
    [TestClass]
    public class PressureReportTests
    {
        [TestMethod]
        public void SummaryAndKillLogLines()
        {
            PressureRig rig = new PressureRig();
            TestApp bg = rig.App("bg", 12, 900);
            TestApp sys = rig.App("sys", 4, -50);
            TestApp fg = rig.App("fg", 40, 100);
            Assert.AreEqual(12, bg.Fill(0, 12));
            sys.Fill(0, 2);
            int slot = 0;
            while (rig.Pressure.KillLog.TotalKills == 0) Assert.AreEqual(StoreResult.Ok, fg.Write(slot++));
            ScriptedBoard board = new ScriptedBoard(new string[0]);
            PressureReport report = new PressureReport(rig.Pressure);
            report.PrintSummary(board.Console);
            report.PrintKillLog(board.Console);
            string o = board.Output;
            Assert.Contains("watermarks min/low/high 5.0/10.0/20.0 % free, hysteresis 2.5 %", o);
            Assert.Contains("sys priority -50 (protected)", o);
            Assert.Contains("kills 1 (write did not fit 1, below min watermark 0, requested 0), last 1:", o);
            Assert.Contains("bg adj 900: 12 pages, ", o);
            Assert.Contains("write-did-not-fit for fg (1024 B) after compaction+merge+trim, used ", o);
            Assert.Contains("(critical -> ", o);
        }
    }
}
