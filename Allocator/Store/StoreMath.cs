// Small integer helpers for the store (nanoFramework's Math.Min/Max bind to float for some integer types
// on the device) and the device cost of an array, for metadata accounting: a 20-byte header plus the
// payload, rounded up to 12-byte heap blocks (CLR_RT_HeapBlock), as ZsPool.FixedObjectBytes counts.
namespace ZramEmbedded.Allocator.Store
{
    internal static class StoreMath
    {
        internal static int ArrayBytes(int payload)
        {
            return (20 + payload + 11) / 12 * 12;
        }

        /// <summary>Bytes of an object with `fields` instance fields (12-byte header block + 12 per field).</summary>
        internal static int ObjectBytes(int fields)
        {
            return 12 + 12 * fields;
        }

        internal static long MaxLong(long a, long b)
        {
            return a > b ? a : b;
        }
    }
}
