// Safe LZ4 block decompressor. It needs no working memory and never trusts the block: every length is
// checked against what is left of the input range and of the output range before a byte moves, every
// offset against the bytes already produced, and each sequence consumes at least one input byte, so it
// always terminates (after at most srcLength sequences) and never reads or writes outside the given
// ranges. A malformed block gives a negative Error* code (TryDecompress) or an Lz4CorruptException
// (Decompress); never IndexOutOfRangeException and never a length for partially decoded data.
//
// It accepts any well-formed sequence stream that ends with a literal-only sequence consuming exactly the
// input, which is a superset of what the spec's end-of-block rules allow (the spec lets a decoder be
// lenient here); everything a conforming compressor writes (ours, liblz4's) decodes.
//
// Cost: literal runs and non-overlapping matches move with Array.Copy (native memmove on nanoFramework,
// inlined by the host JIT). Runs of up to 16 bytes are copied as exactly 16 bytes when both ranges have
// room ("wild copy", as liblz4 does): a native call costs the same for 3 or 16 bytes, and on the host the
// constant size keeps memmove's size dispatch predictable (measured: decode speed 0.27 -> 0.30 of liblz4).
// The extra bytes land inside the output range and are overwritten by later sequences, so bytes of the
// output range past the returned length may be changed. Overlapping matches (offset < length, e.g. a byte
// run with offset 1) of up to 16 bytes are copied byte by byte (forward order is the LZ77 semantics);
// longer ones are replicated by doubling: each Array.Copy doubles the copied period, so a run of n bytes
// costs about log2(n / offset) native calls instead of n interpreted iterations. The common sequence
// (both lengths inside the token, room in both ranges) takes a fast path with one offset check and two
// constant-size copies (measured on the host: 0.30 -> 0.31-0.32 of liblz4, and the slowest kind, sensor
// records, 0.23 -> 0.25).
//
// Dictionary blocks (LZ4's external dictionary, LZ4_decompress_safe_usingDict): the dictionary reads as if
// it preceded the output, so an offset may reach up to (bytes produced + dictionary length) back; the part
// of such a match lying in the dictionary is copied from it, the rest continues at the output's start.
// That loop is a second copy of the plain one with the dictionary case added where a bad offset would be
// rejected: the plain loop stays exactly as it was (sharing one loop cost plain blocks 7-9 % of decode
// speed on the host), and a call with an empty dictionary takes the plain loop.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public static class Lz4Decoder
    {
        /// <summary>The input ended inside a sequence (token, length extension, literals or offset missing).</summary>
        public const int ErrorTruncated = -1;
        /// <summary>A literal run or match would run past the end of the output capacity.</summary>
        public const int ErrorOutputOverrun = -2;
        /// <summary>An offset of 0, or one pointing before the start of the output.</summary>
        public const int ErrorBadOffset = -3;
        /// <summary>A literal run longer than the input that is left.</summary>
        public const int ErrorLiteralOverrun = -4;

        // Overlapping matches of at most OverlapLoop bytes use a byte loop. Literal runs of at most
        // WildLiterals bytes and non-overlapping matches of at most WildMatch bytes with offset >= WildMatch
        // are copied as exactly that many bytes when the ranges have room.
        private const int OverlapLoop = 16;
        private const int WildLiterals = 16;
        private const int WildMatch = 16;

        // Fast path: input room for the token's literals (<= 14) + 2 offset bytes, rounded up to the
        // 16-byte literal copy + 2; output room for 14 literals + an 18-byte match copy.
        private const int FastMatch = 18;
        private const int FastInput = WildLiterals + 2;
        private const int FastOutput = 14 + FastMatch;

        /// <summary>
        /// Decompresses src[srcOffset..srcOffset+srcLength) into dst[dstOffset..dstOffset+dstCapacity) and
        /// returns the decoded length. Bytes of the output range past that length may be overwritten.
        /// Throws Lz4CorruptException for a malformed block (the output range may then hold garbage),
        /// ArgumentNullException/ArgumentOutOfRangeException for bad ranges, ArgumentException when the
        /// ranges overlap in one array.
        /// </summary>
        public static int Decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity)
        {
            int n = TryDecompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
            if (n < 0) throw new Lz4CorruptException(n, ErrorMessage(n));
            return n;
        }

        /// <summary>Text for an Error* code.</summary>
        public static string ErrorMessage(int error)
        {
            switch (error)
            {
                case ErrorTruncated: return "LZ4 block truncated";
                case ErrorOutputOverrun: return "LZ4 block decodes past the output capacity";
                case ErrorBadOffset: return "LZ4 block has an invalid match offset";
                case ErrorLiteralOverrun: return "LZ4 block literal run exceeds the input";
                default: return "LZ4 block corrupt";
            }
        }

        /// <summary>
        /// As Decompress, but a malformed block returns a negative Error* code instead of throwing
        /// (no allocation on any path). A non-negative result is the exact decoded length.
        /// </summary>
        public static int TryDecompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity)
        {
            if (src == null) throw new ArgumentNullException("src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (srcOffset < 0 || srcLength < 0 || srcOffset > src.Length - srcLength) throw new ArgumentOutOfRangeException("srcLength");
            if (dstOffset < 0 || dstCapacity < 0 || dstOffset > dst.Length - dstCapacity) throw new ArgumentOutOfRangeException("dstCapacity");
            if (src == dst && srcOffset < dstOffset + dstCapacity && dstOffset < srcOffset + srcLength)
                throw new ArgumentException("input and output ranges overlap");

            int ip = srcOffset;                 // next input byte
            int iend = srcOffset + srcLength;   // one past the last input byte
            int op = dstOffset;                 // next output byte
            int oend = dstOffset + dstCapacity; // one past the last writable output byte

            while (true)
            {
                // Invariants: srcOffset <= ip <= iend, dstOffset <= op <= oend.
                if (ip >= iend) return ErrorTruncated;
                int token = src[ip++];

                int length = token >> 4;

                // Fast path for the common sequence: both lengths fit in the token (literals <= 14, match
                // <= 18 bytes) and both ranges have room for fixed-size copies (16 bytes of literals from
                // ip; 14 + 18 bytes of output), so only the offset needs checking. The input room also
                // means this is not the last sequence: an offset follows the literals.
                if (length != 15 && (token & 15) != 15 && iend - ip >= FastInput && oend - op >= FastOutput)
                {
                    Array.Copy(src, ip, dst, op, WildLiterals);
                    ip += length;
                    op += length;
                    int fastOffset = src[ip] | (src[ip + 1] << 8);
                    ip += 2;
                    if (fastOffset == 0 || fastOffset > op - dstOffset) return ErrorBadOffset;
                    int fm = op - fastOffset;
                    length = (token & 15) + Lz4Block.MinMatch;
                    if (fastOffset >= FastMatch)
                    {
                        Array.Copy(dst, fm, dst, op, FastMatch);
                        op += length;
                    }
                    else if (fastOffset >= length)
                    {
                        Array.Copy(dst, fm, dst, op, length);
                        op += length;
                    }
                    else
                    {
                        int fe = op + length;
                        while (op < fe) dst[op++] = dst[fm++];
                    }
                    continue;
                }

                // Literal run.
                if (length == 15)
                {
                    int b;
                    do
                    {
                        if (ip >= iend) return ErrorTruncated;
                        b = src[ip++];
                        length += b;
                        // Bounded by the input left, so it cannot overflow however many 255s follow.
                        if (length > iend - ip) return ErrorLiteralOverrun;
                    } while (b == 255);
                }
                if (length != 0)
                {
                    if (length > iend - ip) return ErrorLiteralOverrun;
                    if (length > oend - op) return ErrorOutputOverrun;
                    if (length <= WildLiterals && iend - ip >= WildLiterals && oend - op >= WildLiterals)
                    {
                        // Fixed-size copy: the bytes past the run are rewritten by later sequences
                        // (or lie beyond the returned length); both ranges were checked to hold them.
                        Array.Copy(src, ip, dst, op, WildLiterals);
                    }
                    else
                    {
                        Array.Copy(src, ip, dst, op, length);
                    }
                    ip += length;
                    op += length;
                }

                // The last sequence has literals only and ends exactly at the end of the input.
                if (ip == iend) return op - dstOffset;

                // Match offset: 2 bytes little-endian, 1..(bytes produced so far).
                if (iend - ip < 2) return ErrorTruncated;
                int offset = src[ip] | (src[ip + 1] << 8);
                ip += 2;
                if (offset == 0 || offset > op - dstOffset) return ErrorBadOffset;

                // Match length: low nibble + 4, nibble 15 extends like the literal length.
                length = token & 15;
                if (length == 15)
                {
                    int b;
                    do
                    {
                        if (ip >= iend) return ErrorTruncated;
                        b = src[ip++];
                        length += b;
                        // Bounded by the output left, so it cannot overflow.
                        if (length > oend - op) return ErrorOutputOverrun;
                    } while (b == 255);
                }
                length += Lz4Block.MinMatch;
                if (length > oend - op) return ErrorOutputOverrun;

                int m = op - offset;
                if (offset >= length)
                {
                    // A fixed-size copy when source and destination do not overlap (an overlapping
                    // Array.Copy takes a slower memmove path on the host).
                    if (length <= WildMatch && offset >= WildMatch && oend - op >= WildMatch) Array.Copy(dst, m, dst, op, WildMatch);
                    else Array.Copy(dst, m, dst, op, length);
                    op += length;
                }
                else if (length <= OverlapLoop)
                {
                    // Byte order gives the LZ77 semantics for overlapping matches too.
                    int e = op + length;
                    while (op < e) dst[op++] = dst[m++];
                }
                else
                {
                    // dst[m..op) is one period of the run; copy it, then the doubled period, and so on.
                    // Each chunk is no longer than the distance between its source and destination,
                    // so no copy overlaps itself.
                    int end = op + length;
                    while (op < end)
                    {
                        int chunk = op - m;
                        int left = end - op;
                        if (chunk > left) chunk = left;
                        Array.Copy(dst, m, dst, op, chunk);
                        op += chunk;
                    }
                }
            }
        }

        /// <summary>
        /// As Decompress, for a block compressed against a dictionary (LZ4's external dictionary: the
        /// dictionary bytes dict[dictOffset..dictOffset+dictLength) are treated as if they preceded the
        /// output, so offsets may reach back into them). The dictionary must be byte-identical to the one
        /// the block was compressed with. An offset reaching before the dictionary's first byte is
        /// ErrorBadOffset; the dictionary is only read. dict may be null when dictLength is 0.
        /// </summary>
        public static int Decompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity,
                                     byte[] dict, int dictOffset, int dictLength)
        {
            int n = TryDecompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity, dict, dictOffset, dictLength);
            if (n < 0) throw new Lz4CorruptException(n, ErrorMessage(n));
            return n;
        }

        /// <summary>As Decompress with a dictionary, returning a negative Error* code for a malformed block.</summary>
        public static int TryDecompress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity,
                                        byte[] dict, int dictOffset, int dictLength)
        {
            if (dictLength != 0)
            {
                if (dict == null) throw new ArgumentNullException("dict");
                if (dictOffset < 0 || dictLength < 0 || dictOffset > dict.Length - dictLength) throw new ArgumentOutOfRangeException("dictLength");
                if (dict == dst && dictOffset < dstOffset + dstCapacity && dstOffset < dictOffset + dictLength)
                    throw new ArgumentException("dictionary and output ranges overlap");
            }
            else if (dictLength < 0) throw new ArgumentOutOfRangeException("dictLength");
            else return TryDecompress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity);
            if (src == null) throw new ArgumentNullException("src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (srcOffset < 0 || srcLength < 0 || srcOffset > src.Length - srcLength) throw new ArgumentOutOfRangeException("srcLength");
            if (dstOffset < 0 || dstCapacity < 0 || dstOffset > dst.Length - dstCapacity) throw new ArgumentOutOfRangeException("dstCapacity");
            if (src == dst && srcOffset < dstOffset + dstCapacity && dstOffset < srcOffset + srcLength)
                throw new ArgumentException("input and output ranges overlap");

            int ip = srcOffset;                 // next input byte
            int iend = srcOffset + srcLength;   // one past the last input byte
            int op = dstOffset;                 // next output byte
            int oend = dstOffset + dstCapacity; // one past the last writable output byte

            while (true)
            {
                // Invariants: srcOffset <= ip <= iend, dstOffset <= op <= oend.
                if (ip >= iend) return ErrorTruncated;
                int token = src[ip++];

                int length = token >> 4;
                int offset;

                // Fast path for the common sequence: both lengths fit in the token (literals <= 14, match
                // <= 18 bytes) and both ranges have room for fixed-size copies (16 bytes of literals from
                // ip; 14 + 18 bytes of output), so only the offset needs checking. The input room also
                // means this is not the last sequence: an offset follows the literals.
                if (length != 15 && (token & 15) != 15 && iend - ip >= FastInput && oend - op >= FastOutput)
                {
                    Array.Copy(src, ip, dst, op, WildLiterals);
                    ip += length;
                    op += length;
                    int fastOffset = src[ip] | (src[ip + 1] << 8);
                    ip += 2;
                    length = (token & 15) + Lz4Block.MinMatch;
                    if (fastOffset == 0 || fastOffset > op - dstOffset)
                    {
                        // Zero, or reaching before the output: only valid into a dictionary (rare path).
                        if (fastOffset == 0 || fastOffset > op - dstOffset + dictLength) return ErrorBadOffset;
                        offset = fastOffset;
                        goto CopyMatch;
                    }
                    int fm = op - fastOffset;
                    if (fastOffset >= FastMatch)
                    {
                        Array.Copy(dst, fm, dst, op, FastMatch);
                        op += length;
                    }
                    else if (fastOffset >= length)
                    {
                        Array.Copy(dst, fm, dst, op, length);
                        op += length;
                    }
                    else
                    {
                        int fe = op + length;
                        while (op < fe) dst[op++] = dst[fm++];
                    }
                    continue;
                }

                // Literal run.
                if (length == 15)
                {
                    int b;
                    do
                    {
                        if (ip >= iend) return ErrorTruncated;
                        b = src[ip++];
                        length += b;
                        // Bounded by the input left, so it cannot overflow however many 255s follow.
                        if (length > iend - ip) return ErrorLiteralOverrun;
                    } while (b == 255);
                }
                if (length != 0)
                {
                    if (length > iend - ip) return ErrorLiteralOverrun;
                    if (length > oend - op) return ErrorOutputOverrun;
                    if (length <= WildLiterals && iend - ip >= WildLiterals && oend - op >= WildLiterals)
                    {
                        // Fixed-size copy: the bytes past the run are rewritten by later sequences
                        // (or lie beyond the returned length); both ranges were checked to hold them.
                        Array.Copy(src, ip, dst, op, WildLiterals);
                    }
                    else
                    {
                        Array.Copy(src, ip, dst, op, length);
                    }
                    ip += length;
                    op += length;
                }

                // The last sequence has literals only and ends exactly at the end of the input.
                if (ip == iend) return op - dstOffset;

                // Match offset: 2 bytes little-endian, 1..(bytes produced so far).
                if (iend - ip < 2) return ErrorTruncated;
                offset = src[ip] | (src[ip + 1] << 8);
                ip += 2;
                if (offset == 0 || offset > op - dstOffset + dictLength) return ErrorBadOffset;

                // Match length: low nibble + 4, nibble 15 extends like the literal length.
                length = token & 15;
                if (length == 15)
                {
                    int b;
                    do
                    {
                        if (ip >= iend) return ErrorTruncated;
                        b = src[ip++];
                        length += b;
                        // Bounded by the output left, so it cannot overflow.
                        if (length > oend - op) return ErrorOutputOverrun;
                    } while (b == 255);
                }
                length += Lz4Block.MinMatch;
                if (length > oend - op) return ErrorOutputOverrun;

            CopyMatch:
                if (offset > op - dstOffset)
                {
                    // The match starts in the dictionary (offset checked against it above): copy the part
                    // that lies there; the rest continues from the first output byte at the same offset.
                    int back = offset - (op - dstOffset);
                    int head = length < back ? length : back;
                    Array.Copy(dict, dictOffset + dictLength - back, dst, op, head);
                    op += head;
                    length -= head;
                    if (length == 0) continue;
                }
                int m = op - offset;
                if (offset >= length)
                {
                    // A fixed-size copy when source and destination do not overlap (an overlapping
                    // Array.Copy takes a slower memmove path on the host).
                    if (length <= WildMatch && offset >= WildMatch && oend - op >= WildMatch) Array.Copy(dst, m, dst, op, WildMatch);
                    else Array.Copy(dst, m, dst, op, length);
                    op += length;
                }
                else if (length <= OverlapLoop)
                {
                    // Byte order gives the LZ77 semantics for overlapping matches too.
                    int e = op + length;
                    while (op < e) dst[op++] = dst[m++];
                }
                else
                {
                    // dst[m..op) is one period of the run; copy it, then the doubled period, and so on.
                    // Each chunk is no longer than the distance between its source and destination,
                    // so no copy overlaps itself.
                    int end = op + length;
                    while (op < end)
                    {
                        int chunk = op - m;
                        int left = end - op;
                        if (chunk > left) chunk = left;
                        Array.Copy(dst, m, dst, op, chunk);
                        op += chunk;
                    }
                }
            }
        }
    }
}
