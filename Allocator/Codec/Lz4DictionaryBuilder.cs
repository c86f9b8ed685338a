// Builds an LZ4 dictionary on the device from sample pages, in bounded steps (one page per call), with
// fixed memory allocated in the constructor.
//
// Method (a small cousin of zstd's COVER builder): a dictionary helps a page when it holds byte strings
// that many pages contain but that a page does not already repeat within itself. So
//  1. Count: for every sample page, every k-byte string (k = KmerLength) is hashed into a table of
//     saturating byte counters, counted at most once per page (a byte stamp per counter remembers the
//     last page that counted it). A counter is then about "how many sample pages contain this string".
//  2. Select: every sample page is read again; each window of SegmentLength bytes scores the sum of its
//     k-strings' counts (counts of 1, strings of one page only, score nothing). The best window of the
//     page is kept as a candidate segment, its strings' counters are cleared (so the same content, in
//     this page or a later one, does not score again), and the next best window is looked for, up to
//     PicksPerPage windows with a positive score. The candidates live in SegmentCount slots of
//     SegmentLength bytes; a better candidate replaces the worst when all are taken.
//  3. Finish: the segments are written into the caller's dictionary buffer, best last (nearest to the
//     page, as zstd orders them; for LZ4 every offset costs the same, but a dictionary cut shorter keeps
//     the best).
// Cost: a Count step is one hash per page byte; a Select step is one pass of a sliding sum per pick
// (PicksPerPage · page length additions) plus clearing SegmentLength counters per pick. Memory: 2 bytes per
// counter (a count byte and a page-stamp byte; the table may be borrowed, see the constructors), the
// segment slots (capacity bytes; may be lent per build, Reset(byte[]), e.g. the dictionary buffer the
// result goes to, which Finish then orders in place) and one int score per slot.
// Collisions in the counter table only merge counts (never wrong output): a smaller table makes a worse
// dictionary, not an invalid one. Any bytes make a valid dictionary for the codec.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public sealed class Lz4DictionaryBuilder
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 14;

        public const int DefaultCountBits = 12;
        public const int DefaultSegmentLength = 32;
        public const int DefaultPicksPerPage = 4;
        public const int DefaultSampleBits = 3;

        /// <summary>Length of the strings counted (bytes). 6: longer than LZ4's 4-byte minimum match, so a
        /// counted string usually stands for a match worth its 3-byte sequence cost.</summary>
        public const int KmerLength = 6;

        private const ulong KmerMask = 0xFFFFFFFFFFFFUL; // low 6 bytes of a little-endian 8-byte read
        private const ulong HashMultiplier = 0x9E3779B97F4A7C15UL;

        // One counter per entry: low byte = pages counted (saturating), high byte = stamp of the last page
        // that counted it. Owned, or borrowed from a caller that does not use it while the builder runs.
        private readonly ushort[] _table;
        private readonly int _tableEntries; // a power of two ≤ _table.Length
        private readonly bool _borrowed;
        private readonly int _hashShift;
        private byte[] _segments;          // owned, or lent per build (Reset(byte[]))
        private readonly int _capacity;
        private readonly bool _segmentsBorrowed;
        private readonly int[] _scores;
        private readonly int _segmentLength;
        private readonly int _picksPerPage;
        private readonly uint _sampleMask;

        private int _pagesCounted;
        private int _pagesSelected;
        private int _used; // segment slots holding a candidate

        public Lz4DictionaryBuilder(int capacity)
            : this(capacity, DefaultCountBits, DefaultSegmentLength, DefaultPicksPerPage)
        {
        }

        /// <summary>
        /// A builder of dictionaries of up to capacity bytes (a multiple of segmentLength), with 2^countBits
        /// counters, segments of segmentLength bytes (at least KmerLength + 2) and picksPerPage segments
        /// looked for per sample page.
        /// </summary>
        public Lz4DictionaryBuilder(int capacity, int countBits, int segmentLength, int picksPerPage)
            : this(capacity, countBits, segmentLength, picksPerPage, DefaultSampleBits)
        {
        }

        /// <summary>As above, counting one k-string in 2^sampleBits (0..8).</summary>
        public Lz4DictionaryBuilder(int capacity, int countBits, int segmentLength, int picksPerPage, int sampleBits)
            : this(capacity, null, countBits, segmentLength, picksPerPage, sampleBits)
        {
        }

        /// <summary>
        /// A builder whose counters live in `counters` (at least 256 entries; the largest power of two of
        /// them is used), which the caller lends for the builder's life and does not touch while a build runs
        /// (e.g. an Lz4HcEncoder's chain between compressions). Not counted in WorkingBytes.
        /// </summary>
        public Lz4DictionaryBuilder(int capacity, ushort[] counters, int segmentLength, int picksPerPage)
            : this(capacity, counters, 0, segmentLength, picksPerPage, DefaultSampleBits, false)
        {
        }

        /// <summary>
        /// As above; with lendSegments the builder has no segment slots of its own: each build's caller lends
        /// an area of Capacity bytes with Reset(byte[]) — typically the dictionary buffer the result goes to,
        /// which Finish(area, 0) then orders in place. Neither counters nor segments count in WorkingBytes.
        /// </summary>
        public Lz4DictionaryBuilder(int capacity, ushort[] counters, int segmentLength, int picksPerPage, bool lendSegments)
            : this(capacity, counters, 0, segmentLength, picksPerPage, DefaultSampleBits, lendSegments)
        {
        }

        /// <summary>As above, counting one k-string in 2^sampleBits (0..8).</summary>
        public Lz4DictionaryBuilder(int capacity, ushort[] counters, int segmentLength, int picksPerPage, int sampleBits, bool lendSegments)
            : this(capacity, counters, 0, segmentLength, picksPerPage, sampleBits, lendSegments)
        {
        }

        private Lz4DictionaryBuilder(int capacity, ushort[] counters, int countBits, int segmentLength, int picksPerPage, int sampleBits)
            : this(capacity, counters, countBits, segmentLength, picksPerPage, sampleBits, false)
        {
        }

        private Lz4DictionaryBuilder(int capacity, ushort[] counters, int countBits, int segmentLength, int picksPerPage, int sampleBits, bool lendSegments)
        {
            if (sampleBits < 0 || sampleBits > 8) throw new ArgumentOutOfRangeException("sampleBits");
            _sampleMask = (1u << sampleBits) - 1;
            if (segmentLength < KmerLength + 2 || segmentLength > 1024) throw new ArgumentOutOfRangeException("segmentLength");
            if (capacity < segmentLength || capacity % segmentLength != 0) throw new ArgumentOutOfRangeException("capacity", "a positive multiple of segmentLength");
            if (capacity > 65535) throw new ArgumentOutOfRangeException("capacity", "an LZ4 offset reaches 65535 bytes back");
            if (picksPerPage < 1 || picksPerPage > 64) throw new ArgumentOutOfRangeException("picksPerPage");
            if (counters == null)
            {
                if (countBits < 8 || countBits > 18) throw new ArgumentOutOfRangeException("countBits"); // ≤ 512 KiB of counters
                _table = new ushort[1 << countBits];
            }
            else
            {
                if (counters.Length < 256) throw new ArgumentOutOfRangeException("counters", "at least 256 entries");
                countBits = 8;
                while (countBits < 20 && (2 << countBits) <= counters.Length) countBits++;
                _table = counters;
                _borrowed = true;
            }
            _tableEntries = 1 << countBits;
            _hashShift = 64 - countBits;
            _segmentLength = segmentLength;
            _picksPerPage = picksPerPage;
            _capacity = capacity;
            _segmentsBorrowed = lendSegments;
            _segments = lendSegments ? null : new byte[capacity];
            _scores = new int[capacity / segmentLength];
        }

        /// <summary>Largest dictionary Finish writes.</summary>
        public int Capacity { get { return _capacity; } }

        public int SegmentLength { get { return _segmentLength; } }

        /// <summary>RAM held by the builder (counters, stamps, segment slots, scores), in bytes.</summary>
        public int WorkingBytes { get { return (_borrowed ? 0 : 2 * _tableEntries) + (_segmentsBorrowed ? 0 : _capacity) + 4 * _scores.Length; } }

        /// <summary>Counters in use (a power of two).</summary>
        public int CounterCount { get { return _tableEntries; } }

        /// <summary>Sample pages counted since Reset.</summary>
        public int PagesCounted { get { return _pagesCounted; } }

        /// <summary>Sample pages selected from since the counting ended.</summary>
        public int PagesSelected { get { return _pagesSelected; } }

        /// <summary>Segments currently held.</summary>
        public int SegmentsHeld { get { return _used; } }

        /// <summary>
        /// Reset for a builder made with lendSegments: the next build keeps its segments in
        /// segmentArea[0..Capacity), which the caller does not touch until Finish.
        /// </summary>
        public void Reset(byte[] segmentArea)
        {
            if (!_segmentsBorrowed) throw new InvalidOperationException("this builder owns its segment slots");
            if (segmentArea == null) throw new ArgumentNullException("segmentArea");
            if (segmentArea.Length < _capacity) throw new ArgumentOutOfRangeException("segmentArea", "fewer than Capacity bytes");
            _segments = segmentArea;
            Reset();
        }

        /// <summary>Forgets all counts and segments (one Array.Clear per table).</summary>
        public void Reset()
        {
            if (_segments == null) throw new InvalidOperationException("lend a segment area: Reset(byte[])");
            Array.Clear(_table, 0, _tableEntries);
            Array.Clear(_scores, 0, _scores.Length);
            _pagesCounted = 0;
            _pagesSelected = 0;
            _used = 0;
        }

        // Counter index of the k-string at b[p], or -1 when the string is not sampled: only strings whose
        // hash has SampleBits low zero bits are counted and scored (the same strings in every page, so
        // counts stay consistent), which keeps the distinct strings a sample brings well under the number
        // of counters.
        private int Hash(byte[] b, int p)
        {
            ulong h = (BitConverter.ToUInt64(b, p) & KmerMask) * HashMultiplier;
            if (((uint)(h >> 20) & _sampleMask) != 0) return -1;
            return (int)(h >> _hashShift);
        }

        // Positions whose k-string can be read with an 8-byte read inside [offset, offset+length).
        private static int LastKmer(int offset, int length)
        {
            return offset + length - 8;
        }

        /// <summary>Step 1, once per sample page: counts the page's k-strings (at most once each).</summary>
        public void Count(byte[] page, int offset, int length)
        {
            CheckRange(page, offset, length);
            if (_pagesSelected != 0) throw new InvalidOperationException("Count after Select: Reset first");
            int stamp = (_pagesCounted % 255 + 1) << 8;
            ushort[] table = _table;
            int last = LastKmer(offset, length);
            for (int p = offset; p <= last; p++)
            {
                int h = Hash(page, p);
                if (h < 0) continue;
                int v = table[h];
                if ((v & 0xFF00) == stamp) continue;
                int c = v & 0xFF;
                if (c != 255) c++;
                table[h] = (ushort)(stamp | c);
            }
            _pagesCounted++;
        }

        /// <summary>Step 2, once per sample page (after all Count steps): picks the page's best segments.</summary>
        public void Select(byte[] page, int offset, int length)
        {
            CheckRange(page, offset, length);
            if (length < _segmentLength + 8) { _pagesSelected++; return; }
            ushort[] table = _table;
            int kmers = _segmentLength - KmerLength + 1; // k-strings per window
            int lastStart = offset + length - _segmentLength - (8 - KmerLength);
            for (int pick = 0; pick < _picksPerPage; pick++)
            {
                // Sliding sum over windows starting at offset..lastStart.
                int sum = 0;
                for (int p = offset; p < offset + kmers; p++) sum += Value(page, p);
                int best = sum, bestAt = offset;
                for (int s = offset + 1; s <= lastStart; s++)
                {
                    sum += Value(page, s + kmers - 1) - Value(page, s - 1);
                    if (sum > best)
                    {
                        best = sum;
                        bestAt = s;
                    }
                }
                if (best <= 0) break;
                Offer(page, bestAt, best);
                for (int p = bestAt; p < bestAt + kmers; p++)
                {
                    int h = Hash(page, p);
                    if (h >= 0) table[h] = 0;
                }
            }
            _pagesSelected++;
        }

        // A k-string found in one page only is no use in a dictionary.
        private int Value(byte[] page, int p)
        {
            int h = Hash(page, p);
            if (h < 0) return 0;
            int c = _table[h] & 0xFF;
            return c >= 2 ? c : 0;
        }

        private void Offer(byte[] page, int at, int score)
        {
            int slot;
            if (_used < _scores.Length)
            {
                slot = _used++;
            }
            else
            {
                slot = 0;
                for (int i = 1; i < _scores.Length; i++)
                {
                    if (_scores[i] < _scores[slot]) slot = i;
                }
                if (_scores[slot] >= score) return;
            }
            _scores[slot] = score;
            Array.Copy(page, at, _segments, slot * _segmentLength, _segmentLength);
        }

        /// <summary>
        /// Step 3: writes the held segments into dict[dictOffset..), worst first and best last, and returns the
        /// dictionary length (0 when no segment scored: the samples share nothing). dict must have room for
        /// SegmentsHeld · SegmentLength bytes (at most Capacity). The builder keeps its state (Reset to
        /// start again). Cost: SegmentsHeld² score comparisons (a selection order, no allocation).
        /// </summary>
        public int Finish(byte[] dict, int dictOffset)
        {
            if (dict == null) throw new ArgumentNullException("dict");
            int length = _used * _segmentLength;
            if (dictOffset < 0 || dictOffset > dict.Length - length) throw new ArgumentOutOfRangeException("dictOffset");
            if (dict == _segments)
            {
                if (dictOffset != 0) throw new ArgumentException("the segment area is ordered in place, at offset 0");
                OrderInPlace();
                return length;
            }
            // Emit in ascending score: repeatedly the lowest score above the last emitted (ties by slot).
            int lastScore = int.MinValue, lastSlot = -1;
            for (int k = 0; k < _used; k++)
            {
                int pick = -1;
                for (int i = 0; i < _used; i++)
                {
                    int si = _scores[i];
                    bool after = si > lastScore || (si == lastScore && i > lastSlot);
                    if (!after) continue;
                    if (pick < 0 || si < _scores[pick] || (si == _scores[pick] && i < pick)) pick = i;
                }
                Array.Copy(_segments, pick * _segmentLength, dict, dictOffset + k * _segmentLength, _segmentLength);
                lastScore = _scores[pick];
                lastSlot = pick;
            }
            return length;
        }

        // Finish into the segment area itself: the same order (ascending score, ties by slot) by a selection
        // sort that swaps segments byte by byte (no buffer). Scores become (score · slots + slot), distinct keys
        // that order exactly as (score, slot): score · slots ≤ 255 · SegmentLength · (Capacity / SegmentLength) < 2^24.
        private void OrderInPlace()
        {
            int n = _used;
            int slots = _scores.Length;
            for (int i = 0; i < n; i++) _scores[i] = _scores[i] * slots + i;
            int len = _segmentLength;
            byte[] seg = _segments;
            for (int k = 0; k < n; k++)
            {
                int pick = k;
                for (int i = k + 1; i < n; i++) if (_scores[i] < _scores[pick]) pick = i;
                if (pick == k) continue;
                int t = _scores[k];
                _scores[k] = _scores[pick];
                _scores[pick] = t;
                int a = k * len, b = pick * len;
                for (int j = 0; j < len; j++)
                {
                    byte x = seg[a + j];
                    seg[a + j] = seg[b + j];
                    seg[b + j] = x;
                }
            }
            for (int i = 0; i < n; i++) _scores[i] /= slots;
        }

        private static void CheckRange(byte[] page, int offset, int length)
        {
            if (page == null) throw new ArgumentNullException("page");
            if (offset < 0 || length < 0 || offset > page.Length - length) throw new ArgumentOutOfRangeException("length");
        }
    }
}
