// Host-only: the largest LZ4 block (64 KiB, the 16-bit position limit) round-trips through our encoder and
// decoder. It needs the input, the compressed bound and the output (~193 KiB) at once, above the per-test memory
// budget of the device suite (UnitTests/Host/Tests/Memory), so it runs here only.
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
