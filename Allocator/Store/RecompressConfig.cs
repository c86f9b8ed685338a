// Idle-recompression parameters, validated and copied by the Recompressor. Units: bytes unless named.
// Memory follows from them (Recompressor.WorkingBytes): the HC encoder's window (PageSize + DictionaryBytes:
// the current dictionary and the page being recompressed) and chain ring (2 B per entry, the largest power
// of two ≤ the window), a spare dictionary buffer (the previous dictionary while pages still reference it,
// or a build's candidate segments), the builder's scores (an int per 32 B of dictionary) and own objects.
// Borrowed from the store, not held twice: its page-sized scratch (compressed forms) and its fast-encoder
// hash table as the HC head table (when it has 2^HashBits entries or more; else the encoder owns one).
// Defaults with 4 KiB pages: 6 + 8 (encoder) + 2 (spare) + 0.25 KiB + objects and array headers = 17.7 KB
// (17,736 B, device sizes).
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

        /// <summary>
        /// Defaults: level 9, 10 head bits (the chain resolves collisions: 8..14 bits give the same ratio on the
        /// sample pages, fewer bits cost search time; 10 bits fit the store's fast-encoder table from 1 KiB pages
        /// on, which the HC encoder borrows), a 2 KiB dictionary from 32 sample pages, 32 B minimum saving.
        /// </summary>
        public RecompressConfig()
        {
            Level = Lz4HcEncoder.DefaultLevel;
            HashBits = 10;
            DictionaryBytes = 2048;
            SamplePages = 32;
            MinSavingsBytes = 32;
        }

        public RecompressConfig Clone()
        {
            RecompressConfig c = new RecompressConfig();
            c.Level = Level;
            c.HashBits = HashBits;
            c.DictionaryBytes = DictionaryBytes;
            c.SamplePages = SamplePages;
            c.MinSavingsBytes = MinSavingsBytes;
            return c;
        }

        /// <summary>Throws ArgumentException naming the first field out of range.</summary>
        public void Validate()
        {
            if (Level < Lz4HcEncoder.MinLevel || Level > Lz4HcEncoder.MaxLevel) throw new ArgumentException("Level must be 1..12");
            if (HashBits < Lz4HcEncoder.MinHashBits || HashBits > Lz4HcEncoder.MaxHashBits) throw new ArgumentException("HashBits must be 8..16");
            if (DictionaryBytes < 0 || DictionaryBytes > 32768 || DictionaryBytes % Lz4DictionaryBuilder.DefaultSegmentLength != 0)
                throw new ArgumentException("DictionaryBytes must be 0..32768 and a multiple of 32");
            if (SamplePages < 1 || SamplePages > 4096) throw new ArgumentException("SamplePages must be 1..4096");
            if (MinSavingsBytes < 1) throw new ArgumentException("MinSavingsBytes must be positive");
        }
    }
}
