// Sensor logger: a ring of pages of 16-byte samples (time, sensor, temperature, humidity, pressure,
// status) from four slowly varying sensors, so pages compress well. One page is written per operation
// (the ring wraps, overwriting the oldest) and every third operation reads an older page back for a
// "history" view. In surge mode (the user button) it records raw noise instead: incompressible pages that
// push the arena into pressure. Trim drops the oldest part of the ring, and little of it: samples are precious. Key = generation << 1 | noise.
namespace ZramEmbedded.Firmware.Apps
{
    public sealed class SensorLogger : DemoApp
    {
        private const int RecordBytes = 16;
        private int _cursor;
        private int _generation;

        public SensorLogger(int pages, uint seed)
            : base("sensors", 100, pages, seed, 120, 20000, 6000) { }

        /// <summary>Record noise instead of samples (incompressible pages).</summary>
        public bool Surge;

        public override string Description { get { return "ring of sensor samples (16 B records)"; } }

        protected override void OnStart()
        {
            _cursor = 0;
        }

        protected override void Operate(byte[] page, byte[] expect)
        {
            WritePage(_cursor, (++_generation << 1) | (Surge ? 1 : 0), page);
            _cursor = (_cursor + 1) % PageCount;
            if (_generation % 3 == 0)
            {
                int back = 1 + Next(PageCount - 1);
                ReadAndCheck((_cursor + PageCount - 1 - back % PageCount) % PageCount, page, expect);
            }
        }

        protected override void Fill(int index, int key, byte[] buffer)
        {
            uint gen = (uint)(key >> 1);
            if ((key & 1) != 0)
            {
                for (int i = 0; i < buffer.Length; i += 4)
                    PageFill.U32(buffer, i, PageFill.Mix((uint)index * 7919 + gen, (uint)i));
                return;
            }
            int records = buffer.Length / RecordBytes;
            for (int r = 0; r < records; r++)
            {
                int p = r * RecordBytes;
                uint t = gen * (uint)records + (uint)r;
                uint h = PageFill.Mix(t);
                int sensor = r & 3;
                PageFill.U32(buffer, p, t * 250);                                          // time, ms
                PageFill.U16(buffer, p + 4, sensor);
                PageFill.U16(buffer, p + 6, 2150 + sensor * 40 + (int)((t >> 5) % 8) + ((h & 7) == 0 ? 1 : 0)); // centi-degrees
                PageFill.U16(buffer, p + 8, 4500 + (int)((t >> 7) % 16));                  // humidity, 0.01 %
                PageFill.U32(buffer, p + 10, 101300 + (uint)((t >> 8) % 8));               // Pa
                PageFill.U16(buffer, p + 14, (h & 0xFF00) == 0 ? 1 : 0);                    // status
            }
            System.Array.Clear(buffer, records * RecordBytes, buffer.Length - records * RecordBytes);
        }

        protected override int TrimPages(int level)
        {
            // Samples are precious: only the oldest go, and nothing at level 1.
            return DropOldestOfRing(_cursor, level);
        }
    }
}
