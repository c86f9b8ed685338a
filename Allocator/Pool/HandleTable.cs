// The handle indirection table: callers hold opaque int handles, the table holds where each object
// currently lives, so compaction can move objects by rewriting one entry.
//
// Entry (W = 3 or 4 bytes, little-endian, in one byte[]): top bit = live; bits [P, 8W−1) = generation;
// bits [0, P) = the object's location when live (zspage head frame << SlotBits | slot index) or the next
// free entry when free (all ones = none). P = the bits a location or a free link needs. Entries take 3
// bytes when that still leaves at least MinGenerationBits of generation (small pools: 128–256 KiB with
// the defaults), else 4 — so a small pool gets a third more handles for the same metadata.
// Handle (int, ≥ 1): generation << IndexBits | entry index. Generations run 1..2^G−1 (never 0, so a
// zeroed int is never a valid handle) and advance when an entry is freed, so a freed or stale handle is
// recognised until its entry has been reused 2^G−1 times.
// Memory: W bytes per entry, sized once at construction (counted in MetadataBytes), and six fields (in
// ZsPool.FixedObjectBytes): the capacity, the live bit and the payload and index masks are computed from
// them. ZsPool counts live objects, so the table does not.
// Not thread-safe on its own: ZsPool calls it under its lock.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class HandleTable
    {
        internal const int MinGenerationBits = 6;

        private readonly byte[] _entries;        // capacity · _width bytes
        private readonly int _width;             // W: 3 or 4; the live bit is bit 8W − 1
        private readonly int _payloadBits;       // P
        private readonly uint _generationMask;   // after shifting down
        private readonly int _indexBits;
        private int _freeHead;

        /// <summary>capacity ≤ 32767 entries; locationBits = bits of a packed location.</summary>
        internal HandleTable(int capacity, int locationBits)
        {
            if (capacity < 1 || capacity > 32767) throw new ArgumentException("handle capacity must be 1..32767");
            _indexBits = PoolMath.BitsFor(capacity - 1);
            int nextBits = PoolMath.BitsFor(capacity); // free-list links need the 'none' value too
            _payloadBits = PoolMath.Max(locationBits, nextBits);
            _width = 23 - _payloadBits >= MinGenerationBits ? 3 : 4;
            int generationBits = 8 * _width - 1 - _payloadBits;
            if (generationBits < MinGenerationBits)
                throw new ArgumentException("pool too large for 32-bit handles (fewer frames or objects per zspage)");
            if (_indexBits + generationBits > 31) generationBits = 31 - _indexBits;
            _generationMask = (1u << generationBits) - 1u;
            _entries = new byte[capacity * _width];
            for (int i = 0; i < capacity; i++)
            {
                uint next = i + 1 < capacity ? (uint)(i + 1) : PayloadMask;
                Set(i, (1u << _payloadBits) | next); // generation 1, free
            }
            _freeHead = 0;
        }

        internal int Capacity { get { return _entries.Length / _width; } }

        /// <summary>Bytes per entry (3 or 4).</summary>
        internal int EntryBytes { get { return _width; } }

        internal int MetadataBytes { get { return _entries.Length; } }

        internal bool HasFree { get { return _freeHead >= 0; } }

        /// <summary>Bits [0, P) of an entry: a location, or a free link (all ones = none).</summary>
        private uint PayloadMask { get { return (1u << _payloadBits) - 1u; } }

        private uint Get(int index)
        {
            int o = index * _width;
            uint v = (uint)(_entries[o] | (_entries[o + 1] << 8) | (_entries[o + 2] << 16));
            if (_width == 4) v |= (uint)_entries[o + 3] << 24;
            return v;
        }

        private void Set(int index, uint v)
        {
            int o = index * _width;
            _entries[o] = (byte)v;
            _entries[o + 1] = (byte)(v >> 8);
            _entries[o + 2] = (byte)(v >> 16);
            if (_width == 4) _entries[o + 3] = (byte)(v >> 24);
        }

        /// <summary>Takes a free entry for an object at `location`; returns the handle. Caller checks HasFree.</summary>
        internal int Allocate(int location)
        {
            int index = _freeHead;
            uint e = Get(index);
            uint none = PayloadMask;
            uint next = e & none;
            _freeHead = next == none ? -1 : (int)next;
            uint gen = (e >> _payloadBits) & _generationMask;
            Set(index, (1u << (8 * _width - 1)) | (gen << _payloadBits) | (uint)location);
            return (int)(gen << _indexBits) | index;
        }

        /// <summary>Entry index of a live handle, or -1 when the handle is malformed, freed or stale.</summary>
        internal int Resolve(int handle)
        {
            if (handle <= 0) return -1;
            int bits = _indexBits;
            int index = handle & ((1 << bits) - 1);
            uint gen = (uint)handle >> bits;
            if (index * _width >= _entries.Length || gen == 0 || gen > _generationMask) return -1; // index ≥ capacity
            uint e = Get(index);
            if ((e >> (8 * _width - 1)) == 0) return -1; // not live
            if (((e >> _payloadBits) & _generationMask) != gen) return -1;
            return index;
        }

        /// <summary>True when entry `index` holds a live object.</summary>
        internal bool IsLive(int index)
        {
            return (Get(index) >> (8 * _width - 1)) != 0;
        }

        /// <summary>Location of the live entry `index`.</summary>
        internal int LocationOf(int index)
        {
            return (int)(Get(index) & ((1u << _payloadBits) - 1u));
        }

        /// <summary>Rewrites where the live entry `index` points (object moved).</summary>
        internal void Move(int index, int location)
        {
            Set(index, (Get(index) & ~PayloadMask) | (uint)location);
        }

        /// <summary>Frees the live entry `index`: next generation, pushed on the free list.</summary>
        internal void Release(int index)
        {
            uint gen = (Get(index) >> _payloadBits) & _generationMask;
            gen++;
            if (gen > _generationMask) gen = 1;
            uint next = _freeHead < 0 ? PayloadMask : (uint)_freeHead;
            Set(index, (gen << _payloadBits) | next);
            _freeHead = index;
        }
    }
}
