// LZ4 block format constants and the worst-case output bound (lz4/lz4 doc/lz4_Block_format.md).
// A block is a series of sequences: token (high nibble = literal length, low nibble = match length - 4),
// optional literal-length extension bytes (each adds 0..255, 255 means "another byte follows"), the
// literals, a 2-byte little-endian offset (1..65535, 0 is invalid), optional match-length extension
// bytes. The last sequence is literals only. The compressor here always obeys the end-of-block rules
// (last 5 bytes are literals, the last match starts at least 12 bytes before the end), so any conforming
// decoder (liblz4's LZ4_decompress_safe included) accepts our blocks. No frame header: the compressed size
// and the decompressed capacity travel out of band (the page store keeps them in its slot).
// All sizes are in bytes.
namespace ZramEmbedded.Allocator.Codec
{
    public static class Lz4Block
    {
        /// <summary>Shortest match the format can express (token low nibble 0 means 4 bytes).</summary>
        public const int MinMatch = 4;

        /// <summary>The last LastLiterals bytes of a block are always literals.</summary>
        public const int LastLiterals = 5;

        /// <summary>The last match must start at least MatchFindLimit bytes before the end of the input.</summary>
        public const int MatchFindLimit = 12;

        /// <summary>Inputs shorter than this are emitted as one literal run (a block must begin with a literal).</summary>
        public const int MinCompressibleLength = MatchFindLimit + 1;

        /// <summary>Largest offset a sequence can carry (2 bytes, little-endian).</summary>
        public const int MaxOffset = 65535;

        /// <summary>
        /// Largest input the compressor accepts: its hash table holds 16-bit positions (as liblz4 does for
        /// blocks under 64 KiB), which halves the table's RAM. Pages are 4 KiB, so this is no limit for the store.
        /// The decompressor has no such limit.
        /// </summary>
        public const int MaxInputSize = 65536;

        /// <summary>Compress result meaning "the compressed block does not fit in the output capacity" (keep the page raw).</summary>
        public const int DoesNotFit = 0;

        /// <summary>Largest compressed size of an n-byte input: n + n/255 + 16 (LZ4_COMPRESSBOUND; 4096 gives 4128).</summary>
        public static int CompressBound(int inputSize)
        {
            if (inputSize < 0) throw new System.ArgumentOutOfRangeException("inputSize");
            return inputSize + inputSize / 255 + 16;
        }
    }
}
