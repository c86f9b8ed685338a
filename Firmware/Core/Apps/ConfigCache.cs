// Config cache: JSON documents of device profiles, one per page, read far more often than written. Most
// devices use one of a few popular profiles, so many pages are byte-identical (what merging is for). A read
// of an empty page is a cache miss and loads (writes) the profile. Trim drops part of the cache; it is
// rebuilt on demand. Key = profile (0..7) + 8 · revision.
namespace ZramEmbedded.Firmware.Apps
{
    public sealed class ConfigCache : DemoApp
    {
        private static readonly string[] Profiles =
            { "indoor", "outdoor", "cold-store", "greenhouse", "server-room", "garage", "attic", "lab" };

        private int _revision;

        public ConfigCache(int pages, uint seed)
            : base("config", 600, pages, seed, 200, 15000, 9000) { }

        public override string Description { get { return "JSON device profiles, many identical"; } }

        protected override void Operate(byte[] page, byte[] expect)
        {
            int index = Next(PageCount);
            if (Keys[index] == NoContent || Next(10) < 3)
            {
                // Popular profiles dominate: 0..2 most of the time.
                int profile = Next(10) < 8 ? Next(3) : Next(Profiles.Length);
                if (Next(50) == 0) _revision++;
                WritePage(index, profile + 8 * (_revision % 4), page);
            }
            else
            {
                ReadAndCheck(index, page, expect);
            }
        }

        protected override void Fill(int index, int key, byte[] buffer)
        {
            int profile = key % 8;
            int revision = key / 8;
            int pos = PageFill.Text(buffer, 0, "{\"profile\":\"");
            pos = PageFill.Text(buffer, pos, Profiles[profile]);
            pos = PageFill.Text(buffer, pos, "\",\"revision\":");
            pos = PageFill.Number(buffer, pos, revision, 1);
            pos = PageFill.Text(buffer, pos, ",\"sampling_ms\":");
            pos = PageFill.Number(buffer, pos, 250 * (profile + 1), 1);
            pos = PageFill.Text(buffer, pos, ",\"channels\":[");
            for (int c = 0; c < 12 && pos < buffer.Length - 96; c++)
            {
                pos = PageFill.Text(buffer, pos, c == 0 ? "{\"id\":" : ",{\"id\":");
                pos = PageFill.Number(buffer, pos, c, 1);
                pos = PageFill.Text(buffer, pos, ",\"low\":");
                pos = PageFill.Number(buffer, pos, (profile * 3 + c) % 17, 1);
                pos = PageFill.Text(buffer, pos, ",\"high\":");
                pos = PageFill.Number(buffer, pos, 40 + (profile * 7 + c * 3) % 23, 1);
                pos = PageFill.Text(buffer, pos, ",\"alarm\":");
                pos = PageFill.Text(buffer, pos, ((profile + c) & 3) == 0 ? "true}" : "false}");
            }
            pos = PageFill.Text(buffer, pos, "]}");
            PageFill.Pad(buffer, pos, (byte)' ');
        }

        protected override int TrimPages(int level)
        {
            int dropped = 0;
            for (int i = 0; i < PageCount; i++)
            {
                if (Keys[i] == NoContent) continue;
                bool drop = level >= 3 || (level == 2 ? (i & 1) == 0 : (i & 3) == 0);
                if (!drop) continue;
                DiscardPage(i);
                dropped++;
            }
            return dropped;
        }
    }
}
