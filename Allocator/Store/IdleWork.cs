// The store's idle work and its order, defined once: recompress (idle pages take smaller forms; a shared page
// is recompressed as one copy per slot), then merge (the scan shares identical objects, those copies too),
// then compact (the room that freed and shrunk objects left becomes whole free frames). The firmware's idle
// scheduler rotates through the steps in this order one bounded slice at a time; the console's `recompress`
// and the capacity benchmarks run them to completion in this order; the reclaim ladder's merge rung is the
// merge step. Each slice is bounded by its budget (Recompressor.Slice, PageStore.MergeSlice, PageStore.Compact).
namespace ZramEmbedded.Allocator.Store
{
    public static class IdleWork
    {
        public const int Recompress = 0;
        public const int Merge = 1;
        public const int Compact = 2;
        /// <summary>Steps, in order: Recompress, Merge, Compact.</summary>
        public const int Steps = 3;

        /// <summary>
        /// One slice of `step`: recompression of pages of `type` and merge slices take budget units, compaction
        /// bytes to move. Returns the work done: 0 when the step has nothing to do now, or cannot run (no
        /// recompressor attached).
        /// </summary>
        public static int Slice(int step, PageStore store, int budget, RecompressType type)
        {
            switch (step)
            {
                case Recompress:
                    Recompressor r = store.Recompressor;
                    return r == null ? 0 : r.Slice(budget, type);
                case Merge:
                    return store.MergeSlice(budget);
                case Compact:
                    return store.Compact(budget);
                default:
                    throw new System.ArgumentOutOfRangeException("step");
            }
        }

        /// <summary>Runs `step` until a slice finds nothing to do, at most maxSlices slices.</summary>
        public static void RunToCompletion(int step, PageStore store, RecompressType type, int maxSlices)
        {
            int budget = step == Compact ? 1 << 20 : 4096;
            for (int i = 0; i < maxSlices && Slice(step, store, budget, type) > 0; i++) { }
        }

        /// <summary>Every step in order, each until it finds nothing to do (at most maxSlices slices each).</summary>
        public static void RunAll(PageStore store, RecompressType type, int maxSlices)
        {
            for (int step = 0; step < Steps; step++) RunToCompletion(step, store, type, maxSlices);
        }
    }
}
