// PageStore, the one owner of every slot change (zram_free_page's discipline): every path that changes what
// a slot holds — write, discard, client release, merge, unshare, writeback, bring-back, recompression,
// migration — goes through Release (give up what the slot holds, leave it Empty) and Install (make it hold
// something), or Reclassify (the same object or record under another kind). They keep every count that
// follows from a slot's state: pages, same-filled, huge, stored bytes per client, unseen by the merge scan,
// indexed, backed, and the codec's counts of recompressed forms per dictionary. What follows from objects
// rather than slots — live objects and their bytes, merge entries' references, backing records — changes in NewObject
// (a slot's new pool object), FreeObject (the one place a slot's pool object is freed), and Release (the last
// reference to a merge entry or a record frees it). AllocateAdmitted is the one mem_limit admission.
// Called under the store's lock.
using System;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        /// <summary>
        /// A pool object of `size` bytes for a slot, admitted under MemLimit (zram's mem_limit: the pool's
        /// used bytes stay ≤ MemLimit after the allocation) and counted in mem_used_max; NoHandle when the pool
        /// has no room or the limit refuses it (then nothing has changed).
        /// </summary>
        internal int AllocateAdmitted(int size)
        {
            int handle = _pool.Malloc(size);
            if (handle == ZsPool.NoHandle) return ZsPool.NoHandle;
            long used = _pool.UsedBytes;
            if (_memLimit > 0 && used > _memLimit)
            {
                _pool.Free(handle); // not a slot's object yet
                return ZsPool.NoHandle;
            }
            if (used > _memUsedMax) _memUsedMax = used;
            return handle;
        }

        /// <summary>
        /// True when an object of `bytes` surely fits now (the reclaim ladder's test, the same mem_limit rule
        /// as AllocateAdmitted): its frames rounded up, plus one for a class tail, are free in the pool and
        /// under MemLimit. Conservative, so "fits" never precedes a write that fails for lack of frames.
        /// </summary>
        internal bool SurelyAdmits(int bytes)
        {
            int frame = _pool.FrameSize;
            long free = _pool.FreeFrames;
            if (_memLimit > 0)
            {
                long used = _pool.UsedBytes;
                long underLimit = _memLimit > used ? (_memLimit - used) / frame : 0;
                if (underLimit < free) free = underLimit;
            }
            return free >= ((long)bytes + frame - 1) / frame + 1;
        }

        /// <summary>
        /// Gives up whatever slot g (of client c) holds: its own object is freed, its reference to a merge
        /// entry or a backing record dropped (the last one frees them); every count is updated and the slot
        /// is left Empty (its stamp stays).
        /// </summary>
        internal void Release(StoreClient c, int g)
        {
            int residence = Slots.Residence(g);
            if (residence == SlotTable.Empty) return;
            Uncount(c, g);
            int value = Slots.Value[g];
            if (residence == SlotTable.Owned) FreeObject(value, Slots.Size[g]);
            else if (residence == SlotTable.Shared)
            {
                int handle = Merge.HandleOf(value);
                if (Merge.Release(value))
                {
                    Changes++; // a freed entry may make room for an object the scan could not index
                    FreeObject(handle, Slots.Size[g]);
                }
            }
            else if (residence == SlotTable.Backed) ReleaseRecord(value);
            Slots.Clear(g);
        }

        /// <summary>
        /// Makes the Empty slot g hold a page: residence, form, marks (from SlotTable.MarksOf/IdleMarkOf, or
        /// 0), value and size; and counts it. What the value names must exist already: an object counted by
        /// NewObject, a merge entry holding a reference for this slot, a record (its reference is added here).
        /// </summary>
        internal void Install(StoreClient c, int g, int residence, int form, int marks, int value, int size)
        {
            if (Slots.Residence(g) != SlotTable.Empty) throw new InvalidOperationException("install over a slot that holds something");
            Slots.Set(g, residence, form, marks, value, size);
            if (residence == SlotTable.Backed) _recordRefs[value]++;
            Count(c, g);
        }

        /// <summary>Slot g keeps its object under another residence and value (the merge scan indexing an
        /// object it owns: the entry takes the object over).</summary>
        internal void Reclassify(StoreClient c, int g, int residence, int value)
        {
            Uncount(c, g);
            Slots.Repoint(g, residence, value);
            Count(c, g);
        }

        /// <summary>A new pool object of `size` bytes now belongs to a slot (or a merge entry); huge: a page
        /// stored raw now (huge_pages_since).</summary>
        internal void NewObject(int size, bool countHugeSince)
        {
            _objects++;
            _comprBytes += size;
            if (countHugeSince) _hugePagesSince++;
        }

        /// <summary>Frees a slot's (or a merge entry's) pool object: the one place such an object is freed.</summary>
        internal void FreeObject(int handle, int size)
        {
            _pool.Free(handle);
            _objects--;
            _comprBytes -= size;
        }

        // Adds slot g's share of every per-slot count.
        private void Count(StoreClient c, int g)
        {
            int residence = Slots.Residence(g);
            _pages++;
            c.Pages++;
            if (residence == SlotTable.Same)
            {
                _samePages++;
                c.SameFilled++;
                return;
            }
            if (residence == SlotTable.Backed)
            {
                _backedSlots++;
                return;
            }
            int form = Slots.Form(g);
            c.StoredBytes += Slots.Size[g];
            if (form == SlotTable.Raw)
            {
                _hugePages++;
                c.HugePages++;
            }
            if (residence == SlotTable.Owned) Unindexed++;
            else IndexedSlots++;
            if (SlotTable.IsRecompressed(form)) _codec.Count(form);
        }

        // Takes slot g's share of every per-slot count away (Count's inverse).
        private void Uncount(StoreClient c, int g)
        {
            int residence = Slots.Residence(g);
            _pages--;
            c.Pages--;
            if (residence == SlotTable.Same)
            {
                _samePages--;
                c.SameFilled--;
                return;
            }
            if (residence == SlotTable.Backed)
            {
                _backedSlots--;
                return;
            }
            int form = Slots.Form(g);
            c.StoredBytes -= Slots.Size[g];
            if (form == SlotTable.Raw)
            {
                _hugePages--;
                c.HugePages--;
            }
            if (residence == SlotTable.Owned) Unindexed--;
            else IndexedSlots--;
            if (SlotTable.IsRecompressed(form)) _codec.Uncount(form);
        }
    }
}
