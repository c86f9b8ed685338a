// Hashing and comparing stored objects for the merge scan. The hash finds candidates only; a full byte
// comparison always confirms a match. Words are read with BitConverter (a native call on the device) in
// machine order, which is consistent within one run — hashes are never stored outside RAM. No allocation.
using System;

namespace ZramEmbedded.Allocator.Store
{
    internal static class ContentHash
    {
        private const uint Multiplier = 0x9E3779B1u;

        /// <summary>A 32-bit hash of buffer[offset..offset+length), the length mixed in.</summary>
        internal static int Compute(byte[] buffer, int offset, int length)
        {
            uint h = (uint)length * Multiplier;
            int end = offset + length;
            int i = offset;
            for (; i + 4 <= end; i += 4)
            {
                h ^= BitConverter.ToUInt32(buffer, i);
                h *= Multiplier;
                h ^= h >> 15;
            }
            for (; i < end; i++)
            {
                h ^= buffer[i];
                h *= Multiplier;
            }
            // Final avalanche (murmur3's fmix32), so the low bits that pick a bucket depend on every byte.
            h ^= h >> 16;
            h *= 0x85EBCA6Bu;
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            return (int)h;
        }

        /// <summary>True when a[ao..ao+length) and b[bo..bo+length) hold the same bytes.</summary>
        internal static bool Equal(byte[] a, int ao, byte[] b, int bo, int length)
        {
            int i = 0;
            for (; i + 4 <= length; i += 4)
            {
                if (BitConverter.ToUInt32(a, ao + i) != BitConverter.ToUInt32(b, bo + i)) return false;
            }
            for (; i < length; i++)
            {
                if (a[ao + i] != b[bo + i]) return false;
            }
            return true;
        }
    }
}
