// LZ4 block compressor with a preallocated hash table (the only state; one encoder per thread/store).
//
// Algorithm (the greedy single-probe parse of the LZ4 reference compressor, written from the format
// spec): hash the 4 bytes at each probed position into the table, which remembers the last position with
// that hash; when the remembered position holds the same 4 bytes it is a match. The match is extended
// backwards over pending literals and forwards as far as it goes, emitted, and the search resumes after
// it. Without a match the probe skips ahead, faster the longer nothing matched: step = 1 + misses/64,
// with acceleration multiplying the miss count as in LZ4_compress_fast (acceleration 1 is the default;
// larger is faster and compresses less).
//
// Table: ushort[] of 2^hashBits positions relative to the start of the input (so inputs are limited to
// Lz4Block.MaxInputSize = 64 KiB), i.e. 2 bytes of RAM per entry. liblz4's default 16 KiB state holds
// 8192 such entries for small blocks (hashBits 13, LibLz4HashBits); the MCU default is 2048 entries
// (4 KiB of RAM). Measured on the sample pages (`lz4` benchmark): our compressed sizes equal liblz4's at
// the same table size (Debian 1.9.4 at 16 KiB; also checked against liblz4 at LZ4_MEMORY_USAGE 10, 12 and 14), and the
// 4 KiB default table costs 0.1-0.5 % ratio against 16 KiB (liblz4: 0.5-0.7 %, anchors-embedded.md 2.3).
// Reset between inputs: Array.Clear of the whole table (one native memset of 2^(hashBits+1) bytes, about
// 4 KiB per 4 KiB page at the default, against thousands of interpreted instructions for the compression
// itself). A cleared entry points at position 0, which is always a valid candidate because every probe is
// verified by comparing the 4 bytes, so no "empty" marker and no generation counter are needed. (A
// generation/offset trick would avoid the clear but needs 32-bit entries, doubling the table's RAM.)
//
// Output capacity: every sequence is checked exactly against the room left before it is written, so the
// result is either the exact compressed size or Lz4Block.DoesNotFit, compressing into a capacity equal to
// the compressed size succeeds, and a too-small capacity stops the work early. Matches are extended 8
// bytes per compare (BitConverter, a native call on the device) and literal runs move with Array.Copy.
// Zero managed allocation per call.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public sealed class Lz4Encoder
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 2;

        /// <summary>Default table: 2^11 entries = 4 KiB of RAM (MCU default).</summary>
        public const int DefaultHashBits = 11;

        /// <summary>The table liblz4 uses for blocks under 64 KiB with its default 16 KiB state: 2^13 entries.</summary>
        public const int LibLz4HashBits = 13;

        public const int MinHashBits = 8;
        public const int MaxHashBits = 16;

        /// <summary>Largest acceleration honoured (as LZ4_ACCELERATION_MAX); larger values are clamped.</summary>
        public const int MaxAcceleration = 65537;

        // Literal runs of at most this many bytes are copied as exactly this many when there is room.
        private const int WildLiterals = 16;

        // Probing skips ahead by (misses >> SkipTrigger) + 1 positions.
        private const int SkipTrigger = 6;

        // Knuth's multiplicative constant (2^32 / golden ratio), the same hash family liblz4 uses.
        private const uint HashMultiplier = 2654435761u;

        private readonly ushort[] _table;
        private readonly int _hashShift;

        /// <summary>An encoder with the default table (DefaultHashBits).</summary>
        public Lz4Encoder() : this(DefaultHashBits)
        {
        }

        /// <summary>An encoder whose table has 2^hashBits entries (2^(hashBits+1) bytes), MinHashBits..MaxHashBits.</summary>
        public Lz4Encoder(int hashBits)
        {
            if (hashBits < MinHashBits || hashBits > MaxHashBits) throw new ArgumentOutOfRangeException("hashBits");
            _table = new ushort[1 << hashBits];
            _hashShift = 32 - hashBits;
        }

        /// <summary>Number of hash table entries (a power of two).</summary>
        public int HashTableEntries { get { return _table.Length; } }

        /// <summary>RAM held by the hash table, in bytes.</summary>
        public int HashTableBytes { get { return _table.Length * 2; } }

        /// <summary>
        /// The hash table (HashTableEntries ushorts). Between calls it is scratch: every Compress clears it
        /// first. The page store lends it to its recompressor's HC encoder as head table (both run under the
        /// store's lock, never at once). Public for the store layer (ZramEmbedded.Allocator.Store).
        /// </summary>
        public ushort[] TableScratch { get { return _table; } }

        /// <summary>Compress with acceleration 1 (best ratio).</summary>
        public int Compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity)
        {
            return Compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity, 1);
        }

        /// <summary>
        /// Compresses src[srcOffset..srcOffset+srcLength) (at most Lz4Block.MaxInputSize bytes) as one LZ4
        /// block into dst[dstOffset..dstOffset+dstCapacity). Returns the compressed size (at least 1), or
        /// Lz4Block.DoesNotFit (0) when the block would not fit in dstCapacity (the output range then holds
        /// partial output; a store passes its "worth compressing" limit as the capacity and gives up as soon
        /// as the block outgrows it). Nothing is ever written outside the output range, but bytes of it past
        /// the returned size may be changed. A capacity of Lz4Block.CompressBound(srcLength) always fits.
        /// acceleration &lt;= 1 means 1. The ranges must not overlap if they share an array (ArgumentException).
        /// </summary>
        public int Compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity, int acceleration)
        {
            if (src == null) throw new ArgumentNullException("src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (srcOffset < 0 || srcLength < 0 || srcOffset > src.Length - srcLength) throw new ArgumentOutOfRangeException("srcLength");
            if (srcLength > Lz4Block.MaxInputSize) throw new ArgumentOutOfRangeException("srcLength", "LZ4 input larger than Lz4Block.MaxInputSize");
            if (dstOffset < 0 || dstCapacity < 0 || dstOffset > dst.Length - dstCapacity) throw new ArgumentOutOfRangeException("dstCapacity");
            if (src == dst && srcOffset < dstOffset + dstCapacity && dstOffset < srcOffset + srcLength)
                throw new ArgumentException("input and output ranges overlap");
            if (acceleration < 1) acceleration = 1;
            if (acceleration > MaxAcceleration) acceleration = MaxAcceleration;

            int iend = srcOffset + srcLength;   // one past the last input byte
            int op = dstOffset;                 // next output byte
            int oend = dstOffset + dstCapacity; // one past the last writable output byte
            int anchor = srcOffset;             // first input byte not yet emitted

            if (srcLength >= Lz4Block.MinCompressibleLength)
            {
                ushort[] table = _table;
                int shift = _hashShift;
                Array.Clear(table, 0, table.Length);

                // Matches may start at positions <= mflimit (at least 12 bytes before the end) and may not
                // extend to or past matchLimit (the last 5 bytes stay literals).
                int mflimit = iend - Lz4Block.MatchFindLimit;
                int matchLimit = iend - Lz4Block.LastLiterals;
                int startAccel = acceleration << SkipTrigger;

                int ip = srcOffset + 1; // position 0 is in the cleared table already
                int match;
                while (true)
                {
                    // Find a match: probe ip, ip + step, ... with a growing step.
                    int misses = startAccel;
                    int step = 1;
                    uint seq;
                    while (true)
                    {
                        seq = BitConverter.ToUInt32(src, ip);
                        int h = (int)((seq * HashMultiplier) >> shift);
                        match = srcOffset + table[h];
                        table[h] = (ushort)(ip - srcOffset);
                        // Every stored position is below ip, so a verified candidate has offset 1..65535.
                        if (BitConverter.ToUInt32(src, match) == seq) break;
                        ip += step;
                        step = misses++ >> SkipTrigger;
                        if (ip > mflimit) goto LastLiterals;
                    }

                    // Extend backwards over pending literals.
                    while (ip > anchor && match > srcOffset && src[ip - 1] == src[match - 1])
                    {
                        ip--;
                        match--;
                    }

                    // Literal run and token; checked exactly before anything is written.
                    int lit = ip - anchor;
                    int litExt = lit < 15 ? 0 : (lit + 240) / 255;
                    if (lit + litExt + 3 > oend - op) return Lz4Block.DoesNotFit;
                    int tokenPos = op++;
                    op = WriteLiterals(src, anchor, lit, iend, dst, op, oend, tokenPos);

                    while (true)
                    {
                        // Offset, then the match length found by comparing forward from the 4 known bytes.
                        int offset = ip - match;
                        dst[op] = (byte)offset;
                        dst[op + 1] = (byte)(offset >> 8);
                        op += 2;

                        // Word compare, 8 bytes at a time: the first differing byte is the lowest non-zero byte
                        // of the XOR on a little-endian machine (BitConverter reads in machine order; ARM MCUs
                        // and x86 are little-endian). One native read per 8 bytes on the device.
                        int p = ip + Lz4Block.MinMatch;
                        int q = match + Lz4Block.MinMatch;
                        while (p <= matchLimit - 8)
                        {
                            ulong diff = BitConverter.ToUInt64(src, p) ^ BitConverter.ToUInt64(src, q);
                            if (diff != 0)
                            {
                                uint low = (uint)diff;
                                if (low == 0) { p += 4; low = (uint)(diff >> 32); }
                                if ((low & 0xFFFFu) == 0) { p += 2; low >>= 16; }
                                if ((low & 0xFFu) == 0) p++;
                                goto MatchEnd;
                            }
                            p += 8;
                            q += 8;
                        }
                        while (p < matchLimit && src[p] == src[q])
                        {
                            p++;
                            q++;
                        }
                    MatchEnd:
                        int mcode = p - ip - Lz4Block.MinMatch;
                        ip = p;
                        if (mcode < 15)
                        {
                            dst[tokenPos] += (byte)mcode;
                        }
                        else
                        {
                            int ext = (mcode + 240) / 255;
                            if (ext > oend - op) return Lz4Block.DoesNotFit;
                            dst[tokenPos] += 15;
                            int rest = mcode - 15;
                            while (rest >= 255)
                            {
                                dst[op++] = 255;
                                rest -= 255;
                            }
                            dst[op++] = (byte)rest;
                        }
                        anchor = ip;
                        if (ip > mflimit) goto LastLiterals;

                        // Remember a position inside the match, then try an immediate next match at ip.
                        uint s2 = BitConverter.ToUInt32(src, ip - 2);
                        table[(int)((s2 * HashMultiplier) >> shift)] = (ushort)(ip - 2 - srcOffset);
                        seq = BitConverter.ToUInt32(src, ip);
                        int h2 = (int)((seq * HashMultiplier) >> shift);
                        match = srcOffset + table[h2];
                        table[h2] = (ushort)(ip - srcOffset);
                        if (BitConverter.ToUInt32(src, match) != seq) break;

                        // A sequence with no literals.
                        if (3 > oend - op) return Lz4Block.DoesNotFit;
                        tokenPos = op;
                        dst[op++] = 0;
                    }
                    ip++;
                    if (ip > mflimit) goto LastLiterals;
                }
            }

        LastLiterals:
            {
                int lit = iend - anchor;
                int litExt = lit < 15 ? 0 : (lit + 240) / 255;
                if (lit + litExt + 1 > oend - op) return Lz4Block.DoesNotFit;
                int tokenPos = op++;
                op = WriteLiterals(src, anchor, lit, iend, dst, op, oend, tokenPos);
                return op - dstOffset;
            }
        }

        // Writes the literal-length nibble into dst[tokenPos] (replacing it), the extension bytes and the
        // literals at dst[op..]; returns the new op. The caller has checked that everything fits. Runs of up
        // to 16 bytes are copied as exactly 16 when src[..srcEnd) and dst[..dstEnd) have room (one native
        // copy of constant size; the extra bytes are overwritten by what follows or lie past the result).
        private static int WriteLiterals(byte[] src, int from, int lit, int srcEnd, byte[] dst, int op, int dstEnd, int tokenPos)
        {
            if (lit < 15)
            {
                dst[tokenPos] = (byte)(lit << 4);
            }
            else
            {
                dst[tokenPos] = 0xF0;
                int rest = lit - 15;
                while (rest >= 255)
                {
                    dst[op++] = 255;
                    rest -= 255;
                }
                dst[op++] = (byte)rest;
            }
            if (lit <= WildLiterals && srcEnd - from >= WildLiterals && dstEnd - op >= WildLiterals)
                Array.Copy(src, from, dst, op, WildLiterals);
            else
                Array.Copy(src, from, dst, op, lit);
            return op + lit;
        }
    }
}
