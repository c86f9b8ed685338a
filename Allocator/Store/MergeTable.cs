// The merge table: every pool object the merge scan has seen, as (content hash, pool handle, reference
// count, merge family), found by hash through bucket chains. The family (SlotTable.MergeFamily: the encoder
// and dictionary that made the object) tells a fast or raw object from an HC block, without a dictionary or
// against buffer 0 or 1: the same bytes are the same page, made the same way again, only within one family,
// so only equal families are compared. Slots whose object is indexed here hold the entry index
// (SlotTable.Shared), so a write or discard drops a reference in O(1) and the object is freed when the
// last reference goes; entries never move while referenced.
//
// Why persistent (not rebuilt per pass as in the RFC): an object already shared by several slots stays
// findable, so a new identical page merges into it (slot 0 rewritten equal to an object slots 2 and 3
// already share joins that object's entry, and its own object is freed). And since an
// object is immutable and enters the table only when no equal object is there, the table never holds two
// equal objects: one full pass frees every duplicate.
//
// Layout: parallel arrays of Capacity entries (14 hash bits and 2 family bits, handle int, refs, next: 10 B) and a
// power-of-two array of bucket heads (short, one per two entries, at least 1). Free entries form a list
// through Next. Chained rather than open-addressed so entries never move and deletion leaves no tombstones.
// Not thread-safe on its own: the PageStore calls it under its lock.
using System;

namespace ZramEmbedded.Allocator.Store
{
    internal sealed class MergeTable
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 7;

        internal const int None = -1;

        // Low 14 bits of the content hash (they also pick the bucket) and, in the top 2, the object's merge
        // family (0..3, SlotTable.MergeFamily). No array of its own.
        private readonly ushort[] _hash;
        private readonly int[] _handle;
        private readonly ushort[] _refs;
        private readonly short[] _next;
        private readonly short[] _heads;
        private int _free;
        private int _count;

        internal MergeTable(int capacity)
        {
            _hash = new ushort[capacity];
            _handle = new int[capacity];
            _refs = new ushort[capacity];
            _next = new short[capacity];
            int buckets = 1;
            while (buckets * 2 < capacity && buckets < MaxBuckets) buckets *= 2;
            _heads = new short[buckets];
            for (int b = 0; b < buckets; b++) _heads[b] = None;
            for (int e = 0; e < capacity; e++) _next[e] = (short)(e + 1 < capacity ? e + 1 : None);
            _free = capacity > 0 ? 0 : None;
        }

        /// <summary>Buckets are at most 2^14 (Capacity ≤ 32767 gives at most 16384), so the 14 stored bits always find an entry's bucket again.</summary>
        private const int MaxBuckets = 1 << 14;

        private const int HashBits = 0x3FFF;
        private const int FamilyShift = 14;

        internal int Capacity { get { return _hash.Length; } }

        /// <summary>Entries in use (distinct indexed objects).</summary>
        internal int Count { get { return _count; } }

        internal bool IsFull { get { return _free == None; } }

        /// <summary>First entry of the chain that may hold `hash`, or None.</summary>
        internal int First(int hash)
        {
            return _heads[hash & (_heads.Length - 1)];
        }

        internal int Next(int e)
        {
            return _next[e];
        }

        /// <summary>True when entry e may hold content with this hash (its stored 14 bits match).</summary>
        internal bool HashMatches(int e, int hash)
        {
            return (_hash[e] & HashBits) == (hash & HashBits);
        }

        internal int HandleOf(int e)
        {
            return _handle[e];
        }

        internal int RefsOf(int e)
        {
            return _refs[e];
        }

        /// <summary>True when entry e is in use (tests and invariant checks).</summary>
        internal bool IsLive(int e)
        {
            return _refs[e] != 0;
        }

        /// <summary>The merge family of entry e's object (SlotTable.MergeFamily).</summary>
        internal int FamilyOf(int e)
        {
            return _hash[e] >> FamilyShift;
        }

        /// <summary>
        /// The live entry of `family` whose object is bytes[offset..offset+size) (the hash's stored bits, the
        /// size and then every byte compared, in the arena: ZsPool.ContentEquals), or None; `compares` counts
        /// the byte comparisons made (the merge scan's budget units).
        /// </summary>
        internal int FindEqual(int hash, int family, ZramEmbedded.Allocator.Pool.ZsPool pool, byte[] bytes, int offset, int size, ref int compares)
        {
            for (int e = First(hash); e != None; e = Next(e))
            {
                if (!HashMatches(e, hash) || FamilyOf(e) != family) continue;
                int handle = _handle[e];
                if (pool.GetSize(handle) != size) continue;
                compares++;
                if (pool.ContentEquals(handle, bytes, offset)) return e;
            }
            return None;
        }

        /// <summary>A new entry with one reference; None when the table is full.</summary>
        internal int Add(int hash, int handle, int family)
        {
            int e = _free;
            if (e == None) return None;
            _free = _next[e];
            if (family < 0 || family > 3) throw new ArgumentOutOfRangeException("family");
            _hash[e] = (ushort)((hash & HashBits) | (family << FamilyShift));
            _handle[e] = handle;
            _refs[e] = 1;
            int b = hash & (_heads.Length - 1);
            _next[e] = _heads[b];
            _heads[b] = (short)e;
            _count++;
            return e;
        }

        internal void AddRef(int e)
        {
            if (_refs[e] == ushort.MaxValue) throw new InvalidOperationException("merge reference count overflow");
            _refs[e]++;
        }

        /// <summary>Lowers the count without removing the entry (a what-if count; Recount undoes it). Returns the new count.</summary>
        internal int Uncount(int e)
        {
            _refs[e]--;
            return _refs[e];
        }

        internal void Recount(int e)
        {
            _refs[e]++;
        }

        /// <summary>
        /// Drops one reference; when it was the last, removes the entry and returns true (the caller frees
        /// the pool object, whose handle it read before).
        /// </summary>
        internal bool Release(int e)
        {
            int r = _refs[e] - 1;
            _refs[e] = (ushort)r;
            if (r > 0) return false;
            int b = _hash[e] & HashBits & (_heads.Length - 1);
            int prev = None;
            int x = _heads[b];
            while (x != e)
            {
                prev = x;
                x = _next[x];
            }
            if (prev == None) _heads[b] = _next[e];
            else _next[prev] = _next[e];
            _next[e] = (short)_free;
            _free = e;
            _handle[e] = 0;
            _count--;
            return true;
        }

        /// <summary>Device bytes of the arrays.</summary>
        internal int MetadataBytes
        {
            get
            {
                int n = Capacity;
                return StoreMath.ArrayBytes(n * 4) + StoreMath.ArrayBytes(n * 2) * 3 + StoreMath.ArrayBytes(_heads.Length * 2);
            }
        }

        /// <summary>
        /// Checks chains and the free list against the counts: every live entry is in the chain of its hash's
        /// bucket exactly once, every free entry is on the free list. Throws InvalidOperationException.
        /// </summary>
        internal void CheckInvariants()
        {
            int chained = 0;
            for (int b = 0; b < _heads.Length; b++)
            {
                int steps = 0;
                for (int e = _heads[b]; e != None; e = _next[e])
                {
                    if (++steps > Capacity) throw new InvalidOperationException("merge table chain loops");
                    if (_refs[e] == 0) throw new InvalidOperationException("free merge entry in a chain");
                    if ((_hash[e] & HashBits & (_heads.Length - 1)) != b) throw new InvalidOperationException("merge entry in the wrong bucket");
                    chained++;
                }
            }
            if (chained != _count) throw new InvalidOperationException("merge table count differs from its chains");
            int free = 0;
            for (int e = _free; e != None; e = _next[e])
            {
                if (++free > Capacity) throw new InvalidOperationException("merge free list loops");
                if (_refs[e] != 0) throw new InvalidOperationException("live merge entry on the free list");
            }
            if (free + _count != Capacity) throw new InvalidOperationException("merge entries lost");
        }
    }
}
