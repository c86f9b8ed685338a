// The handle indirection table: callers hold opaque int handles, the table holds where each object
// currently lives, so compaction can move objects by rewriting one entry.
//
// Entry (W = 3, 4 or 5 bytes, little-endian, in one byte[]): top bit = live; bits [P, P+G) = generation;
// bits [0, P) = the object's location when live (zspage head frame << SlotBits | slot index) or the next
// free entry when free (all ones = none). P = the bits a location or a free link needs; W is the fewest
// bytes that leave G ≥ MinGenerationBits, and G takes every bit left (up to the handle's check width).
// Handle (positive int): check << IndexBits | entry index, where the check field takes all the K = 31 −
// IndexBits bits left and check = ((generation + salt) mod (2^K − 1)) + 1 — never 0, so no handle is 0
// or negative (NoHandle = -1 is never issued).
// - Stale handles: a generation advances when its entry is freed, so a freed or stale handle is rejected
//   until its entry has been reused min(2^G, 2^K − 1) − 1 times: at least 8,191 (G ≥ 13) at every size.
// - Foreign handles: the salt is drawn per table (NextSalt: a counter run through a bit mixer), so two
//   pools of the same configuration issue different check values for the same entry and generation; a
//   handle from another pool passes only if its index is live here and its check equals this entry's,
//   about 1 in 2^K − 1 (K ≥ 16) for unrelated salts.
// Memory: W bytes per entry, sized once at construction (counted in MetadataBytes), and five fields (in
// ZsPool.FixedObjectBytes): the width, generation bits, capacity, live bit and masks are computed from them. ZsPool counts
// live objects, so the table does not. No allocation after construction.
// Not thread-safe on its own: ZsPool calls it under its lock.
using System;
using System.Threading;

namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class HandleTable
    {
        /// <summary>Fewest generation bits: a stale handle stays invalid for 2^13 − 1 = 8,191 reuses of its entry.</summary>
        internal const int MinGenerationBits = 13;

        private static int s_tables; // tables made so far in this process: the seed of each one's salt

        private readonly byte[] _entries;        // capacity · W bytes
        private readonly int _payloadBits;       // P
        private readonly int _indexBits;
        private readonly int _salt;              // in [0, 2^K − 1)
        private int _freeHead;

        /// <summary>capacity ≤ 32767 entries; locationBits = bits of a packed location; salt: any value (NextSalt()).</summary>
        internal HandleTable(int capacity, int locationBits, int salt)
        {
            if (capacity < 1 || capacity > 32767) throw new ArgumentException("handle capacity must be 1..32767");
            _indexBits = PoolMath.BitsFor(capacity - 1);
            int nextBits = PoolMath.BitsFor(capacity); // free-list links need the 'none' value too
            _payloadBits = PoolMath.Max(locationBits, nextBits);
            if (8 * 5 - 1 - _payloadBits < MinGenerationBits)
                throw new ArgumentException("pool too large for 32-bit handles (fewer frames or objects per zspage)");
            int width = EntryBytes;
            int modulus = CheckModulus;
            int s = salt % modulus;
            _salt = s < 0 ? s + modulus : s;
            _entries = new byte[capacity * width];
            for (int i = 0; i < capacity; i++)
            {
                long next = i + 1 < capacity ? i + 1 : PayloadMask;
                Set(i, next); // generation 0, free
            }
            _freeHead = 0;
        }

        /// <summary>A fresh salt per call (a counter through a bit mixer), so pools made one after another differ.</summary>
        internal static int NextSalt()
        {
            uint x = (uint)Interlocked.Increment(ref s_tables) * 0x9E3779B1u;
            x ^= x >> 16;
            x *= 0x85EBCA6Bu;
            x ^= x >> 13;
            x *= 0xC2B2AE35u;
            x ^= x >> 16;
            return (int)(x & 0x7FFFFFFF);
        }

        internal int Capacity { get { return _entries.Length / EntryBytes; } }

        /// <summary>W, bytes per entry: the fewest of 3, 4 or 5 that leave MinGenerationBits beside the live bit and P.</summary>
        internal int EntryBytes
        {
            get
            {
                int w = (_payloadBits + 1 + MinGenerationBits + 7) >> 3;
                return w < 3 ? 3 : w;
            }
        }

        /// <summary>G: generation bits kept per entry, every bit left in the entry up to the check width K.</summary>
        internal int GenerationBits { get { return PoolMath.Min(8 * EntryBytes - 1 - _payloadBits, CheckBits); } }

        /// <summary>K: bits of a handle's check field (all of the positive int above the index).</summary>
        internal int CheckBits { get { return 31 - _indexBits; } }

        /// <summary>Reuses of one entry before a stale handle of it would pass again: min(2^G, 2^K − 1).</summary>
        internal int StalePeriod
        {
            get
            {
                int m = CheckModulus;
                int g = GenerationBits;
                return g >= CheckBits ? m : PoolMath.Min(1 << g, m);
            }
        }

        /// <summary>Bytes of the entries (PoolStats.HandleTableBytes).</summary>
        internal int EntryTableBytes { get { return _entries.Length; } }

        /// <summary>Heap bytes of the entry array, header and rounding included.</summary>
        internal int MetadataBytes { get { return PoolMath.ArrayBytes(_entries.Length); } }

        internal bool HasFree { get { return _freeHead >= 0; } }

        /// <summary>2^K − 1: the check field counts 1..2^K − 1.</summary>
        private int CheckModulus { get { return (int)((1u << CheckBits) - 1u); } }

        /// <summary>Bits [0, P) of an entry: a location, or a free link (all ones = none).</summary>
        private long PayloadMask { get { return (1L << _payloadBits) - 1L; } }

        private long Get(int index)
        {
            int w = EntryBytes;
            int o = index * w;
            long v = _entries[o] | (_entries[o + 1] << 8) | (_entries[o + 2] << 16);
            if (w > 3) v |= (long)_entries[o + 3] << 24;
            if (w > 4) v |= (long)_entries[o + 4] << 32;
            return v;
        }

        private void Set(int index, long v)
        {
            int w = EntryBytes;
            int o = index * w;
            _entries[o] = (byte)v;
            _entries[o + 1] = (byte)(v >> 8);
            _entries[o + 2] = (byte)(v >> 16);
            if (w > 3) _entries[o + 3] = (byte)(v >> 24);
            if (w > 4) _entries[o + 4] = (byte)(v >> 32);
        }

        /// <summary>The live bit: bit 8W − 1.</summary>
        private long LiveBit { get { return 1L << (8 * EntryBytes - 1); } }

        private bool Live(long e)
        {
            return (e & LiveBit) != 0;
        }

        private int GenerationOf(long e)
        {
            return (int)(e >> _payloadBits) & ((1 << GenerationBits) - 1);
        }

        /// <summary>The check field of a handle to an entry of generation `gen`: ((gen + salt) mod (2^K − 1)) + 1.</summary>
        private int CheckOf(int gen)
        {
            int m = CheckModulus;
            int t = gen + _salt; // gen ≤ 2^K − 1 and salt < 2^K − 1: one subtraction reduces it
            if (t >= m) t -= m;
            return t + 1;
        }

        /// <summary>Takes a free entry for an object at `location`; returns the handle. Caller checks HasFree.</summary>
        internal int Allocate(int location)
        {
            int index = _freeHead;
            long e = Get(index);
            long none = PayloadMask;
            long next = e & none;
            _freeHead = next == none ? -1 : (int)next;
            int gen = GenerationOf(e);
            Set(index, LiveBit | ((long)gen << _payloadBits) | (uint)location);
            return (CheckOf(gen) << _indexBits) | index;
        }

        /// <summary>Entry index of a live handle, or -1 when the handle is malformed, freed, stale or another pool's.</summary>
        internal int Resolve(int handle)
        {
            if (handle <= 0) return -1;
            int index = handle & ((1 << _indexBits) - 1);
            if (index * EntryBytes >= _entries.Length) return -1; // index ≥ capacity
            long e = Get(index);
            if (!Live(e)) return -1;
            if ((handle >> _indexBits) != CheckOf(GenerationOf(e))) return -1;
            return index;
        }

        /// <summary>True when entry `index` holds a live object.</summary>
        internal bool IsLive(int index)
        {
            return Live(Get(index));
        }

        /// <summary>Location of the live entry `index`.</summary>
        internal int LocationOf(int index)
        {
            return (int)(Get(index) & PayloadMask);
        }

        /// <summary>Rewrites where the live entry `index` points (object moved).</summary>
        internal void Move(int index, int location)
        {
            Set(index, (Get(index) & ~PayloadMask) | (uint)location);
        }

        /// <summary>Frees the live entry `index`: next generation (mod 2^G), pushed on the free list.</summary>
        internal void Release(int index)
        {
            int gen = (GenerationOf(Get(index)) + 1) & ((1 << GenerationBits) - 1);
            long next = _freeHead < 0 ? PayloadMask : _freeHead;
            Set(index, ((long)gen << _payloadBits) | next);
            _freeHead = index;
        }
    }
}
