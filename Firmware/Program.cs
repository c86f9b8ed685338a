// Firmware entry point, and the only code in the exe: pick the board (virtual on a PC, the one the runtime
// reports on a device) and boot. Everything else is in ZramEmbedded.Firmware.Core (Firmware/Core/).
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
