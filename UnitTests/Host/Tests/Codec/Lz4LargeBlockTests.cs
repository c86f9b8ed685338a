// Host-only: the largest LZ4 block (64 KiB, the 16-bit position limit) round-trips through our encoder and
// decoder, and so does every page kind with the largest hash tables (15 and 16 bits: 64 and 128 KiB). The block needs
// the input, the compressed bound and the output (~193 KiB) at once, the 16-bit table one 128 KiB array: above the
// 160 KiB heap the device suites must pass in on the 32-bit nanoCLR (nf-build/nanoclr.sh), so they run here only.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Codec
{
    [TestClass]
    public class Lz4LargeBlockTests
    {
        private static int RoundTrip(byte[] src)
        {
            var encoder = new Lz4Encoder(Lz4Encoder.LibLz4HashBits);
            int bound = Lz4Block.CompressBound(src.Length);
            byte[] comp = new byte[bound];
            int n = encoder.Compress(src, 0, src.Length, comp, 0, bound, 1);
            Assert.IsTrue(n >= 1 && n <= bound, "compressed size " + n);
            byte[] back = new byte[src.Length];
            Assert.AreEqual(src.Length, Lz4Decoder.Decompress(comp, 0, n, back, 0, back.Length));
            Assert.IsTrue(src.AsSpan().SequenceEqual(back), "64 KiB round trip differs");
            return n;
        }

        [TestMethod]
        public void LargestHashTablesRoundTripEveryPageKind()
        {
            int[] accelerations = { -5, 1, 4, 70000 };
            for (int bits = Lz4Encoder.LibLz4HashBits + 1; bits <= Lz4Encoder.MaxHashBits; bits++)
            {
                var encoder = new Lz4Encoder(bits);
                Assert.AreEqual(2 << bits, encoder.HashTableBytes);
                byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
                byte[] back = new byte[PageSamples.PageSize];
                foreach (int a in accelerations)
                    for (int k = 0; k < PageSamples.KindCount; k++)
                    {
                        byte[] page = PageSamples.Make((PageKind)k, (uint)(bits * 100 + a));
                        int n = encoder.Compress(page, 0, page.Length, comp, 0, comp.Length, a);
                        Assert.AreEqual(page.Length, Lz4Decoder.Decompress(comp, 0, n, back, 0, back.Length));
                        Assert.IsTrue(page.AsSpan().SequenceEqual(back), bits + "-bit table, acceleration " + a + ", " + PageSamples.KindName((PageKind)k));
                    }
            }
        }

        [TestMethod]
        public void SixtyFourKiBRoundTrips()
        {
            byte[] big = new byte[Lz4Block.MaxInputSize];
            for (int p = 0; p < 16; p++) PageSamples.Fill((PageKind)(p % PageSamples.KindCount), (uint)p, big, p * 4096, 4096);
            Assert.IsTrue(RoundTrip(big) < big.Length);
            // A long run of zeros crosses the 16-bit position limit exactly.
            Assert.IsTrue(RoundTrip(new byte[Lz4Block.MaxInputSize]) < 1024);
        }
    }
}
