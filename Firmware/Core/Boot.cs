// Boot sequence: banner, board facts, the compressed-page arena (reserved once, here, at the size the
// board profile gives, so its memory is taken before the app fragments the heap), then the console shell
// until the console closes.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.Firmware
{
    public static class Boot
    {
        public const string Version = "0.1.0";

        public static void Run(IBoard board)
        {
            IConsolePort console = board.Console;
            console.WriteLine("ZramEmbedded " + Version + " on " + board.Profile.Name + " (" + board.Profile.Mcu + ")");
            board.StatusLed.Set(true);
            byte[] arena = new byte[board.Profile.ArenaBytes];
            ZsPool pool = new ZsPool(arena, PoolConfig.ForArena(arena.Length));
            console.WriteLine("arena " + (arena.Length / 1024).ToString() + " KiB reserved, " + pool.ClassCount.ToString() + " size classes, objects up to "
                + pool.MaxObjectSize.ToString() + " B");
            ConsoleShell shell = new ConsoleShell(board, pool);
            console.WriteLine("type 'help' for commands");
            shell.Run();
            board.StatusLed.Set(false);
        }
    }
}
