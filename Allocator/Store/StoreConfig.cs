// Page-store parameters, validated and copied by the PageStore (later edits of the caller's object do not
// reach the store). Units: bytes unless named; slots and entries are counts.
//
// Memory the store keeps outside the arena follows from these (PageStore.MetadataBytes): 11 B per slot
// (object handle or word, size, state, last-access stamp), 10 B per merge-table entry plus a 2-byte bucket
// head per two entries, a page-sized scratch buffer (compressed bytes) and the LZ4 encoder's hash table
// (2^EncoderHashBits × 2 B); an attached Recompressor borrows the last two while it works.
using System;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class StoreConfig
    {
        public const int MinPageSize = 256;
        public const int MaxPageSize = 4096;
        /// <summary>Slot indexes and merge-entry links are 16-bit.</summary>
        public const int MaxSlotCount = 65535;
        public const int MaxMergeTableSize = 32767;
        public const int MaxClientLimit = 255;

        /// <summary>Bytes per page, 256..4096, a multiple of 4 (fixed for the store's life).</summary>
        public int PageSize;

        /// <summary>Slots in the slot table, shared by all clients (each client gets a contiguous range).</summary>
        public int SlotCount;

        /// <summary>Most clients registered at once, 1..255.</summary>
        public int MaxClients;

        /// <summary>
        /// Entries of the merge table: distinct objects the merge can index (0 = merging disabled). An object
        /// that finds the table full stays unmerged until entries free up.
        /// </summary>
        public int MergeTableSize;

        /// <summary>LZ4 encoder hash-table bits (Lz4Encoder.MinHashBits..MaxHashBits): 2^bits × 2 bytes of RAM.</summary>
        public int EncoderHashBits;

        /// <summary>
        /// Compressed size (bytes) from which a page is stored raw (a "huge" page); 0 = automatic: the
        /// smaller of the page size and the pool's HugeObjectSize, i.e. raw only when compression saves
        /// nothing or the pool would keep the object alone anyway.
        /// </summary>
        public int HugeThreshold;

        /// <summary>Unit of the per-slot last-access stamp, milliseconds (zram: seconds). Idle ages are this coarse.</summary>
        public int IdleUnitMs;

        /// <summary>MergeNow runs at most one full pass per this many milliseconds (a rate limit: the low-memory killer may ask for passes back to back).</summary>
        public int MergeNowIntervalMs;

        /// <summary>
        /// Keep pages that are one repeated 32-bit word as that word (zram's same pages; default true). False
        /// stores them like any page (measurement only: what same-filled detection buys).
        /// </summary>
        public bool SameFilledPages;

        /// <summary>Defaults: 4 KiB pages, 64 slots, 8 clients, 48 merge entries.</summary>
        public StoreConfig()
        {
            PageSize = 4096;
            SlotCount = 64;
            MaxClients = 8;
            MergeTableSize = 48;
            EncoderHashBits = Lz4Encoder.DefaultHashBits;
            HugeThreshold = 0;
            IdleUnitMs = 1000;
            MergeNowIntervalMs = 1000;
            SameFilledPages = true;
        }

        /// <summary>
        /// Defaults for a pool arena of arenaBytes and pages of pageSize bytes, chosen with the `store`
        /// benchmark: slots for 3.5× the arena in logical pages (above the most the built-in pages reach, with
        /// idle recompression; a full slot table is a NoSpace like a full arena); a merge table for 3× the
        /// arena in distinct objects; an LZ4 hash table of 2^10 entries (2 KiB) for pages of 1 KiB and more,
        /// 2^8 for smaller ones (larger tables gain under 1 % of capacity and cost metadata). 8 clients.
        /// </summary>
        public static StoreConfig ForArena(int arenaBytes, int pageSize)
        {
            if (arenaBytes < 1) throw new ArgumentOutOfRangeException("arenaBytes");
            if (pageSize < MinPageSize || pageSize > MaxPageSize) throw new ArgumentOutOfRangeException("pageSize");
            StoreConfig c = new StoreConfig();
            c.PageSize = pageSize;
            c.SlotCount = PoolMath.Min(MaxSlotCount, PoolMath.Max(16, (int)((long)arenaBytes * 7 / 2 / pageSize)));
            c.MergeTableSize = PoolMath.Min(c.SlotCount, PoolMath.Min(MaxMergeTableSize, PoolMath.Max(8, (int)((long)arenaBytes * 3 / pageSize))));
            c.EncoderHashBits = pageSize >= 1024 ? 10 : Lz4Encoder.MinHashBits;
            return c;
        }

        /// <summary>
        /// A pool configuration for a store of pageSize pages over arenaBytes: the pool's defaults
        /// (PoolConfig.ForArena) with a handle table for at least 3 objects per page of arena (small pages
        /// make small objects: 1 KiB pages compress to ~400 B), and never fewer handles than the pool's default.
        /// </summary>
        public static PoolConfig PoolConfigFor(int arenaBytes, int pageSize)
        {
            if (pageSize < MinPageSize || pageSize > MaxPageSize) throw new ArgumentOutOfRangeException("pageSize");
            PoolConfig p = PoolConfig.ForArena(arenaBytes);
            p.MaxObjectSize = PoolMath.Max(p.MaxObjectSize, pageSize);
            int byDefault = arenaBytes / p.BytesPerHandle;
            p.MaxHandles = PoolMath.Min(32767, PoolMath.Max(16, PoolMath.Max(byDefault, (int)((long)arenaBytes * 3 / pageSize))));
            return p;
        }

        /// <summary>
        /// PoolConfigFor(arenaBytes, config.PageSize) with no more handles than the store can use: one pool
        /// object per slot, plus one in flight (a write or a recompression allocates the new object before it
        /// frees the old) and one spare. With large pages this is the smaller count (4 KiB pages, 128 KiB:
        /// 114 handles instead of the pool's default 170).
        /// </summary>
        public static PoolConfig PoolConfigFor(int arenaBytes, StoreConfig config)
        {
            if (config == null) throw new ArgumentNullException("config");
            PoolConfig p = PoolConfigFor(arenaBytes, config.PageSize);
            p.MaxHandles = PoolMath.Max(16, PoolMath.Min(p.MaxHandles, config.SlotCount + 2));
            return p;
        }

        public StoreConfig Clone()
        {
            StoreConfig c = new StoreConfig();
            c.PageSize = PageSize;
            c.SlotCount = SlotCount;
            c.MaxClients = MaxClients;
            c.MergeTableSize = MergeTableSize;
            c.EncoderHashBits = EncoderHashBits;
            c.HugeThreshold = HugeThreshold;
            c.IdleUnitMs = IdleUnitMs;
            c.MergeNowIntervalMs = MergeNowIntervalMs;
            c.SameFilledPages = SameFilledPages;
            return c;
        }

        /// <summary>Throws ArgumentException naming the first field out of range.</summary>
        public void Validate()
        {
            if (PageSize < MinPageSize || PageSize > MaxPageSize || (PageSize & 3) != 0)
                throw new ArgumentException("PageSize must be 256..4096 and a multiple of 4");
            if (SlotCount < 1 || SlotCount > MaxSlotCount) throw new ArgumentException("SlotCount must be 1..65535");
            if (MaxClients < 1 || MaxClients > MaxClientLimit) throw new ArgumentException("MaxClients must be 1..255");
            if (MergeTableSize < 0 || MergeTableSize > MaxMergeTableSize) throw new ArgumentException("MergeTableSize must be 0..32767");
            if (EncoderHashBits < Lz4Encoder.MinHashBits || EncoderHashBits > Lz4Encoder.MaxHashBits)
                throw new ArgumentException("EncoderHashBits must be 8..16");
            if (HugeThreshold < 0 || HugeThreshold > PageSize) throw new ArgumentException("HugeThreshold must be 0..PageSize");
            if (IdleUnitMs < 1) throw new ArgumentException("IdleUnitMs must be positive");
            if (MergeNowIntervalMs < 0) throw new ArgumentException("MergeNowIntervalMs must not be negative");
        }
    }
}
