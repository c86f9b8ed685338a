// Realistic page contents for tests and benchmarks: the kinds of state a microcontroller app keeps
// (log text, JSON telemetry, CSV sensor series, packed binary records, struct tables, a managed-heap-like
// mix), plus the edge kinds a page store must handle (zero, same-filled, incompressible).
// Everything is generated from a seed with SampleRandom, so the host and the device see identical bytes
// and a failing seed can be replayed. Written in the nanoFramework subset: it is part of the device suite.
namespace ZramEmbedded.UnitTests.Samples
{
    public static class PageSamples
    {
        public const int PageSize = 4096;

        /// <summary>Number of page kinds (PageKind values are 0..KindCount-1).</summary>
        public const int KindCount = 9;

        private static readonly string[] KindNames =
        {
            "text", "json", "csv", "sensor", "structs", "heap", "zero", "same", "random",
        };

        private static readonly string[] Words =
        {
            "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as", "be",
            "at", "by", "this", "from", "or", "which", "an", "are", "not", "have", "but", "all", "were",
            "when", "there", "can", "been", "one", "would", "their", "more", "will", "into", "time", "its",
            "sensor", "value", "reading", "memory", "device", "system", "page", "buffer", "error", "state",
            "temperature", "pressure", "network", "packet", "timeout", "started", "stopped", "received",
            "sent", "threshold", "battery", "voltage", "update", "config", "status", "request", "response",
            "connection", "interval", "measurement", "calibration", "firmware", "storage", "channel",
        };

        private static readonly string[] Devices =
        {
            "sensor-01", "sensor-02", "sensor-07", "pump-a", "pump-b", "valve-3", "meter-12", "gw-main",
        };

        private static readonly string[] Statuses = { "ok", "ok", "ok", "ok", "warn", "ok", "ok", "error" };

        private static readonly string[] Stations = { "ST01", "ST02", "ST07", "ST11", "KSEA", "KBFI" };

        private static readonly string[] Names =
        {
            "motor", "fan", "heater", "light", "door", "relay", "led", "timer", "valve", "pump",
        };

        public static string KindName(PageKind kind)
        {
            return KindNames[(int)kind];
        }

        /// <summary>A new page of the given kind (allocates; test and benchmark set-up only).</summary>
        public static byte[] Make(PageKind kind, uint seed)
        {
            byte[] page = new byte[PageSize];
            Fill(kind, seed, page, 0, PageSize);
            return page;
        }

        /// <summary>Fills buffer[offset..offset+length) with content of the given kind.</summary>
        public static void Fill(PageKind kind, uint seed, byte[] buffer, int offset, int length)
        {
            SampleRandom rng = new SampleRandom(seed * 31u + (uint)kind);
            PageWriter w = new PageWriter(buffer, offset, length);
            switch (kind)
            {
                case PageKind.Text: FillText(rng, w); break;
                case PageKind.Json: FillJson(rng, w); break;
                case PageKind.Csv: FillCsv(rng, w); break;
                case PageKind.SensorRecords: FillSensor(rng, w); break;
                case PageKind.BinaryStructs: FillStructs(rng, w); break;
                case PageKind.HeapLike: FillHeap(rng, w); break;
                case PageKind.Zero: Fill32(buffer, offset, length, 0); break;
                case PageKind.SameFilled: Fill32(buffer, offset, length, SameWord(seed)); break;
                default:
                    for (int i = 0; i < length; i++) buffer[offset + i] = (byte)rng.NextUInt();
                    break;
            }
        }

        /// <summary>
        /// The kind of the i-th page of a realistic mixed workload (app state of a connected device):
        /// mostly structured data, a few zero/same-filled and incompressible pages.
        /// </summary>
        public static PageKind MixedKind(uint seed)
        {
            SampleRandom rng = new SampleRandom(seed ^ 0xA5A5u);
            int p = rng.Next(100);
            if (p < 18) return PageKind.Json;
            if (p < 34) return PageKind.Csv;
            if (p < 46) return PageKind.Text;
            if (p < 61) return PageKind.SensorRecords;
            if (p < 73) return PageKind.BinaryStructs;
            if (p < 93) return PageKind.HeapLike;
            if (p < 96) return PageKind.Zero;
            if (p < 98) return PageKind.SameFilled;
            return PageKind.Random;
        }

        /// <summary>The repeated word of a same-filled page for a seed (never zero).</summary>
        public static uint SameWord(uint seed)
        {
            uint w = new SampleRandom(seed).NextUInt();
            return w == 0 ? 0xFFFFFFFFu : w;
        }

        private static void Fill32(byte[] buffer, int offset, int length, uint word)
        {
            for (int i = 0; i < length; i++) buffer[offset + i] = (byte)(word >> (8 * (i & 3)));
        }

        private static void FillText(SampleRandom rng, PageWriter w)
        {
            int sentence = 0;
            while (!w.Full)
            {
                int n = rng.Next(6, 18);
                for (int i = 0; i < n; i++)
                {
                    string word = Words[rng.Skewed(Words.Length)];
                    if (i == 0)
                    {
                        w.Byte(word[0] - 32);
                        w.Ascii(word.Substring(1));
                    }
                    else
                    {
                        w.Ascii(word);
                    }
                    if (i == n - 1) w.Byte('.');
                    else if (rng.Next(12) == 0) w.Byte(',');
                    if (rng.Next(25) == 0) { w.Byte(' '); w.Int(rng.Next(1, 5000)); }
                    w.Byte(' ');
                }
                sentence++;
                if (sentence % 5 == 0) w.Ascii("\n\n");
            }
        }

        private static void FillJson(SampleRandom rng, PageWriter w)
        {
            long ts = 1767225600L + rng.Next(86400);
            int id = rng.Next(1000, 90000);
            int temp = 2150 + rng.Next(-300, 300);
            int hum = 450 + rng.Next(-100, 100);
            w.Byte('[');
            while (!w.Full)
            {
                w.Ascii("{\"id\":"); w.Int(id++);
                w.Ascii(",\"device\":\""); w.Ascii(Devices[rng.Skewed(Devices.Length)]);
                w.Ascii("\",\"ts\":"); w.Int(ts);
                w.Ascii(",\"temp\":"); w.Fixed(temp, 2);
                w.Ascii(",\"hum\":"); w.Fixed(hum, 1);
                w.Ascii(",\"status\":\""); w.Ascii(Statuses[rng.Next(Statuses.Length)]);
                w.Ascii("\"");
                if (rng.Next(4) == 0) { w.Ascii(",\"tags\":[\"zone"); w.Int(rng.Next(1, 9)); w.Ascii("\"]"); }
                w.Ascii("},\n");
                ts += 5 + rng.Next(3);
                temp += rng.Next(-15, 16);
                hum += rng.Next(-6, 7);
            }
        }

        private static void FillCsv(SampleRandom rng, PageWriter w)
        {
            int day = rng.Next(1, 28);
            int minute = rng.Next(0, 1440);
            int temp = 120 + rng.Next(100);
            int pressure = 10130 + rng.Next(-80, 80);
            w.Ascii("timestamp,station,temp_c,humidity,pressure_hpa,wind_ms\n");
            while (!w.Full)
            {
                w.Ascii("2026-03-"); w.Padded(day, 2); w.Byte('T');
                w.Padded(minute / 60, 2); w.Byte(':'); w.Padded(minute % 60, 2); w.Ascii(":00Z,");
                w.Ascii(Stations[rng.Skewed(Stations.Length)]); w.Byte(',');
                w.Fixed(temp, 1); w.Byte(',');
                w.Int(40 + rng.Next(40)); w.Byte(',');
                w.Fixed(pressure, 1); w.Byte(',');
                w.Fixed(rng.Next(0, 120), 1); w.Byte('\n');
                minute += 10;
                if (minute >= 1440) { minute -= 1440; day = day % 28 + 1; }
                temp += rng.Next(-4, 5);
                pressure += rng.Next(-3, 4);
            }
        }

        // 16-byte records: u32 time (ms), u16 channel, 3 x i16 readings (random walk), u8 status, u8 pad, u16 seq.
        private static void FillSensor(SampleRandom rng, PageWriter w)
        {
            uint t = rng.NextUInt() >> 8;
            int seq = rng.Next(60000);
            int a = rng.Next(-2000, 2000), b = rng.Next(-2000, 2000), c = rng.Next(0, 4000);
            while (!w.Full)
            {
                w.U32(t);
                w.U16(rng.Skewed(4));
                w.U16(a); w.U16(b); w.U16(c);
                w.Byte(rng.Next(50) == 0 ? 2 : 0);
                w.Byte(0);
                w.U16(seq++);
                t += 1000u + (uint)rng.Next(3);
                a += rng.Next(-8, 9); b += rng.Next(-8, 9); c += rng.Next(-3, 4);
            }
        }

        // 32-byte structs: i32 id, u8 type, u8 flags, u16 count, i32 x, i32 y, 8-char name, 8 reserved zero bytes.
        private static void FillStructs(SampleRandom rng, PageWriter w)
        {
            int id = rng.Next(100000);
            while (!w.Full)
            {
                w.U32((uint)id++);
                w.Byte(rng.Skewed(6));
                w.Byte(rng.Next(3) == 0 ? 0x81 : 0x01);
                w.U16(rng.Skewed(300));
                w.U32((uint)rng.Next(-1000, 1000));
                w.U32((uint)rng.Next(0, 480));
                string name = Names[rng.Skewed(Names.Length)];
                w.Ascii(name);
                w.Zeros(8 - (name.Length > 8 ? 8 : name.Length));
                w.Zeros(8);
            }
        }

        // Objects as a managed heap lays them out: a type pointer, a length, then references into the
        // heap, small integers, UTF-16 strings or zeroed fields.
        private static void FillHeap(SampleRandom rng, PageWriter w)
        {
            uint heapBase = 0x20010000u + ((uint)rng.Next(64) << 10);
            while (!w.Full)
            {
                int type = rng.Skewed(12);
                w.U32(0x08041A00u + (uint)type * 0x40u);
                int shape = rng.Next(10);
                if (shape < 3)
                {
                    int n = rng.Next(1, 8);
                    w.U32((uint)n);
                    for (int i = 0; i < n; i++) w.U32(heapBase + (uint)(rng.Next(4096) & ~3));
                }
                else if (shape < 6)
                {
                    string word = Words[rng.Skewed(Words.Length)];
                    w.U32((uint)word.Length);
                    for (int i = 0; i < word.Length; i++) w.U16(word[i]);
                    if ((word.Length & 1) == 1) w.U16(0);
                }
                else if (shape < 8)
                {
                    int n = rng.Next(1, 6);
                    w.U32((uint)n);
                    for (int i = 0; i < n; i++) w.U32((uint)rng.Skewed(1000));
                }
                else
                {
                    int n = rng.Next(2, 12);
                    w.U32((uint)(n * 4));
                    w.Zeros(n * 4);
                }
            }
        }
    }
}
