// The size classes of a pool, computed (not tabulated) the way zsmalloc does it.
//
// Slots: size(i) = MinClassSize + i·ClassStep, capped at MaxClassSize, i = 0..SlotCount-1 (at most 256,
// zsmalloc's CLASS_BITS = 8). For each slot, from the largest down, the zspage chain is the number of
// frames k in 1..MaxFramesPerZspage whose usable bytes (k·FrameSize − ZspageHeaderBytes) hold at least
// one object and leave the least tail waste ((usable) mod size; ties keep the shorter chain), and a slot
// whose (frames, objects per zspage) equal those of the next larger class is merged into it (it uses the
// larger class). This is zsmalloc's calculate_zspage_chain_size + can_merge rule; with 4 KiB frames,
// 16 B step, 32 B minimum, no zspage header and chain 4 it gives 69 distinct classes and a 3264 B huge
// watermark (chain 16: 3840 B), the published anchors.
//
// Distinct classes are numbered from the smallest (0) to the largest (Count-1).
// Invariants: Size[c] strictly increases with c; Objects[c] ≥ 1; Frames[c]·FrameSize − header ≥
// Objects[c]·Size[c]; every slot maps to the smallest class whose Size ≥ the slot's size.
// Memory: one byte[] (counted by MetadataBytes): a 5-byte record per distinct class, smallest first
// (size u16, frames u8, objects u16, little-endian), then the slot → class map, one byte per slot, stored
// backwards (slot i at the last byte − i) so that neither part's offset needs the other's length. Four
// fields (ZsPool.FixedObjectBytes); SlotCount, Count and HugeThreshold are computed from them.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public sealed class SizeClassTable
    {
        /// <summary>Most slots (zsmalloc: 255 at 4 KiB pages).</summary>
        public const int MaxSlots = 256;

        /// <summary>Most objects one zspage may hold (slot indices are 15-bit in the pool).</summary>
        public const int MaxObjectsPerZspage = 32766;

        /// <summary>Bytes of one class record in the table: size (2), frames (1), objects per zspage (2).</summary>
        private const int RecordBytes = 5;

        private readonly int _minSize;
        private readonly int _step;
        private readonly int _maxSize;
        private readonly byte[] _table;   // Count records, then SlotCount slot → class bytes backwards

        /// <summary>
        /// Computes the table. maxClassSize is the largest class (zsmalloc: the page size);
        /// zspageHeaderBytes are taken from every zspage before its objects (0 reproduces zsmalloc).
        /// Throws ArgumentException when a class cannot fit in the longest chain or the grid is too fine.
        /// </summary>
        public SizeClassTable(int frameSize, int maxFramesPerZspage, int classStep, int minClassSize,
            int maxClassSize, int zspageHeaderBytes)
        {
            if (frameSize < 1 || maxFramesPerZspage < 1 || classStep < 1 || minClassSize < 1)
                throw new ArgumentException("class table parameters must be positive");
            if (maxClassSize < minClassSize) maxClassSize = minClassSize;
            if (maxClassSize > 65535) throw new ArgumentException("largest class exceeds 65535 bytes");
            int slots = (maxClassSize - minClassSize + classStep - 1) / classStep + 1;
            if (slots > MaxSlots) throw new ArgumentException("too many size-class slots (raise ClassStep)");
            if (maxFramesPerZspage * frameSize - zspageHeaderBytes < maxClassSize)
                throw new ArgumentException("largest class does not fit in the longest zspage chain");

            _minSize = minClassSize;
            _step = classStep;
            _maxSize = maxClassSize;

            // Build from the largest slot down (as zsmalloc does) into temporaries indexed largest-first.
            ushort[] size = new ushort[slots];
            byte[] frames = new byte[slots];
            ushort[] objects = new ushort[slots];
            int[] slotClassDesc = new int[slots];
            int n = 0;
            for (int i = slots - 1; i >= 0; i--)
            {
                int s = SlotSize(i);
                int k = ChainFor(s, frameSize, maxFramesPerZspage, zspageHeaderBytes);
                int objs = (k * frameSize - zspageHeaderBytes) / s;
                if (objs > MaxObjectsPerZspage) throw new ArgumentException("too many objects per zspage (raise MinClassSize)");
                if (n > 0 && frames[n - 1] == k && objects[n - 1] == objs)
                {
                    slotClassDesc[i] = n - 1;
                    continue;
                }
                size[n] = (ushort)s;
                frames[n] = (byte)k;
                objects[n] = (ushort)objs;
                slotClassDesc[i] = n;
                n++;
            }

            // Renumber smallest-first into the table.
            _table = new byte[n * RecordBytes + slots];
            for (int c = 0; c < n; c++)
            {
                int r = c * RecordBytes;
                int d = n - 1 - c;
                _table[r] = (byte)size[d];
                _table[r + 1] = (byte)(size[d] >> 8);
                _table[r + 2] = frames[d];
                _table[r + 3] = (byte)objects[d];
                _table[r + 4] = (byte)(objects[d] >> 8);
            }
            for (int i = 0; i < slots; i++) _table[_table.Length - 1 - i] = (byte)(n - 1 - slotClassDesc[i]);
        }

        /// <summary>Size of slot i: MinClassSize + i·ClassStep, capped at MaxClassSize.</summary>
        private int SlotSize(int i)
        {
            int s = _minSize + i * _step;
            return s > _maxSize ? _maxSize : s;
        }

        /// <summary>Frames per zspage for one class size: least tail waste, shortest chain on ties.</summary>
        public static int ChainFor(int classSize, int frameSize, int maxFrames, int zspageHeaderBytes)
        {
            int best = 0;
            int bestWaste = int.MaxValue;
            for (int k = 1; k <= maxFrames; k++)
            {
                int usable = k * frameSize - zspageHeaderBytes;
                if (usable < classSize) continue;
                int waste = usable % classSize;
                if (waste < bestWaste)
                {
                    bestWaste = waste;
                    best = k;
                }
            }
            if (best == 0) throw new ArgumentException("class size does not fit in the longest zspage chain");
            return best;
        }

        /// <summary>Number of distinct (merged) classes.</summary>
        public int Count { get { return (_table.Length - SlotCount) / RecordBytes; } }

        /// <summary>Number of size slots before merging.</summary>
        public int SlotCount { get { return (_maxSize - _minSize + _step - 1) / _step + 1; } }

        /// <summary>Largest class size (bytes).</summary>
        public int MaxClassSize { get { return _maxSize; } }

        /// <summary>
        /// The huge watermark: the largest slot size whose zspage holds more than one object (zsmalloc's
        /// huge_class_size before it subtracts its handle bytes); anything larger is stored one per zspage.
        /// 0 when every class holds one object. Computed by a walk over the slots (O(SlotCount); not on a
        /// hot path): a merged slot has the (frames, objects) of its class, so its objects per zspage are
        /// its class's.
        /// </summary>
        public int HugeThreshold
        {
            get
            {
                for (int i = SlotCount - 1; i >= 0; i--)
                {
                    if (ObjectsOf(_table[_table.Length - 1 - i]) > 1) return SlotSize(i);
                }
                return 0;
            }
        }

        /// <summary>Object slot size of class c in bytes.</summary>
        public int SizeOf(int c)
        {
            int r = c * RecordBytes;
            return _table[r] | (_table[r + 1] << 8);
        }

        /// <summary>Frames per zspage of class c.</summary>
        public int FramesOf(int c) { return _table[c * RecordBytes + 2]; }

        /// <summary>Objects per zspage of class c.</summary>
        public int ObjectsOf(int c)
        {
            int r = c * RecordBytes;
            return _table[r + 3] | (_table[r + 4] << 8);
        }

        /// <summary>The class for a slot need of `bytes` (1..MaxClassSize); -1 when it is larger than every class.</summary>
        public int ClassFor(int bytes)
        {
            if (bytes > _maxSize) return -1;
            int slot = bytes <= _minSize ? 0 : (bytes - _minSize + _step - 1) / _step;
            return _table[_table.Length - 1 - slot];
        }

        /// <summary>Bytes of the array this table keeps for the pool's lifetime (payload only): SlotCount + 5·Count.</summary>
        public int MetadataBytes
        {
            get { return _table.Length; }
        }

        /// <summary>Heap bytes of that array on nanoFramework, header and rounding included.</summary>
        internal int HeapBytes
        {
            get { return PoolMath.ArrayBytes(_table.Length); }
        }
    }
}
