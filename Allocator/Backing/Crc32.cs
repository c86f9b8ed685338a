// CRC-32 (the IEEE 802.3 / zlib polynomial, reflected 0xEDB88320, initial and final XOR 0xFFFFFFFF) that
// guards every backing-store record. Table-driven, one byte per step: the 256-entry table (1 KiB) is
// computed once, in the static constructor, so the device pays no flash for a literal table and no
// allocation per call. Check value: Compute("123456789") = 0xCBF43926.
// Append continues a CRC over a further range: Append(Compute(a), b) == Compute(a followed by b).
using System;

namespace ZramEmbedded.Allocator.Backing
{
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        private static uint[] BuildTable()
        {
            uint[] t = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[n] = c;
            }
            return t;
        }

        /// <summary>CRC-32 of data[offset..offset+length).</summary>
        public static uint Compute(byte[] data, int offset, int length)
        {
            return Append(0, data, offset, length);
        }

        /// <summary>The CRC-32 of (what gave `crc`) followed by data[offset..offset+length).</summary>
        public static uint Append(uint crc, byte[] data, int offset, int length)
        {
            if (data == null) throw new ArgumentNullException("data");
            if (offset < 0 || length < 0 || offset > data.Length - length) throw new ArgumentOutOfRangeException("length");
            uint[] table = Table;
            uint c = crc ^ 0xFFFFFFFFu;
            int end = offset + length;
            for (int i = offset; i < end; i++) c = table[(c ^ data[i]) & 0xFF] ^ (c >> 8);
            return c ^ 0xFFFFFFFFu;
        }
    }
}
