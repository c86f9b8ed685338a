// The arena cut into frames, the free-frame list, and byte access to a zspage as one linear range.
//
// Units: a frame is FrameSize = 2^FrameShift bytes. The arena is one or more byte[] segments (a
// nanoFramework object holds at most ~786 KB, so large arenas come as several; ArenaSegments): with
// several segments, every one but the last holds the same power of two S = 2^SegmentShift of whole frames,
// the last at most S; frame f lives in segment f >> SegmentShift at byte ((f & (S − 1)) · FrameSize), so a
// frame never straddles segments, the lookup is two shifts and a mask (no division on an M0+), and the
// bytes past a segment's last whole frame are never used. One segment is the plain single-array arena
// (SegmentShift 16: every frame number is below 2^16).
// A zspage is named by its head frame; its frames are linked through a next-frame array, so they need
// not be adjacent; a frame that links to itself ends its chain (no "none" value is needed). Links are
// packed at the fewest bits that name every frame (8 bits up to 256 frames, 9 up to 512, …): small
// frames make small arenas pack well, and this keeps their link table at 1.1–1.3 B per frame instead of
// 2. (Runs, the whole-frame part of objects of a frame or more, are chains here too, outside any
// zspage.) Position p (bytes from the start of the
// zspage) lies in the (p >> FrameShift)-th frame of the chain at offset p & FrameMask; objects may
// straddle frames, and every copy here splits at frame edges. Free frames are linked through the same
// array (a frame is in exactly one chain or on the free list, which ends the same way).
// Memory: ⌈frames·bits/8⌉ + 2 bytes of links plus the pool's own copy of the segment table (a reference
// array), both counted in MetadataBytes with their array headers, and seven fields (in
// ZsPool.FixedObjectBytes; frame size, mask and count are computed); no allocation after construction.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class FrameStore
    {
        /// <summary>"No zspage" in zspage list links (Zspage, FullnessGroups); frame numbers stay below it.</summary>
        internal const int None = 0xFFFF;

        // Every field costs a 12-byte heap block on the device (ZsPool.FixedObjectBytes), so the frame size,
        // mask and count and the link mask are computed from these where they are needed.
        private readonly byte[][] _segments; // the pool's own copy of the caller's segment table
        private readonly int _segmentShift;  // log2 S: S whole frames in every segment but the last
        internal readonly int FrameShift;  // log2(frame size)
        private readonly byte[] _links;    // FrameCount links of _linkBits bits, little-endian bit order, + 2 pad bytes
        private readonly int _linkBits;    // 1..16
        private int _freeHead;
        private int _freeCount;

        /// <summary>segments: checked by the caller to be non-null with no null element; copied, not kept.</summary>
        internal FrameStore(byte[][] segments, int frameSize)
        {
            FrameShift = PoolMath.Log2(frameSize);
            int n = segments.Length;
            int per = n == 1 ? 1 << 16 : segments[0].Length >> FrameShift;
            if (!PoolMath.IsPowerOfTwo(per)) throw new ArgumentException("segments must hold a power of two of whole frames");
            long total = 0;
            for (int i = 0; i < n; i++)
            {
                int f = segments[i].Length >> FrameShift;
                if (i < n - 1 && f != per)
                    throw new ArgumentException("every segment but the last must hold the same number of whole frames");
                if (f > per) throw new ArgumentException("a segment holds more whole frames than the first");
                total += f;
            }
            if (total < 1) throw new ArgumentException("arena is smaller than one frame");
            if (total >= None) throw new ArgumentException("too many frames (use a larger FrameSize)");
            int frames = (int)total;
            _segments = new byte[n][];
            for (int i = 0; i < n; i++) _segments[i] = segments[i];
            _segmentShift = PoolMath.Log2(per);
            _linkBits = PoolMath.BitsFor(frames - 1);
            // Two pad bytes let every link be read as one 3-byte window (a link spans at most 3 bytes).
            _links = new byte[(frames * _linkBits + 7) / 8 + 2];
            for (int f = 0; f < frames; f++) SetNext(f, f + 1 < frames ? f + 1 : f);
            _freeHead = 0;
            _freeCount = frames;
        }

        /// <summary>Bytes per frame: 2^FrameShift.</summary>
        internal int FrameSize { get { return 1 << FrameShift; } }

        /// <summary>FrameSize − 1: the offset bits of a zspage position.</summary>
        internal int FrameMask { get { return (1 << FrameShift) - 1; } }

        /// <summary>Whole frames in the arena (a partial frame at a segment's end is never used).</summary>
        internal int FrameCount
        {
            get
            {
                int last = _segments.Length - 1;
                return (last << _segmentShift) + (_segments[last].Length >> FrameShift);
            }
        }

        internal int FreeCount { get { return _freeCount; } }

        /// <summary>First frame of the free list; -1 when no frame is free.</summary>
        internal int FreeHead { get { return _freeHead; } }

        internal int SegmentCount { get { return _segments.Length; } }

        /// <summary>Bytes of all segments, used or not (what the caller reserved).</summary>
        internal int ArenaBytes
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _segments.Length; i++) total += _segments[i].Length;
                return total;
            }
        }

        /// <summary>Bytes of the link table's elements (PoolStats.FrameLinkBytes).</summary>
        internal int LinkBytes { get { return _links.Length; } }

        /// <summary>
        /// Heap bytes of the link table and of the pool's segment table, headers and rounding included (a
        /// reference array's element is a 12-byte heap block on the device).
        /// </summary>
        internal int MetadataBytes { get { return PoolMath.ArrayBytes(_links.Length) + PoolMath.ArrayBytes(12 * _segments.Length); } }

        /// <summary>The segment holding frame f.</summary>
        internal byte[] SegmentOf(int f)
        {
            return _segments[f >> _segmentShift];
        }

        /// <summary>Byte index of frame f's first byte inside SegmentOf(f).</summary>
        internal int OffsetOf(int f)
        {
            return (f & ((1 << _segmentShift) - 1)) << FrameShift;
        }

        /// <summary>Byte `offset` (&lt; FrameSize) of frame f.</summary>
        internal int ByteAt(int f, int offset)
        {
            return _segments[f >> _segmentShift][((f & ((1 << _segmentShift) - 1)) << FrameShift) + offset];
        }

        internal void SetByteAt(int f, int offset, int value)
        {
            _segments[f >> _segmentShift][((f & ((1 << _segmentShift) - 1)) << FrameShift) + offset] = (byte)value;
        }

        /// <summary>Little-endian 16-bit value at `offset` of frame f (offset + 1 &lt; FrameSize: inside the frame).</summary>
        internal int Get16At(int f, int offset)
        {
            byte[] a = _segments[f >> _segmentShift];
            int i = ((f & ((1 << _segmentShift) - 1)) << FrameShift) + offset;
            return a[i] | (a[i + 1] << 8);
        }

        internal void Set16At(int f, int offset, int value)
        {
            byte[] a = _segments[f >> _segmentShift];
            int i = ((f & ((1 << _segmentShift) - 1)) << FrameShift) + offset;
            a[i] = (byte)value;
            a[i + 1] = (byte)(value >> 8);
        }

        /// <summary>The frame after f in its chain; f itself when f ends the chain.</summary>
        internal int Next(int f)
        {
            int bit = f * _linkBits;
            int i = bit >> 3;
            int window = _links[i] | (_links[i + 1] << 8) | (_links[i + 2] << 16);
            return (window >> (bit & 7)) & ((1 << _linkBits) - 1);
        }

        private void SetNext(int f, int next)
        {
            int bit = f * _linkBits;
            int i = bit >> 3;
            int shift = bit & 7;
            int window = _links[i] | (_links[i + 1] << 8) | (_links[i + 2] << 16);
            window = (window & ~(((1 << _linkBits) - 1) << shift)) | (next << shift);
            _links[i] = (byte)window;
            _links[i + 1] = (byte)(window >> 8);
            _links[i + 2] = (byte)(window >> 16);
        }

        /// <summary>Takes `count` free frames and links them into one chain; returns its head. Caller checks FreeCount.</summary>
        internal int AllocateChain(int count)
        {
            int head = _freeHead;
            int last = head;
            for (int i = 1; i < count; i++) last = Next(last);
            int rest = Next(last);
            _freeHead = rest == last ? -1 : rest;
            SetNext(last, last);
            _freeCount -= count;
            return head;
        }

        /// <summary>Returns every frame of the chain starting at head to the free list; returns how many.</summary>
        internal int ReleaseChain(int head)
        {
            int count = 1;
            int last = head;
            while (Next(last) != last)
            {
                last = Next(last);
                count++;
            }
            SetNext(last, _freeHead < 0 ? last : _freeHead);
            _freeHead = head;
            _freeCount += count;
            return count;
        }

        /// <summary>Appends `extra` free frames after the last of the chain's `length` frames. Caller checks FreeCount.</summary>
        internal void Extend(int head, int length, int extra)
        {
            int last = head;
            for (int i = 1; i < length; i++) last = Next(last);
            int added = AllocateChain(extra);
            SetNext(last, added);
        }

        /// <summary>Keeps the first `keep` (≥ 1) frames of the chain and frees the rest; returns how many were freed.</summary>
        internal int Truncate(int head, int keep)
        {
            int last = head;
            for (int i = 1; i < keep; i++) last = Next(last);
            int rest = Next(last);
            if (rest == last) return 0;
            SetNext(last, last);
            return ReleaseChain(rest);
        }

        /// <summary>The frame holding byte `pos` of the zspage whose head frame is `head`.</summary>
        internal int FrameAt(int head, int pos)
        {
            int f = head;
            for (int i = pos >> FrameShift; i > 0; i--) f = Next(f);
            return f;
        }

        /// <summary>Little-endian 16-bit value at zspage position pos (may straddle two frames).</summary>
        internal int ReadU16(int head, int pos)
        {
            int mask = (1 << FrameShift) - 1;
            int f = FrameAt(head, pos);
            int off = pos & mask;
            if (off < mask) return Get16At(f, off);
            return ByteAt(f, off) | (ByteAt(Next(f), 0) << 8);
        }

        internal void WriteU16(int head, int pos, int value)
        {
            int mask = (1 << FrameShift) - 1;
            int f = FrameAt(head, pos);
            int off = pos & mask;
            if (off < mask)
            {
                Set16At(f, off, value);
                return;
            }
            SetByteAt(f, off, value);
            SetByteAt(Next(f), 0, value >> 8);
        }

        /// <summary>
        /// Scans the 16-bit tags at zspage positions first, first+stride, … (count of them) walking the chain
        /// once; returns the index of the first (or, with last = true, the last) tag whose low bit equals
        /// `used`, or -1. Used to find a zspage's lowest free slot and its highest used slot.
        /// </summary>
        internal int ScanTags(int head, int first, int stride, int count, bool used, bool last)
        {
            int want = used ? 1 : 0;
            int shift = FrameShift;
            int mask = (1 << shift) - 1;
            int found = -1;
            int f = head;
            int fi = 0;
            for (int i = 0; i < count; i++)
            {
                int pos = first + i * stride;
                int target = pos >> shift;
                while (fi < target)
                {
                    f = Next(f);
                    fi++;
                }
                // The used bit is bit 0 of the tag's low byte, which is at pos itself (never past the frame).
                int low = ByteAt(f, pos & mask);
                if ((low & 1) == want)
                {
                    found = i;
                    if (!last) return i;
                }
            }
            return found;
        }

        /// <summary>
        /// Copies count bytes between chain (head, pos) and buffer[offset..]: into the arena when intoArena,
        /// else out of it. Splits at frame edges, walking the chain once.
        /// </summary>
        internal void Copy(int head, int pos, byte[] buffer, int offset, int count, bool intoArena)
        {
            int shift = FrameShift;
            int size = 1 << shift;
            int f = head;
            for (int i = pos >> shift; i > 0; i--) f = Next(f);
            int off = pos & (size - 1);
            while (count > 0)
            {
                int n = PoolMath.Min(size - off, count);
                byte[] seg = SegmentOf(f);
                int at = OffsetOf(f) + off;
                if (intoArena) Array.Copy(buffer, offset, seg, at, n);
                else Array.Copy(seg, at, buffer, offset, n);
                offset += n;
                count -= n;
                off = 0;
                if (count > 0) f = Next(f);
            }
        }

        /// <summary>Copies count bytes between two zspage ranges (different zspages, so never overlapping).</summary>
        internal void Move(int srcHead, int srcPos, int dstHead, int dstPos, int count)
        {
            int shift = FrameShift;
            int size = 1 << shift;
            int sf = srcHead;
            for (int i = srcPos >> shift; i > 0; i--) sf = Next(sf);
            int df = dstHead;
            for (int i = dstPos >> shift; i > 0; i--) df = Next(df);
            int so = srcPos & (size - 1);
            int dof = dstPos & (size - 1);
            while (count > 0)
            {
                int n = PoolMath.Min(PoolMath.Min(size - so, size - dof), count);
                Array.Copy(SegmentOf(sf), OffsetOf(sf) + so, SegmentOf(df), OffsetOf(df) + dof, n);
                count -= n;
                so += n;
                dof += n;
                if (so == size) { so = 0; if (count > 0) sf = Next(sf); }
                if (dof == size) { dof = 0; if (count > 0) df = Next(df); }
            }
        }
    }
}
