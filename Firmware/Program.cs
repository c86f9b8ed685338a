// Firmware entry point (placeholder until the boot sequence lands): prints the banner.
namespace ZramEmbedded.Firmware
{
    public static class Program
    {
        public static void Main()
        {
            System.Console.WriteLine("ZramEmbedded firmware");
        }
    }
}
