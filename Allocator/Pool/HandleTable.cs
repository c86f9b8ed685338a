// The handle indirection table: callers hold opaque int handles, the table holds where each object
// currently lives, so compaction can move objects by rewriting one entry.
//
// Entry (uint): bit 31 = live; bits [P, P+G) = generation; bits [0, P) = the object's location when live
// (zspage head frame << SlotBits | slot index) or the next free entry when free (AllOnes(P) = none).
// Handle (int, ≥ 1): generation << IndexBits | entry index. Generations run 1..2^G−1 (never 0, so a
// zeroed int is never a valid handle) and advance when an entry is freed, so a freed or stale handle is
// recognised until its entry has been reused 2^G−1 times. G = 31 − P is at least MinGenerationBits.
// Memory: 4 bytes per entry, sized once at construction (counted in MetadataBytes).
// Not thread-safe on its own: ZsPool calls it under its lock.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class HandleTable
    {
        internal const int MinGenerationBits = 6;
        private const uint LiveBit = 0x80000000u;

        private readonly uint[] _entries;
        private readonly int _payloadBits;
        private readonly uint _payloadMask;
        private readonly int _generationBits;
        private readonly uint _generationMask;   // after shifting down
        private readonly int _indexBits;
        private readonly int _indexMask;
        private int _freeHead;
        private int _live;

        /// <summary>capacity ≤ 32767 entries; locationBits = bits of a packed location.</summary>
        internal HandleTable(int capacity, int locationBits)
        {
            if (capacity < 1 || capacity > 32767) throw new ArgumentException("handle capacity must be 1..32767");
            _indexBits = PoolMath.BitsFor(capacity - 1);
            _indexMask = (1 << _indexBits) - 1;
            int nextBits = PoolMath.BitsFor(capacity); // free-list links need the 'none' value too
            _payloadBits = PoolMath.Max(locationBits, nextBits);
            _generationBits = 31 - _payloadBits;
            if (_generationBits < MinGenerationBits)
                throw new ArgumentException("pool too large for 32-bit handles (fewer frames or objects per zspage)");
            if (_indexBits + _generationBits > 31) _generationBits = 31 - _indexBits;
            _payloadMask = (_payloadBits >= 32) ? 0xFFFFFFFFu : ((1u << _payloadBits) - 1u);
            _generationMask = (1u << _generationBits) - 1u;
            _entries = new uint[capacity];
            for (int i = 0; i < capacity; i++)
            {
                uint next = i + 1 < capacity ? (uint)(i + 1) : _payloadMask;
                _entries[i] = (1u << _payloadBits) | next; // generation 1, free
            }
            _freeHead = 0;
        }

        internal int Capacity { get { return _entries.Length; } }

        internal int Live { get { return _live; } }

        internal int MetadataBytes { get { return _entries.Length * 4; } }

        internal bool HasFree { get { return _freeHead >= 0; } }

        /// <summary>Takes a free entry for an object at `location`; returns the handle. Caller checks HasFree.</summary>
        internal int Allocate(int location)
        {
            int index = _freeHead;
            uint e = _entries[index];
            uint next = e & _payloadMask;
            _freeHead = next == _payloadMask ? -1 : (int)next;
            uint gen = (e >> _payloadBits) & _generationMask;
            _entries[index] = LiveBit | (gen << _payloadBits) | (uint)location;
            _live++;
            return (int)(gen << _indexBits) | index;
        }

        /// <summary>Entry index of a live handle, or -1 when the handle is malformed, freed or stale.</summary>
        internal int Resolve(int handle)
        {
            if (handle <= 0) return -1;
            int index = handle & _indexMask;
            uint gen = (uint)handle >> _indexBits;
            if (index >= _entries.Length || gen == 0 || gen > _generationMask) return -1;
            uint e = _entries[index];
            if ((e & LiveBit) == 0) return -1;
            if (((e >> _payloadBits) & _generationMask) != gen) return -1;
            return index;
        }

        /// <summary>True when entry `index` holds a live object.</summary>
        internal bool IsLive(int index)
        {
            return (_entries[index] & LiveBit) != 0;
        }

        /// <summary>Location of the live entry `index`.</summary>
        internal int LocationOf(int index)
        {
            return (int)(_entries[index] & _payloadMask);
        }

        /// <summary>Rewrites where the live entry `index` points (object moved).</summary>
        internal void Move(int index, int location)
        {
            uint e = _entries[index];
            _entries[index] = (e & ~_payloadMask) | (uint)location;
        }

        /// <summary>Frees the live entry `index`: next generation, pushed on the free list.</summary>
        internal void Release(int index)
        {
            uint gen = (_entries[index] >> _payloadBits) & _generationMask;
            gen++;
            if (gen > _generationMask) gen = 1;
            uint next = _freeHead < 0 ? _payloadMask : (uint)_freeHead;
            _entries[index] = (gen << _payloadBits) | next;
            _freeHead = index;
            _live--;
        }
    }
}
