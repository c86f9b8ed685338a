// Boot sequence: banner, the compressed-page arena (reserved once, here, at the size the board profile
// gives, so its memory is taken before the apps fragment the heap), the page store, the demo apps, then the
// console: interactive until the console closes (or `exit` on the PC), or a non-interactive run (RunPlan).
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.Firmware
{
    public static class Boot
    {
        public const string Version = "0.2.0";
        public const string Codec = "LZ4 block (same-filled pages kept as one word)";

        public static void Run(IBoard board)
        {
            Run(board, RunPlan.Interactive);
        }

        /// <summary>Boots and runs; returns the exit code of a run on the PC (0, or 1 when an app saw a mismatch).</summary>
        public static int Run(IBoard board, RunPlan plan)
        {
            Machine machine = Start(board);
            ConsoleShell shell = new ConsoleShell(machine);
            int code = plan.IsBatch ? MainLoop.RunBatch(machine, shell, plan) : MainLoop.RunInteractive(machine, shell);
            board.StatusLed.Set(false);
            return code;
        }

        /// <summary>The boot itself: reserves the arena, builds the pool, store and apps, prints the banner and
        /// starts the apps; the machine is then ready for the main loop.</summary>
        public static Machine Start(IBoard board)
        {
            SerialConsole console = board.Console;
            byte[][] arena = board.Profile.ReserveArena(); // segments of ≤ 512 KiB (ArenaSegments)
            int arenaBytes = ArenaSegments.TotalBytes(arena);
            ZsPool pool = new ZsPool(arena, StoreConfig.PoolConfigFor(arenaBytes, Machine.PageSize));
            Machine machine = new Machine(board, pool, arenaBytes);
            console.WriteLine("ZramEmbedded " + Version + " on " + board.Profile.Name + (board.IsVirtual ? " (virtual board)" : "") + ", " + board.Profile.Mcu);
            console.WriteLine("arena " + (arenaBytes / 1024).ToString() + " KiB in " + arena.Length.ToString() + (arena.Length == 1 ? " segment" : " segments")
                + ", frames of " + PoolMap.FrameSize(pool).ToString() + " B, pages of " + Machine.PageSize.ToString() + " B, codec " + Codec);
            machine.Start();
            console.WriteLine("apps: " + machine.Workload.Names() + " (" + machine.Workload.TotalPages.ToString() + " pages of demand)");
            return machine;
        }
    }
}
