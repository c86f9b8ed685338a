// Host-only (arenas above the device-test size): `map` keeps to 80 columns and 16 rows for any arena, one
// character standing for several frames once the arena passes 256 KiB, every row's offset increasing.
using System.Text;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.UnitTests.Host.Firmware
{
    [TestClass]
    public class ArenaMapScaleTests
    {
        private sealed class TextStream : IConsoleStream
        {
            public readonly StringBuilder Text = new StringBuilder();
            public bool EchoInput => false;
            public string NewLine => "\n";
            public int Read(byte[] buffer, int offset, int count) => -1;
            public void Write(byte[] buffer, int offset, int count) { for (int i = 0; i < count; i++) Text.Append((char)buffer[offset + i]); }
        }

        [TestMethod]
        public void LargeArenasScaleToEightyColumns()
        {
            int[] kib = { 128, 256, 1024, 8192 };
            int[] perCell = { 1, 1, 4, 32 };
            for (int i = 0; i < kib.Length; i++)
            {
                byte[][] arena = ArenaSegments.Reserve(kib[i] * 1024);
                var pool = new ZsPool(arena, PoolConfig.ForArena(kib[i] * 1024));
                for (int k = 0; k < 40; k++) pool.Malloc(100 + 37 * k);
                var map = new ArenaMap(pool);
                Assert.AreEqual(perCell[i], map.FramesPerCell, kib[i] + " KiB");
                var stream = new TextStream();
                map.Print(new SerialConsoleWriter(new SerialConsole(stream)));
                string[] lines = stream.Text.ToString().TrimEnd('\n').Split('\n');
                int rows = 0;
                foreach (string line in lines)
                {
                    if (!line.StartsWith("legend")) Assert.IsTrue(line.Length <= 80, kib[i] + " KiB: " + line);
                    if (line.Length > 7 && line[5] == 'K') rows++;
                }
                Assert.AreEqual(kib[i] == 128 ? 8 : 16, rows, kib[i] + " KiB rows");
                Assert.Contains("#", stream.Text.ToString(), "runs are visible");
            }
        }
    }
}
