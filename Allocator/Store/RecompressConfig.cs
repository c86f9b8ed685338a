// Idle-recompression parameters, validated and copied by the Recompressor. Units: bytes unless named.
// Memory follows from them (Recompressor.WorkingBytes): the HC encoder's window (PageSize + DictionaryBytes:
// the current dictionary and the page being recompressed) and chain ring (2 B per entry, 2^ChainBits), a
// spare dictionary buffer (the previous dictionary while pages still reference it, or a build's candidate
// segments), the builder's scores (an int per segment) and own objects. Borrowed from the store, not held
// twice: its page-sized scratch (compressed forms) and its fast-encoder hash table as the HC head table
// (when it has 2^HashBits entries or more; else the encoder owns one). The dictionary builder counts in the
// chain ring (2^ChainBits counters).
// Defaults with 4 KiB pages: 6 (window) + 4 (chain) + 2 (spare) KiB + scores, objects and array headers =
// 13.5 KB (13,512 B, device sizes).
using System;
using ZramEmbedded.Allocator.Codec;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class RecompressConfig
    {
        /// <summary>HC level 1..12 (Lz4HcEncoder; 9 = liblz4's default).</summary>
        public int Level;

        /// <summary>HC head-table bits (Lz4HcEncoder.MinHashBits..MaxHashBits).</summary>
        public int HashBits;

        /// <summary>Dictionary capacity, a multiple of Lz4DictionaryBuilder.DefaultSegmentLength (0 = no dictionary).</summary>
        public int DictionaryBytes;

        /// <summary>Pages the dictionary builder samples (and the pages with objects needed before the first build).</summary>
        public int SamplePages;

        /// <summary>A recompressed form is kept only when it takes at least this many fewer pool bytes (size class or run).</summary>
        public int MinSavingsBytes;

        /// <summary>HC chain ring of 2^ChainBits entries, 2 B each (8..16; 0 = the whole window: page + dictionary).</summary>
        public int ChainBits;

        /// <summary>Dictionary builder: bytes per segment it picks (DictionaryBytes must be a multiple).</summary>
        public int SegmentLength;

        /// <summary>Dictionary builder: segments looked for per sample page.</summary>
        public int PicksPerPage;

        /// <summary>Dictionary builder: counts one k-string in 2^SampleBits (0..8).</summary>
        public int SampleBits;

        /// <summary>
        /// Defaults, chosen with the `store` benchmark's steady-state rows on the app-state mix (seeds 1–3, 128
        /// and 256 KiB arenas, capacity with the recompressor's RAM counted): level 9; 10 head bits (the chain
        /// resolves collisions: 8..14 bits give the same ratio, fewer cost search time; 10 bits fit the store's
        /// fast-encoder table from 1 KiB pages on, which the HC encoder borrows); a 2048-entry chain (4 KiB:
        /// ~0.6 % less ratio than a whole-window ring of 8 KiB, and 2048 dictionary-builder counters); a 2 KiB
        /// dictionary of 64-byte segments, 2 per sample page from 32 sample pages, every 6-byte string counted
        /// (3 KiB dictionaries gained ~1 page at 128 KiB for 2 KiB more RAM; 32-byte segments, 4 per page, one
        /// string in 8 counted were ~1 % worse); 32 B minimum saving.
        /// </summary>
        public RecompressConfig()
        {
            Level = Lz4HcEncoder.DefaultLevel;
            HashBits = 10;
            DictionaryBytes = 2048;
            SamplePages = 32;
            MinSavingsBytes = 32;
            ChainBits = 11;
            SegmentLength = 64;
            PicksPerPage = 2;
            SampleBits = 0;
        }

        public RecompressConfig Clone()
        {
            RecompressConfig c = new RecompressConfig();
            c.Level = Level;
            c.HashBits = HashBits;
            c.DictionaryBytes = DictionaryBytes;
            c.SamplePages = SamplePages;
            c.MinSavingsBytes = MinSavingsBytes;
            c.ChainBits = ChainBits;
            c.SegmentLength = SegmentLength;
            c.PicksPerPage = PicksPerPage;
            c.SampleBits = SampleBits;
            return c;
        }

        /// <summary>Throws ArgumentException naming the first field out of range.</summary>
        public void Validate()
        {
            if (Level < Lz4HcEncoder.MinLevel || Level > Lz4HcEncoder.MaxLevel) throw new ArgumentException("Level must be 1..12");
            if (HashBits < Lz4HcEncoder.MinHashBits || HashBits > Lz4HcEncoder.MaxHashBits) throw new ArgumentException("HashBits must be 8..16");
            if (SegmentLength < Lz4DictionaryBuilder.KmerLength + 2 || SegmentLength > 1024) throw new ArgumentException("SegmentLength must be 8..1024");
            if (DictionaryBytes < 0 || DictionaryBytes > 32768 || DictionaryBytes % SegmentLength != 0)
                throw new ArgumentException("DictionaryBytes must be 0..32768 and a multiple of SegmentLength");
            if (ChainBits != 0 && (ChainBits < 8 || ChainBits > 16)) throw new ArgumentException("ChainBits must be 0 or 8..16");
            if (PicksPerPage < 1 || PicksPerPage > 64) throw new ArgumentException("PicksPerPage must be 1..64");
            if (SampleBits < 0 || SampleBits > 8) throw new ArgumentException("SampleBits must be 0..8");
            if (SamplePages < 1 || SamplePages > 4096) throw new ArgumentException("SamplePages must be 1..4096");
            if (MinSavingsBytes < 1) throw new ArgumentException("MinSavingsBytes must be positive");
        }
    }
}
