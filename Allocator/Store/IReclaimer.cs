// The hook a store calls when a write does not fit (the pool is full or mem_limit is reached), before it
// returns NoSpace. The store is consistent when the hook runs (nothing of the failed write is applied yet)
// and holds its lock (re-entrant), so the hook may call back into the store on the same thread: discard
// pages, release clients (the requester too), run MergeNow or Compact, write other pages. The store then
// redoes the write once from the start if the hook returned true. A write made from inside the hook that
// does not fit returns NoSpace without calling the hook again (no recursion).
namespace ZramEmbedded.Allocator.Store
{
    public interface IReclaimer
    {
        /// <summary>
        /// `bytesNeeded`: the arena bytes the write asked for (its compressed size, or the page size for a
        /// raw page). Returns true if it freed something worth a retry.
        /// </summary>
        bool Reclaim(int bytesNeeded, StoreClient requester);
    }
}
