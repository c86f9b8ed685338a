// The page store's side of idle recompression (Recompressor does the work): the attached recompressor,
// what a Recompressed slot reads as, and replacing a slot's object by its recompressed form through
// Release and Install (PageStore.SlotChanges.cs), which keep every counter right. Apart from PageStore.cs so
// the recompression's hooks into the store sit in one place.
// Called under the store's lock.
using System;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        private Recompressor _recompressor;

        /// <summary>The recompressor attached to this store, or null.</summary>
        public Recompressor Recompressor { get { lock (_sync) { return _recompressor; } } }

        internal object SyncRoot { get { return _sync; } }

        /// <summary>The fast encoder's hash table, lent to the recompressor's HC encoder (see Lz4Encoder.TableScratch).</summary>
        internal ushort[] EncoderTableScratch { get { return _encoder.TableScratch; } }

        /// <summary>Compresses a page as a write does (same encoder, same limit) into dst[0..); the size or Lz4Block.DoesNotFit.</summary>
        internal int FastCompress(byte[] src, int offset, byte[] dst)
        {
            return _encoder.Compress(src, offset, _pageSize, dst, 0, _hugeThreshold - 1);
        }

        internal void AttachRecompressor(Recompressor r)
        {
            lock (_sync)
            {
                if (_recompressor != null) throw new InvalidOperationException("a recompressor is attached to this store already");
                _recompressor = r;
            }
        }

        // A slot whose object the recompressor made (owned or shared).
        private StoreResult ReadRecompressed(int g, byte[] dst, int offset)
        {
            int size = Slots.Size[g];
            try
            {
                _pool.Read(HandleOf(g), Scratch, 0, size);
            }
            catch (ObjectSizeMismatchException)
            {
                return StoreResult.ReadFailed; // arena corruption, as ReadContent reports it
            }
            return _recompressor.Decode(Slots.Form(g), Scratch, size, dst, offset) ? StoreResult.Ok : StoreResult.ReadFailed;
        }

        /// <summary>
        /// Slot g (holding an object of its own, or a reference to a shared one) takes `handle` (size bytes,
        /// already written, from AllocateAdmitted) in `form` as an object of its own. Its old object is freed,
        /// or its reference dropped: a shared object stays for the other slots (the merge scan later finds the
        /// copies they get the same way and shares one again; recompressing a shared object in place would
        /// have to find every sharer). The Idle mark and the access stamp stay: recompression is not an access.
        /// </summary>
        internal void ReplaceObject(int g, int handle, int size, int form)
        {
            StoreClient c = OwnerOf(g);
            int idle = Slots.IdleMarkOf(g);
            Release(c, g);
            NewObject(size, form == SlotTable.Raw);
            Install(c, g, SlotTable.Owned, form, idle, handle, size);
        }

        /// <summary>
        /// The same change for a full pool (slot g's object its own): the old object is freed first, then the
        /// new form allocated and written; when even that finds no room (or the limit refuses it), the old
        /// form (oldForm, oldSize bytes, made again by Recompressor.OldForm) is allocated again where the pool
        /// grows least (ZsPool.MallocLeastGrowth: at most the frames the free released, so a pool under
        /// MemLimit stays under it), as an object the slot owns and the merge scan sees again, and the call
        /// returns false. Throws InvalidOperationException if that room is gone (the pool broke its own
        /// accounting; the slot is then left empty rather than wrong).
        /// </summary>
        internal bool ReplaceObjectFreeingFirst(int g, byte[] bytes, int bytesOffset, int size, int form, int oldForm, int oldSize)
        {
            StoreClient c = OwnerOf(g);
            int marks = Slots.MarksOf(g), idle = Slots.IdleMarkOf(g);
            Release(c, g);
            int handle = AllocateAdmitted(size);
            if (handle != ZsPool.NoHandle)
            {
                _pool.Write(handle, bytes, bytesOffset, size);
                NewObject(size, form == SlotTable.Raw);
                Install(c, g, SlotTable.Owned, form, idle, handle, size);
                return true;
            }
            handle = _pool.MallocLeastGrowth(oldSize); // no larger than before the free: MemLimit holds
            if (handle == ZsPool.NoHandle) throw new InvalidOperationException("the pool has no room for an object it just freed");
            int oldOffset;
            byte[] oldBytes = _recompressor.OldForm(oldForm, oldSize, out oldOffset);
            _pool.Write(handle, oldBytes, oldOffset, oldSize);
            NewObject(oldSize, oldForm == SlotTable.Raw);
            Install(c, g, SlotTable.Owned, oldForm, marks, handle, oldSize);
            return false;
        }
    }
}
