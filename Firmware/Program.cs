// Firmware entry point: pick the board (virtual on a PC, the real one on a device) and boot.
namespace ZramEmbedded.Firmware
{
    public static class Program
    {
        public static void Main()
        {
            Boot.Run(BoardFactory.Create());
        }
    }
}
