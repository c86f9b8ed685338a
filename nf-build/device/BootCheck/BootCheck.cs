// The firmware boot check on the real runtime (bash nf-build/nanoclr.sh boot): boots the firmware as a board
// does (Boot.Start, then the batch main loop of Firmware/Core) with a board profile's arena and every default, on
// a DeviceBoard whose profile keeps the arena but drops the GPIO pins and the UART: nanoCLR for Linux has
// neither, so the console goes to the runtime's standard output and the clock is the runtime's. It runs the demo
// workload for WorkloadSeconds, then `board`, `stats` and `apps`, and prints a line at three points (before the
// boot, after it, after the workload), or the exception that ended the run and its stack. nanoclr.sh runs it
// with the GC log on and reports the live heap of the collections (NANOCLR_GC_LOG): the most after any of them,
// and the first after the boot. (Forcing a collection from managed code is not possible there: Runtime.Native's
// GC.Run trips an assertion in nanoCLR for Linux.)
// nanoclr.sh compiles this file again with another ProfileName / WorkloadSeconds when asked (boot --profile, --seconds).
using ZramEmbedded.Board;
using ZramEmbedded.Board.Device;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.BootCheck
{
    public static class Program
    {
        public const string ProfileName = "PICO_RP2040";
        public const int WorkloadSeconds = 120;

        public static void Main()
        {
            // nanoCLR ends the run without a word on an unhandled exception: say which one, and where.
            try
            {
                Run();
            }
            catch (System.Exception e)
            {
                System.Console.WriteLine("boot check: failed: " + e.GetType().FullName + " in " + e.StackTrace);
            }
        }

        private static void Run()
        {
            BoardProfile board = BoardProfile.Find(ProfileName);
            BoardProfile headless = new BoardProfile(board.Name, board.Mcu, BoardProfile.NoPin, BoardProfile.NoPin,
                board.ButtonActiveHigh, BoardProfile.NoConsolePort, board.ArenaBytes);
            Mark("before boot");
            Machine machine = Boot.Start(new DeviceBoard(headless));
            Mark("booted");
            int code = MainLoop.RunBatch(machine, new ConsoleShell(machine), new RunPlan(WorkloadSeconds, new string[] { "board", "stats", "apps" }));
            Mark("after the workload");
            System.Console.WriteLine("boot check: " + machine.Workload.Mismatches.ToString() + " mismatches, exit code " + code.ToString());
        }

        private static void Mark(string point)
        {
            System.Console.WriteLine("boot check: " + point);
        }
    }
}
