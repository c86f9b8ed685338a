// Reserving an arena as byte[] segments, none larger than MaxSegmentBytes.
//
// Why: nanoFramework keeps an object's size as a 16-bit count of 12-byte heap blocks, so one byte[] holds
// at most 0xFFFF · 12 − 20 = 786,400 bytes; asking for more fails with OutOfMemory whatever the free heap
// (nanoframework-facts.md §2). MaxSegmentBytes = 512 KiB stays well below that, is a power of two (so it
// holds whole frames of every frame size the pool accepts, 64 B – 64 KiB, and all segments of an arena
// hold the same power-of-two number of frames, which ZsPool asks of several segments) and is a block a fragmented heap still finds more easily than one of
// 768 KB. ZsPool takes the segments as they are (a host test may hand it one large array); everything that
// reserves an arena on a device (Board, Firmware) goes through Reserve, and a host test scans the sources
// for any other large `new byte[...]`.
// Reserve(total) gives ⌈total / 512 KiB⌉ segments: all of 512 KiB but the last, which takes the rest (so a
// 96 KiB arena is still one plain array). The segments are allocated once, at boot; nothing here runs per
// operation.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public static class ArenaSegments
    {
        /// <summary>Largest segment Reserve allocates (bytes): 512 KiB, below nanoFramework's ~786,400 B object limit.</summary>
        public const int MaxSegmentBytes = 512 * 1024;

        /// <summary>Segments of MaxSegmentBytes (the last one smaller) adding up to totalBytes.</summary>
        public static byte[][] Reserve(int totalBytes)
        {
            return Reserve(totalBytes, MaxSegmentBytes);
        }

        /// <summary>
        /// Segments of segmentBytes (a power of two up to MaxSegmentBytes, at least the pool's frame size; the
        /// last one takes the rest) adding up to totalBytes. ArgumentOutOfRangeException when either is out of
        /// range.
        /// </summary>
        public static byte[][] Reserve(int totalBytes, int segmentBytes)
        {
            if (totalBytes < 1) throw new ArgumentOutOfRangeException("totalBytes");
            if (!PoolMath.IsPowerOfTwo(segmentBytes) || segmentBytes > MaxSegmentBytes) throw new ArgumentOutOfRangeException("segmentBytes");
            int count = (totalBytes - 1) / segmentBytes + 1;
            byte[][] segments = new byte[count][];
            for (int i = 0; i < count; i++)
            {
                int left = totalBytes - i * segmentBytes;
                segments[i] = new byte[left < segmentBytes ? left : segmentBytes];
            }
            return segments;
        }

        /// <summary>Bytes of all segments.</summary>
        public static int TotalBytes(byte[][] segments)
        {
            if (segments == null) throw new ArgumentNullException("segments");
            int total = 0;
            for (int i = 0; i < segments.Length; i++)
            {
                if (segments[i] != null) total += segments[i].Length;
            }
            return total;
        }

        /// <summary>Bytes of the largest segment.</summary>
        public static int LargestSegmentBytes(byte[][] segments)
        {
            if (segments == null) throw new ArgumentNullException("segments");
            int largest = 0;
            for (int i = 0; i < segments.Length; i++)
            {
                if (segments[i] != null && segments[i].Length > largest) largest = segments[i].Length;
            }
            return largest;
        }
    }
}
