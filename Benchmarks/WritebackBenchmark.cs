// `writeback` command: what a backing store adds to the page store (Allocator/Store/Writeback.cs).
//
// Workload (the same for both variants, page contents from PageSet.Mixed — the realistic mixed set — or
// --pages files): a 128 KiB arena (--arena-kib) of 4 KiB pages; an app writes fresh pages into new slots
// one after another, the clock moving 10 ms per write, and after every write reads one of its 8 most
// recent pages (a hot working set); every 16 writes one idle slice runs (a merge slice and a 4 KiB
// compaction slice). The fill stops at the first write the store refuses.
// - capacity (baseline, no backing store): logical bytes held / arena bytes at that point.
// - wb_capacity: the same with a backing store of --backing-kib (default 1 MiB: records of
//   StreamBackingStore.RecordSizeFor(4096) = 4608 B) and the reclaim ladder's writeback rung
//   (StoreWritebackStep, urgent: oldest pages first, huge ones first) as the store's reclaimer; pages held
//   in RAM and on the backing store both count. The backing store's size bounds it, so it is printed.
// - wb_write_amplification: bytes handed to the backing store / logical bytes of the pages written back
//   (records are header + the object as stored in the arena, so compressed pages cost less than a page);
//   also shown rounded up to 512 B sectors (what an SD card programs).
// - wb_read_pages_per_s: reads of written-back slots (device read, CRC and header checks, LZ4 decode,
//   bring-back into the arena when it fits) per second, rounds of "mark all idle, write back, read every
//   backed slot" timed on the reads only; beside it the same store's RAM reads (baseline).
// - wb_failed_reads_unexpected: reads (every slot at the end of each run and every read of the timed
//   rounds) that failed or returned other bytes than written; no faults are injected, so it must be 0.
// The backing store is in memory (UnitTests/Backing/FaultyBackingStore, faults off) unless --file PATH
// (a file on this machine through Board/Host/FileBackingStore; the OS cache makes it fast).
// Options: --quick, --seed N, --pages FILE..., --arena-kib N, --backing-kib N, --rounds N, --file PATH.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Host;
using ZramEmbedded.UnitTests.Backing;

namespace ZramEmbedded.Benchmarks
{
    public static class WritebackBenchmark
    {
        private const int Page = PageSet.PageSize;
        private static readonly string[] Known = { "arena-kib", "backing-kib", "rounds", "file" };

        private sealed class Clock : IMonotonicClock
        {
            public long Ms;
            public long Milliseconds => Ms;
        }

        private sealed class RungReclaimer : IReclaimer
        {
            private readonly StoreWritebackStep _step;
            public RungReclaimer(StoreWritebackStep step) { _step = step; }
            public bool Reclaim(int bytesNeeded, StoreClient requester) => _step.WriteBack(bytesNeeded, 50, true) > 0;
        }

        private sealed class FillRun
        {
            public PageStore Store;
            public StoreClient Client;
            public Clock Clock;
            public int Held;
            public long Unexpected;
            public IBackingStore Device;
        }

        public static int Run(BenchmarkOptions options)
        {
            foreach (string key in options.Extra.Keys)
            {
                if (Array.IndexOf(Known, key) < 0) return Fail("unknown option --" + key);
            }
            int arenaKiB, backingKiB, rounds;
            if (!Int(options, "arena-kib", 128, 16, 4096, out arenaKiB)) return Fail("--arena-kib needs an integer 16..4096");
            if (!Int(options, "backing-kib", 1024, 8, 1 << 20, out backingKiB)) return Fail("--backing-kib needs an integer 8..1048576");
            if (!Int(options, "rounds", options.Quick ? 5 : 30, 1, 100000, out rounds)) return Fail("--rounds needs a positive integer");
            string file = null;
            if (options.Extra.TryGetValue("file", out string f))
            {
                if (f.Length == 0) return Fail("--file needs a path");
                file = f;
            }
            int arena = arenaKiB * 1024;
            int recordSize = StreamBackingStore.RecordSizeFor(Page);
            int records = (int)((long)backingKiB * 1024 / recordSize);
            if (records < 1) return Fail("--backing-kib is smaller than one record (" + recordSize + " B)");
            PageSet set = PageSet.Mixed(options, 4000);
            List<byte[]> pages = set.Pages;
            string tag = arenaKiB == 128 ? "128k" : arenaKiB + "k";

            Console.WriteLine($"writeback: {set.Name} pages ({pages.Count}), {Page} B pages, arena {arenaKiB} KiB, backing store {backingKiB} KiB = {records} records of {recordSize} B ({(file == null ? "memory" : file)})");
            var results = new Results();

            FillRun plain = Fill(pages, arena, null);
            double capacity = (double)plain.Held * Page / arena;
            Console.WriteLine($"  no backing store : {plain.Held,5} pages held, {capacity:0.000} logical B per arena B");

            StreamBackingStore fileStore = null;
            IBackingStore device;
            if (file != null) device = fileStore = FileBackingStore.Open(file, recordSize, records);
            else device = new FaultyBackingStore(recordSize, records, 1, 0);
            try
            {
                FillRun wb = Fill(pages, arena, device);
                double wbCapacity = (double)wb.Held * Page / arena;
                var bd = new BdStat();
                wb.Store.GetBdStat(bd);
                Console.WriteLine($"  with writeback   : {wb.Held,5} pages held ({wb.Held - wb.Store.BackedSlots} in RAM, {wb.Store.BackedSlots} on the backing store), {wbCapacity:0.000} logical B per arena B ({wbCapacity / capacity:0.00}× the baseline)");
                double amp = bd.BdWrites == 0 ? 0 : (double)bd.BytesWritten / (bd.BdWrites * (double)Page);
                Console.WriteLine($"  fill: bd_writes {bd.BdWrites}, bd_reads {bd.BdReads}, bytes written {bd.BytesWritten}, write amplification {amp:0.000}");

                // Timed read-back rounds on a store whose pages all fit in RAM (SpeedPages of them): each round
                // writes every page back (the arena empties), then reads each one (from the backing store, back
                // into the arena: timed), then reads each one again (from RAM: the baseline, timed).
                FillRun speed = SpeedStore(pages, arena, device == fileStore && fileStore != null ? (IBackingStore)fileStore : new FaultyBackingStore(recordSize, records, 2, 0));
                long wbBytes = 0, wbPages = 0, readPages = 0, ramPages = 0;
                double readSec = 0, ramSec = 0;
                var sw = new Stopwatch();
                byte[] buf = new byte[Page];
                var sbd = new BdStat();
                for (int r = -1; r < rounds; r++) // round -1 warms the JIT up and is not counted
                {
                    speed.Store.MarkAllIdle();
                    speed.Store.GetBdStat(sbd);
                    long bytes0 = sbd.BytesWritten, writes0 = sbd.BdWrites;
                    speed.Store.Writeback(WritebackMode.Idle, speed.Held);
                    speed.Store.GetBdStat(sbd);
                    sw.Restart();
                    long fromDevice = ReadAll(speed, pages, buf, true, ref speed.Unexpected);
                    double t1 = sw.Elapsed.TotalSeconds;
                    sw.Restart();
                    long fromRam = ReadAll(speed, pages, buf, false, ref speed.Unexpected);
                    double t2 = sw.Elapsed.TotalSeconds;
                    if (r < 0) continue;
                    wbBytes += sbd.BytesWritten - bytes0;
                    wbPages += sbd.BdWrites - writes0;
                    readPages += fromDevice;
                    readSec += t1;
                    ramPages += fromRam;
                    ramSec += t2;
                }
                speed.Store.CheckInvariants();
                double readRate = readPages / Math.Max(readSec, 1e-9);
                double ramRate = ramPages / Math.Max(ramSec, 1e-9);
                double roundsAmp = wbPages == 0 ? 0 : (double)wbBytes / (wbPages * (double)Page);
                Console.WriteLine($"  read-back ({rounds} rounds, {speed.Held} pages held): {readPages} pages from the backing store at {readRate:0} pages/s; the same pages from RAM {ramRate:0} pages/s (baseline): {readRate / ramRate:0.00}× RAM");
                Console.WriteLine($"  rounds: {wbPages} pages written back, write amplification {roundsAmp:0.000} (records rounded up to 512 B sectors: {(wbPages == 0 ? 0 : SectorRounded(wbBytes, wbPages) / (wbPages * (double)Page)):0.000})");
                wb.Unexpected += speed.Unexpected;
                long unexpected = plain.Unexpected + wb.Unexpected;
                wb.Store.GetBdStat(bd);
                Console.WriteLine($"  bd_stat: bd_count {bd.BdCount}, bd_reads {bd.BdReads}, bd_writes {bd.BdWrites}, failed reads {bd.FailedReads}, failed writes {bd.FailedWrites}; unexpected failed or wrong reads {unexpected}");

                results.Add("wb_capacity_" + tag, wbCapacity);
                results.Add("capacity_" + tag, capacity);
                results.Add("wb_write_amplification", amp);
                results.Add("wb_read_pages_per_s", readRate);
                results.Add("wb_failed_reads_unexpected", unexpected);
            }
            finally
            {
                fileStore?.Dispose();
            }
            Console.WriteLine();
            results.Print();
            return 0;
        }

        private static int Fail(string message)
        {
            Console.Error.WriteLine("writeback: " + message);
            return 2;
        }

        private static bool Int(BenchmarkOptions o, string name, int dflt, int min, int max, out int value)
        {
            value = dflt;
            if (!o.Extra.TryGetValue(name, out string v)) return true;
            return int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
        }

        private static long SectorRounded(long bytes, long writes)
        {
            // Records are header + payload; without the per-record sizes, round the mean record.
            if (writes == 0) return 0;
            long mean = (bytes + writes - 1) / writes;
            return (mean + 511) / 512 * 512 * writes;
        }

        private static FillRun Fill(List<byte[]> pages, int arena, IBackingStore device)
        {
            var clock = new Clock();
            StoreConfig cfg = StoreConfig.ForArena(arena, Page);
            cfg.SlotCount = Math.Min(StoreConfig.MaxSlotCount, pages.Count);
            var store = new PageStore(new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, Page)), cfg, clock);
            if (device != null)
            {
                store.AttachBackingStore(device);
                store.Reclaimer = new RungReclaimer(new StoreWritebackStep(store, clock));
            }
            var run = new FillRun { Store = store, Clock = clock, Device = device };
            run.Client = store.Register("bench", cfg.SlotCount);
            byte[] buf = new byte[Page];
            int i = 0;
            for (; i < cfg.SlotCount; i++)
            {
                clock.Ms += 10;
                if (run.Client.Write(i, pages[i], 0) != StoreResult.Ok) break;
                int hot = i - (int)(clock.Ms / 10 % 8);
                if (hot >= 0) Check(run.Client, hot, pages[hot], buf, ref run.Unexpected);
                if (i % 16 == 15)
                {
                    store.MergeSlice(64);
                    store.Compact(4096);
                }
            }
            run.Held = i;
            for (int s = 0; s < run.Held; s++) Check(run.Client, s, pages[s], buf, ref run.Unexpected);
            store.CheckInvariants();
            return run;
        }

        /// <summary>Pages that fit in RAM (stops at 3/4 of the arena's share), no reclaimer, a backing store attached.</summary>
        private static FillRun SpeedStore(List<byte[]> pages, int arena, IBackingStore device)
        {
            var clock = new Clock();
            StoreConfig cfg = StoreConfig.ForArena(arena, Page);
            var store = new PageStore(new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, Page)), cfg, clock);
            store.AttachBackingStore(device);
            var run = new FillRun { Store = store, Clock = clock, Device = device };
            run.Client = store.Register("speed", cfg.SlotCount);
            var mm = new MmStat();
            int i = 0;
            for (; i < Math.Min(cfg.SlotCount, device.RecordCount); i++)
            {
                clock.Ms += 10;
                if (run.Client.Write(i, pages[i], 0) != StoreResult.Ok) break;
                store.GetMmStat(mm);
                if (mm.MemUsedTotal > arena * 3L / 4) { i++; break; }
            }
            run.Held = i;
            return run;
        }

        /// <summary>Reads every held slot that is (onBacking) or is not on the backing store; returns how many.</summary>
        private static long ReadAll(FillRun run, List<byte[]> pages, byte[] buf, bool onBacking, ref long unexpected)
        {
            long n = 0;
            for (int s = 0; s < run.Held; s++)
            {
                if (run.Store.IsOnBackingStore(run.Client, s) != onBacking) continue;
                Check(run.Client, s, pages[s], buf, ref unexpected);
                n++;
            }
            return n;
        }

        private static void Check(StoreClient c, int slot, byte[] expected, byte[] buf, ref long unexpected)
        {
            if (c.Read(slot, buf, 0) != StoreResult.Ok || !buf.AsSpan().SequenceEqual(expected)) unexpected++;
        }
    }
}
