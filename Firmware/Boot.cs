// Boot sequence: banner, board facts, then the console shell until the console closes.
// (The compressed-page arena is reserved here, once, when the page store lands.)
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
            ConsoleShell shell = new ConsoleShell(board);
            console.WriteLine("type 'help' for commands");
            shell.Run();
            board.StatusLed.Set(false);
        }
    }
}
