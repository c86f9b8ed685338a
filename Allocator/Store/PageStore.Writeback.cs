// Writeback (zram's backing_dev): the part of PageStore that moves pages to an IBackingStore and brings
// them back. Kept in this file so the store's own files only call into it: a slot residence (SlotTable.Backed)
// and hooks in ReadContent, Release (ReleaseRecord), StoreOwnBytes, GetMmStat (orig_data_size) and
// CheckInvariants. Slots move through Release and Install (PageStore.SlotChanges.cs) both ways.
//
// A page written back leaves the arena: its slot becomes SlotTable.Backed with Value = the record and
// Size 0 (it holds no arena bytes), no Huge/Idle flag. The record holds the object's bytes as they were in
// the arena (LZ4 block, or the raw page for a huge one), so nothing is recompressed either way — except a
// page the Recompressor made smaller: it is decoded and written in the store's fast form (raw if that does
// not fit the huge threshold), so a record never depends on a dictionary buffer that may be rebuilt
// meanwhile, and the page comes back as the owned fast (or raw) object a write makes (what the merge scan and
// BlockCodec.OldForm expect of that form; it is recompressed again when it goes idle again). Cold pages
// are idle pages, and idle pages are the recompressor's candidates: without this, recompression would keep
// writeback from the pages it exists for.
// - Writeback(mode, budget): pages holding an arena object that match the mode (idle flag, huge flag, or
//   both), oldest last access first, at most `budget` pages per call and while the lifetime
//   writeback_limit allows (zram: with writeback_limit_enable set, each page written lowers
//   writeback_limit by one; at 0 nothing more is written). A merged page (one object shared by several
//   slots) is written once, as one record, and only when every slot sharing it matches the mode; all its
//   slots then point at that record (a reference count per record). A write the device refuses leaves the
//   page in RAM and ends the call; so does a full backing store.
// - A read of a Backed slot reads the record (BackingRecords checks magic, CRC, epoch, generation, owner),
//   decodes it into the caller's buffer and counts bd_reads, then brings the page back into the arena
//   when it fits (under mem_limit, without calling the reclaimer): the object bytes are stored as they
//   were, the record is freed, and a merged page comes back once as one shared object for all its slots.
//   When it does not fit the slot simply stays on the backing store. Any failed check is ReadFailed for
//   that read (io_stat failed_reads and bd_stat's kind counters); the slot stays Backed, so a transient
//   device error can succeed later, a damaged record keeps failing until the slot is written or discarded.
// - Discarding or writing the slot, or releasing its client, drops its reference; the last frees the record.
// Restart: records are not reattached (the slot table lives in RAM); see StreamBackingStore.
// Memory (AttachBackingStore, once): BackingRecords (bitmap, 4 B generation per record, a record-sized
// buffer) plus 2 B per record (references) and the candidate batch (WritebackBatch ints and stamps),
// counted in StoreOwnBytes (BackingMetadataBytes).
// Time: a call scans the slot table once per batch of WritebackBatch candidates (O(SlotCount × batch));
// a merged page costs one more slot-table scan to find its sharers.
using System;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        /// <summary>Candidates gathered per slot-table scan (zram's writeback_batch_size default).</summary>
        public const int WritebackBatch = 32;

        private const int RecordShared = 0x8000; // the record was written for a merged page (no single owner)
        private const int RecordRefMask = 0x7FFF;

        /// <summary>The fields this file adds to PageStore (counted by BackingMetadataBytes).</summary>
        private const int WritebackFields = 7;

        private BackingRecords _backing;
        private ushort[] _recordRefs;
        private int[] _wbSlots;
        private int[] _wbStamps;
        private int _backedSlots;
        private bool _wbLimitEnabled;
        private long _wbLimit;

        private enum WbOutcome { Written, Skipped, Stop }

        /// <summary>
        /// Gives the store its backing store (once; allocates the record tables). Records must hold a header
        /// and a page (RecordCodec.HeaderSize + PageSize). InvalidOperationException if one is attached.
        /// </summary>
        public void AttachBackingStore(IBackingStore device)
        {
            if (device == null) throw new ArgumentNullException("device");
            lock (_sync)
            {
                if (_backing != null) throw new InvalidOperationException("a backing store is already attached");
                BackingRecords records = new BackingRecords(device, _pageSize);
                if (device.RecordCount > BackingRecords.MaxRecords) throw new ArgumentException("at most " + BackingRecords.MaxRecords.ToString() + " records");
                _recordRefs = new ushort[device.RecordCount];
                _wbSlots = new int[WritebackBatch];
                _wbStamps = new int[WritebackBatch];
                _backing = records;
            }
        }

        /// <summary>True once a backing store is attached.</summary>
        public bool HasBackingStore { get { lock (_sync) { return _backing != null; } } }

        /// <summary>zram's writeback_limit_enable: when set, WritebackLimit caps the pages written from now on.</summary>
        public bool WritebackLimitEnabled
        {
            get { lock (_sync) { return _wbLimitEnabled; } }
            set { lock (_sync) { _wbLimitEnabled = value; } }
        }

        /// <summary>zram's writeback_limit: pages that may still be written back (counts down; in store pages).</summary>
        public long WritebackLimit
        {
            get { lock (_sync) { return _wbLimit; } }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value");
                lock (_sync) { _wbLimit = value; }
            }
        }

        /// <summary>True when the client's slot has its page on the backing store now (misuse as for Read).</summary>
        public bool IsOnBackingStore(StoreClient client, int slot)
        {
            lock (_sync)
            {
                return Slots.Residence(CheckAccess(client, slot)) == SlotTable.Backed;
            }
        }

        /// <summary>Slots whose page is on the backing store now (a merged page counts once per slot).</summary>
        public int BackedSlots { get { lock (_sync) { return _backedSlots; } } }

        /// <summary>
        /// Writes back up to budgetPages pages matching `mode`, oldest first; returns pages written (a merged
        /// page counts once). Stops early when nothing matches, the limit is reached, the backing store is
        /// full or the device refuses a write (that page stays in RAM). InvalidOperationException when no
        /// backing store is attached; ArgumentOutOfRangeException for a bad mode or budget.
        /// </summary>
        public int Writeback(WritebackMode mode, int budgetPages)
        {
            if (mode != WritebackMode.Idle && mode != WritebackMode.Huge && mode != WritebackMode.HugeIdle)
                throw new ArgumentOutOfRangeException("mode");
            if (budgetPages < 1) throw new ArgumentOutOfRangeException("budgetPages");
            lock (_sync)
            {
                if (_backing == null) throw new InvalidOperationException("no backing store attached");
                int written = 0;
                int afterStamp = int.MinValue, afterSlot = -1; // candidates strictly after this (stamp, slot)
                while (written < budgetPages && !LimitReached())
                {
                    int n = CollectOldest(mode, MinInt(budgetPages - written, WritebackBatch), afterStamp, afterSlot);
                    if (n == 0) break;
                    afterStamp = _wbStamps[n - 1];
                    afterSlot = _wbSlots[n - 1];
                    for (int i = 0; i < n && written < budgetPages && !LimitReached(); i++)
                    {
                        WbOutcome o = WritebackSlot(_wbSlots[i], mode);
                        if (o == WbOutcome.Written)
                        {
                            written++;
                            if (_wbLimitEnabled) _wbLimit--;
                        }
                        else if (o == WbOutcome.Stop) return written;
                    }
                }
                return written;
            }
        }

        /// <summary>bd_stat and the remaining writeback_limit, into a caller-owned object (zeros when no backing store).</summary>
        public void GetBdStat(BdStat s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (_sync)
            {
                if (_backing != null) _backing.GetStats(s);
                else
                {
                    s.BdCount = s.BdReads = s.BdWrites = s.BytesWritten = s.FailedWrites = 0;
                    s.ReadsDeviceFailed = s.ReadsMissing = s.ReadsCorrupt = s.ReadsStale = s.RecordCount = 0;
                }
                s.WritebackLimitEnabled = _wbLimitEnabled;
                s.WritebackLimit = _wbLimit;
            }
        }

        private bool LimitReached()
        {
            return _wbLimitEnabled && _wbLimit <= 0;
        }

        private static int MinInt(int a, int b)
        {
            return a < b ? a : b;
        }

        private bool Matches(int g, WritebackMode mode)
        {
            if (!Slots.HasObject(g)) return false;
            if (mode == WritebackMode.Idle) return Slots.IsIdle(g);
            if (mode == WritebackMode.Huge) return Slots.IsHuge(g);
            return Slots.IsHuge(g) && Slots.IsIdle(g);
        }

        /// <summary>
        /// The `want` oldest matching slots after (afterStamp, afterSlot) in (stamp, slot) order, into the
        /// batch arrays sorted oldest first; returns how many.
        /// </summary>
        private int CollectOldest(WritebackMode mode, int want, int afterStamp, int afterSlot)
        {
            int n = 0;
            int count = Slots.Count;
            for (int g = 0; g < count; g++)
            {
                if (!Matches(g, mode)) continue;
                int st = Slots.Stamp[g];
                if (st < afterStamp || (st == afterStamp && g <= afterSlot)) continue;
                if (n == want && !Before(st, g, _wbStamps[n - 1], _wbSlots[n - 1])) continue;
                int i = n == want ? n - 1 : n;
                if (n < want) n++;
                while (i > 0 && Before(st, g, _wbStamps[i - 1], _wbSlots[i - 1]))
                {
                    _wbStamps[i] = _wbStamps[i - 1];
                    _wbSlots[i] = _wbSlots[i - 1];
                    i--;
                }
                _wbStamps[i] = st;
                _wbSlots[i] = g;
            }
            return n;
        }

        private static bool Before(int stampA, int slotA, int stampB, int slotB)
        {
            return stampA < stampB || (stampA == stampB && slotA < slotB);
        }

        /// <summary>Writes slot g's page (and every slot sharing it) to one record.</summary>
        private WbOutcome WritebackSlot(int g, WritebackMode mode)
        {
            if (!Matches(g, mode)) return WbOutcome.Skipped; // moved with a merged page earlier in the batch
            int entry = Slots.Residence(g) == SlotTable.Shared ? Slots.Value[g] : -1;
            int refs = entry >= 0 ? Merge.RefsOf(entry) : 1;
            if (refs > RecordRefMask) return WbOutcome.Skipped;
            if (refs > 1)
            {
                for (int h = 0; h < Slots.Count; h++)
                    if (Slots.Residence(h) == SlotTable.Shared && Slots.Value[h] == entry && !Matches(h, mode)) return WbOutcome.Skipped;
            }
            StoreClient c = OwnerOf(g);
            int size = Slots.Size[g];
            bool huge = Slots.IsHuge(g);
            byte[] payload = Scratch;
            int payloadAt = 0, payloadSize = size;
            bool compressed = !huge;
            if (SlotTable.IsRecompressed(Slots.Form(g)))
            {
                // The fast form, made from the decoded page (see the file comment); a damaged object stays.
                if (!DecodeSlot(g)) return WbOutcome.Skipped;
                payloadSize = FastCompress(_codec.PageArea, _codec.PageAreaOffset, Scratch);
                if (payloadSize == Lz4Block.DoesNotFit)
                {
                    payload = _codec.PageArea;
                    payloadAt = _codec.PageAreaOffset;
                    payloadSize = _pageSize;
                    compressed = false;
                }
            }
            else
            {
                try
                {
                    _pool.Read(HandleOf(g), Scratch, 0, size);
                }
                catch (ObjectSizeMismatchException)
                {
                    return WbOutcome.Skipped; // a damaged arena object stays where it is (its reads fail there)
                }
            }
            int record;
            RecordWriteResult w = _backing.TryWrite(c.Id & 0xFFFF, g - c.Base, payload, payloadAt, payloadSize, compressed, _pageSize, out record);
            if (w != RecordWriteResult.Ok) return WbOutcome.Stop;
            if (entry < 0)
            {
                Release(c, g);
                Install(c, g, SlotTable.Backed, SlotTable.Fast, 0, record, 0);
            }
            else
            {
                for (int h = 0; h < Slots.Count; h++)
                {
                    if (Slots.Residence(h) != SlotTable.Shared || Slots.Value[h] != entry) continue;
                    StoreClient owner = OwnerOf(h);
                    Release(owner, h); // the last reference frees the shared object
                    Install(owner, h, SlotTable.Backed, SlotTable.Fast, 0, record, 0);
                }
                _recordRefs[record] |= RecordShared;
            }
            return WbOutcome.Written;
        }

        /// <summary>ReadContent for a Backed slot: the page into dst, then back into the arena if it fits.</summary>
        private StoreResult ReadBacked(int g, byte[] dst, int offset)
        {
            int record = Slots.Value[g];
            int word = _recordRefs[record];
            bool shared = (word & RecordShared) != 0;
            int client = -1, slot = 0;
            if (!shared)
            {
                StoreClient c = OwnerOf(g);
                client = c.Id & 0xFFFF;
                slot = g - c.Base;
            }
            int length, original;
            bool compressed;
            if (_backing.TryRead(record, client, slot, out length, out compressed, out original) != RecordStatus.Ok) return StoreResult.ReadFailed;
            byte[] buf = _backing.Buffer;
            int p = BackingRecords.PayloadOffset;
            if (original != _pageSize) return StoreResult.ReadFailed;
            if (compressed)
            {
                if (Lz4Decoder.TryDecompress(buf, p, length, dst, offset, _pageSize) != _pageSize) return StoreResult.ReadFailed;
            }
            else
            {
                if (length != _pageSize) return StoreResult.ReadFailed;
                Array.Copy(buf, p, dst, offset, _pageSize);
            }
            BringBack(record, word & RecordRefMask, length, !compressed);
            return StoreResult.Ok;
        }

        /// <summary>
        /// Stores the record's object bytes (in the backing buffer) in the arena again and points every slot
        /// of the record at it; does nothing when the pool is full, mem_limit would be passed, or a merged
        /// page finds the merge table full.
        /// </summary>
        private void BringBack(int record, int refs, int length, bool huge)
        {
            byte[] buf = _backing.Buffer;
            int p = BackingRecords.PayloadOffset;
            int handle = AllocateAdmitted(length); // without the reclaimer: a read never reclaims
            if (handle == ZsPool.NoHandle) return;
            int residence = SlotTable.Owned;
            int value = handle;
            if (refs > 1)
            {
                int hash = ContentHash.Compute(buf, p, length);
                int compares = 0;
                int e = Merge.FindEqual(hash, 0, _pool, buf, p, length, ref compares); // records hold the fast form
                if (e != MergeTable.None)
                {
                    _pool.Free(handle); // an equal object is indexed already: join it (not a slot's object yet)
                    for (int i = 0; i < refs; i++) Merge.AddRef(e);
                }
                else
                {
                    e = Merge.Add(hash, handle, 0); // records hold the fast form
                    if (e == MergeTable.None)
                    {
                        _pool.Free(handle); // not a slot's object yet
                        return;
                    }
                    for (int i = 1; i < refs; i++) Merge.AddRef(e);
                    _pool.Write(handle, buf, p, length);
                    NewObject(length, false);
                }
                residence = SlotTable.Shared;
                value = e;
            }
            else
            {
                _pool.Write(handle, buf, p, length);
                NewObject(length, false);
            }
            // Every slot on the record moves; the last one's Release frees the record. The stamps stay.
            int moved = 0;
            for (int h = 0; h < Slots.Count && moved < refs; h++)
            {
                if (Slots.Residence(h) != SlotTable.Backed || Slots.Value[h] != record) continue;
                StoreClient c = OwnerOf(h);
                Release(c, h);
                Install(c, h, residence, huge ? SlotTable.Raw : SlotTable.Fast, 0, value, length);
                moved++;
            }
        }

        /// <summary>A Backed slot's Release: one reference less to its record; the last frees the record.</summary>
        private void ReleaseRecord(int record)
        {
            int word = _recordRefs[record];
            int refs = (word & RecordRefMask) - 1;
            if (refs == 0)
            {
                _recordRefs[record] = 0;
                _backing.Free(record);
            }
            else _recordRefs[record] = (ushort)(refs | (word & RecordShared));
        }

        /// <summary>
        /// Device bytes the backing store adds (part of StoreOwnBytes; 0 before AttachBackingStore): the
        /// record bitmap, the generation per record (4 B), the reference count per record (2 B), the record
        /// buffer (header + page), the candidate batch, and the objects: BackingRecords, RecordAllocator and
        /// the WritebackFields this file adds to PageStore. About 6.1 B per record plus
        /// 2.5 KiB at 4 KiB pages.
        /// </summary>
        public int BackingMetadataBytes
        {
            get
            {
                if (_backing == null) return 0; // attached once, never detached: no lock needed
                int records = _recordRefs.Length;
                return StoreMath.ArrayBytes((records + 31) / 32 * 4) + StoreMath.ArrayBytes(records * 4)
                    + StoreMath.ArrayBytes(records * 2) + StoreMath.ArrayBytes(RecordCodec.HeaderSize + _pageSize)
                    + StoreMath.ArrayBytes(WritebackBatch * 4) * 2
                    + StoreMath.ObjectBytes(BackingRecords.DeviceFields) + StoreMath.ObjectBytes(RecordAllocator.DeviceFields) + WritebackFields * 12;
            }
        }

        /// <summary>Backed slots against the record references and the record layer (CheckInvariants).</summary>
        private void CheckBackingInvariants()
        {
            int backed = 0;
            for (int g = 0; g < Slots.Count; g++)
            {
                if (Slots.Residence(g) != SlotTable.Backed) continue;
                backed++;
                if (_backing == null) throw new InvalidOperationException("backed slot without a backing store");
                if (Slots.Size[g] != 0 || Slots.IsHuge(g)) throw new InvalidOperationException("backed slot with arena bytes");
                int r = Slots.Value[g];
                if (r < 0 || r >= _recordRefs.Length || (_recordRefs[r] & RecordRefMask) == 0) throw new InvalidOperationException("backed slot on a free record");
            }
            if (backed != _backedSlots) throw new InvalidOperationException("backed slot count differs");
            if (_backing == null) return;
            _backing.CheckInvariants();
            for (int r = 0; r < _recordRefs.Length; r++)
            {
                int refs = _recordRefs[r] & RecordRefMask;
                if ((refs != 0) != _backing.IsInUse(r)) throw new InvalidOperationException("record references and record map disagree");
                if (refs == 0) continue;
                int n = 0;
                for (int g = 0; g < Slots.Count; g++)
                    if (Slots.Residence(g) == SlotTable.Backed && Slots.Value[g] == r) n++;
                if (n != refs) throw new InvalidOperationException("record reference count differs from its slots");
            }
        }
    }
}
