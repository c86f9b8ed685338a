// Realistic app-state memory for the `store` benchmark: the RAM image of a connected MCU device running
// several apps, laid out app after app (each region a whole number of 4 KiB pages, so the same image cut
// into 1 KiB or 4 KiB pages holds the same bytes). Deterministic from a seed (SampleRandom).
//
// Regions (weights chosen so the shares land near what zram/zswap report: ~6–10 % zero pages, a few %
// other same-filled pages, 10–15 % exact duplicates, a few % incompressible):
// - sensor ring: binary records (16 B: u32 timestamp ~1 s apart with jitter, four i16 channels drifting
//   with noise, battery mV, status, sequence), 2–6 pages, filled 60–100 % — the unfilled tail is zeros;
// - config JSON: a module's settings document (~1–2 KiB), zero-padded to the page; 40 % of modules keep
//   the shared defaults unchanged, so the same page repeats exactly;
// - log ring: timestamped text lines from a set of templates, 2–8 pages;
// - framebuffer: 160×80 RGB565 (25 KiB ≈ 7 pages): a background colour (blank rows are same-filled
//   pages), a status bar of icon tiles, text rows and a chart; half the displays are double-buffered, and
//   the back buffer equals the front one except where it is being redrawn;
// - struct table: 32-byte records (id, address, flags, rssi, last-seen, name, counters), unused tail
//   zeroed; 30 % are kept as an A/B pair (committed table + shadow copy), i.e. duplicated exactly;
// - heap: managed-heap-like pages (PageSamples.HeapLike);
// - blob: incompressible bytes (keys, a compressed OTA chunk);
// - reserved buffers: zeroed RX/TX buffers.
// Six apps allocate at a time, so their regions' 4 KiB units interleave (see Image).
using System;
using System.Collections.Generic;
using System.Text;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.Benchmarks.Store
{
    public static class AppStateMix
    {
        public const int Unit = 4096;

        private static readonly string[] LogTemplates =
        {
            "INFO  net: connected to {0} rssi={1} channel={2}",
            "INFO  sensor: sample batch {1} stored ({2} records)",
            "WARN  power: battery {1} mV below threshold",
            "DEBUG mqtt: publish topic=dev/{0}/telemetry len={1} qos=1",
            "INFO  app: state saved, {1} pages compressed",
            "ERROR net: timeout waiting for {0} after {1} ms",
            "DEBUG sched: idle slice {1} us, merge budget {2}",
        };

        private static readonly string[] Hosts = { "gw-main", "gw-backup", "broker.local", "ntp.pool", "ota.vendor" };
        private static readonly string[] Names = { "pump-a", "pump-b", "valve-3", "meter-12", "relay-7", "fan-2", "door-1", "temp-4" };

        /// <summary>
        /// An image of at least `bytes` bytes (whole 4 KiB units) of app state. Six apps allocate at once: each
        /// step appends the next 4 KiB unit of a randomly chosen active region, and a region that is done is
        /// replaced by a new one. So any window of the image (an arena holds only its first few hundred KiB)
        /// has about the shares of the whole, while a region's own pages (an A/B copy, a back buffer) stay
        /// near each other.
        /// </summary>
        public static byte[] Image(int bytes, uint seed)
        {
            const int Active = 6;
            var rng = new SampleRandom(seed);
            var configs = new List<byte[]>();
            var regions = new byte[Active][];
            var next = new int[Active];
            int n = 0;
            var image = new byte[(bytes + Unit - 1) / Unit * Unit];
            for (int at = 0; at < image.Length; at += Unit)
            {
                int a = rng.Next(Active);
                if (regions[a] == null || next[a] >= regions[a].Length)
                {
                    regions[a] = Region(rng, configs, n++);
                    next[a] = 0;
                }
                Array.Copy(regions[a], next[a], image, at, Unit);
                next[a] += Unit;
            }
            return image;
        }

        private static byte[] Region(SampleRandom rng, List<byte[]> configs, int n)
        {
            int p = rng.Next(100);
            if (p < 17) return SensorRing(rng);
            if (p < 35) return Config(rng, configs);
            if (p < 50) return LogRing(rng);
            if (p < 55) return Framebuffer(rng);
            if (p < 72) return StructTable(rng);
            if (p < 92) return Heap(rng, n);
            if (p < 97) return Blob(rng);
            return new byte[Unit];
        }

        /// <summary>The image cut into pages of pageSize bytes.</summary>
        public static List<byte[]> Pages(byte[] image, int pageSize)
        {
            var pages = new List<byte[]>(image.Length / pageSize);
            for (int off = 0; off + pageSize <= image.Length; off += pageSize)
            {
                var page = new byte[pageSize];
                Array.Copy(image, off, page, 0, pageSize);
                pages.Add(page);
            }
            return pages;
        }

        private static byte[] SensorRing(SampleRandom rng)
        {
            int pages = rng.Next(2, 7);
            var r = new byte[pages * Unit];
            int records = r.Length / 16;
            int filled = records * rng.Next(60, 101) / 100;
            uint ts = 1_700_000_000u + (uint)rng.Next(1_000_000);
            int[] ch = { rng.Next(-2000, 2000), rng.Next(0, 1000), rng.Next(-500, 500), rng.Next(2000, 3000) };
            int mv = rng.Next(3600, 4200);
            for (int i = 0; i < filled; i++)
            {
                int o = i * 16;
                ts += (uint)(1000 + rng.Next(-3, 4));
                WriteU32(r, o, ts);
                for (int c = 0; c < 4; c++)
                {
                    ch[c] += rng.Next(-3, 4);
                    WriteU16(r, o + 4 + 2 * c, ch[c] + rng.Next(-1, 2));
                }
                if (rng.Next(50) == 0) mv--;
                WriteU16(r, o + 12, mv);
                r[o + 14] = (byte)(rng.Next(40) == 0 ? 1 : 0);
                r[o + 15] = (byte)i;
            }
            return r;
        }

        private static byte[] Config(SampleRandom rng, List<byte[]> configs)
        {
            if (configs.Count > 0 && rng.Next(100) < 40) return (byte[])configs[rng.Next(configs.Count)].Clone();
            var sb = new StringBuilder();
            sb.Append("{\"module\":\"").Append(Names[rng.Next(Names.Length)]).Append("\",\"version\":\"1.")
              .Append(rng.Next(10)).Append('.').Append(rng.Next(20)).Append("\",\n");
            int keys = rng.Next(25, 60);
            for (int k = 0; k < keys; k++)
            {
                sb.Append(" \"").Append(Names[rng.Next(Names.Length)]).Append('_').Append(k).Append("\":");
                switch (rng.Next(4))
                {
                    case 0: sb.Append(rng.Next(10000)); break;
                    case 1: sb.Append(rng.Next(2) == 0 ? "true" : "false"); break;
                    case 2: sb.Append('"').Append(Hosts[rng.Next(Hosts.Length)]).Append('"'); break;
                    default: sb.Append("{\"min\":").Append(rng.Next(100)).Append(",\"max\":").Append(100 + rng.Next(900)).Append('}'); break;
                }
                sb.Append(k + 1 < keys ? ",\n" : "\n");
            }
            sb.Append('}');
            var r = new byte[Unit];
            byte[] text = Encoding.ASCII.GetBytes(sb.ToString());
            Array.Copy(text, r, Math.Min(text.Length, Unit));
            configs.Add(r);
            return r;
        }

        private static byte[] LogRing(SampleRandom rng)
        {
            int pages = rng.Next(2, 9);
            var r = new byte[pages * Unit];
            var sb = new StringBuilder();
            long ms = rng.Next(1_000_000);
            while (sb.Length < r.Length)
            {
                ms += rng.Next(5, 4000);
                string t = LogTemplates[rng.Skewed(LogTemplates.Length)];
                string line = string.Format(t, Hosts[rng.Next(Hosts.Length)], rng.Next(5000), rng.Next(14));
                sb.Append("2026-11-27 ").Append((ms / 3_600_000 % 24).ToString("00")).Append(':')
                  .Append((ms / 60_000 % 60).ToString("00")).Append(':').Append((ms / 1000 % 60).ToString("00"))
                  .Append('.').Append((ms % 1000).ToString("000")).Append(' ').Append(line).Append('\n');
            }
            byte[] text = Encoding.ASCII.GetBytes(sb.ToString());
            Array.Copy(text, r, r.Length);
            return r;
        }

        private static byte[] Framebuffer(SampleRandom rng)
        {
            const int W = 160, H = 80;
            int bytes = W * H * 2;
            int units = (bytes + Unit - 1) / Unit;
            ushort bg = (ushort)(rng.Next(2) == 0 ? 0x0000 : 0x18E3);
            ushort fg = 0xFFFF, accent = (ushort)(0xF800 | rng.Next(0x800));
            var fb = new ushort[W * H];
            for (int i = 0; i < fb.Length; i++) fb[i] = bg;
            // Status bar: 16 rows of 16×16 icon tiles (a few distinct icons, repeated).
            for (int tx = 0; tx < W / 16; tx++)
            {
                int icon = tx < 3 ? tx : 3 + (tx % 2);
                for (int y = 0; y < 16; y++)
                    for (int x = 0; x < 16; x++)
                        fb[y * W + tx * 16 + x] = ((x * 7 + y * 3 + icon * 5) % 11 < 3 && icon < 5) ? accent : (ushort)0x2104;
            }
            // Text rows (8×12 glyph cells) from row 20, a chart in rows 50..78; the rest stays blank.
            int textRows = rng.Next(1, 3);
            for (int row = 0; row < textRows; row++)
            {
                int y0 = 20 + row * 14;
                int chars = rng.Next(6, 19);
                for (int c = 0; c < chars; c++)
                {
                    int glyph = rng.Next(40);
                    for (int y = 0; y < 12; y++)
                        for (int x = 0; x < 8; x++)
                            if (((glyph * 31 + y * 7 + x * 13) % 9) < 3) fb[(y0 + y) * W + 4 + c * 8 + x] = fg;
                }
            }
            if (rng.Next(3) > 0)
            {
                int v = 12;
                for (int x = 0; x < W; x++)
                {
                    v = Math.Clamp(v + rng.Next(-2, 3), 0, 24);
                    fb[(52 + v) * W + x] = accent;
                    fb[78 * W + x] = fg;
                }
            }
            var front = new byte[units * Unit];
            for (int i = 0; i < fb.Length; i++) WriteU16(front, 2 * i, fb[i]);
            if (rng.Next(2) == 0) return front;
            // Double-buffered: the back buffer equals the front except for a few rows being redrawn.
            var both = new byte[2 * front.Length];
            Array.Copy(front, both, front.Length);
            Array.Copy(front, 0, both, front.Length, front.Length);
            int redraw = 20 + rng.Next(50);
            for (int y = redraw; y < redraw + 6; y++)
                for (int x = 0; x < W; x += 3)
                    WriteU16(both, front.Length + 2 * (y * W + x), accent);
            return both;
        }

        private static byte[] StructTable(SampleRandom rng)
        {
            int pages = rng.Next(1, 5);
            var r = new byte[pages * Unit];
            int records = r.Length / 32 * rng.Next(40, 101) / 100;
            uint id = (uint)rng.Next(1000, 90000);
            for (int i = 0; i < records; i++)
            {
                int o = i * 32;
                WriteU32(r, o, id + (uint)i);
                WriteU16(r, o + 4, 0x4000 + rng.Next(256));
                r[o + 6] = (byte)(rng.Next(4) == 0 ? 0x81 : 0x01);
                r[o + 7] = (byte)(-40 - rng.Next(50));
                WriteU32(r, o + 8, 1_700_000_000u + (uint)rng.Next(100000));
                byte[] name = Encoding.ASCII.GetBytes(Names[rng.Next(Names.Length)]);
                Array.Copy(name, 0, r, o + 12, Math.Min(12, name.Length));
                for (int c = 0; c < 4; c++) WriteU16(r, o + 24 + 2 * c, rng.Skewed(300));
            }
            if (rng.Next(100) >= 30) return r;
            // A/B copy (the committed table and its shadow for transactional updates): an exact duplicate.
            var ab = new byte[2 * r.Length];
            Array.Copy(r, ab, r.Length);
            Array.Copy(r, 0, ab, r.Length, r.Length);
            return ab;
        }

        private static byte[] Heap(SampleRandom rng, int n)
        {
            int pages = rng.Next(1, 4);
            var r = new byte[pages * Unit];
            for (int p = 0; p < pages; p++)
                PageSamples.Fill(PageKind.HeapLike, (uint)(n * 16 + p) ^ rng.NextUInt(), r, p * Unit, Unit);
            return r;
        }

        private static byte[] Blob(SampleRandom rng)
        {
            var r = new byte[Unit];
            for (int i = 0; i < r.Length; i++) r[i] = (byte)rng.NextUInt();
            return r;
        }

        private static void WriteU16(byte[] b, int o, int v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
        }

        private static void WriteU32(byte[] b, int o, uint v)
        {
            b[o] = (byte)v;
            b[o + 1] = (byte)(v >> 8);
            b[o + 2] = (byte)(v >> 16);
            b[o + 3] = (byte)(v >> 24);
        }
    }
}
