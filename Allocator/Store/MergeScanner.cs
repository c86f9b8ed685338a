// The merge scan ("merge identical pages", done in the store for every client, not per app):
// a cursor walks the global slot table; each slot whose object the scan has not seen (residence Owned: a
// fast, raw or recompressed object — identical pages recompressed the same way come out identical, so pages
// stay merged after recompression) is read into the store's scratch buffer and hashed; the MergeTable's
// chain for that hash gives candidates of the same size and merge family (SlotTable.MergeFamily), each
// compared byte for byte with it in the arena (ZsPool.ContentEquals, no buffer). On a match the slot joins
// the candidate's entry (one more reference) and its own object is freed (pages_merged); otherwise the
// object gets an entry of its own (reference count 1) so later duplicates find it — also a page written
// equal to an object several slots share already joins it. Same-filled pages never enter the table (they
// hold no object). A full table leaves the object unseen; a later pass retries it.
// Work: bounded per slice by the budget (one unit per slot examined, one per comparison), and a slice
// stops early once no slot is left unseen. Memory: the cursor and two counters; the buffers are the
// store's (preallocated, counted there). Called under the store's lock.
using System;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    internal sealed class MergeScanner
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 6;

        private readonly PageStore _store;
        private int _cursor;
        internal long MergedTotal;
        internal long ScannedTotal;
        private int _sinceProgress;   // slots examined since the scan last merged or indexed an object
        private int _seenChanges;     // PageStore.Changes when _sinceProgress was last reset

        internal MergeScanner(PageStore store)
        {
            _store = store;
        }

        /// <summary>Examines slots until the budget is used or nothing is left unseen; returns units used.</summary>
        internal int Slice(int budget)
        {
            SlotTable slots = _store.Slots;
            if (_store.Merge.Capacity == 0) return 0;
            if (_store.Changes != _seenChanges)
            {
                _seenChanges = _store.Changes;
                _sinceProgress = 0;
            }
            else if (_sinceProgress >= slots.Count) return 0;
            int used = 0;
            int n = slots.Count;
            while (used < budget && _store.Unindexed > 0)
            {
                // A whole lap (over any number of slices) without progress: what is left cannot be indexed
                // (table full) until an object is written or an entry freed, so report no work until then.
                if (_sinceProgress >= n) break;
                int g = _cursor;
                _cursor = g + 1 == n ? 0 : g + 1;
                used++;
                _sinceProgress++;
                ScannedTotal++;
                if (slots.Residence(g) != SlotTable.Owned) continue;
                int before = _store.Unindexed;
                used += Examine(g);
                if (_store.Unindexed != before) _sinceProgress = 0;
            }
            return used;
        }

        /// <summary>Every slot once from the cursor; returns pages merged.</summary>
        internal int FullPass()
        {
            if (_store.Merge.Capacity == 0) return 0;
            long before = MergedTotal;
            SlotTable slots = _store.Slots;
            int n = slots.Count;
            for (int i = 0; i < n && _store.Unindexed > 0; i++)
            {
                int g = _cursor;
                _cursor = g + 1 == n ? 0 : g + 1;
                ScannedTotal++;
                if (slots.Residence(g) == SlotTable.Owned) Examine(g);
            }
            return (int)(MergedTotal - before);
        }

        /// <summary>
        /// Merges or indexes slot g (residence Owned; it keeps its form and marks as Shared: the recompressor's
        /// counts are per slot and see no change); returns the comparisons made.
        /// </summary>
        private int Examine(int g)
        {
            PageStore store = _store;
            SlotTable slots = store.Slots;
            MergeTable table = store.Merge;
            ZsPool pool = store.Pool;
            int handle = slots.Value[g];
            int size = slots.Size[g];
            int family = SlotTable.MergeFamily(slots.Form(g));
            byte[] a = store.Scratch;
            pool.Read(handle, a, 0, size);
            int hash = ContentHash.Compute(a, 0, size);
            int compares = 0;
            int e = table.FindEqual(hash, family, pool, a, 0, size, ref compares);
            if (e != MergeTable.None)
            {
                // The slot gives up its object and takes a reference to the equal one, with its form and marks.
                StoreClient owner = store.OwnerOf(g);
                int form = slots.Form(g), marks = slots.MarksOf(g);
                table.AddRef(e);
                store.Release(owner, g);
                store.Install(owner, g, SlotTable.Shared, form, marks, e, size);
                MergedTotal++;
                return compares;
            }
            int entry = table.Add(hash, handle, family);
            if (entry == MergeTable.None) return compares;
            store.Reclassify(store.OwnerOf(g), g, SlotTable.Shared, entry);
            return compares;
        }

        internal void CheckInvariants()
        {
            if (_cursor < 0 || _cursor >= _store.Slots.Count) throw new InvalidOperationException("merge cursor out of range");
        }
    }
}
