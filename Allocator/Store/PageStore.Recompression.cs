// The page store's side of idle recompression (Recompressor does the work): the attached recompressor,
// what a Recompressed slot reads as and owns, and replacing a slot's object by its recompressed form with
// every counter kept right. Apart from PageStore.cs so the recompression's hooks into the store sit in one
// place; PageStore.cs only routes kind Recompressed here (ReadContent, DropContent, CheckInvariants).
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

        // A recompressed slot, or a merged one whose shared object is a dictionary block.
        private StoreResult ReadRecompressed(int g, int kind, byte[] dst, int offset)
        {
            int size = Slots.Size[g];
            try
            {
                _pool.Read(HandleOf(g, kind), Scratch, 0, size);
            }
            catch (ObjectSizeMismatchException)
            {
                return StoreResult.ReadFailed; // arena corruption, as ReadContent reports it
            }
            return _recompressor.Decode(Slots.State[g], Scratch, size, dst, offset) ? StoreResult.Ok : StoreResult.ReadFailed;
        }

        private void DropRecompressed(int g)
        {
            _pool.Free(Slots.Value[g]);
            if (SlotTable.IsUnseen(Slots.State[g])) Unindexed--;
            _recompressor.Dropped(Slots.State[g]);
        }

        /// <summary>
        /// After the recompressor allocated a new object for a slot (before the old one is freed): false when
        /// the pool's use now exceeds MemLimit (the caller frees the new object and leaves the slot); else
        /// records the high watermark and returns true.
        /// </summary>
        internal bool AdmitReplacement()
        {
            long used = _pool.UsedBytes;
            if (_memLimit > 0 && used > _memLimit) return false;
            if (used > _memUsedMax) _memUsedMax = used;
            return true;
        }

        /// <summary>
        /// Slot g (kind Object, Indexed with a single reference, or Recompressed) takes `handle` (size bytes,
        /// already written) as its object; the old object (and its merge entry) is freed. kind is Recompressed or Object;
        /// formFlags are the new form's flags (SlotTable.HugeFlag for a raw page, DictFlag/DictSlotFlag).
        /// The Idle flag and the access stamp stay: recompression is not an access.
        /// </summary>
        internal void ReplaceObject(int g, int handle, int size, int kind, int formFlags)
        {
            StoreClient c = DetachObject(g);
            AttachObject(c, g, handle, size, kind, formFlags);
        }

        /// <summary>
        /// Slot g, kind Indexed sharing its object with other slots, takes `handle` (size bytes, already
        /// written, kind Recompressed with formFlags) as an object of its own and drops its reference to the
        /// shared one, which stays for the other slots. The merge scan later finds the copies the other
        /// slots get the same way and shares one again (recompressing a shared object in place would have to
        /// find every sharer). The Idle flag and the access stamp stay.
        /// </summary>
        internal void UnshareObject(int g, int handle, int size, int kind, int formFlags)
        {
            int state = Slots.State[g];
            int e = Slots.Value[g];
            if (!SharesObject(g)) throw new InvalidOperationException("only a shared object is unshared");
            StoreClient c = OwnerOf(g);
            if (Slots.IsHuge(g))
            {
                _hugePages--;
                c.HugePages--;
            }
            if ((state & SlotTable.DictFlag) != 0) _recompressor.Dropped(state);
            Merge.Release(e); // ≥ 2 references: the entry and its object stay
            IndexedSlots--;
            c.StoredBytes -= Slots.Size[g];
            Slots.State[g] = (byte)(state & (SlotTable.IdleFlag | SlotTable.RecompressTriedFlag)); // kind bits set by AttachObject
            Slots.Size[g] = 0;
            _objects++;
            AttachObject(c, g, handle, size, kind, formFlags);
        }

        /// <summary>
        /// The same change for a full pool: the old object is freed first, then the new form allocated and
        /// written; when even that finds no room (or takes the pool over MemLimit), the old form (slot state
        /// oldState, oldSize bytes, made again by Recompressor.OldForm; kind Indexed comes back as Object, or
        /// Recompressed for a dictionary block, for the merge scan to see again) is allocated again where
        /// the pool grows least (ZsPool.MallocLeastGrowth: at most the frames the free released, so a pool
        /// under MemLimit stays under it) and the call returns false. Throws InvalidOperationException if that room is gone (the pool broke its own accounting;
        /// the slot is then left empty rather than wrong).
        /// </summary>
        internal bool ReplaceObjectFreeingFirst(int g, byte[] form, int formOffset, int size, int kind, int formFlags,
                                                int oldState, int oldSize)
        {
            int oldKind = oldState & SlotTable.KindMask;
            int oldFlags = oldState & ~(SlotTable.KindMask | SlotTable.IdleFlag);
            StoreClient c = DetachObject(g);
            int handle = _pool.Malloc(size);
            if (handle != ZsPool.NoHandle)
            {
                if (AdmitReplacement())
                {
                    _pool.Write(handle, form, formOffset, size);
                    AttachObject(c, g, handle, size, kind, formFlags);
                    return true;
                }
                _pool.Free(handle); // over MemLimit: back to the old form
            }
            handle = _pool.MallocLeastGrowth(oldSize); // no larger than before the free: MemLimit holds
            if (handle == ZsPool.NoHandle)
            {
                // Unreachable while the pool reuses what was just freed; keep the counters right regardless.
                _pages--;
                c.Pages--;
                _objects--;
                Slots.Clear(g);
                throw new InvalidOperationException("the pool has no room for an object it just freed");
            }
            int oldOffset;
            byte[] oldBytes = _recompressor.OldForm(oldState, oldSize, out oldOffset);
            _pool.Write(handle, oldBytes, oldOffset, oldSize);
            if (oldKind == SlotTable.Indexed) oldKind = (oldFlags & SlotTable.DictFlag) != 0 ? SlotTable.Recompressed : SlotTable.Object;
            AttachObject(c, g, handle, oldSize, oldKind, oldFlags);
            return false;
        }

        // Frees slot g's object (kind Object, Indexed with one reference, or Recompressed) and takes its bytes
        // out of the counters; the slot keeps its kind bits until AttachObject sets them. Returns the owner.
        private StoreClient DetachObject(int g)
        {
            int oldKind = Slots.KindOf(g);
            if (SharesObject(g)) throw new InvalidOperationException("a shared object is not replaced");
            if (oldKind != SlotTable.Object && oldKind != SlotTable.Indexed && oldKind != SlotTable.Recompressed)
                throw new InvalidOperationException("slot holds no object");
            StoreClient c = OwnerOf(g);
            int oldSize = Slots.Size[g];
            if (Slots.IsHuge(g))
            {
                _hugePages--;
                c.HugePages--;
            }
            if (oldKind == SlotTable.Object)
            {
                _pool.Free(Slots.Value[g]);
                Unindexed--;
            }
            else if (oldKind == SlotTable.Indexed)
            {
                int e = Slots.Value[g];
                int old = Merge.HandleOf(e);
                Merge.Release(e);
                _pool.Free(old);
                IndexedSlots--;
                if ((Slots.State[g] & SlotTable.DictFlag) != 0) _recompressor.Dropped(Slots.State[g]);
            }
            else
            {
                DropRecompressed(g);
            }
            _comprBytes -= oldSize;
            c.StoredBytes -= oldSize;
            Slots.Size[g] = 0;
            return c;
        }

        private void AttachObject(StoreClient c, int g, int handle, int size, int kind, int formFlags)
        {
            Slots.State[g] = (byte)(kind | formFlags | (Slots.State[g] & SlotTable.IdleFlag));
            Slots.Value[g] = handle;
            Slots.Size[g] = (ushort)size;
            if (SlotTable.IsUnseen(Slots.State[g])) Unindexed++;
            if (kind != SlotTable.Object) _recompressor.Attached(Slots.State[g]);
            if ((formFlags & SlotTable.HugeFlag) != 0)
            {
                _hugePages++;
                _hugePagesSince++;
                c.HugePages++;
            }
            _comprBytes += size;
            c.StoredBytes += size;
        }
    }
}
