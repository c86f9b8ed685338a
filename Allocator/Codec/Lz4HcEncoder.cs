// LZ4 high-compression block compressor: same block format as Lz4Encoder (any LZ4 decoder reads it, so
// reads cost the same), a better parse for pages that are compressed once and kept (idle recompression).
//
// Search: hash chains. Every position of the window is linked to the previous position whose first 4
// bytes hash alike (_chain), the newest per hash is in _head; a search walks that chain, newest first,
// verifying each candidate and keeping the longest match (the oldest among equals is never preferred:
// every offset costs 2 bytes in LZ4, so only the length matters). The chain is a ring of ChainEntries (by
// default the largest power of two ≤ input + dictionary capacity; a caller short of RAM may give fewer), so
// a walk follows links only within the last ChainEntries positions. The first candidate older than that
// (the head, or the link of the last position inside the ring) is still a real earlier position with the
// same hash and is tried before the walk stops: so the newest occurrence of a string is found at any
// distance (into the whole dictionary), and a 1024-entry ring (2 KiB) gives up only ~2 % of the ratio of
// a full-window ring on 4 KiB pages with a 2 KiB dictionary (8 KiB), 2048 entries ~0.6 %.
// Parse: lazy matching. After finding a match at ip, the encoder also searches ip+1 (and ip+2 from level
// 6); when a later start gives a longer match (longer by more than the literals it costs) it emits the
// skipped bytes as literals and takes that one. The chosen match is then extended backwards over pending
// literals. A match of NiceLength bytes or more is taken at once (no lazy search, search stops).
//
// Levels 1..12 (liblz4's range) trade time for ratio: chain attempts per search 2^(level-1) up to level 9
// (256), 1024 / 4096 / 16384 for 10..12; lazy depth 0 for levels 1-2, 1 for 3-5, 2 from 6; NiceLength 32
// (levels 1-3), 64 (4-6), 128 (7-8), 256 (9), 1024 (10), no limit (11-12).
// Time bound per block of n bytes: at most (1 + lazy depth) searches per input position, each visiting at
// most MaxAttempts chain entries; a candidate is rejected by one byte compare or measured 8 bytes per
// compare, and only a match reaching NiceLength can be longer than NiceLength, which ends the search and
// skips its bytes. So a block costs at most n·(1+lazy)·MaxAttempts·(NiceLength/8 + 2) word compares plus
// (1+lazy)·n/8 for the final long matches and the chain inserts (one per window position). Level 9 on a
// 4 KiB page: ≤ 4096·3·256·34 ≈ 107 M compares in the worst case (adversarial periodic data); real pages
// use a small fraction (measured in the `lz4hc` benchmark).
//
// Dictionary (LZ4 external dictionary): Compress may take a dictionary, which is copied in front of the
// input in the encoder's window (ending where the input starts), so matches reach back into it exactly as
// Lz4Decoder's dictionary entry point (and liblz4's LZ4_decompress_safe_usingDict) resolves them. The dictionary is indexed again on
// every call (one chain insert per dictionary byte): the encoder keeps no per-dictionary state, so the
// caller may switch dictionaries (versions) freely.
//
// Memory (fixed, allocated in the constructor, counted by WorkingBytes): the window (dictionary capacity +
// input capacity bytes; the input is copied into it so the search sees one contiguous array, or written
// there by the caller: InputArea; a caller may also keep its dictionary there: DictionaryAreaEnd), the head
// table (2^hashBits ushort; or lent by the caller, e.g. an idle fast encoder's table) and the chain ring (ChainEntries ushort). Positions are stored + 1 (0 means
// "none") in 16 bits, so dictionary + input capacity is at most MaxWindow bytes and every offset fits the
// format's 16 bits. 4 KiB pages and a 2 KiB dictionary: 6 KiB window + 8 KiB chain (4 KiB with the store's
// default 2048-entry ring) + 2^hashBits × 2 B.
// Zero managed allocation per call.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public sealed class Lz4HcEncoder
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 15;

        public const int MinLevel = 1;
        public const int MaxLevel = 12;
        /// <summary>The level liblz4 calls LZ4HC_CLEVEL_DEFAULT (9).</summary>
        public const int DefaultLevel = 9;

        public const int DefaultHashBits = 12;
        public const int MinHashBits = 8;
        public const int MaxHashBits = 16;

        /// <summary>Largest dictionary capacity + input capacity (positions + 1 are stored in 16 bits).</summary>
        public const int MaxWindow = 65535;

        /// <summary>Fewest chain-ring entries.</summary>
        public const int MinChainEntries = 256;

        // Knuth's multiplicative hash of the 4 bytes at a position.
        private const uint HashMultiplier = 2654435761u;

        private readonly byte[] _window;
        private readonly ushort[] _head;     // 2^hashBits entries used (owned, or lent by the caller)
        private readonly int _headEntries;
        private readonly bool _headBorrowed;
        private readonly ushort[] _chain;    // a ring: entry p & _chainMask links position p
        private readonly int _chainMask;
        private readonly int _hashShift;
        private readonly int _inputCapacity;
        private readonly int _dictionaryCapacity;

        private int _level;
        private int _maxAttempts;
        private int _lazy;
        private int _nice;

        // Per-call search state.
        private int _next;      // next window position to insert into the chains
        private int _matchRef;  // start of the match the last search found

        /// <summary>An encoder for inputs of up to inputCapacity bytes and dictionaries of up to dictionaryCapacity bytes.</summary>
        public Lz4HcEncoder(int inputCapacity, int dictionaryCapacity)
            : this(inputCapacity, dictionaryCapacity, DefaultHashBits, DefaultLevel)
        {
        }

        public Lz4HcEncoder(int inputCapacity, int dictionaryCapacity, int hashBits, int level)
            : this(inputCapacity, dictionaryCapacity, hashBits, level, null)
        {
        }

        /// <summary>
        /// As above, with the head table in `head` (at least 2^hashBits entries) when it is not null: the caller
        /// lends it for the encoder's life and does not rely on its contents across a Compress call (each
        /// call clears the 2^hashBits entries it uses first), e.g. a fast Lz4Encoder's hash table that is idle
        /// whenever this encoder runs (PageStore and Recompressor under one lock). Not counted in WorkingBytes.
        /// </summary>
        public Lz4HcEncoder(int inputCapacity, int dictionaryCapacity, int hashBits, int level, ushort[] head)
            : this(inputCapacity, dictionaryCapacity, hashBits, level, head, 0)
        {
        }

        /// <summary>
        /// As above, with a chain ring of chainEntries (a power of two, MinChainEntries..MaxWindow + 1; 0 = the
        /// default, the largest power of two ≤ input + dictionary capacity). Fewer entries: less RAM, a little
        /// less ratio (see the file comment).
        /// </summary>
        public Lz4HcEncoder(int inputCapacity, int dictionaryCapacity, int hashBits, int level, ushort[] head, int chainEntries)
        {
            if (chainEntries != 0 && (chainEntries < MinChainEntries || chainEntries > MaxWindow + 1 || (chainEntries & (chainEntries - 1)) != 0))
                throw new ArgumentOutOfRangeException("chainEntries", "a power of two, 256..65536, or 0");
            if (inputCapacity < 1) throw new ArgumentOutOfRangeException("inputCapacity");
            if (dictionaryCapacity < 0) throw new ArgumentOutOfRangeException("dictionaryCapacity");
            if (inputCapacity > MaxWindow - dictionaryCapacity) throw new ArgumentOutOfRangeException("dictionaryCapacity", "input + dictionary capacity above MaxWindow");
            if (hashBits < MinHashBits || hashBits > MaxHashBits) throw new ArgumentOutOfRangeException("hashBits");
            _inputCapacity = inputCapacity;
            _dictionaryCapacity = dictionaryCapacity;
            _window = new byte[inputCapacity + dictionaryCapacity];
            if (head != null && head.Length < (1 << hashBits)) throw new ArgumentOutOfRangeException("head", "fewer than 2^hashBits entries");
            _headEntries = 1 << hashBits;
            _headBorrowed = head != null;
            _head = head != null ? head : new ushort[_headEntries];
            if (chainEntries == 0)
            {
                chainEntries = MinChainEntries;
                while (chainEntries * 2 <= inputCapacity + dictionaryCapacity) chainEntries *= 2;
            }
            _chain = new ushort[chainEntries];
            _chainMask = chainEntries - 1;
            _hashShift = 32 - hashBits;
            Level = level;
        }

        /// <summary>
        /// The chain array (ChainEntries ushorts). Between calls it is scratch: every Compress writes each
        /// entry it reads. The Recompressor lends it to its dictionary builder, which runs only while
        /// no compression does. Public for the store layer (ZramEmbedded.Allocator.Store).
        /// </summary>
        public ushort[] ChainScratch { get { return _chain; } }

        /// <summary>
        /// An input may be written straight into the encoder at InputArea[InputAreaOffset..] and compressed
        /// from there (Compress with src = InputArea, srcOffset = InputAreaOffset) without being copied: a
        /// caller that decodes pages to recompress them needs no page buffer of its own. Compress does not
        /// change that range; other Compress calls overwrite it.
        /// </summary>
        public byte[] InputArea { get { return _window; } }

        /// <summary>
        /// A dictionary may also be kept in the window, in InputArea[InputAreaOffset - length .. InputAreaOffset)
        /// (ending where the input starts): Compress with dict = InputArea and that offset uses it without a
        /// copy. Compress never writes below InputAreaOffset except to copy a dictionary given elsewhere, so a
        /// dictionary kept there survives every call that passes it, or no dictionary.
        /// </summary>
        public int DictionaryAreaEnd { get { return _dictionaryCapacity; } }

        /// <summary>Where an input placed in InputArea starts (see InputArea).</summary>
        public int InputAreaOffset { get { return _dictionaryCapacity; } }

        /// <summary>Entries of the chain ring (by default the largest power of two ≤ input + dictionary capacity, at least 256).</summary>
        public int ChainEntries { get { return _chain.Length; } }

        /// <summary>Largest input Compress accepts.</summary>
        public int InputCapacity { get { return _inputCapacity; } }

        /// <summary>Largest dictionary Compress accepts.</summary>
        public int DictionaryCapacity { get { return _dictionaryCapacity; } }

        /// <summary>RAM held by the encoder's working memory (window, head table, chain), in bytes.</summary>
        public int WorkingBytes { get { return _window.Length + (_headBorrowed ? 0 : 2 * _headEntries) + 2 * _chain.Length; } }

        /// <summary>Compression level MinLevel..MaxLevel (higher: slower, smaller). Out of range throws.</summary>
        public int Level
        {
            get { return _level; }
            set
            {
                if (value < MinLevel || value > MaxLevel) throw new ArgumentOutOfRangeException("value", "LZ4 HC level 1..12");
                _level = value;
                _maxAttempts = value <= 9 ? 1 << (value - 1) : (value == 10 ? 1024 : (value == 11 ? 4096 : 16384));
                _lazy = value <= 2 ? 0 : (value <= 5 ? 1 : 2);
                _nice = value <= 3 ? 32 : (value <= 6 ? 64 : (value <= 8 ? 128 : (value == 9 ? 256 : (value == 10 ? 1024 : MaxWindow))));
            }
        }

        /// <summary>Chain entries a search visits at most, at the current level.</summary>
        public int MaxAttempts { get { return _maxAttempts; } }

        /// <summary>A match at least this long is taken without further search, at the current level.</summary>
        public int NiceLength { get { return _nice; } }

        /// <summary>Compress without a dictionary (see the overload with a dictionary).</summary>
        public int Compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity)
        {
            return Compress(src, srcOffset, srcLength, dst, dstOffset, dstCapacity, null, 0, 0);
        }

        /// <summary>
        /// Compresses src[srcOffset..srcOffset+srcLength) (at most InputCapacity bytes) as one LZ4 block into
        /// dst[dstOffset..dstOffset+dstCapacity), referencing dict[dictOffset..dictOffset+dictLength) (at most
        /// DictionaryCapacity bytes; dict may be null when dictLength is 0) as if it preceded the input. Returns
        /// the compressed size, or Lz4Block.DoesNotFit (0) when the block does not fit dstCapacity (the output
        /// range then holds partial output). Nothing is written outside the output range. A block made with a
        /// dictionary decodes only with the same dictionary bytes (Lz4Decoder's dictionary entry point).
        /// </summary>
        public int Compress(byte[] src, int srcOffset, int srcLength, byte[] dst, int dstOffset, int dstCapacity,
                            byte[] dict, int dictOffset, int dictLength)
        {
            if (src == null) throw new ArgumentNullException("src");
            if (dst == null) throw new ArgumentNullException("dst");
            if (srcOffset < 0 || srcLength < 0 || srcOffset > src.Length - srcLength) throw new ArgumentOutOfRangeException("srcLength");
            if (srcLength > _inputCapacity) throw new ArgumentOutOfRangeException("srcLength", "input larger than the encoder's InputCapacity");
            if (dstOffset < 0 || dstCapacity < 0 || dstOffset > dst.Length - dstCapacity) throw new ArgumentOutOfRangeException("dstCapacity");
            if (src == dst && srcOffset < dstOffset + dstCapacity && dstOffset < srcOffset + srcLength)
                throw new ArgumentException("input and output ranges overlap");
            if (dictLength != 0)
            {
                if (dict == null) throw new ArgumentNullException("dict");
                if (dictOffset < 0 || dictLength < 0 || dictOffset > dict.Length - dictLength) throw new ArgumentOutOfRangeException("dictLength");
                if (dictLength > _dictionaryCapacity) throw new ArgumentOutOfRangeException("dictLength", "dictionary larger than the encoder's DictionaryCapacity");
            }
            else if (dictLength < 0) throw new ArgumentOutOfRangeException("dictLength");
            if (src == _window && srcOffset != _dictionaryCapacity) throw new ArgumentException("an input inside InputArea must start at InputAreaOffset");
            if (dict == _window && dictLength != 0 && dictOffset + dictLength != _dictionaryCapacity)
                throw new ArgumentException("a dictionary inside InputArea must end at InputAreaOffset");

            // Window layout: the dictionary ends where the input starts (at DictionaryCapacity), so an input
            // placed there by the caller (InputArea) needs no copy.
            byte[] w = _window;
            int start = _dictionaryCapacity; // window position of the first input byte
            int first = start - dictLength;  // first window byte a match may reference
            int end = start + srcLength;     // one past the last input byte
            int op = dstOffset;
            int oend = dstOffset + dstCapacity;
            int anchor = start;

            if (srcLength >= Lz4Block.MinCompressibleLength)
            {
                if (dictLength != 0 && (dict != w || dictOffset != first)) Array.Copy(dict, dictOffset, w, first, dictLength);
                if (src != w || srcOffset != start) Array.Copy(src, srcOffset, w, start, srcLength);
                Array.Clear(_head, 0, _headEntries);
                _next = first;

                int mflimit = end - Lz4Block.MatchFindLimit;
                int matchLimit = end - Lz4Block.LastLiterals;
                int ip = start;
                while (ip <= mflimit)
                {
                    int len = Find(ip, matchLimit);
                    if (len == 0)
                    {
                        ip++;
                        continue;
                    }
                    int mref = _matchRef;

                    // Lazy: a later start that reaches further pays for the literals it leaves behind.
                    while (len < _nice)
                    {
                        int moved = 0;
                        int moveLen = 0, moveRef = 0;
                        for (int k = 1; k <= _lazy && ip + k <= mflimit; k++)
                        {
                            int l2 = Find(ip + k, matchLimit);
                            if (l2 > len + k - 1)
                            {
                                moved = k;
                                moveLen = l2;
                                moveRef = _matchRef;
                                break;
                            }
                        }
                        if (moved == 0) break;
                        ip += moved;
                        len = moveLen;
                        mref = moveRef;
                    }

                    // Backwards over pending literals (never before the window's first byte).
                    while (ip > anchor && mref > first && w[ip - 1] == w[mref - 1])
                    {
                        ip--;
                        mref--;
                        len++;
                    }

                    op = WriteSequence(w, anchor, ip - anchor, len, ip - mref, dst, op, oend);
                    if (op < 0) return Lz4Block.DoesNotFit;
                    ip += len;
                    anchor = ip;
                }
            }

            // Last literals.
            int lit = end - anchor;
            int litExt = lit < 15 ? 0 : (lit + 240) / 255;
            if (lit + litExt + 1 > oend - op) return Lz4Block.DoesNotFit;
            int tokenPos = op++;
            op = WriteLiteralRun(dst, op, tokenPos, lit);
            if (lit != 0)
            {
                if (srcLength >= Lz4Block.MinCompressibleLength) Array.Copy(w, anchor, dst, op, lit);
                else Array.Copy(src, srcOffset + (anchor - start), dst, op, lit); // short input: never copied into the window
            }
            return op + lit - dstOffset;
        }

        // Inserts window positions _next..ip-1 into the chains, then walks the chain of ip and returns the
        // longest match length (0 if none of at least MinMatch), its start in _matchRef.
        private int Find(int ip, int matchLimit)
        {
            byte[] w = _window;
            ushort[] head = _head;
            ushort[] chain = _chain;
            int mask = _chainMask;
            int shift = _hashShift;
            for (int p = _next; p < ip; p++)
            {
                int hp = (int)((BitConverter.ToUInt32(w, p) * HashMultiplier) >> shift);
                chain[p & mask] = head[hp];
                head[hp] = (ushort)(p + 1);
            }
            if (_next < ip) _next = ip;
            // Ring entries of positions below `lowest` have been reused by newer positions: a candidate there
            // is tried (it came from a valid link or the head) but its link is not followed.
            int lowest = _next - chain.Length;

            uint seq = BitConverter.ToUInt32(w, ip);
            int cand = head[(int)((seq * HashMultiplier) >> shift)];
            int maxLen = matchLimit - ip;
            int best = Lz4Block.MinMatch - 1;
            int attempts = _maxAttempts;
            int nice = _nice;
            while (cand != 0 && attempts > 0)
            {
                int c = cand - 1;
                cand = c < lowest ? 0 : chain[c & mask];
                if (c >= ip) continue; // inserted by an earlier lazy look-ahead; not a backward reference
                attempts--;
                if (w[c + best] != w[ip + best] || BitConverter.ToUInt32(w, c) != seq) continue;
                int len = Lz4Block.MinMatch + Common(w, ip + Lz4Block.MinMatch, c + Lz4Block.MinMatch, matchLimit);
                if (len > best)
                {
                    best = len;
                    _matchRef = c;
                    if (len >= nice || len >= maxLen) break;
                }
            }
            return best >= Lz4Block.MinMatch ? best : 0;
        }

        // Number of equal bytes at w[p..] and w[q..] (q < p), not reaching limit on the p side. 8 bytes per
        // compare: the first differing byte is the lowest non-zero byte of the XOR (little-endian machine).
        private static int Common(byte[] w, int p, int q, int limit)
        {
            int from = p;
            while (p <= limit - 8)
            {
                ulong diff = BitConverter.ToUInt64(w, p) ^ BitConverter.ToUInt64(w, q);
                if (diff != 0)
                {
                    uint low = (uint)diff;
                    if (low == 0) { p += 4; low = (uint)(diff >> 32); }
                    if ((low & 0xFFFFu) == 0) { p += 2; low >>= 16; }
                    if ((low & 0xFFu) == 0) p++;
                    return p - from;
                }
                p += 8;
                q += 8;
            }
            while (p < limit && w[p] == w[q])
            {
                p++;
                q++;
            }
            return p - from;
        }

        // Writes one sequence (lit literals from w[from..], a match of mlen bytes at offset) at dst[op..];
        // returns the new op, or -1 when it does not fit before oend (checked before anything is written).
        private static int WriteSequence(byte[] w, int from, int lit, int mlen, int offset, byte[] dst, int op, int oend)
        {
            int litExt = lit < 15 ? 0 : (lit + 240) / 255;
            int mcode = mlen - Lz4Block.MinMatch;
            int matchExt = mcode < 15 ? 0 : (mcode + 240) / 255;
            if (1 + litExt + lit + 2 + matchExt > oend - op) return -1;
            int tokenPos = op++;
            op = WriteLiteralRun(dst, op, tokenPos, lit);
            Array.Copy(w, from, dst, op, lit);
            op += lit;
            dst[op++] = (byte)offset;
            dst[op++] = (byte)(offset >> 8);
            if (mcode < 15)
            {
                dst[tokenPos] |= (byte)mcode;
            }
            else
            {
                dst[tokenPos] |= 15;
                int rest = mcode - 15;
                while (rest >= 255)
                {
                    dst[op++] = 255;
                    rest -= 255;
                }
                dst[op++] = (byte)rest;
            }
            return op;
        }

        // Writes the literal-length nibble into dst[tokenPos] (replacing the token) and its extension bytes
        // at dst[op..]; returns the new op (where the literals go). The caller has checked the room.
        private static int WriteLiteralRun(byte[] dst, int op, int tokenPos, int lit)
        {
            if (lit < 15)
            {
                dst[tokenPos] = (byte)(lit << 4);
                return op;
            }
            dst[tokenPos] = 0xF0;
            int rest = lit - 15;
            while (rest >= 255)
            {
                dst[op++] = 255;
                rest -= 255;
            }
            dst[op++] = (byte)rest;
            return op;
        }
    }
}
