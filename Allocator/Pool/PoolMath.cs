// Integer helpers for the pool. nanoFramework's Math.Min/Max bind to float for some integer types on the
// device, so the pool uses these instead (CONTRIBUTING.md). Pure functions, no allocation.
// Public for the store layer (assembly ZramEmbedded.Allocator.Store), which shares these helpers.
namespace ZramEmbedded.Allocator.Pool
{
    /// <summary>Integer helpers of the allocator; public for the store layer (ZramEmbedded.Allocator.Store).</summary>
    public static class PoolMath
    {
        public static int Min(int a, int b)
        {
            return a < b ? a : b;
        }

        public static int Max(int a, int b)
        {
            return a > b ? a : b;
        }

        /// <summary>Number of bits needed to represent every value in 0..value (value ≥ 0; 0 needs 1 bit).</summary>
        public static int BitsFor(int value)
        {
            int bits = 1;
            while (bits < 31 && (value >> bits) != 0) bits++;
            return bits;
        }

        /// <summary>True when value is a positive power of two.</summary>
        public static bool IsPowerOfTwo(int value)
        {
            return value > 0 && (value & (value - 1)) == 0;
        }

        /// <summary>
        /// Heap bytes of an array with `payloadBytes` of elements on nanoFramework: a 20-byte header plus the
        /// payload, rounded up to whole 12-byte heap blocks (CLR_RT_HeapBlock).
        /// </summary>
        public static int ArrayBytes(int payloadBytes)
        {
            return (20 + payloadBytes + 11) / 12 * 12;
        }

        /// <summary>log2 of a positive power of two.</summary>
        public static int Log2(int powerOfTwo)
        {
            int s = 0;
            while ((1 << s) < powerOfTwo) s++;
            return s;
        }
    }
}
