// CRC-32 must be the standard IEEE/zlib CRC (records stay readable by other tools), match a bitwise
// reference on random data, continue correctly across split ranges, and catch every single-bit flip.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Backing
{
    [TestClass]
    public class Crc32Tests
    {
        private static byte[] Ascii(string s)
        {
            byte[] b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
            return b;
        }

        /// <summary>Bit-at-a-time CRC-32, no table: the definition the table-driven code must agree with.</summary>
        private static uint Reference(byte[] data, int offset, int length)
        {
            uint c = 0xFFFFFFFFu;
            for (int i = offset; i < offset + length; i++)
            {
                c ^= data[i];
                for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320u : c >> 1;
            }
            return ~c;
        }

        [TestMethod]
        public void KnownVectors()
        {
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(Ascii("123456789"), 0, 9));
            Assert.AreEqual(0u, Crc32.Compute(new byte[1], 0, 0));
            Assert.AreEqual(0x414FA339u, Crc32.Compute(Ascii("The quick brown fox jumps over the lazy dog"), 0, 43));
            Assert.AreEqual(0x2144DF1Cu, Crc32.Compute(new byte[4], 0, 4));
        }

        [TestMethod]
        public void MatchesBitwiseReferenceAndAppendSplits()
        {
            SampleRandom rng = new SampleRandom(7);
            byte[] data = new byte[700];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)rng.NextUInt();
            for (int trial = 0; trial < 20; trial++)
            {
                int off = rng.Next(100);
                int len = rng.Next(data.Length - off);
                uint whole = Crc32.Compute(data, off, len);
                Assert.AreEqual(Reference(data, off, len), whole);
                int split = len == 0 ? 0 : rng.Next(len);
                Assert.AreEqual(whole, Crc32.Append(Crc32.Compute(data, off, split), data, off + split, len - split));
            }
        }

        [TestMethod]
        public void EverySingleBitFlipChangesTheCrc()
        {
            byte[] data = Ascii("a record header and a little payload");
            uint good = Crc32.Compute(data, 0, data.Length);
            for (int bit = 0; bit < data.Length * 8; bit++)
            {
                data[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.AreNotEqual(good, Crc32.Compute(data, 0, data.Length));
                data[bit / 8] ^= (byte)(1 << (bit % 8));
            }
            Assert.AreEqual(good, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public void BadRangesThrow()
        {
            byte[] data = new byte[8];
            Assert.ThrowsException(typeof(ArgumentNullException), () => Crc32.Compute(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(data, 4, 5));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(data, -1, 2));
        }
    }
}
