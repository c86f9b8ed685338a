// Allocation-free helpers the demo apps use to fill page buffers with realistic content: ASCII text from
// constant strings and numbers, little-endian integers, and a deterministic mixer, so an app can rebuild
// the expected content of any page from a small key and check what it reads back.
namespace ZramEmbedded.Firmware.Apps
{
    public static class PageFill
    {
        /// <summary>A well-spread 32-bit hash of x (murmur3 finalizer).</summary>
        public static uint Mix(uint x)
        {
            x ^= x >> 16;
            x *= 0x85EBCA6B;
            x ^= x >> 13;
            x *= 0xC2B2AE35;
            x ^= x >> 16;
            return x;
        }

        public static uint Mix(uint a, uint b)
        {
            return Mix(a * 0x9E3779B1 + Mix(b));
        }

        /// <summary>Copies the string's characters (ASCII) to buf from pos, as far as the buffer goes; returns the new position.</summary>
        public static int Text(byte[] buf, int pos, string s)
        {
            for (int i = 0; i < s.Length && pos < buf.Length; i++) buf[pos++] = (byte)s[i];
            return pos;
        }

        /// <summary>Writes a non-negative number in decimal, at least minDigits digits (zero padded).</summary>
        public static int Number(byte[] buf, int pos, long value, int minDigits)
        {
            if (value < 0) value = -value;
            int digits = 1;
            for (long v = value; v >= 10; v /= 10) digits++;
            if (digits < minDigits) digits = minDigits;
            int end = pos + digits;
            for (int i = end - 1; i >= pos; i--)
            {
                if (i < buf.Length) buf[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            return end < buf.Length ? end : buf.Length;
        }

        public static void U16(byte[] buf, int pos, int v)
        {
            buf[pos] = (byte)v;
            buf[pos + 1] = (byte)(v >> 8);
        }

        public static void U32(byte[] buf, int pos, uint v)
        {
            buf[pos] = (byte)v;
            buf[pos + 1] = (byte)(v >> 8);
            buf[pos + 2] = (byte)(v >> 16);
            buf[pos + 3] = (byte)(v >> 24);
        }

        /// <summary>Fills buf[pos..] with the 32-bit word repeated (a same-filled page when pos = 0).</summary>
        public static void Words(byte[] buf, int pos, uint word)
        {
            for (int i = pos; i < buf.Length; i++) buf[i] = (byte)(word >> (8 * (i & 3)));
        }

        /// <summary>Pads buf[pos..] with the byte.</summary>
        public static void Pad(byte[] buf, int pos, byte b)
        {
            for (int i = pos; i < buf.Length; i++) buf[i] = b;
        }

        public static bool Equal(byte[] a, byte[] b)
        {
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }
    }
}
