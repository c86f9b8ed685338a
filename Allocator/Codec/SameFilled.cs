// Same-filled pages (zram's "same" pages): a page that is one 32-bit word repeated is stored as that word
// alone, with no compression and no pool object. Detection reads a word at a time and stops at the first
// mismatch, so a typical non-same page costs a few reads; filling writes the word once and then doubles the
// filled prefix with Array.Copy (log2(length/4) native copies), or one Array.Clear for the zero word.
// Words are little-endian: byte i of the page is byte (i mod 4) of the word, least significant first.
// No allocation.
using System;

namespace ZramEmbedded.Allocator.Codec
{
    public static class SameFilled
    {
        /// <summary>
        /// True when buffer[offset..offset+length) is one 32-bit word repeated; word is then that word
        /// (little-endian), else 0. length must be a positive multiple of 4.
        /// </summary>
        public static bool Detect(byte[] buffer, int offset, int length, out uint word)
        {
            CheckRange(buffer, offset, length);
            word = 0;
            // Compare in machine order (BitConverter is native on nanoFramework); report little-endian.
            uint first = BitConverter.ToUInt32(buffer, offset);
            int end = offset + length;
            for (int i = offset + 4; i < end; i += 4)
            {
                if (BitConverter.ToUInt32(buffer, i) != first) return false;
            }
            word = (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
            return true;
        }

        /// <summary>Fills buffer[offset..offset+length) with word repeated (little-endian); length a positive multiple of 4.</summary>
        public static void Fill(byte[] buffer, int offset, int length, uint word)
        {
            CheckRange(buffer, offset, length);
            if (word == 0)
            {
                Array.Clear(buffer, offset, length);
                return;
            }
            buffer[offset] = (byte)word;
            buffer[offset + 1] = (byte)(word >> 8);
            buffer[offset + 2] = (byte)(word >> 16);
            buffer[offset + 3] = (byte)(word >> 24);
            int done = 4;
            while (done < length)
            {
                int n = done;
                if (n > length - done) n = length - done;
                Array.Copy(buffer, offset, buffer, offset + done, n);
                done += n;
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int length)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (length <= 0 || (length & 3) != 0) throw new ArgumentOutOfRangeException("length", "length must be a positive multiple of 4");
            if (offset < 0 || offset > buffer.Length - length) throw new ArgumentOutOfRangeException("offset");
        }
    }
}
