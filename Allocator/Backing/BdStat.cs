// zram's bd_stat, filled into a caller-owned object (no allocation): pages on the backing device now
// (bd_count), pages read back (bd_reads) and written (bd_writes) since start, in store pages, plus the
// remaining writeback_limit and what the benchmark and console need besides (bytes written, failures).
namespace ZramEmbedded.Allocator.Backing
{
    public sealed class BdStat
    {
        /// <summary>Records in use: pages held on the backing device now (a merged page counts once).</summary>
        public long BdCount;
        /// <summary>Pages read back from the device intact (a merged page read once counts once).</summary>
        public long BdReads;
        /// <summary>Pages written to the device successfully.</summary>
        public long BdWrites;
        /// <summary>Bytes handed to the device by successful writes (record header + payload).</summary>
        public long BytesWritten;
        /// <summary>Writes the device refused (the page stayed in RAM).</summary>
        public long FailedWrites;
        /// <summary>Reads that lost the page, by kind (RecordStatus): device error, missing, corrupt, stale.</summary>
        public long ReadsDeviceFailed, ReadsMissing, ReadsCorrupt, ReadsStale;
        /// <summary>Records on the device in all (capacity in pages).</summary>
        public long RecordCount;
        /// <summary>zram's writeback_limit_enable and the remaining writeback_limit (pages; meaningful when enabled).</summary>
        public bool WritebackLimitEnabled;
        public long WritebackLimit;

        /// <summary>All read failures (what the store adds to failed_reads).</summary>
        public long FailedReads { get { return ReadsDeviceFailed + ReadsMissing + ReadsCorrupt + ReadsStale; } }
    }
}
