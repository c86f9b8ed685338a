// Firmware entry point, and the only code in the exe: pick the board (virtual on a PC, the one the runtime
// reports on a device) and what to run, boot, and finish (on the PC: exit with the run's code). Everything
// else is in ZramEmbedded.Firmware.Core (Firmware/Core/).
namespace ZramEmbedded.Firmware
{
    public static class Program
    {
        public static void Main()
        {
            ZramEmbedded.Board.IBoard board = BoardFactory.Create();
            int code = Boot.Run(board, BoardFactory.Plan());
            BoardFactory.Finish(code);
        }
    }
}
