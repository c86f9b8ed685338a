// zram's mm_stat columns in zram's order, then pages_merged (as in the merge RFC). Filled in place by
// PageStore.GetMmStat (caller-owned, no allocation). Sizes in bytes, counts in pages, as zram documents:
// - OrigDataSize: logical bytes stored (pages holding data × page size, same-filled and merged included;
//   pages written back to the backing store not, as in zram — see bd_stat);
// - ComprDataSize: bytes of the live pool objects (compressed, or raw for huge pages), a merged object once;
// - MemUsedTotal: arena bytes the pool holds (frames in use × frame size: fragmentation and in-arena
//   headers included, metadata outside the arena not);
// - MemLimit: the limit set (0 = none); MemUsedMax: high watermark of MemUsedTotal (PageStore.ResetMemUsedMax);
// - SamePages: pages kept as one repeated 32-bit word (no pool object);
// - PagesCompacted: pool frames (the pool's physical pages) released by compaction, cumulative;
// - HugePages: pages stored raw now; HugePagesSince: pages ever stored raw (cumulative);
// - PagesMerged: pages that share another page's object now (sum over shared objects of references − 1).
namespace ZramEmbedded.Allocator.Store
{
    public sealed class MmStat
    {
        public long OrigDataSize;
        public long ComprDataSize;
        public long MemUsedTotal;
        public long MemLimit;
        public long MemUsedMax;
        public long SamePages;
        public long PagesCompacted;
        public long HugePages;
        public long HugePagesSince;
        public long PagesMerged;
    }
}
