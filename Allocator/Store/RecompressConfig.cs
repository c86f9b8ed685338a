// Idle-recompression parameters, validated and copied by the Recompressor. Units: bytes unless named.
// Memory follows from them (Recompressor.WorkingBytes): the HC encoder (PageSize + DictionaryBytes of
// window, which also holds the page being recompressed; a chain ring of 2 B per entry, the largest power of
// two ≤ the window; 2^HashBits × 2 B of heads), the dictionary builder's segments (DictionaryBytes + an int
// per 32 B; its counters borrow the encoder's chain), two dictionary buffers and a page-sized output
// buffer. Defaults with 4 KiB pages: 6 + 8 + 2 (encoder) + 2.3 + 4 + 4 KiB + objects = 27.4 KB.
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
        /// sample pages, fewer bits cost search time), a 2 KiB dictionary from 32 sample pages, 32 B minimum saving.
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
