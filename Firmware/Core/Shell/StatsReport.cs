// `stats` and `watch`: zram's sysfs files as lines a script can parse, each under a header line of column
// names ("#mm_stat orig_data_size ..." then "mm_stat 1048576 ..."), in zram's column order with
// pages_merged last in mm_stat; then a readable summary. bd_stat counts writeback in pages (zeros without
// a backing store). The stat objects are filled in place; only the printed strings allocate.
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class StatsReport
    {
        public const string MmStatHeader = "#mm_stat orig_data_size compr_data_size mem_used_total mem_limit mem_used_max same_pages pages_compacted huge_pages huge_pages_since pages_merged";
        public const string IoStatHeader = "#io_stat failed_reads failed_writes invalid_io notify_free";
        public const string BdStatHeader = "#bd_stat bd_count bd_reads bd_writes";
        public const string WatchHeader = "    uptime orig_kib used_kib ratio same merged compacted huge backed nospace pressure";

        private readonly Machine _m;
        public readonly MmStat Mm = new MmStat();
        public readonly IoStat Io = new IoStat();
        public readonly BdStat Bd = new BdStat();
        public readonly RecompressStats Rc = new RecompressStats();
        public const string RecompressHeader = "#recompress pages_recompressed bytes_saved rejected dict_bytes dict_version dict_builds";
        private readonly PoolStats _pool = new PoolStats();

        public StatsReport(Machine machine)
        {
            _m = machine;
        }

        public void Refresh()
        {
            _m.Store.GetMmStat(Mm);
            _m.Store.GetIoStat(Io);
            _m.Store.GetBdStat(Bd);
            if (_m.Recompress != null) _m.Recompress.GetStats(Rc);
            _m.Pool.GetStats(_pool);
        }

        public void Print(SerialConsoleWriter w)
        {
            Refresh();
            w.Line(MmStatHeader);
            w.Line("mm_stat " + Mm.OrigDataSize.ToString() + " " + Mm.ComprDataSize.ToString() + " " + Mm.MemUsedTotal.ToString() + " "
                + Mm.MemLimit.ToString() + " " + Mm.MemUsedMax.ToString() + " " + Mm.SamePages.ToString() + " " + Mm.PagesCompacted.ToString() + " "
                + Mm.HugePages.ToString() + " " + Mm.HugePagesSince.ToString() + " " + Mm.PagesMerged.ToString());
            w.Line(IoStatHeader);
            w.Line("io_stat " + Io.FailedReads.ToString() + " " + Io.FailedWrites.ToString() + " " + Io.InvalidIo.ToString() + " " + Io.NotifyFree.ToString());
            w.Line(BdStatHeader);
            w.Line("bd_stat " + Bd.BdCount.ToString() + " " + Bd.BdReads.ToString() + " " + Bd.BdWrites.ToString());
            if (_m.Recompress != null)
            {
                w.Line(RecompressHeader);
                w.Line("recompress " + Rc.PagesRecompressed.ToString() + " " + Rc.BytesSaved.ToString() + " " + Rc.Rejected.ToString() + " "
                    + Rc.DictionaryBytes.ToString() + " " + Rc.DictionaryVersion.ToString() + " " + Rc.DictionaryBuilds.ToString());
            }
            long saved = Mm.OrigDataSize - Mm.MemUsedTotal;
            w.Line("ratio " + Format.Ratio(Mm.OrigDataSize, Mm.MemUsedTotal) + ":1 (" + Format.Kib(Mm.OrigDataSize) + " KiB of pages in "
                + Format.Kib(Mm.MemUsedTotal) + " KiB of arena), saved " + Format.Kib(saved < 0 ? 0 : saved) + " KiB");
            w.Line("utilization " + Format.Percent(Mm.ComprDataSize, Mm.MemUsedTotal) + " % of used frames hold data; arena "
                + Format.Percent(Mm.MemUsedTotal, _pool.ArenaBytes) + " % used of " + (_pool.ArenaBytes / 1024).ToString() + " KiB; pressure "
                + PressureLevels.Name(_m.Pressure.Level));
            w.Line("idle work: " + _m.Idle.MergeSlices.ToString() + " merge slices, " + _m.Idle.CompactSlices.ToString() + " compaction slices ("
                + _m.Idle.BytesCompacted.ToString() + " B moved), " + _m.Idle.RecompressSlices.ToString() + " recompression slices"
                + (_m.Recompress == null ? " (off: arena under 96 KiB)" : "") + ", " + _m.Idle.ReclaimSlices.ToString() + " reclaim slices; trims "
                + _m.Pressure.Killer.Trims.ToString() + ", kills " + _m.Pressure.Killer.Kills.ToString() + "; "
                + (_m.Store.HasBackingStore ? _m.Idle.WritebackSlices.ToString() + " writeback slices (" + _m.Idle.PagesWrittenBack.ToString() + " pages), "
                    + Bd.BdCount.ToString() + " of " + Bd.RecordCount.ToString() + " backing records in use"
                    : "no backing store (writeback off)"));
        }

        public void PrintWatchLine(SerialConsoleWriter w)
        {
            Refresh();
            long nospace = 0;
            for (int i = 0; i < _m.Workload.Count; i++) nospace += _m.Workload[i].NoSpaceWrites;
            w.Line(Format.Right(Format.Duration(_m.Now - _m.BootMs), 10) + Format.Right(Mm.OrigDataSize / 1024, 9) + Format.Right(Mm.MemUsedTotal / 1024, 9)
                + Format.Right(Format.Ratio(Mm.OrigDataSize, Mm.MemUsedTotal), 6) + Format.Right(Mm.SamePages, 5) + Format.Right(Mm.PagesMerged, 7)
                + Format.Right(Mm.PagesCompacted, 10) + Format.Right(Mm.HugePages, 5) + Format.Right(Bd.BdCount, 7) + Format.Right(nospace, 8) + " " + PressureLevels.Name(_m.Pressure.Level));
        }
    }
}
