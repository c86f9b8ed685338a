// Idle recompression (zram's `recompress`, CONFIG_ZRAM_MULTI_COMP, and its trained dictionaries): budgeted
// slices pick pages, decode them and compress them again with the high-compression LZ4 parse (Lz4HcEncoder)
// against a dictionary built from the store's own pages (Lz4DictionaryBuilder). The new form is kept only
// when it takes at least MinSavingsBytes fewer pool bytes (size class, or run frames and tail) and stays
// under the huge threshold; otherwise the page keeps its form and is marked so it is not tried again until
// it is written again. Everything stays an LZ4 block, so reads cost what they cost before.
//
// Candidates: kind Object, kind Indexed holding a fast block (with one reference the object and its merge
// entry are replaced; a shared one, once there is a dictionary, stays for its other slots and this slot gets
// a copy of its own: PageStore.ReplaceObject), and kind Recompressed without a dictionary once a dictionary
// exists. Merging and recompression compose: a block made against a dictionary is seen by the merge scan
// (identical pages against the same dictionary give identical blocks), so the copies of a shared page, and a
// duplicate written after its twin was recompressed, end up as one shared dictionary block (Indexed with the
// dictionary flags; the counts below are per slot, so a merge changes none). A block made without a
// dictionary is not merged (an Indexed slot could not tell it from a fast block). A page written again is
// compressed by the store's fast encoder and becomes a candidate again when idle; one written back goes out in
// the fast form (PageStore.Writeback.cs, DecodePage).
//
// Dictionary versions (policy: recompress everything on the old dictionary before its buffer is reused).
// There are two dictionary buffers; a slot's flags say whether its block references a dictionary and which
// buffer (on kinds Recompressed and Indexed). A build (Count pass, then Select pass over up to SamplePages
// pages with objects, a stride apart; huge pages and objects several slots share skipped) writes into the
// buffer no page references and then becomes the current dictionary, with version + 1. Slices first migrate
// pages on the previous buffer to the current one (decode with the old, recompress with the new, kept
// whatever the gain; a page that no longer fits under the huge threshold is stored raw), and a new build
// starts only when no page references the previous buffer. So every page decodes at all times, and at most
// two dictionaries are held. The first build starts on its own once the pool holds SamplePages objects;
// RequestDictionary asks for a rebuild from the current pages.
//
// Room: the new form is allocated before the old one is freed; in a full pool (or at MemLimit) the old one
// is freed first, and if the new form finds no room the old form is made again from the decoded page (the
// encoders are deterministic: OldForm) and put back in the room it left
// (PageStore.ReplaceObjectFreeingFirst), so recompression works on a store written until full.
//
// Budget units (Slice): one per slot examined, PageCost more per page decoded and compressed (a
// recompression, a migration, or one page of a dictionary-build pass). A slice does migration, then
// dictionary building, then recompression (none while a build is under way), as the budget allows; it
// returns 0 when a whole lap of the slot table found nothing to do (pages whose new form found no room count
// as nothing done; compaction, the store's own idle work, may make room for them). Memory: allocated in the
// constructor (WorkingBytes); no allocation per call. Idle working memory is shared rather than held twice:
// compressed forms (old, read from the pool, and new, from the HC encoder) go through the store's page-sized
// scratch; the HC head table is the store's fast-encoder hash table; the decoded page is written straight
// into the HC encoder's input area; the dictionary builder counts in the HC encoder's chain array (scratch
// between compressions) and keeps its candidate segments in the dictionary buffer it builds into (no page
// references it then). Under the store's lock.
using System;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class Recompressor
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 36;

        /// <summary>Budget units for one page decoded and compressed (against one per slot examined).</summary>
        public const int PageCost = 16;

        /// <summary>
        /// Objects on the device, counted in WorkingBytes (a 12-byte header block each, 12 per field):
        /// Recompressor, its Lz4HcEncoder and Lz4DictionaryBuilder (when there is one); each declares DeviceFields.
        /// </summary>
        private const int RecompressorObjectBytes = 12 + 12 * DeviceFields;
        private const int EncoderObjectBytes = 12 + 12 * Lz4HcEncoder.DeviceFields;
        private const int BuilderObjectBytes = 12 + 12 * Lz4DictionaryBuilder.DeviceFields;

        private readonly PageStore _store;
        private readonly ZsPool _pool;
        private readonly SlotTable _slots;
        private readonly object _sync;
        private readonly Lz4HcEncoder _hc;
        private readonly Lz4DictionaryBuilder _builder; // null without a dictionary
        // Dictionary buffers, by the slot flag's index 0/1: the array holding it (the HC encoder's window, for
        // the current dictionary, or the spare buffer) and where it starts. A dictionary is kept right-aligned
        // (ending at DictionaryBytes) in either, so exchanging the two regions moves one to the other intact.
        private readonly byte[][] _dict;
        private readonly int[] _dictAt = new int[2];
        private readonly byte[] _spare;
        private readonly int _dictCapacity;
        private readonly int[] _dictLength = new int[2];
        private readonly int[] _dictVersion = new int[2];
        private readonly int[] _dictRefs = new int[2];
        private readonly byte[] _page;  // the decoded page: the HC encoder's input area (no copy, no buffer of its own)
        private readonly int _pageAt;   // where it starts in _page
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
            // The HC head table is the store's fast-encoder hash table when that is large enough: both run
            // under the store's lock and clear the table at every call.
            ushort[] table = store.EncoderTableScratch;
            _hc = new Lz4HcEncoder(_pageSize, c.DictionaryBytes, c.HashBits, c.Level, table.Length >= (1 << c.HashBits) ? table : null,
                                   c.ChainBits == 0 ? 0 : 1 << c.ChainBits);
            // The current dictionary lives in the HC window, in front of the input (no copy per compression);
            // the spare buffer holds the previous one while pages still reference it, or a build's segments.
            _dictCapacity = c.DictionaryBytes;
            _spare = new byte[c.DictionaryBytes];
            _dict = new byte[2][];
            _dict[0] = _spare;
            _dict[1] = _hc.InputArea;
            // The builder counts in the encoder's chain: a build never overlaps a compression.
            if (c.DictionaryBytes > 0)
                _builder = new Lz4DictionaryBuilder(c.DictionaryBytes, _hc.ChainScratch, c.SegmentLength, c.PicksPerPage, c.SampleBits, true);
            _page = _hc.InputArea;
            _pageAt = _hc.InputAreaOffset;
            store.AttachRecompressor(this);
        }

        /// <summary>
        /// RAM held (encoder, builder scores, dictionary buffers, own objects), in bytes. Borrowed and not
        /// counted again: the store's scratch (compressed forms) and fast-encoder hash table (HC head table).
        /// </summary>
        public int WorkingBytes
        {
            get
            {
                int window = _hc.InputArea.Length;
                int chain = 2 * _hc.ChainEntries;
                int ownHead = _hc.WorkingBytes - window - chain; // 0 when borrowed from the store
                int bytes = RecompressorObjectBytes + EncoderObjectBytes
                    + StoreMath.ArrayBytes(8) + 4 * StoreMath.ArrayBytes(8) // _dict, _dictAt/_dictLength/_dictVersion/_dictRefs
                    + StoreMath.ArrayBytes(_spare.Length) + StoreMath.ArrayBytes(window) + StoreMath.ArrayBytes(chain)
                    + (ownHead > 0 ? StoreMath.ArrayBytes(ownHead) : 0);
                if (_builder != null) bytes += BuilderObjectBytes + StoreMath.ArrayBytes(_builder.WorkingBytes); // its scores
                return bytes;
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

        private bool Matches(int g, RecompressType type)
        {
            bool idle = _slots.IsIdle(g);
            bool huge = _slots.IsHuge(g);
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
            if (!_slots.HasObject(g) || _slots.WasTried(g) || !Matches(g, type)) return false;
            int form = _slots.Form(g);
            if (SlotTable.DictionaryOf(form) >= 0) return false; // a dictionary block only migrates
            bool dictionary = _active >= 0 && _dictLength[_active] > 0;
            // A block made without a dictionary is made again only with one.
            if (form == SlotTable.Hc) return dictionary;
            // A shared object is unshared into copies only when they will be dictionary blocks, which the
            // merge scan shares again; copies without a dictionary would stay apart and cost more.
            return !_store.SharesObject(g) || dictionary;
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
            return _pool.FootprintOf(size);
        }

        private const int Replaced = 0;
        private const int Kept = 1;   // no gain (marked), or a corrupt object (marked)
        private const int NoRoom = 2; // the pool (or MemLimit) had no room for the new form even after a compaction slice

        // Decodes slot g into _page, recompresses it with the current dictionary and keeps the new form when
        // it saves enough (always when migrating off an old dictionary). Returns Replaced, Kept or NoRoom.
        private int Recompress(int g, bool migrating)
        {
            if (_buildPhase != 0) throw new InvalidOperationException("compressing while the builder holds the encoder's chain");
            int oldForm = _slots.Form(g);
            int oldSize = _slots.Size[g];
            if (!ReadPage(g))
            {
                // A corrupt object: leave it for the reader to report; never try it again.
                _slots.MarkTried(g);
                return Kept;
            }
            int d = _active;
            byte[] dict = d >= 0 ? _dict[d] : null; // the HC window: no copy
            int dictAt = d >= 0 ? _dictAt[d] : 0;
            int dictLength = d >= 0 ? _dictLength[d] : 0;
            int capacity = _store.HugeThreshold - 1;
            if (!migrating && oldSize - 1 < capacity) capacity = oldSize - 1;
            // The old compressed bytes in the store's scratch are decoded already: the new form goes there.
            byte[] scratch = _store.Scratch;
            int n = capacity > 0 ? _hc.Compress(_page, _pageAt, _pageSize, scratch, 0, capacity, dict, dictAt, dictLength) : Lz4Block.DoesNotFit;
            if (!migrating && (n == Lz4Block.DoesNotFit || Footprint(n) + _minSavings > Footprint(oldSize)))
            {
                _slots.MarkTried(g);
                _rejected++;
                return Kept;
            }
            int form, size, fromAt;
            byte[] from;
            if (n == Lz4Block.DoesNotFit)
            {
                form = SlotTable.Raw; // migrating a page that no longer compresses under the threshold
                from = _page;
                fromAt = _pageAt;
                size = _pageSize;
            }
            else
            {
                form = SlotTable.HcForm(dictLength > 0 ? d : -1);
                from = scratch;
                fromAt = 0;
                size = n;
            }
            // The new form is allocated before the old one is freed when there is room (under MemLimit too).
            // In a full pool the old one is freed first; if the new form then finds no room, the old form is
            // made again from the decoded page (OldForm) and goes back into the room it left. A shared object
            // stays for its other slots: this slot gets a copy of its own (PageStore.ReplaceObject), which
            // needs room beside it; the merge scan shares the copies again, and bytes_saved counts only
            // replaced forms.
            bool shared = _store.SharesObject(g);
            int handle = _store.AllocateAdmitted(size); // NoHandle also when both forms would pass MemLimit
            if (handle != ZsPool.NoHandle)
            {
                _pool.Write(handle, from, fromAt, size);
                _store.ReplaceObject(g, handle, size, form);
            }
            else
            {
                if (shared) return NoRoom;
                if (!_store.ReplaceObjectFreeingFirst(g, from, fromAt, size, form, oldForm, oldSize)) return NoRoom;
            }
            if (!shared) _bytesSaved += oldSize - size;
            if (migrating) _migrated++;
            else _recompressedTotal++;
            return Replaced;
        }

        // Decodes slot g (any kind holding an object) into _page; false for a corrupt object.
        private bool ReadPage(int g)
        {
            int form = _slots.Form(g);
            int handle = _store.HandleOf(g);
            int size = _slots.Size[g];
            byte[] scratch = _store.Scratch;
            try
            {
                if (form == SlotTable.Raw)
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
            if (SlotTable.IsRecompressed(form)) return Decode(form, scratch, size, _page, _pageAt);
            return Lz4Decoder.TryDecompress(scratch, 0, size, _page, _pageAt, _pageSize) == _pageSize;
        }

        /// <summary>
        /// Decodes slot g's page (any kind with an object; a recompressed one with its dictionary) into
        /// PageArea[PageAreaOffset..): writeback writes a recompressed page in the store's fast form. False
        /// when the object is damaged. Uses the store's scratch for the compressed bytes. Under the store's lock.
        /// </summary>
        internal bool DecodePage(int g)
        {
            return ReadPage(g);
        }

        /// <summary>Where DecodePage puts a page (the HC encoder's input area).</summary>
        internal byte[] PageArea { get { return _page; } }

        internal int PageAreaOffset { get { return _pageAt; } }

        /// <summary>
        /// The old form of the page being recompressed (`form`, `size` bytes), made again from the decoded
        /// page: the page itself for a raw one; the store's fast encoder for a fast one (that is how it was
        /// made: the encoder clears its table per call, so it gives the same bytes); the HC encoder with the
        /// slot's dictionary, if any (still held: the slot referenced it), for a recompressed one. Written into the store's scratch (the new form there found no room); returns the array and
        /// its offset. Throws InvalidOperationException if the bytes come out at another size (never, while
        /// the encoders stay deterministic).
        /// </summary>
        internal byte[] OldForm(int form, int size, out int offset)
        {
            if (form == SlotTable.Raw)
            {
                offset = _pageAt;
                return _page;
            }
            byte[] scratch = _store.Scratch;
            int n;
            if (SlotTable.IsRecompressed(form))
            {
                int d = SlotTable.DictionaryOf(form);
                // The HC encoder reads a dictionary in its window: one in the spare buffer (the previous
                // dictionary, while migrating) is exchanged into the window for this call and back.
                bool exchange = d >= 0 && _dict[d] == _spare;
                if (exchange) ExchangeDictionaries();
                n = _hc.Compress(_page, _pageAt, _pageSize, scratch, 0, size, d < 0 ? null : _dict[d], d < 0 ? 0 : _dictAt[d], d < 0 ? 0 : _dictLength[d]);
                if (exchange) ExchangeDictionaries();
            }
            else
            {
                n = _store.FastCompress(_page, _pageAt, scratch);
            }
            if (n != size) throw new InvalidOperationException("the old form of a page came out at another size");
            offset = 0;
            return scratch;
        }

        /// <summary>Decodes a recompressed block (`form`) of `size` bytes into dst[offset..+PageSize).</summary>
        internal bool Decode(int form, byte[] src, int size, byte[] dst, int offset)
        {
            int n;
            int d = SlotTable.DictionaryOf(form);
            if (d < 0)
            {
                n = Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize);
            }
            else
            {
                n = Lz4Decoder.TryDecompress(src, 0, size, dst, offset, _pageSize, _dict[d], _dictAt[d], _dictLength[d]);
            }
            return n == _pageSize;
        }

        /// <summary>The store gave a slot a recompressed `form`: count it in.</summary>
        internal void Attached(int form)
        {
            _pagesRecompressed++;
            int d = SlotTable.DictionaryOf(form);
            if (d >= 0) _dictRefs[d]++;
        }

        /// <summary>The store dropped a slot's recompressed `form`: count it out.</summary>
        internal void Dropped(int form)
        {
            _pagesRecompressed--;
            int d = SlotTable.DictionaryOf(form);
            if (d >= 0) _dictRefs[d]--;
        }

        // ---------------------------------------------------------------- dictionary versions

        private int MigrateStep(int budget)
        {
            int n = _slots.Count;
            int old = 1 - _active;
            int oldForm = SlotTable.HcForm(old);
            int used = 0;
            for (int examined = 0; examined < n && used < budget && _dictRefs[old] > 0; examined++)
            {
                int g = _migrateCursor;
                _migrateCursor = g + 1 == n ? 0 : g + 1;
                used++;
                if (!_slots.HasObject(g) || _slots.Form(g) != oldForm) continue;
                used += PageCost;
                Recompress(g, true); // a shared one moves as a copy of its own (merged again by the scan); NoRoom: next lap
            }
            return used;
        }

        private bool BuildDue()
        {
            if (_dictRefs[_active < 0 ? 0 : 1 - _active] > 0) return false; // the free buffer is not free yet
            if (_rebuildRequested) return true;
            if (_active >= 0 || _autoBuildDone) return false;
            return _pool.ObjectsInUse >= _samplePages;
        }

        private void StartBuild()
        {
            int b = _active < 0 ? 0 : 1 - _active;
            _dictLength[b] = 0; // no page references it (BuildDue); the build's segments live in it until Finish
            if (_dict[b] != _spare) throw new InvalidOperationException("the free dictionary buffer is not the spare");
            _builder.Reset(_spare);
            _buildStride = _pool.ObjectsInUse / _samplePages;
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
                if (!_slots.HasObject(g) || _slots.IsHuge(g)) continue;
                // An object several slots share is not sampled: counted once per sharer, its strings would look
                // common and fill the dictionary with content the merge already stores once.
                if (_store.SharesObject(g)) continue;
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
            int length = _builder.Finish(_spare, 0);
            if (length == 0) return; // the samples share nothing: keep what there is
            // Right-align the new dictionary in the spare buffer, then exchange it into the window (the
            // previous one, if any, goes to the spare buffer).
            for (int i = length - 1; i >= 0; i--) _spare[_dictCapacity - length + i] = _spare[i];
            _dictLength[b] = length;
            _dictAt[b] = _dictCapacity - length;
            ExchangeDictionaries();
            _dictVersion[b] = ++_version;
            _active = b;
            _builds++;
        }

        // Exchanges the spare buffer with the window's dictionary area (DictionaryBytes each, byte by byte: no
        // buffer) and the two buffers' places; offsets stay (both right-aligned).
        private void ExchangeDictionaries()
        {
            byte[] w = _hc.InputArea;
            int at = _hc.DictionaryAreaEnd - _dictCapacity;
            for (int i = 0; i < _dictCapacity; i++)
            {
                byte x = _spare[i];
                _spare[i] = w[at + i];
                w[at + i] = x;
            }
            byte[] t = _dict[0];
            _dict[0] = _dict[1];
            _dict[1] = t;
        }

        // ---------------------------------------------------------------- invariants

        /// <summary>Recounts recompressed slots and dictionary references from the slot table (tests; O(SlotCount)).</summary>
        internal void CheckInvariants()
        {
            int pages = 0, refs0 = 0, refs1 = 0;
            int n = _slots.Count;
            for (int g = 0; g < n; g++)
            {
                int form = _slots.Form(g);
                if (!SlotTable.IsRecompressed(form)) continue;
                if (!_slots.HasObject(g)) throw new InvalidOperationException("a recompressed form on a slot without an object");
                pages++;
                int d = SlotTable.DictionaryOf(form);
                if (d < 0) continue;
                if (_dictLength[d] == 0) throw new InvalidOperationException("slot references an empty dictionary buffer");
                if (d == 0) refs0++;
                else refs1++;
            }
            if (pages != _pagesRecompressed || refs0 != _dictRefs[0] || refs1 != _dictRefs[1])
                throw new InvalidOperationException("recompression counters differ from the slot table");
            if (_active >= 0 && _dictLength[_active] == 0) throw new InvalidOperationException("current dictionary empty");
            if (_active >= 0 && _dict[_active] != _hc.InputArea) throw new InvalidOperationException("current dictionary not in the encoder's window");
            if (_dict[0] == _dict[1]) throw new InvalidOperationException("both dictionary buffers in one place");
            if (_buildPhase != 0 && _dictRefs[_active < 0 ? 0 : 1 - _active] != 0)
                throw new InvalidOperationException("building into a referenced dictionary buffer");
        }
    }
}
