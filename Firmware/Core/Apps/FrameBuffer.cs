// Display framebuffer: 16x16-pixel tiles of 32-bit pixels, one tile per page. Most tiles are blank or plain
// background (same-filled pages: no arena space at all), icon tiles repeat (identical pages: merged), a
// few carry text (unique). Each operation redraws one tile, and every other one reads a tile back as the
// display refresh would. Trim drops tiles that are redrawn on demand (text first, then icons).
// Key: 0 blank, 1 background, 2..5 icon, 6 + n text tile n.
namespace ZramEmbedded.Firmware.Apps
{
    public sealed class FrameBuffer : DemoApp
    {
        private const uint Background = 0xFF3C2A1E;
        private int _textTiles;
        private int _ops;

        public FrameBuffer(int pages, uint seed)
            : base("display", 900, pages, seed, 90, 8000, 12000) { }

        public override string Description { get { return "display tiles: blank, background, icons, text"; } }

        protected override void Operate(byte[] page, byte[] expect)
        {
            int index = Next(PageCount);
            int roll = Next(100);
            int key = roll < 45 ? 0 : roll < 70 ? 1 : roll < 92 ? 2 + Next(4) : 6 + (_textTiles++ % 1000);
            WritePage(index, key, page);
            if ((++_ops & 1) == 0) ReadAndCheck(Next(PageCount), page, expect);
        }

        protected override void Fill(int index, int key, byte[] buffer)
        {
            if (key == 0)
            {
                System.Array.Clear(buffer, 0, buffer.Length);
                return;
            }
            if (key == 1)
            {
                PageFill.Words(buffer, 0, Background);
                return;
            }
            int pixels = buffer.Length / 4;
            int side = 16;
            for (int p = 0; p < pixels; p++)
            {
                int x = p % side, y = (p / side) % side;
                uint pixel;
                if (key < 6)
                {
                    // Icon: a shape of the icon's colour on the background.
                    int icon = key - 2;
                    bool inside = (x - 8) * (x - 8) + (y - 8) * (y - 8) < 20 + icon * 9 || (icon == 3 && x == y);
                    pixel = inside ? 0xFF000000u | (uint)(0x30 << (icon * 6)) : Background;
                }
                else
                {
                    // Text: glyph bits from the tile's text number.
                    uint glyph = PageFill.Mix((uint)key * 31 + (uint)(x / 6), (uint)(y / 2));
                    pixel = (glyph & 3) == 0 ? 0xFFFFFFFF : Background;
                }
                PageFill.U32(buffer, p * 4, pixel);
            }
        }

        protected override int TrimPages(int level)
        {
            int dropped = 0;
            for (int i = 0; i < PageCount; i++)
            {
                int key = Keys[i];
                if (key == NoContent) continue;
                bool drop = key >= 6 || (level >= 2 && key >= 2) || level >= 3;
                if (!drop) continue;
                DiscardPage(i);
                dropped++;
            }
            return dropped;
        }
    }
}
