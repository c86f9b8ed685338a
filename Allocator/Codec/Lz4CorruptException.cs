// Thrown by Lz4Decoder.Decompress when a block is malformed: truncated, an offset of 0 or before the start
// of the output, a literal or match running past the input or the output capacity. The output range may
// hold partial bytes when this is thrown; the caller must not use them. Lz4Decoder.TryDecompress reports
// the same conditions as a negative code without allocating.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public class Lz4CorruptException : Exception
    {
        /// <summary>One of the Lz4Decoder.Error* codes (negative).</summary>
        public int Reason { get; }

        public Lz4CorruptException(int reason, string message)
            : base(message)
        {
            Reason = reason;
        }
    }
}
