// `writeback` command: what a backing store adds to the page store (Allocator/Store/PageStore.Writeback.cs), on the
// `store` benchmark's pages and capacity rule, so capacity_128k here is the store benchmark's figure.
//
// Pages: the store benchmark's app-state image (Benchmarks/Store/AppStateMix.cs) cut into 4 KiB pages, or
// --pages FILE... (raw 4 KiB pages, file order). Arena 128 KiB (--arena-kib).
// - capacity (baseline, no backing store): Benchmarks/Store/CapacityRun.Store with every feature — fill
//   until a write fails, idle work to completion (merge scan, compaction), fill again; logical bytes held /
//   (arena + all metadata outside it).
// - wb_capacity: the same rule with a backing store of --backing-kib (default 1 MiB: records of
//   StreamBackingStore.RecordSizeFor(4096) = 4608 B) and the reclaim ladder's writeback rung
//   (StoreWritebackStep, urgent: oldest pages first, huge ones first) as the store's reclaimer, so a write
//   that does not fit pushes old pages out; the slot table gets one slot per record more than ForArena's.
//   Pages held in RAM and on the backing store both count; the metadata includes the record tables. The
//   backing store's size bounds it, so it is printed.
// - wb_write_amplification: bytes handed to the backing store / logical bytes of the pages written back
//   during that fill (records are header + the object as stored in the arena, so compressed pages cost
//   less than a page); also shown with records rounded up to 512 B sectors (what an SD card programs).
// - wb_read_pages_per_s: on a store holding as many pages as fit in 3/4 of the arena, rounds of "mark all
//   idle, write everything back, read every written-back slot (device read, CRC and header checks, LZ4
//   decode, bring-back into the arena: timed), read them again from RAM (the baseline: timed)".
// - wb_failed_reads_unexpected: reads (every slot after the fill, every read of the rounds) that failed or
//   returned other bytes than were written; no faults are injected, so it must be 0.
// The backing store is in memory (UnitTests/Backing/FaultyBackingStore, faults off) unless --file PATH
// (a file through Board/Host/FileBackingStore; the OS cache makes it fast; the rounds reuse it after the
// fill run is over). Timings on a shared machine are noisy: compare the ratio to RAM reads.
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
using ZramEmbedded.Benchmarks.Store;
using ZramEmbedded.UnitTests.Backing;

namespace ZramEmbedded.Benchmarks
{
    public static class WritebackBenchmark
    {
        private const int Page = 4096;

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

        private sealed class Held
        {
            public PageStore Store;
            public StoreClient Client;
            public Clock Clock;
            public int Pages;          // slots 0..Pages-1 hold pages[0..Pages-1]
            public long Unexpected;
            public bool RanOutOfPages;
        }

        public static int Run(BenchmarkOptions options)
        {
            int arenaKiB = options.Int("arena-kib", 128);
            int backingKiB = options.Int("backing-kib", 1024);
            int rounds = options.Int("rounds", options.Quick ? 5 : 30);
            string file = options.Text("file"); // null: a memory stream
            int arena = arenaKiB * 1024;
            int recordSize = StreamBackingStore.RecordSizeFor(Page);
            int records = (int)((long)backingKiB * 1024 / recordSize);
            if (records < 1) return Fail("--backing-kib is smaller than one record (" + recordSize + " B)");
            if (records > 0xFFFF) return Fail("--backing-kib gives more records than the slot table can address");

            List<byte[]> pages;
            if (options.PageFiles.Count > 0)
            {
                pages = new List<byte[]>();
                foreach (string pf in options.PageFiles) pages.AddRange(PageSet.FromFile(pf).Pages);
                Console.WriteLine($"writeback: {pages.Count} raw 4 KiB pages from {string.Join(", ", options.PageFiles)}");
            }
            else
            {
                int kib = Math.Max(2560, arenaKiB * 8 + backingKiB * 2);
                pages = AppStateMix.Pages(AppStateMix.Image(kib * 1024, options.Seed), Page);
                Console.WriteLine($"writeback: the store benchmark's app-state image, seed {options.Seed}, {kib} KiB ({pages.Count} pages of 4 KiB)");
            }
            Console.WriteLine($"  arena {arenaKiB} KiB; backing store {backingKiB} KiB = {records} records of {recordSize} B ({(file == null ? "in memory" : file)})");
            string tag = arenaKiB + "k";
            var results = new Results();

            CapacityResult plain = CapacityRun.Store(pages, arena, Page, new StoreFeatures());
            Console.WriteLine($"  no backing store : {plain.PagesHeld,5} pages held, capacity {plain.Capacity:0.000} (metadata {plain.MetadataBytes} B){(plain.RanOutOfPages ? "  NOTE: pages ran out" : "")}");

            StreamBackingStore fileStore = null;
            try
            {
                IBackingStore device = file != null
                    ? fileStore = FileBackingStore.Open(file, recordSize, records)
                    : new FaultyBackingStore(recordSize, records, 1, 0);
                Held wb = WithWriteback(pages, arena, device);
                var mm = new MmStat();
                var bd = new BdStat();
                wb.Store.GetMmStat(mm);
                wb.Store.GetBdStat(bd);
                long logical = mm.OrigDataSize + (long)wb.Store.BackedSlots * Page;
                int metadata = wb.Store.MetadataBytes;
                double wbCapacity = (double)logical / (arena + metadata);
                double amp = bd.BdWrites == 0 ? 0 : (double)bd.BytesWritten / (bd.BdWrites * (double)Page);
                Console.WriteLine($"  with writeback   : {wb.Pages,5} pages held ({wb.Store.BackedSlots} slots on the backing store in {bd.BdCount} records), capacity {wbCapacity:0.000} (metadata {metadata} B), {wbCapacity / plain.Capacity:0.00}x the baseline{(wb.RanOutOfPages ? "  NOTE: pages ran out" : "")}");
                Console.WriteLine($"  fill: bd_writes {bd.BdWrites}, bytes written {bd.BytesWritten}: write amplification {amp:0.000} (records rounded up to 512 B sectors: {SectorRounded(bd.BytesWritten, bd.BdWrites) / Math.Max(1.0, bd.BdWrites * (double)Page):0.000})");

                IBackingStore speedDevice = fileStore != null ? fileStore : new FaultyBackingStore(recordSize, records, 2, 0);
                Held speed = SpeedStore(pages, arena, speedDevice, fileStore != null ? wb.Store : null);
                long readPages = 0, ramPages = 0;
                double readSec = 0, ramSec = 0;
                var sw = new Stopwatch();
                byte[] buf = new byte[Page];
                for (int r = -1; r < rounds; r++) // round -1 warms the JIT up and is not counted
                {
                    speed.Store.MarkAllIdle();
                    speed.Store.Writeback(WritebackMode.Idle, speed.Pages);
                    sw.Restart();
                    long fromDevice = ReadAll(speed, pages, buf, true);
                    double t1 = sw.Elapsed.TotalSeconds;
                    sw.Restart();
                    long fromRam = ReadAll(speed, pages, buf, false);
                    double t2 = sw.Elapsed.TotalSeconds;
                    if (r < 0) continue;
                    readPages += fromDevice;
                    readSec += t1;
                    ramPages += fromRam;
                    ramSec += t2;
                }
                speed.Store.CheckInvariants();
                double readRate = readPages / Math.Max(readSec, 1e-9);
                double ramRate = ramPages / Math.Max(ramSec, 1e-9);
                Console.WriteLine($"  read-back ({rounds} rounds, {speed.Pages} pages held): {readPages} reads from the backing store at {readRate:0} pages/s; RAM reads of the same store {ramRate:0} pages/s (baseline): {readRate / ramRate:0.00}x");
                long unexpected = wb.Unexpected + speed.Unexpected;
                Console.WriteLine($"  unexpected failed or wrong reads: {unexpected}");

                results.Add("wb_capacity_" + tag, wbCapacity);
                results.Add("capacity_" + tag, plain.Capacity);
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


        /// <summary>Bytes written if each record were rounded up to whole 512 B sectors (from the mean record).</summary>
        private static long SectorRounded(long bytes, long writes)
        {
            if (writes == 0) return 0;
            long mean = (bytes + writes - 1) / writes;
            return (mean + 511) / 512 * 512 * writes;
        }

        /// <summary>CapacityRun's rule (fill, idle work, fill) with a backing store and the writeback rung.</summary>
        private static Held WithWriteback(List<byte[]> pages, int arena, IBackingStore device)
        {
            var clock = new Clock();
            StoreConfig cfg = CapacityRun.ConfigFor(arena, Page, new StoreFeatures(), pages.Count);
            cfg.SlotCount = Math.Min(StoreConfig.MaxSlotCount, cfg.SlotCount + device.RecordCount);
            var store = new PageStore(new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, cfg)), cfg, clock);
            store.AttachBackingStore(device);
            store.Reclaimer = new RungReclaimer(new StoreWritebackStep(store, clock));
            var held = new Held { Store = store, Clock = clock };
            held.Client = store.Register("bench", cfg.SlotCount);
            Fill(held, pages);
            while (store.MergeSlice(4096) > 0) { }
            while (store.Compact(1 << 20) > 0) { }
            Fill(held, pages);
            byte[] buf = new byte[Page];
            for (int s = 0; s < held.Pages; s++) Check(held, s, pages[s], buf);
            store.CheckInvariants();
            return held;
        }

        private static void Fill(Held held, List<byte[]> pages)
        {
            while (held.Pages < held.Client.SlotCount)
            {
                if (held.Pages >= pages.Count)
                {
                    held.RanOutOfPages = true;
                    return;
                }
                held.Clock.Ms += 10;
                if (held.Client.Write(held.Pages, pages[held.Pages], 0) != StoreResult.Ok) return;
                held.Pages++;
            }
        }

        /// <summary>
        /// A store holding the first pages that fit in 3/4 of the arena (no reclaimer). With --file the
        /// fill run's store is dropped first (its records are not needed any more) by discarding its pages.
        /// </summary>
        private static Held SpeedStore(List<byte[]> pages, int arena, IBackingStore device, PageStore previous)
        {
            if (previous != null) previous.GetClient(0).Release();
            var clock = new Clock();
            StoreConfig cfg = StoreConfig.ForArena(arena, Page);
            var store = new PageStore(new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, cfg)), cfg, clock);
            store.AttachBackingStore(previous == null ? device : new SharedDevice(device));
            var held = new Held { Store = store, Clock = clock };
            held.Client = store.Register("speed", Math.Min(cfg.SlotCount, device.RecordCount));
            var mm = new MmStat();
            while (held.Pages < held.Client.SlotCount && held.Pages < pages.Count)
            {
                clock.Ms += 10;
                if (held.Client.Write(held.Pages, pages[held.Pages], 0) != StoreResult.Ok) break;
                held.Pages++;
                store.GetMmStat(mm);
                if (mm.MemUsedTotal > arena * 3L / 4) break;
            }
            return held;
        }

        /// <summary>The same device for a second store (the first one released everything it held).</summary>
        private sealed class SharedDevice : IBackingStore
        {
            private readonly IBackingStore _d;
            public SharedDevice(IBackingStore d) { _d = d; }
            public int RecordSize => _d.RecordSize;
            public int RecordCount => _d.RecordCount;
            public uint Epoch => _d.Epoch;
            public bool TryWrite(int record, byte[] src, int offset, int length) => _d.TryWrite(record, src, offset, length);
            public bool TryRead(int record, byte[] dst, int offset, int length) => _d.TryRead(record, dst, offset, length);
        }

        /// <summary>Reads every held slot that is (onBacking) or is not on the backing store; returns how many.</summary>
        private static long ReadAll(Held held, List<byte[]> pages, byte[] buf, bool onBacking)
        {
            long n = 0;
            for (int s = 0; s < held.Pages; s++)
            {
                if (held.Store.IsOnBackingStore(held.Client, s) != onBacking) continue;
                Check(held, s, pages[s], buf);
                n++;
            }
            return n;
        }

        private static void Check(Held held, int slot, byte[] expected, byte[] buf)
        {
            if (held.Client.Read(slot, buf, 0) != StoreResult.Ok || !buf.AsSpan().SequenceEqual(expected)) held.Unexpected++;
        }
    }
}
