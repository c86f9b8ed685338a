// Which records of the backing store are in use: a bitmap (one bit per record, 1 = used) with a next-fit
// cursor. Next-fit hands out records round-robin — after a record is freed it is reused only once the
// cursor has gone round the whole store — so writes spread evenly over a raw flash partition (wear
// levelling for media without their own; harmless on an SD card or a file). Allocation-free; TryAllocate
// scans at most RecordCount/32 + 1 words. Freeing a free record or a record out of range is misuse:
// InvalidOperationException / ArgumentOutOfRangeException, nothing changes.
using System;

namespace ZramEmbedded.Allocator.Backing
{
    public sealed class RecordAllocator
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 4;

        private readonly uint[] _used;
        private readonly int _count;
        private int _usedCount;
        private int _cursor;   // the next record to try

        public RecordAllocator(int count)
        {
            if (count < 1) throw new ArgumentOutOfRangeException("count");
            _count = count;
            _used = new uint[(count + 31) / 32];
        }

        public int Count { get { return _count; } }
        public int UsedCount { get { return _usedCount; } }
        public int FreeCount { get { return _count - _usedCount; } }

        /// <summary>Bytes of managed memory this allocator keeps (the bitmap's payload).</summary>
        public int MetadataBytes { get { return _used.Length * 4; } }

        public bool IsUsed(int record)
        {
            if (record < 0 || record >= _count) throw new ArgumentOutOfRangeException("record");
            return (_used[record >> 5] & (1u << (record & 31))) != 0;
        }

        /// <summary>Takes the next free record at or after the cursor (wrapping). False when all are used.</summary>
        public bool TryAllocate(out int record)
        {
            record = -1;
            if (_usedCount == _count) return false;
            int words = _used.Length;
            int w = _cursor >> 5;
            // The cursor's own word from the cursor's bit, then whole words round the store, then the cursor's
            // word below the cursor's bit.
            uint free = ~_used[w] & (0xFFFFFFFFu << (_cursor & 31));
            for (int step = 0; step <= words; step++)
            {
                if (step > 0)
                {
                    w = w + 1 == words ? 0 : w + 1;
                    free = ~_used[w];
                }
                while (free != 0)
                {
                    int bit = LowestBit(free);
                    int r = (w << 5) + bit;
                    if (r >= _count) break; // padding bits of the last word
                    _used[w] |= 1u << bit;
                    _usedCount++;
                    _cursor = r + 1 == _count ? 0 : r + 1;
                    record = r;
                    return true;
                }
            }
            throw new InvalidOperationException("record bitmap disagrees with its count");
        }

        public void Free(int record)
        {
            if (record < 0 || record >= _count) throw new ArgumentOutOfRangeException("record");
            uint mask = 1u << (record & 31);
            if ((_used[record >> 5] & mask) == 0) throw new InvalidOperationException("record " + record.ToString() + " is not in use");
            _used[record >> 5] &= ~mask;
            _usedCount--;
        }

        /// <summary>Frees every record (the cursor stays where it is, so wear keeps spreading).</summary>
        public void Clear()
        {
            Array.Clear(_used, 0, _used.Length);
            _usedCount = 0;
        }

        public void CheckInvariants()
        {
            int n = 0;
            for (int w = 0; w < _used.Length; w++)
            {
                uint v = _used[w];
                while (v != 0) { v &= v - 1; n++; }
            }
            if (n != _usedCount) throw new InvalidOperationException("record bitmap holds " + n.ToString() + " used, count says " + _usedCount.ToString());
            int pad = _used.Length * 32 - _count;
            if (pad > 0 && (_used[_used.Length - 1] >> (32 - pad)) != 0) throw new InvalidOperationException("padding bits set");
            if (_cursor < 0 || _cursor >= _count) throw new InvalidOperationException("cursor out of range");
        }

        private static int LowestBit(uint v)
        {
            int b = 0;
            if ((v & 0xFFFF) == 0) { v >>= 16; b += 16; }
            if ((v & 0xFF) == 0) { v >>= 8; b += 8; }
            if ((v & 0xF) == 0) { v >>= 4; b += 4; }
            if ((v & 0x3) == 0) { v >>= 2; b += 2; }
            if ((v & 0x1) == 0) b += 1;
            return b;
        }
    }
}
