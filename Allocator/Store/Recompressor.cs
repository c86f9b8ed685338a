// Idle recompression (zram's `recompress`, CONFIG_ZRAM_MULTI_COMP, and its trained dictionaries): budgeted
// slices pick pages, decode them and compress them again with the high-compression LZ4 parse
// (Lz4HcEncoder) against a dictionary built from the store's own pages (Lz4DictionaryBuilder). The new form
// is kept only when it takes at least MinSavingsBytes fewer pool bytes (size class, or run frames and tail)
// and stays under the huge threshold; otherwise the page keeps its form and is marked so it is not tried
// again until it is written again. Everything stays an LZ4 block, so reads cost what they cost before.
//
// Candidates: pages whose object is theirs alone — kind Object, kind Indexed with one reference (the merge
// entry is dropped: the new bytes are not what it hashed), and kind Recompressed without a dictionary once
// a dictionary exists. Objects shared by merged pages are left alone (replacing one would touch every
// sharer's slot). Recompressed pages never enter the merge scan (it looks at kind Object only). A page
// written again is compressed by the store's fast encoder and becomes a candidate again when idle.
//
// Dictionary versions (policy: recompress everything on the old dictionary before its buffer is reused).
// There are two dictionary buffers; a slot's flags say whether its block references a dictionary and which
// buffer. A build (Count pass, then Select pass over up to SamplePages pages with objects, a stride apart;
// huge pages skipped) writes into the buffer no page references and then becomes the current dictionary,
// with version + 1. Slices first migrate pages on the previous buffer to the current one (decode with the
// old, recompress with the new, kept whatever the gain; a page that no longer fits under the huge threshold
// is stored raw), and a new build starts only when no page references the previous buffer. So every page
// decodes at all times, and at most two dictionaries are held. The first build starts on its own once the
// pool holds SamplePages objects; RequestDictionary asks for a rebuild from the current pages.
//
// Room: the new form is allocated before the old one is freed; in a full pool (or at MemLimit) the old one
// is freed first, its bytes kept in the store's scratch, and put back in the room it left if the new form
// finds none (PageStore.ReplaceObjectFreeingFirst), so recompression works on a store written until full.
//
// Budget units (Slice): one per slot examined, PageCost more per page decoded and compressed (a
// recompression, a migration, or one page of a dictionary-build pass). A slice does migration, then
// dictionary building, then recompression (none while a build is under way), as the budget allows; it
// returns 0 when a whole lap of the slot table found nothing to do (pages whose new form found no room
// count as nothing done; compaction, the store's own idle work, may make room for them).
// Memory: allocated in the constructor (WorkingBytes); no allocation per call. The dictionary builder
// counts in the HC encoder's chain array (scratch between compressions), so a build costs no RAM beyond
// the candidate segments. Under the store's lock.
using System;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class Recompressor
    {
        /// <summary>Budget units for one page decoded and compressed (against one per slot examined).</summary>
        public const int PageCost = 16;

        /// <summary>The recompressor's own objects on the device (fields and array headers), counted in WorkingBytes.</summary>
        private const int FixedObjectBytes = 12 * 40;

        private readonly PageStore _store;
        private readonly ZsPool _pool;
        private readonly SlotTable _slots;
        private readonly object _sync;
        private readonly Lz4HcEncoder _hc;
        private readonly Lz4DictionaryBuilder _builder; // null without a dictionary
        private readonly byte[][] _dict;
        private readonly int[] _dictLength = new int[2];
        private readonly int[] _dictVersion = new int[2];
        private readonly int[] _dictRefs = new int[2];
        private readonly byte[] _page;  // the decoded page: the HC encoder's input area (no copy, no buffer of its own)
        private readonly int _pageAt;   // where it starts in _page
        private readonly byte[] _out;   // the new compressed form (the old one is in the store's Scratch)
        private readonly PoolStats _poolStats = new PoolStats();
        private readonly int _pageSize;
        private readonly int _minSavings;
        private readonly int _samplePages;

        private int _active = -1;       // buffer of the current dictionary, -1 = none yet
        private int _version;
        private int _cursor;
        private int _migrateCursor;
        private int _emptyRun;          // slots examined since the last candidate

        // Dictionary build: phase 0 none, 1 counting, 2 selecting.
        private int _buildPhase;
        private int _buildCursor;
        private int _buildSeen;
        private int _buildTaken;
        private int _buildStride;
        private bool _rebuildRequested;
        private bool _autoBuildDone;

        private int _pagesRecompressed;
        private long _recompressedTotal;
        private long _rejected;
        private long _bytesSaved;
        private long _migrated;
        private long _builds;

        /// <summary>Makes a recompressor for `store` and attaches it (one per store: InvalidOperationException otherwise).</summary>
        public Recompressor(PageStore store, RecompressConfig config)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (config == null) throw new ArgumentNullException("config");
            RecompressConfig c = config.Clone();
            c.Validate();
            _store = store;
            _pool = store.Pool;
            _slots = store.Slots;
            _sync = store.SyncRoot;
            _pageSize = store.PageSize;
            _minSavings = c.MinSavingsBytes;
            _samplePages = c.SamplePages;
            _hc = new Lz4HcEncoder(_pageSize, c.DictionaryBytes, c.HashBits, c.Level);
            _dict = new byte[2][];
            _dict[0] = new byte[c.DictionaryBytes];
            _dict[1] = new byte[c.DictionaryBytes];
            // The builder counts in the encoder's chain: a build never overlaps a compression.
            if (c.DictionaryBytes > 0)
                _builder = new Lz4DictionaryBuilder(c.DictionaryBytes, _hc.ChainScratch, Lz4DictionaryBuilder.DefaultSegmentLength, Lz4DictionaryBuilder.DefaultPicksPerPage);
            _page = _hc.InputArea;
            _pageAt = _hc.InputAreaOffset;
            _out = new byte[_pageSize];
            store.AttachRecompressor(this);
        }

        /// <summary>RAM held (encoder, builder, dictionary buffers, page buffers, own objects), in bytes.</summary>
        public int WorkingBytes
        {
            get
            {
                return _hc.WorkingBytes + (_builder != null ? _builder.WorkingBytes : 0) + 2 * _dict[0].Length + _out.Length
                    + FixedObjectBytes;
            }
        }

        /// <summary>Version of the current dictionary (1, 2, ...; 0 = none yet).</summary>
        public int DictionaryVersion { get { lock (_sync) { return _active < 0 ? 0 : _dictVersion[_active]; } } }

        /// <summary>True while a dictionary build is under way (recompression waits for it).</summary>
        public bool Building { get { lock (_sync) { return _buildPhase != 0; } } }

        /// <summary>Asks for a new dictionary from the current pages; it is built by later slices (no-op without a dictionary).</summary>
        public void RequestDictionary()
        {
            lock (_sync)
            {
                if (_builder != null) _rebuildRequested = true;
            }
        }

        /// <summary>
        /// One idle slice: migration off the previous dictionary, dictionary building, then recompression of
        /// the pages `type` selects, within `budget` units (see the file comment). Returns units used; 0 when
        /// there was nothing to do.
        /// </summary>
        public int Slice(int budget, RecompressType type)
        {
            if (budget < 1) throw new ArgumentOutOfRangeException("budget");
            if (type < RecompressType.All || type > RecompressType.HugeIdle) throw new ArgumentOutOfRangeException("type");
            lock (_sync)
            {
                int used = 0;
                if (_active >= 0 && _dictRefs[1 - _active] > 0) used += MigrateStep(budget);
                if (used < budget && _builder != null)
                {
                    if (_buildPhase == 0 && BuildDue()) StartBuild();
                    if (_buildPhase != 0) used += BuildStep(budget - used);
                }
                if (used < budget && _buildPhase == 0) used += RecompressStep(budget - used, type);
                return used;
            }
        }

        public void GetStats(RecompressStats s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (_sync)
            {
                s.PagesRecompressed = _pagesRecompressed;
                s.PagesWithDictionary = _dictRefs[0] + _dictRefs[1];
                s.PagesOnOldDictionary = _active < 0 ? 0 : _dictRefs[1 - _active];
                s.RecompressedTotal = _recompressedTotal;
                s.Rejected = _rejected;
                s.BytesSaved = _bytesSaved;
                s.DictionaryBytes = _active < 0 ? 0 : _dictLength[_active];
                s.DictionaryVersion = _active < 0 ? 0 : _dictVersion[_active];
                s.DictionaryBuilds = _builds;
                s.Migrated = _migrated;
                s.WorkingBytes = WorkingBytes;
            }
        }

        // ---------------------------------------------------------------- candidates and recompression

        private bool Matches(int state, RecompressType type)
        {
            bool idle = (state & SlotTable.IdleFlag) != 0;
            bool huge = (state & SlotTable.HugeFlag) != 0;
            switch (type)
            {
                case RecompressType.Idle: return idle;
                case RecompressType.Huge: return huge;
                case RecompressType.HugeIdle: return huge && idle;
                default: return true;
            }
        }

        private bool IsCandidate(int g, RecompressType type)
        {
            int state = _slots.State[g];
            int kind = state & SlotTable.KindMask;
            if ((state & SlotTable.RecompressTriedFlag) != 0 || !Matches(state, type)) return false;
            if (kind == SlotTable.Object) return true;
            if (kind == SlotTable.Indexed) return _store.Merge.RefsOf(_slots.Value[g]) == 1;
            if (kind == SlotTable.Recompressed) return _active >= 0 && (state & SlotTable.DictFlag) == 0;
            return false;
        }

        private int RecompressStep(int budget, RecompressType type)
        {
            int n = _slots.Count;
            int used = 0;
            bool found = false;
            if (_emptyRun >= n) _emptyRun = 0; // the last lap found nothing: look again (pages may have turned idle)
            while (used < budget && _emptyRun < n)
            {
                int g = _cursor;
                _cursor = g + 1 == n ? 0 : g + 1;
                used++;
                _emptyRun++;
                if (!IsCandidate(g, type)) continue;
                used += PageCost;
                // A page that found no room for its new form is not progress: a lap of those ends the work.
                if (Recompress(g, false) == NoRoom) continue;
                _emptyRun = 0;
                found = true;
            }
            return found || _emptyRun < n ? used : 0;
        }

        // Pool bytes an object of `size` takes: its run frames plus its slot's size class.
        private int Footprint(int size)
        {
            int frames = _pool.RunFramesOf(size);
            int slot = _pool.SlotBytesOf(size);
            int cls = _pool.Classes.ClassFor(slot);
            int frameSize = 1 << _pool.Frames.FrameShift;
            int classBytes = cls >= 0 ? _pool.Classes.SizeOf(cls) : (slot + frameSize - 1) / frameSize * frameSize;
            return frames * frameSize + classBytes;
        }

        private const int Replaced = 0;
        private const int Kept = 1;   // no gain (marked), or a corrupt object (marked)
        private const int NoRoom = 2; // the pool (or MemLimit) had no room for the new form even after a compaction slice

        // Decodes slot g into _page, recompresses it with the current dictionary and keeps the new form when
        // it saves enough (always when migrating off an old dictionary). Returns Replaced, Kept or NoRoom.
        private int Recompress(int g, bool migrating)
        {
            if (_buildPhase != 0) throw new InvalidOperationException("compressing while the builder holds the encoder's chain");
            int state = _slots.State[g];
            int oldSize = _slots.Size[g];
            if (!ReadPage(g))
            {
                // A corrupt object: leave it for the reader to report; never try it again.
                _slots.State[g] = (byte)(state | SlotTable.RecompressTriedFlag);
                return Kept;
            }
            int d = _active;
            byte[] dict = d >= 0 ? _dict[d] : null;
            int dictLength = d >= 0 ? _dictLength[d] : 0;
            int capacity = _store.HugeThreshold - 1;
            if (!migrating && oldSize - 1 < capacity) capacity = oldSize - 1;
            int n = capacity > 0 ? _hc.Compress(_page, _pageAt, _pageSize, _out, 0, capacity, dict, 0, dictLength) : Lz4Block.DoesNotFit;
            if (!migrating && (n == Lz4Block.DoesNotFit || Footprint(n) + _minSavings > Footprint(oldSize)))
            {
                _slots.State[g] = (byte)(state | SlotTable.RecompressTriedFlag);
                _rejected++;
                return Kept;
            }
            int kind, flags, size, fromAt;
            byte[] from;
            if (n == Lz4Block.DoesNotFit)
            {
                kind = SlotTable.Object; // migrating a page that no longer compresses under the threshold: raw
                flags = SlotTable.HugeFlag;
                from = _page;
                fromAt = _pageAt;
                size = _pageSize;
            }
            else
            {
                kind = SlotTable.Recompressed;
                flags = dictLength > 0 ? SlotTable.DictFlag | (d == 1 ? SlotTable.DictSlotFlag : 0) : 0;
                from = _out;
                fromAt = 0;
                size = n;
            }
            // The new form is allocated before the old one is freed when there is room (under MemLimit too).
            // In a full pool the old one is freed first — its bytes are kept in the store's scratch (or the
            // decoded page, for a raw one) and go back into the room they left if the new form finds none.
            int handle = _pool.Malloc(size);
            if (handle != ZsPool.NoHandle && !_store.AdmitReplacement())
            {
                _pool.Free(handle); // over MemLimit with both forms: try the freeing-first way
                handle = ZsPool.NoHandle;
            }
            if (handle != ZsPool.NoHandle)
            {
                _pool.Write(handle, from, fromAt, size);
                _store.ReplaceObject(g, handle, size, kind, flags);
            }
            else
            {
                int oldKind = state & SlotTable.KindMask;
                int oldFlags = state & ~(SlotTable.KindMask | SlotTable.IdleFlag);
                bool oldRaw = (state & SlotTable.HugeFlag) != 0;
                if (!_store.ReplaceObjectFreeingFirst(g, from, fromAt, size, kind, flags, oldRaw ? _page : _store.Scratch,
                                                      oldRaw ? _pageAt : 0, oldSize, oldKind, oldFlags)) return NoRoom;
            }
            _bytesSaved += oldSize - size;
            if (migrating) _migrated++;
            else _recompressedTotal++;
            return Replaced;
        }

        // Decodes slot g (any kind holding an object) into _page; false for a corrupt object.
        private bool ReadPage(int g)
        {
            int state = _slots.State[g];
            int kind = state & SlotTable.KindMask;
            int handle = kind == SlotTable.Indexed ? _store.Merge.HandleOf(_slots.Value[g]) : _slots.Value[g];
            int size = _slots.Size[g];
            byte[] scratch = _store.Scratch;
            try
            {
                if ((state & SlotTable.HugeFlag) != 0)
                {
                    _pool.Read(handle, _page, _pageAt, _pageSize);
                    return true;
                }
                // The compressed bytes stay in the store's scratch until the slot has its new form (see Recompress).
                _pool.Read(handle, scratch, 0, size);
            }
            catch (ObjectSizeMismatchException)
            {
                return false; // arena corruption: the reader reports it (ReadFailed); recompression leaves the page
            }
            if (kind == SlotTable.Recompressed) return Decode(state, scratch, size, _page, _pageAt);
            return Lz4Decoder.TryDecompress(scratch, 0, size, _page, _pageAt, _pageSize) == _pageSize;
        }

        /// <summary>Decodes a recompressed block (slot state `state`) of `size` bytes into dst[offset..+PageSize).</summary>
        internal bool Decode(int state, byte[] src, int size, byte[] dst, int offset)
        {
            int n;
            if ((state & SlotTable.DictFlag) == 0)
            {
                n = Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize);
            }
            else
            {
                int d = (state & SlotTable.DictSlotFlag) != 0 ? 1 : 0;
                n = Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize, _dict[d], 0, _dictLength[d]);
            }
            return n == _pageSize;
        }

        /// <summary>The store gave a slot a recompressed form (slot state `state`): count it in.</summary>
        internal void Attached(int state)
        {
            _pagesRecompressed++;
            if ((state & SlotTable.DictFlag) != 0) _dictRefs[(state & SlotTable.DictSlotFlag) != 0 ? 1 : 0]++;
        }

        /// <summary>The store dropped a recompressed form (slot state `state`): count it out.</summary>
        internal void Dropped(int state)
        {
            _pagesRecompressed--;
            if ((state & SlotTable.DictFlag) != 0) _dictRefs[(state & SlotTable.DictSlotFlag) != 0 ? 1 : 0]--;
        }

        // ---------------------------------------------------------------- dictionary versions

        private int MigrateStep(int budget)
        {
            int n = _slots.Count;
            int old = 1 - _active;
            int oldFlags = SlotTable.DictFlag | (old == 1 ? SlotTable.DictSlotFlag : 0);
            int used = 0;
            for (int examined = 0; examined < n && used < budget && _dictRefs[old] > 0; examined++)
            {
                int g = _migrateCursor;
                _migrateCursor = g + 1 == n ? 0 : g + 1;
                used++;
                int state = _slots.State[g];
                if ((state & SlotTable.KindMask) != SlotTable.Recompressed) continue;
                if ((state & (SlotTable.DictFlag | SlotTable.DictSlotFlag)) != oldFlags) continue;
                used += PageCost;
                Recompress(g, true);
            }
            return used;
        }

        private bool BuildDue()
        {
            if (_dictRefs[_active < 0 ? 0 : 1 - _active] > 0) return false; // the free buffer is not free yet
            if (_rebuildRequested) return true;
            if (_active >= 0 || _autoBuildDone) return false;
            _pool.GetStats(_poolStats);
            return _poolStats.ObjectsInUse >= _samplePages;
        }

        private void StartBuild()
        {
            _builder.Reset();
            _pool.GetStats(_poolStats);
            _buildStride = _poolStats.ObjectsInUse / _samplePages;
            if (_buildStride < 1) _buildStride = 1;
            _buildPhase = 1;
            _buildCursor = 0;
            _buildSeen = 0;
            _buildTaken = 0;
            _rebuildRequested = false;
            _autoBuildDone = true;
        }

        private int BuildStep(int budget)
        {
            int n = _slots.Count;
            int used = 0;
            while (used < budget)
            {
                if (_buildCursor >= n || _buildTaken >= _samplePages)
                {
                    used++;
                    if (_buildPhase == 1)
                    {
                        _buildPhase = 2;
                        _buildCursor = 0;
                        _buildSeen = 0;
                        _buildTaken = 0;
                        continue;
                    }
                    FinishBuild();
                    break;
                }
                int g = _buildCursor++;
                used++;
                int state = _slots.State[g];
                if (!_slots.HasObject(g) || (state & SlotTable.HugeFlag) != 0) continue;
                if (_buildSeen++ % _buildStride != 0) continue;
                used += PageCost;
                if (!ReadPage(g)) continue;
                _buildTaken++;
                if (_buildPhase == 1) _builder.Count(_page, _pageAt, _pageSize);
                else _builder.Select(_page, _pageAt, _pageSize);
            }
            return used;
        }

        private void FinishBuild()
        {
            _buildPhase = 0;
            int b = _active < 0 ? 0 : 1 - _active;
            if (_dictRefs[b] != 0) throw new InvalidOperationException("dictionary buffer still referenced");
            int length = _builder.Finish(_dict[b], 0);
            if (length == 0) return; // the samples share nothing: keep what there is
            _dictLength[b] = length;
            _dictVersion[b] = ++_version;
            _active = b;
            _builds++;
        }

        // ---------------------------------------------------------------- invariants

        /// <summary>Recounts recompressed slots and dictionary references from the slot table (tests; O(SlotCount)).</summary>
        internal void CheckInvariants()
        {
            int pages = 0, refs0 = 0, refs1 = 0;
            int n = _slots.Count;
            for (int g = 0; g < n; g++)
            {
                int state = _slots.State[g];
                int kind = state & SlotTable.KindMask;
                if (kind != SlotTable.Recompressed)
                {
                    // Bits 0x20/0x40 mean something else (or nothing) on other kinds; on these they must be clear.
                    if ((state & (SlotTable.DictFlag | SlotTable.DictSlotFlag)) != 0
                        && (kind == SlotTable.Object || kind == SlotTable.Indexed || kind == SlotTable.Same))
                        throw new InvalidOperationException("dictionary flags on a slot that is not recompressed");
                    continue;
                }
                pages++;
                if ((state & SlotTable.HugeFlag) != 0) throw new InvalidOperationException("recompressed slot flagged huge");
                if ((state & SlotTable.DictFlag) == 0) continue;
                int d = (state & SlotTable.DictSlotFlag) != 0 ? 1 : 0;
                if (_dictLength[d] == 0) throw new InvalidOperationException("slot references an empty dictionary buffer");
                if (d == 0) refs0++;
                else refs1++;
            }
            if (pages != _pagesRecompressed || refs0 != _dictRefs[0] || refs1 != _dictRefs[1])
                throw new InvalidOperationException("recompression counters differ from the slot table");
            if (_active >= 0 && _dictLength[_active] == 0) throw new InvalidOperationException("current dictionary empty");
            if (_buildPhase != 0 && _dictRefs[_active < 0 ? 0 : 1 - _active] != 0)
                throw new InvalidOperationException("building into a referenced dictionary buffer");
        }
    }
}
