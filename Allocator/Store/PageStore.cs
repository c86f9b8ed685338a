// PageStore: zram for app state. Clients (apps) write fixed-size pages into slots; a page that is one
// 32-bit word repeated is kept as that word in the slot (same_pages, no arena space); any other page is
// LZ4-compressed into a scratch buffer and stored as a ZsPool object, or stored raw when it does not
// compress below the huge threshold (huge_pages). Reads walk back. Idle work merges byte-identical objects
// (MergeScanner + MergeTable: one object, a reference count, the duplicates freed) and compacts the pool.
//
// Slots and clients: one global SlotTable sized at construction; a client owns a contiguous range of it
// (first fit at Register, given back at Release) and names its slots by client-local index, so one client
// cannot reach another's slots by construction. Per-slot state logic lives in SlotTable (kinds), in
// ReadContent here (what each kind reads as) and in PageStore.SlotChanges.cs (what each kind owns and
// counts: every slot change goes through Release and Install there).
//
// Failure model: a write allocates its new object before it drops the old one, so NoSpace (pool full, or
// mem_limit reached: zram's semantics, the pool's used frames × frame size must stay ≤ MemLimit after the
// allocation) leaves the slot as it was. Before returning NoSpace the store calls its IReclaimer once (not
// from inside a reclaim) with everything consistent, and redoes the write from the start if it freed
// something. Misuse throws a specific exception before anything changes (io_stat invalid_io counts it).
// A corrupt compressed object reads as ReadFailed for that page only.
//
// Memory: everything is allocated in the constructor (slot table, merge table, a page-sized scratch
// buffer, the LZ4 encoder's hash table; the merge compares objects in the arena, ZsPool.ContentEquals); Register allocates the client object. No call
// allocates otherwise. MetadataBytes counts it all (device sizes), plus the pool's own metadata.
// Thread safety: one lock (re-entrant Monitor) around every public call; hooks run under it.
// Parts: this file (construction, page operations, checks), PageStore.Clients.cs, PageStore.Idle.cs
// (idle tracking, merge and compaction triggers), PageStore.Stats.cs (stats, invariants).
// Units: bytes; counts in pages; time in ms from the IMonotonicClock, stamps in IdleUnitMs units.
using System;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        /// <summary>
        /// The store's own objects on the device, counted in MetadataBytes (a 12-byte header block each, 12
        /// per field): PageStore (its fields but the WritebackFields of PageStore.Writeback.cs, which
        /// BackingMetadataBytes counts), its SlotTable, MergeTable, MergeScanner, Lz4Encoder, the lock object.
        /// Arrays are counted by their owners; each registered client's object while it lives. Every class
        /// declares its DeviceFields (DeviceFieldCountTests checks them against reflection).
        /// </summary>
        private const int FixedObjectBytes = 12 * 6 + 12 * (DeviceFields - WritebackFields + SlotTable.DeviceFields
            + MergeTable.DeviceFields + MergeScanner.DeviceFields + Lz4Encoder.DeviceFields);
        private const int ClientObjectBytes = 12 + 12 * StoreClient.DeviceFields;

        /// <summary>Instance fields on the device, all partial files together (DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 43;

        private readonly object _sync = new object();
        private readonly ZsPool _pool;
        private readonly IMonotonicClock _clock;
        private readonly int _pageSize;
        private readonly int _hugeThreshold;
        private readonly int _idleUnitMs;
        private readonly int _mergeNowIntervalMs;
        private readonly bool _sameFilled;
        internal readonly SlotTable Slots;
        internal readonly MergeTable Merge;
        private readonly MergeScanner _scanner;
        private readonly Lz4Encoder _encoder;
        internal readonly byte[] Scratch;      // compressed bytes of the page being written/read/hashed
        private readonly StoreClient[] _clients;
        private int _clientCount;
        private int _nextClientId = 1;
        private IReclaimer _reclaimer;
        private bool _inReclaim;
        private long _memLimit;
        private long _memUsedMax;

        // Counters (mm_stat / io_stat and invariants).
        private int _pages;            // slots holding data
        private int _samePages;
        private int _hugePages;
        private long _hugePagesSince;
        private long _comprBytes;      // bytes of live pool objects owned by slots (a shared one once)
        private int _objects;          // live pool objects owned by slots
        internal int Unindexed;        // slots the merge scan has still to see (residence Owned)
        internal int IndexedSlots;     // slots of kind Indexed
        internal int Changes;          // bumped when an object is stored or a merge entry freed (the scan's stall check)
        private long _failedReads;
        private long _failedWrites;
        private long _invalidIo;
        private long _notifyFree;
        private long _lastMergeNowMs;
        private bool _mergeNowRan;

        public PageStore(ZsPool pool, StoreConfig config, IMonotonicClock clock)
        {
            if (pool == null) throw new ArgumentNullException("pool");
            if (config == null) throw new ArgumentNullException("config");
            if (clock == null) throw new ArgumentNullException("clock");
            StoreConfig c = config.Clone();
            c.Validate();
            if (pool.MaxObjectSize < c.PageSize) throw new ArgumentException("the pool's MaxObjectSize must be at least PageSize");
            _pool = pool;
            _clock = clock;
            _pageSize = c.PageSize;
            int poolHuge = pool.HugeObjectSize;
            _hugeThreshold = c.HugeThreshold > 0 ? c.HugeThreshold : (poolHuge < c.PageSize ? poolHuge : c.PageSize);
            _idleUnitMs = c.IdleUnitMs;
            _mergeNowIntervalMs = c.MergeNowIntervalMs;
            _sameFilled = c.SameFilledPages;
            Slots = new SlotTable(c.SlotCount);
            Merge = new MergeTable(c.MergeTableSize);
            _encoder = new Lz4Encoder(c.EncoderHashBits);
            Scratch = new byte[c.PageSize];
            _clients = new StoreClient[c.MaxClients];
            _scanner = new MergeScanner(this);
        }

        // ---------------------------------------------------------------- properties

        public int PageSize { get { return _pageSize; } }

        public ZsPool Pool { get { return _pool; } }

        /// <summary>Slots in the slot table (all clients).</summary>
        public int SlotCount { get { return Slots.Count; } }

        public int MaxClients { get { return _clients.Length; } }

        /// <summary>Compressed size from which a page is stored raw (bytes).</summary>
        public int HugeThreshold { get { return _hugeThreshold; } }

        /// <summary>Entries of the merge table (0 = merging disabled).</summary>
        public int MergeTableSize { get { return Merge.Capacity; } }

        /// <summary>Distinct objects the merge table indexes now.</summary>
        public int MergeEntries { get { lock (_sync) { return Merge.Count; } } }

        /// <summary>Slots whose object the merge scan has not seen yet (0 = a full pass would find nothing new).</summary>
        public int UnscannedPages { get { lock (_sync) { return Unindexed; } } }

        /// <summary>Pages merged by the scan since the store was made (cumulative; mm_stat's PagesMerged is current).</summary>
        public long PagesMergedTotal { get { lock (_sync) { return _scanner.MergedTotal; } } }

        /// <summary>Slots the merge scan examined, cumulative (for speed figures).</summary>
        public long PagesScannedTotal { get { lock (_sync) { return _scanner.ScannedTotal; } } }

        /// <summary>Called when a write does not fit, before NoSpace is returned (null = none).</summary>
        public IReclaimer Reclaimer
        {
            get { lock (_sync) { return _reclaimer; } }
            set { lock (_sync) { _reclaimer = value; } }
        }

        /// <summary>zram's mem_limit in bytes of pool memory used (0 = none); writes past it return NoSpace.</summary>
        public long MemLimit
        {
            get { lock (_sync) { return _memLimit; } }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value");
                lock (_sync) { _memLimit = value; }
            }
        }

        /// <summary>
        /// Bytes the store keeps outside the arena (device sizes): slot table, merge table, scratch buffers,
        /// encoder table, client table, its objects, plus the pool's MetadataBytes.
        /// </summary>
        public int MetadataBytes
        {
            get
            {
                return StoreOwnBytes + _pool.MetadataBytes;
            }
        }

        /// <summary>Device bytes of the slot table (part of StoreOwnBytes).</summary>
        public int SlotTableBytes { get { return Slots.MetadataBytes; } }

        /// <summary>Device bytes of the merge table (part of StoreOwnBytes).</summary>
        public int MergeTableBytes { get { return Merge.MetadataBytes; } }

        /// <summary>Device bytes of the scratch buffer and the LZ4 hash table (part of StoreOwnBytes).</summary>
        public int WorkingBufferBytes
        {
            get
            {
                return StoreMath.ArrayBytes(Scratch.Length) + StoreMath.ArrayBytes(_encoder.HashTableBytes);
            }
        }

        /// <summary>MetadataBytes without the pool's share (an attached Recompressor's WorkingBytes included).</summary>
        public int StoreOwnBytes
        {
            get
            {
                return Slots.MetadataBytes + Merge.MetadataBytes + WorkingBufferBytes
                    + StoreMath.ArrayBytes(_clients.Length * 4) + _clientCount * ClientObjectBytes + FixedObjectBytes
                    + BackingMetadataBytes
                    + (_codec != null ? _codec.Owner.WorkingBytes : 0);
            }
        }

        // ---------------------------------------------------------------- page operations

        internal StoreResult WriteSlot(StoreClient c, int slot, byte[] src, int offset)
        {
            lock (_sync)
            {
                int g = CheckAccess(c, slot, src, offset, "src");
                bool reclaimed = false;
                while (true)
                {
                    int needed;
                    if (TryWrite(c, g, src, offset, out needed)) return StoreResult.Ok;
                    if (!reclaimed && _reclaimer != null && !_inReclaim)
                    {
                        reclaimed = true;
                        bool retry;
                        _inReclaim = true;
                        try
                        {
                            retry = _reclaimer.Reclaim(needed, c);
                        }
                        finally
                        {
                            _inReclaim = false;
                        }
                        // The hook may have released the requester: then there is nowhere to write.
                        if (retry && !c.IsReleased) continue;
                    }
                    _failedWrites++;
                    return StoreResult.NoSpace;
                }
            }
        }

        /// <summary>
        /// One attempt at a write. Returns false (and the arena bytes it needed) when the object does not fit
        /// in the pool or under MemLimit; nothing has changed then.
        /// </summary>
        private bool TryWrite(StoreClient c, int g, byte[] src, int offset, out int needed)
        {
            needed = 0;
            int now = NowUnits();
            uint word;
            if (_sameFilled && SameFilled.Detect(src, offset, _pageSize, out word))
            {
                Release(c, g);
                Install(c, g, SlotTable.Same, SlotTable.Fast, 0, (int)word, 0);
                Slots.Touch(g, now);
                return true;
            }
            int size = _encoder.Compress(src, offset, _pageSize, Scratch, 0, _hugeThreshold - 1);
            bool huge = size == Lz4Block.DoesNotFit;
            if (huge) size = _pageSize;
            int handle = AllocateAdmitted(size);
            if (handle == ZsPool.NoHandle)
            {
                needed = size;
                return false;
            }
            if (huge) _pool.Write(handle, src, offset, size);
            else _pool.Write(handle, Scratch, 0, size);
            Release(c, g);
            NewObject(size, huge);
            Install(c, g, SlotTable.Owned, huge ? SlotTable.Raw : SlotTable.Fast, 0, handle, size);
            Slots.Touch(g, now);
            Changes++;
            return true;
        }

        internal StoreResult ReadSlot(StoreClient c, int slot, byte[] dst, int offset)
        {
            lock (_sync)
            {
                int g = CheckAccess(c, slot, dst, offset, "dst");
                int residence = Slots.Residence(g);
                if (residence == SlotTable.Empty)
                {
                    Array.Clear(dst, offset, _pageSize);
                    return StoreResult.Ok;
                }
                StoreResult r = ReadContent(g, residence, dst, offset);
                Slots.Touch(g, NowUnits());
                if (r != StoreResult.Ok)
                {
                    Array.Clear(dst, offset, _pageSize);
                    _failedReads++;
                }
                return r;
            }
        }

        /// <summary>What each residence and form reads as (Empty is handled by the caller).</summary>
        private StoreResult ReadContent(int g, int residence, byte[] dst, int offset)
        {
            if (residence == SlotTable.Same)
            {
                SameFilled.Fill(dst, offset, _pageSize, (uint)Slots.Value[g]);
                return StoreResult.Ok;
            }
            if (residence == SlotTable.Backed) return ReadBacked(g, dst, offset);
            if (SlotTable.IsRecompressed(Slots.Form(g))) return ReadRecompressed(g, dst, offset);
            int handle = HandleOf(g);
            int size = Slots.Size[g];
            try
            {
                if (Slots.IsHuge(g))
                {
                    _pool.Read(handle, dst, offset, size);
                    return StoreResult.Ok;
                }
                _pool.Read(handle, Scratch, 0, size);
            }
            catch (ObjectSizeMismatchException)
            {
                // The object's size header inside the arena no longer matches the slot: arena corruption.
                return StoreResult.ReadFailed;
            }
            // A damaged compressed block is caught by the safe decoder (wrong length or a malformed block). A
            // raw page, or damage that still decodes to a whole page, is not detectable: like zram, the store
            // keeps no checksums.
            int n = Lz4Decoder.TryDecompress(Scratch, 0, size, dst, offset, _pageSize);
            return n == _pageSize ? StoreResult.Ok : StoreResult.ReadFailed;
        }

        internal void DiscardSlot(StoreClient c, int slot)
        {
            lock (_sync)
            {
                int g = CheckAccess(c, slot);
                _notifyFree++;
                Release(c, g);
            }
        }

        /// <summary>True when slot g is merged with others: residence Shared and its object has other references.</summary>
        internal bool SharesObject(int g)
        {
            return Slots.Residence(g) == SlotTable.Shared && Merge.RefsOf(Slots.Value[g]) > 1;
        }

        /// <summary>The pool handle of a slot holding an object (Owned or Shared).</summary>
        internal int HandleOf(int g)
        {
            return Slots.Residence(g) == SlotTable.Shared ? Merge.HandleOf(Slots.Value[g]) : Slots.Value[g];
        }

        // ---------------------------------------------------------------- checks

        /// <summary>Every entry point that takes a client checks it here: null → ArgumentNullException; another
        /// store's client → ArgumentException, counted in neither store (its slots are not this store's); a released
        /// one → ObjectDisposedException, counted in invalid_io.</summary>
        private void CheckClient(StoreClient c)
        {
            if (c == null) throw new ArgumentNullException("client");
            if (c.Store != this) throw new ArgumentException("the client belongs to another store", "client");
            if (c.IsReleased)
            {
                _invalidIo++;
                throw new ObjectDisposedException("store client released");
            }
        }

        private int CheckAccess(StoreClient c, int slot)
        {
            CheckClient(c);
            if (slot < 0 || slot >= c.SlotCount)
            {
                _invalidIo++;
                throw new ArgumentOutOfRangeException("slot");
            }
            return c.Base + slot;
        }

        private int CheckAccess(StoreClient c, int slot, byte[] buffer, int offset, string bufferName)
        {
            int g = CheckAccess(c, slot);
            if (buffer == null)
            {
                _invalidIo++;
                throw new ArgumentNullException(bufferName);
            }
            if (offset < 0)
            {
                _invalidIo++;
                throw new ArgumentOutOfRangeException("offset");
            }
            if (offset > buffer.Length - _pageSize)
            {
                _invalidIo++;
                throw new ArgumentException("fewer than PageSize bytes from offset", bufferName);
            }
            return g;
        }

        private int NowUnits()
        {
            return (int)(_clock.Milliseconds / _idleUnitMs);
        }
    }
}
