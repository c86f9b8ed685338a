// Event log: text lines ("[time] source event value=n") appended page by page into a ring; older pages are
// read back now and then (a "dump"). Text compresses well and is never repeated. Trim drops the oldest
// pages. Key = page sequence number.
namespace ZramEmbedded.Firmware.Apps
{
    public sealed class EventLog : DemoApp
    {
        private static readonly string[] Sources = { "net", "sensor", "power", "storage", "ui", "ota" };
        private static readonly string[] Events = { "connected", "sample-late", "brownout", "flush", "button", "check", "retry", "ok" };
        private int _sequence;
        private int _cursor;

        public EventLog(int pages, uint seed)
            : base("events", 300, pages, seed, 350, 25000, 8000) { }

        public override string Description { get { return "text event log, appended page by page"; } }

        protected override void OnStart()
        {
            _cursor = 0;
        }

        protected override void Operate(byte[] page, byte[] expect)
        {
            WritePage(_cursor, ++_sequence, page);
            _cursor = (_cursor + 1) % PageCount;
            if (Next(4) == 0) ReadAndCheck(Next(PageCount), page, expect);
        }

        protected override void Fill(int index, int key, byte[] buffer)
        {
            int pos = 0;
            int line = 0;
            while (pos < buffer.Length)
            {
                uint h = PageFill.Mix((uint)key, (uint)line);
                pos = PageFill.Text(buffer, pos, "[");
                pos = PageFill.Number(buffer, pos, (long)key * 40 + line, 8);
                pos = PageFill.Text(buffer, pos, "] ");
                pos = PageFill.Text(buffer, pos, Sources[h % (uint)Sources.Length]);
                pos = PageFill.Text(buffer, pos, " ");
                pos = PageFill.Text(buffer, pos, Events[(h >> 8) % (uint)Events.Length]);
                pos = PageFill.Text(buffer, pos, " value=");
                pos = PageFill.Number(buffer, pos, (h >> 16) % 1000, 1);
                pos = PageFill.Text(buffer, pos, "\n");
                line++;
            }
        }

        protected override int TrimPages(int level)
        {
            // The oldest events go first.
            return DropOldestOfRing(_cursor, level);
        }
    }
}
