// Idle recompression (zram's `recompress`, CONFIG_ZRAM_MULTI_COMP, and its trained dictionaries): budgeted
// slices pick pages, decode them and compress them again with the high-compression LZ4 parse (Lz4HcEncoder)
// against a dictionary built from the store's own pages (Lz4DictionaryBuilder). The new form is kept only
// when it takes at least MinSavingsBytes fewer pool bytes (size class, or run frames and tail) and stays
// under the huge threshold; otherwise the page keeps its form and is marked so it is not tried again until
// it is written again. Everything stays an LZ4 block, so reads cost what they cost before.
//
// Candidates: a slot with a fast or raw object (of its own, or shared: a shared one, once there is a
// dictionary, stays for its other slots and this slot gets a copy of its own: PageStore.TryReplaceForm), and
// an HC block made without a dictionary once a dictionary exists. Merging and recompression compose:
// identical pages recompressed the same way give identical blocks, which the merge scan shares (same merge
// family), so the copies of a shared page, and a duplicate written after its twin was recompressed, end up
// as one shared block (the counts are per slot, so a merge changes none). A page written again is compressed
// by the store's fast encoder and becomes a candidate again when idle; one written back goes out in the fast
// form (PageStore.Writeback.cs).
//
// The forms, the two dictionary buffers, decoding and making a form again are the store's BlockCodec; this
// class is the policy — which pages, when, within what budget — and works through the store's narrow surface
// (PageStore.Recompression.cs), never its internals.
//
// Dictionary versions (policy: recompress everything on the old dictionary before its buffer is reused).
// There are two dictionary buffers; a slot's form says whether its block references a dictionary and which
// buffer. A build (Count pass, then Select pass over up to SamplePages
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
// encoders are deterministic: BlockCodec.OldForm) and put back where the pool grows least
// (PageStore.TryReplaceForm), so recompression works on a store written until full.
//
// Budget units (Slice): one per slot examined, PageCost more per page decoded and compressed (a
// recompression, a migration, or one page of a dictionary-build pass). A slice does migration, then
// dictionary building, then recompression (none while a build is under way), as the budget allows; it
// returns 0 when a whole lap of the slot table found nothing to do (pages whose new form found no room count
// as nothing done; compaction, the store's own idle work, may make room for them). Memory: allocated in the
// constructor (WorkingBytes, the codec's included); no allocation per call. Idle working memory is shared
// rather than held twice: compressed forms (old, read from the pool, and new, from the HC encoder) go through
// the store's page-sized scratch; the HC head table is the store's fast-encoder hash table; the decoded page
// is written straight into the HC encoder's input area; the dictionary builder counts in the HC encoder's
// chain array (scratch between compressions) and keeps its candidate segments in the dictionary buffer it
// builds into (no page references it then). Under the store's lock.
using System;
using ZramEmbedded.Allocator.Codec;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class Recompressor
    {
        /// <summary>Instance fields on the device (DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 19;

        /// <summary>Budget units for one page decoded and compressed (against one per slot examined).</summary>
        public const int PageCost = 16;

        private readonly PageStore _store;
        private readonly BlockCodec _codec;
        private readonly Lz4DictionaryBuilder _builder; // null without a dictionary
        private readonly int _minSavings;
        private readonly int _samplePages;

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

        private long _recompressedTotal;
        private long _rejected;
        private long _bytesSaved;
        private long _migrated;

        /// <summary>Makes a recompressor for `store` and attaches it (one per store: InvalidOperationException otherwise).</summary>
        public Recompressor(PageStore store, RecompressConfig config)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (config == null) throw new ArgumentNullException("config");
            RecompressConfig c = config.Clone();
            c.Validate();
            _store = store;
            _minSavings = c.MinSavingsBytes;
            _samplePages = c.SamplePages;
            _codec = store.AttachRecompressor(this, c);
            // The builder counts in the encoder's chain: a build never overlaps a compression.
            if (c.DictionaryBytes > 0)
                _builder = new Lz4DictionaryBuilder(c.DictionaryBytes, _codec.ChainScratch, c.SegmentLength, c.PicksPerPage, c.SampleBits, true);
        }

        /// <summary>
        /// RAM held (the codec's encoder, dictionary buffers and tables, the builder's scores, own objects), in
        /// bytes. Borrowed and not counted again: the store's scratch (compressed forms) and fast-encoder hash
        /// table (HC head table).
        /// </summary>
        public int WorkingBytes
        {
            get
            {
                int bytes = StoreMath.ObjectBytes(DeviceFields) + _codec.WorkingBytes;
                if (_builder != null) bytes += StoreMath.ObjectBytes(Lz4DictionaryBuilder.DeviceFields) + StoreMath.ArrayBytes(_builder.WorkingBytes); // its scores
                return bytes;
            }
        }

        /// <summary>Version of the current dictionary (1, 2, ...; 0 = none yet).</summary>
        public int DictionaryVersion { get { lock (_store.SyncRoot) { return _codec.DictionaryVersion; } } }

        /// <summary>True while a dictionary build is under way (recompression waits for it).</summary>
        public bool Building { get { lock (_store.SyncRoot) { return _buildPhase != 0; } } }

        /// <summary>Asks for a new dictionary from the current pages; it is built by later slices (no-op without a dictionary).</summary>
        public void RequestDictionary()
        {
            lock (_store.SyncRoot)
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
            lock (_store.SyncRoot)
            {
                int used = 0;
                if (_codec.Active >= 0 && _codec.RefsOf(1 - _codec.Active) > 0) used += MigrateStep(budget);
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
            lock (_store.SyncRoot)
            {
                int active = _codec.Active;
                s.PagesRecompressed = _codec.PagesRecompressed;
                s.PagesWithDictionary = _codec.RefsOf(0) + _codec.RefsOf(1);
                s.PagesOnOldDictionary = active < 0 ? 0 : _codec.RefsOf(1 - active);
                s.RecompressedTotal = _recompressedTotal;
                s.Rejected = _rejected;
                s.BytesSaved = _bytesSaved;
                s.DictionaryBytes = _codec.DictionaryLength;
                s.DictionaryVersion = _codec.DictionaryVersion;
                s.DictionaryBuilds = _codec.Installed;
                s.Migrated = _migrated;
                s.WorkingBytes = WorkingBytes;
            }
        }

        // ---------------------------------------------------------------- candidates and recompression

        private bool Matches(int g, RecompressType type)
        {
            bool idle = _store.SlotIdle(g);
            bool huge = _store.SlotForm(g) == SlotTable.Raw;
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
            if (!_store.SlotHasObject(g) || _store.SlotTried(g) || !Matches(g, type)) return false;
            int form = _store.SlotForm(g);
            if (SlotTable.DictionaryOf(form) >= 0) return false; // a dictionary block only migrates
            bool dictionary = _codec.HasDictionary;
            // A block made without a dictionary is made again only with one.
            if (form == SlotTable.Hc) return dictionary;
            // A shared object is unshared into copies only when they will be dictionary blocks, which the
            // merge scan shares again; copies without a dictionary would stay apart and cost more.
            return !_store.SharesObject(g) || dictionary;
        }

        private int RecompressStep(int budget, RecompressType type)
        {
            int n = _store.SlotCount;
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

        private const int Replaced = 0;
        private const int Kept = 1;   // no gain (marked), or a corrupt object (marked)
        private const int NoRoom = 2; // the pool (or MemLimit) had no room for the new form

        // Decodes slot g, recompresses it with the current dictionary and keeps the new form when it saves
        // enough (always when migrating off an old dictionary). Returns Replaced, Kept or NoRoom.
        private int Recompress(int g, bool migrating)
        {
            if (_buildPhase != 0) throw new InvalidOperationException("compressing while the builder holds the encoder's chain");
            int oldSize = _store.SlotSize(g);
            if (!_store.DecodeSlot(g))
            {
                // A corrupt object: leave it for the reader to report; never try it again.
                _store.MarkTried(g);
                return Kept;
            }
            int capacity = _store.HugeThreshold - 1;
            if (!migrating && oldSize - 1 < capacity) capacity = oldSize - 1;
            // The old compressed bytes in the store's scratch are decoded already: the new form goes there.
            int form;
            int n = _codec.CompressHc(capacity, out form);
            if (!migrating && (n == Lz4Block.DoesNotFit || _store.FootprintOf(n) + _minSavings > _store.FootprintOf(oldSize)))
            {
                _store.MarkTried(g);
                _rejected++;
                return Kept;
            }
            byte[] from = _codec.FormArea;
            int fromAt = 0, size = n;
            if (n == Lz4Block.DoesNotFit)
            {
                form = SlotTable.Raw; // migrating a page that no longer compresses under the threshold
                from = _codec.PageArea;
                fromAt = _codec.PageAreaOffset;
                size = _store.PageSize;
            }
            bool shared = _store.SharesObject(g);
            if (!_store.TryReplaceForm(g, from, fromAt, size, form)) return NoRoom;
            // bytes_saved counts only replaced forms: a shared page's copy saves nothing until merged again.
            if (!shared) _bytesSaved += oldSize - size;
            if (migrating) _migrated++;
            else _recompressedTotal++;
            return Replaced;
        }

        // ---------------------------------------------------------------- dictionary versions

        private int MigrateStep(int budget)
        {
            int n = _store.SlotCount;
            int oldForm = SlotTable.HcForm(1 - _codec.Active);
            int used = 0;
            for (int examined = 0; examined < n && used < budget && _codec.RefsOf(1 - _codec.Active) > 0; examined++)
            {
                int g = _migrateCursor;
                _migrateCursor = g + 1 == n ? 0 : g + 1;
                used++;
                if (!_store.SlotHasObject(g) || _store.SlotForm(g) != oldForm) continue;
                used += PageCost;
                Recompress(g, true); // a shared one moves as a copy of its own (merged again by the scan); NoRoom: next lap
            }
            return used;
        }

        private bool BuildDue()
        {
            if (_codec.RefsOf(_codec.FreeBuffer) > 0) return false; // the free buffer is not free yet
            if (_rebuildRequested) return true;
            if (_codec.Active >= 0 || _autoBuildDone) return false;
            return _store.ObjectCount >= _samplePages;
        }

        private void StartBuild()
        {
            _codec.ClearFreeBuffer(); // no page references it (BuildDue); the build's segments live in it until Finish
            _builder.Reset(_codec.Spare);
            _buildStride = _store.ObjectCount / _samplePages;
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
            int n = _store.SlotCount;
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
                if (!_store.SlotHasObject(g) || _store.SlotForm(g) == SlotTable.Raw) continue;
                // An object several slots share is not sampled: counted once per sharer, its strings would look
                // common and fill the dictionary with content the merge already stores once.
                if (_store.SharesObject(g)) continue;
                if (_buildSeen++ % _buildStride != 0) continue;
                used += PageCost;
                if (!_store.DecodeSlot(g)) continue;
                _buildTaken++;
                if (_buildPhase == 1) _builder.Count(_codec.PageArea, _codec.PageAreaOffset, _store.PageSize);
                else _builder.Select(_codec.PageArea, _codec.PageAreaOffset, _store.PageSize);
            }
            return used;
        }

        private void FinishBuild()
        {
            _buildPhase = 0;
            _codec.Install(_builder.Finish(_codec.Spare, 0)); // false for length 0: the samples share nothing, keep what there is
        }

        // ---------------------------------------------------------------- invariants

        /// <summary>Recounts recompressed slots and dictionary references from the slots against the codec (tests; O(SlotCount)).</summary>
        internal void CheckInvariants()
        {
            int pages = 0, refs0 = 0, refs1 = 0;
            int n = _store.SlotCount;
            for (int g = 0; g < n; g++)
            {
                int form = _store.SlotForm(g);
                if (!SlotTable.IsRecompressed(form)) continue;
                if (!_store.SlotHasObject(g)) throw new InvalidOperationException("a recompressed form on a slot without an object");
                pages++;
                int d = SlotTable.DictionaryOf(form);
                if (d == 0) refs0++;
                else if (d == 1) refs1++;
            }
            _codec.CheckInvariants(pages, refs0, refs1, _buildPhase != 0);
        }
    }
}
