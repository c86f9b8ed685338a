// The page store's side of idle recompression: the block codec it owns once a Recompressor is attached
// (BlockCodec: the recompressed forms, their dictionaries, decoding and making a form again), what a slot in
// such a form reads as, and the narrow surface the Recompressor works through — slot queries, decoding a
// slot's page, and replacing its form (through Release and Install, PageStore.SlotChanges.cs, which keep
// every counter right). The Recompressor decides which pages, when and within what budget; it reaches no
// store internals, and the store never calls into it. Called under the store's lock.
using System;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        private BlockCodec _codec;

        /// <summary>The recompressor attached to this store, or null.</summary>
        public Recompressor Recompressor { get { lock (_sync) { return _codec != null ? _codec.Owner : null; } } }

        internal object SyncRoot { get { return _sync; } }

        /// <summary>Compresses a page as a write does (same encoder, same limit) into dst[0..); the size or Lz4Block.DoesNotFit.</summary>
        internal int FastCompress(byte[] src, int offset, byte[] dst)
        {
            return _encoder.Compress(src, offset, _pageSize, dst, 0, _hugeThreshold - 1);
        }

        /// <summary>Attaches `owner` and makes the store's codec for its configuration (once per store).</summary>
        internal BlockCodec AttachRecompressor(Recompressor owner, RecompressConfig config)
        {
            lock (_sync)
            {
                if (_codec != null) throw new InvalidOperationException("a recompressor is attached to this store already");
                _codec = new BlockCodec(_encoder, Scratch, _pageSize, config, owner);
                return _codec;
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
            return _codec.Decode(Slots.Form(g), Scratch, size, dst, offset) ? StoreResult.Ok : StoreResult.ReadFailed;
        }

        // ---------------------------------------------------------------- the Recompressor's surface

        internal bool SlotHasObject(int g) { return Slots.HasObject(g); }

        internal int SlotForm(int g) { return Slots.Form(g); }

        internal int SlotSize(int g) { return Slots.Size[g]; }

        internal bool SlotIdle(int g) { return Slots.IsIdle(g); }

        internal bool SlotTried(int g) { return Slots.WasTried(g); }

        /// <summary>Recompression found no gain for slot g (or its object is damaged): not tried again until written.</summary>
        internal void MarkTried(int g) { Slots.MarkTried(g); }

        /// <summary>Live pool objects (the dictionary build's sampling stride).</summary>
        internal int ObjectCount { get { return _pool.ObjectsInUse; } }

        /// <summary>Pool bytes an object of `size` takes: its run frames plus its slot's size class.</summary>
        internal int FootprintOf(int size) { return _pool.FootprintOf(size); }

        /// <summary>
        /// Decodes slot g's page (any form; a recompressed one with its dictionary) into the codec's PageArea,
        /// its compressed bytes through Scratch (which keeps them until the slot changes). False when the
        /// object is damaged (the reader reports it; recompression and writeback leave the page).
        /// </summary>
        internal bool DecodeSlot(int g)
        {
            int form = Slots.Form(g);
            int size = Slots.Size[g];
            byte[] page = _codec.PageArea;
            int at = _codec.PageAreaOffset;
            try
            {
                if (form == SlotTable.Raw)
                {
                    _pool.Read(HandleOf(g), page, at, _pageSize);
                    return true;
                }
                _pool.Read(HandleOf(g), Scratch, 0, size);
            }
            catch (ObjectSizeMismatchException)
            {
                return false;
            }
            if (SlotTable.IsRecompressed(form)) return _codec.Decode(form, Scratch, size, page, at);
            return ZramEmbedded.Allocator.Codec.Lz4Decoder.TryDecompress(Scratch, 0, size, page, at, _pageSize) == _pageSize;
        }

        /// <summary>
        /// Slot g (holding an object of its own, or a reference to a shared one; its page decoded by
        /// DecodeSlot) takes bytes[offset..offset+size) in `form` as an object of its own; false when there is
        /// no room. The new object is allocated before the old one is freed when there is room (under MemLimit
        /// too): a shared object then stays for its other slots (the merge scan later shares the copies they
        /// get the same way again; recompressing a shared object in place would have to find every sharer).
        /// An object of its own is otherwise freed first, and when even then the new form finds no room the old
        /// form, made again by the codec, goes back where the pool grows least (ZsPool.MallocLeastGrowth: at
        /// most the frames the free released, so a pool under MemLimit stays under it), as an object the merge
        /// scan sees again. The Idle mark and the access stamp stay: recompression is not an access.
        /// </summary>
        internal bool TryReplaceForm(int g, byte[] bytes, int offset, int size, int form)
        {
            StoreClient c = OwnerOf(g);
            int idle = Slots.IdleMarkOf(g);
            int handle = AllocateAdmitted(size);
            if (handle == ZsPool.NoHandle)
            {
                if (SharesObject(g)) return false;
                int oldForm = Slots.Form(g), oldSize = Slots.Size[g], marks = Slots.MarksOf(g);
                Release(c, g);
                handle = AllocateAdmitted(size);
                if (handle == ZsPool.NoHandle)
                {
                    handle = _pool.MallocLeastGrowth(oldSize); // no larger than before the free: MemLimit holds
                    if (handle == ZsPool.NoHandle) throw new InvalidOperationException("the pool has no room for an object it just freed");
                    int oldOffset;
                    byte[] oldBytes = _codec.OldForm(oldForm, oldSize, _hugeThreshold, out oldOffset);
                    _pool.Write(handle, oldBytes, oldOffset, oldSize);
                    NewObject(oldSize, oldForm == SlotTable.Raw);
                    Install(c, g, SlotTable.Owned, oldForm, marks, handle, oldSize);
                    return false;
                }
            }
            _pool.Write(handle, bytes, offset, size);
            Release(c, g); // nothing left to release when the old object went first
            NewObject(size, form == SlotTable.Raw);
            Install(c, g, SlotTable.Owned, form, idle, handle, size);
            return true;
        }
    }
}
