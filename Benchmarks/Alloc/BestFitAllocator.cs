// Baseline for the alloc benchmark: a classic best-fit free-list allocator over one byte[] arena, shaped
// like umm_malloc's best-fit mode (the embedded anchor in ../shared/reference/anchors-embedded.md):
// 4-byte block header, 8-byte granularity, address-ordered free list with immediate coalescing, whole
// free list scanned for the smallest block that fits, the remainder split off when ≥ 8 bytes.
// Host-only harness code (uses List<T>); its bookkeeping lists model the in-arena headers, so its
// metadata outside the arena is counted as 0, as for umm_malloc.
using System;
using System.Collections.Generic;

namespace ZramEmbedded.Benchmarks.Alloc
{
    public sealed class BestFitAllocator : IChurnAllocator
    {
        private const int Header = 4;
        private const int Granule = 8;
        private readonly byte[] _arena;
        private readonly List<int> _freeStart = new List<int>();
        private readonly List<int> _freeLen = new List<int>();
        private int[] _blockStart = new int[64];
        private int[] _blockLen = new int[64];
        private int[] _blockSize = new int[64];
        private readonly Stack<int> _freeIds = new Stack<int>();
        private int _nextId;
        private long _liveBytes;
        private int _live;

        public BestFitAllocator(byte[] arena)
        {
            _arena = arena;
            int usable = arena.Length / Granule * Granule;
            _freeStart.Add(0);
            _freeLen.Add(usable);
        }

        public string Name { get { return "best-fit"; } }
        public int LiveObjects { get { return _live; } }
        public int MetadataBytes { get { return 0; } }
        public double Utilization { get { return (double)_liveBytes / _arena.Length; } }

        public int Alloc(int size, byte[] data)
        {
            int need = (size + Header + Granule - 1) / Granule * Granule;
            int best = -1;
            for (int i = 0; i < _freeLen.Count; i++)
                if (_freeLen[i] >= need && (best < 0 || _freeLen[i] < _freeLen[best])) best = i;
            if (best < 0) return -1;
            int start = _freeStart[best];
            if (_freeLen[best] - need >= Granule)
            {
                _freeStart[best] += need;
                _freeLen[best] -= need;
            }
            else
            {
                need = _freeLen[best];
                _freeStart.RemoveAt(best);
                _freeLen.RemoveAt(best);
            }
            int id = _freeIds.Count > 0 ? _freeIds.Pop() : _nextId++;
            if (id >= _blockStart.Length)
            {
                Array.Resize(ref _blockStart, id * 2);
                Array.Resize(ref _blockLen, id * 2);
                Array.Resize(ref _blockSize, id * 2);
            }
            _blockStart[id] = start;
            _blockLen[id] = need;
            _blockSize[id] = size;
            if (data != null) Array.Copy(data, 0, _arena, start + Header, size);
            _liveBytes += size;
            _live++;
            return id;
        }

        public void Read(int id, byte[] dst)
        {
            Array.Copy(_arena, _blockStart[id] + Header, dst, 0, _blockSize[id]);
        }

        public void Free(int id)
        {
            int start = _blockStart[id];
            int len = _blockLen[id];
            _liveBytes -= _blockSize[id];
            _live--;
            _freeIds.Push(id);
            // Insert in address order, then merge with neighbours.
            int lo = 0, hi = _freeStart.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (_freeStart[mid] < start) lo = mid + 1; else hi = mid;
            }
            _freeStart.Insert(lo, start);
            _freeLen.Insert(lo, len);
            if (lo + 1 < _freeStart.Count && _freeStart[lo] + _freeLen[lo] == _freeStart[lo + 1])
            {
                _freeLen[lo] += _freeLen[lo + 1];
                _freeStart.RemoveAt(lo + 1);
                _freeLen.RemoveAt(lo + 1);
            }
            if (lo > 0 && _freeStart[lo - 1] + _freeLen[lo - 1] == _freeStart[lo])
            {
                _freeLen[lo - 1] += _freeLen[lo];
                _freeStart.RemoveAt(lo);
                _freeLen.RemoveAt(lo);
            }
        }

        public bool CompactSlice(int bytes) { return false; }

        public bool CompactAll() { return false; }

        /// <summary>Sliding compaction (for the throughput comparison only): moves every live block down; returns bytes moved.</summary>
        public long SlideAll(List<int> liveIds)
        {
            liveIds.Sort((a, b) => _blockStart[a].CompareTo(_blockStart[b]));
            int at = 0;
            long moved = 0;
            foreach (int id in liveIds)
            {
                if (_blockStart[id] != at)
                {
                    Array.Copy(_arena, _blockStart[id], _arena, at, _blockLen[id]);
                    moved += _blockLen[id];
                    _blockStart[id] = at;
                }
                at += _blockLen[id];
            }
            _freeStart.Clear();
            _freeLen.Clear();
            int usable = _arena.Length / Granule * Granule;
            if (usable > at)
            {
                _freeStart.Add(at);
                _freeLen.Add(usable - at);
            }
            return moved;
        }
    }
}
