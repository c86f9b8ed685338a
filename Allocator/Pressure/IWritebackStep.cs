// The writeback rung of the reclaim ladder: moves idle pages out of the arena to a backing store. The
// ladder calls it after compaction and merge and before Trim notifications. Until a backing store is
// configured (MemoryPressure.Writeback is null) the rung is skipped. Implementations bound their own
// work by budgetMs and must not call back into MemoryPressure's ladder.
namespace ZramEmbedded.Allocator.Pressure
{
    public interface IWritebackStep
    {
        /// <summary>
        /// Write back idle pages until about `bytesWanted` arena bytes were freed or `budgetMs` is spent.
        /// `urgent` is true for a write that did not fit (idle age may be relaxed), false in idle reclaim.
        /// Returns the pages written back (their arena space is free on return).
        /// </summary>
        int WriteBack(int bytesWanted, int budgetMs, bool urgent);
    }
}
