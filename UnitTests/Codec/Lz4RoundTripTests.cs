// LZ4 round trips: every sample page kind, edge sizes around the format's end-of-block rules (0..16
// bytes, exactly 12/13, 32 KiB; 64 KiB is host-only), offsets inside larger arrays, every acceleration and the table
// sizes up to liblz4's (the 15- and 16-bit tables, 64 and 128 KiB, are host-only: Lz4LargeBlockTests), and the
// compressor's exact "does not fit" contract. Our own decoder checks our own encoder here; the host-only
// suite checks both against liblz4.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class Lz4RoundTripTests
    {
        // Compresses src[off..off+len) into a guarded buffer, decompresses into another, checks both
        // guards, exactness of the result and the bound; returns the compressed size.
        private static int RoundTrip(Lz4Encoder encoder, byte[] src, int off, int len, int acceleration)
        {
            int bound = Lz4Block.CompressBound(len);
            byte[] comp = CodecTestData.Guarded(bound);
            int n = encoder.Compress(src, off, len, comp, CodecTestData.Guard, bound, acceleration);
            Assert.IsTrue(n >= 1 && n <= bound, "compressed size " + n + " for " + len + " bytes");
            Assert.IsTrue(CodecTestData.GuardsIntact(comp), "compressor wrote outside its range");

            byte[] back = CodecTestData.Guarded(len);
            int m = Lz4Decoder.Decompress(comp, CodecTestData.Guard, n, back, CodecTestData.Guard, len);
            Assert.AreEqual(len, m);
            Assert.IsTrue(CodecTestData.GuardsIntact(back), "decoder wrote outside its range");
            Assert.IsTrue(CodecTestData.SameBytes(src, off, back, CodecTestData.Guard, len), "round trip differs, length " + len);
            return n;
        }

        [TestMethod]
        public void AllPageKindsRoundTrip()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                for (uint seed = 1; seed <= 6; seed++)
                {
                    byte[] page = PageSamples.Make((PageKind)k, seed);
                    int n = RoundTrip(encoder, page, 0, page.Length, 1);
                    PageKind kind = (PageKind)k;
                    if (kind == PageKind.Zero || kind == PageKind.SameFilled)
                        Assert.IsTrue(n < 64, PageSamples.KindName(kind) + " page compressed to " + n);
                    else if (kind != PageKind.Random)
                        Assert.IsTrue(n < page.Length, PageSamples.KindName(kind) + " page did not shrink");
                }
            }
        }

        [TestMethod]
        public void TableSizesUpToLibLz4sAndEveryAccelerationRoundTrip()
        {
            int[] bits = { Lz4Encoder.MinHashBits, 10, Lz4Encoder.DefaultHashBits, Lz4Encoder.LibLz4HashBits };
            int[] accelerations = { -5, 0, 1, 2, 4, 17, 1000, 70000 };
            for (int b = 0; b < bits.Length; b++)
            {
                Lz4Encoder encoder = new Lz4Encoder(bits[b]);
                Assert.AreEqual(1 << bits[b], encoder.HashTableEntries);
                Assert.AreEqual(2 << bits[b], encoder.HashTableBytes);
                for (int a = 0; a < accelerations.Length; a++)
                {
                    for (int k = 0; k < 6; k++)
                    {
                        byte[] page = PageSamples.Make((PageKind)k, (uint)(b * 100 + a));
                        RoundTrip(encoder, page, 0, page.Length, accelerations[a]);
                    }
                }
            }
        }

        [TestMethod]
        public void HigherAccelerationDoesNotCompressBetterOnAverage()
        {
            Lz4Encoder encoder = new Lz4Encoder(Lz4Encoder.LibLz4HashBits);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            int total1 = 0, total8 = 0;
            for (int k = 0; k < 6; k++)
            {
                byte[] page = PageSamples.Make((PageKind)k, 11);
                total1 += encoder.Compress(page, 0, page.Length, comp, 0, comp.Length, 1);
                total8 += encoder.Compress(page, 0, page.Length, comp, 0, comp.Length, 8);
            }
            Assert.IsTrue(total1 <= total8, "acceleration 1 gave " + total1 + " bytes, 8 gave " + total8);
        }

        [TestMethod]
        public void SmallSizesRoundTrip()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            for (int len = 0; len <= 64; len++)
            {
                for (int alphabet = 1; alphabet <= 4; alphabet++)
                {
                    byte[] src = CodecTestData.Alphabet(len + 3, alphabet, (uint)(len * 7 + alphabet));
                    int n = RoundTrip(encoder, src, 3, len, 1);
                    if (len < Lz4Block.MinCompressibleLength)
                    {
                        // One literal-only sequence: token, the literals (no extension byte below 15).
                        Assert.AreEqual(1 + len, n);
                    }
                }
            }
        }

        [TestMethod]
        public void EmptyInputIsOneZeroToken()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] dst = new byte[4];
            dst[0] = 0xFF;
            Assert.AreEqual(1, encoder.Compress(new byte[0], 0, 0, dst, 0, dst.Length));
            Assert.AreEqual((byte)0, dst[0]);
            Assert.AreEqual(0, Lz4Decoder.Decompress(dst, 0, 1, new byte[0], 0, 0));
        }

        [TestMethod]
        public void TwelveAndThirteenBytesFollowTheEndRules()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] twelve = CodecTestData.Alphabet(12, 1, 1);
            byte[] comp = new byte[32];
            // 12 bytes cannot hold a match: one literal run.
            Assert.AreEqual(13, encoder.Compress(twelve, 0, 12, comp, 0, comp.Length));
            Assert.AreEqual((byte)0xC0, comp[0]);

            // 13 equal bytes: 1 literal, a match of 7 at offset 1 (starting 12 bytes before the end),
            // then the last 5 bytes as literals: (token, literal, offset) 4 + (token, 5 literals) 6 = 10 bytes.
            byte[] thirteen = CodecTestData.Alphabet(13, 1, 1);
            int n = encoder.Compress(thirteen, 0, 13, comp, 0, comp.Length);
            Assert.AreEqual(10, n);
            Assert.AreEqual((byte)0x13, comp[0]);
            Assert.AreEqual((byte)1, comp[2]);
            Assert.AreEqual((byte)0, comp[3]);
            Assert.AreEqual((byte)0x50, comp[4]);
            byte[] back = new byte[13];
            Assert.AreEqual(13, Lz4Decoder.Decompress(comp, 0, n, back, 0, 13));
            Assert.IsTrue(CodecTestData.SameBytes(thirteen, 0, back, 0, 13));
        }

        [TestMethod]
        public void LongLiteralAndMatchLengthExtensionsRoundTrip()
        {
            // Lengths around 15, 15 + 255 and 15 + 2 * 255 exercise every extension-byte boundary.
            Lz4Encoder encoder = new Lz4Encoder();
            int[] lengths = { 14, 15, 16, 18, 19, 20, 268, 269, 270, 271, 273, 274, 525, 526, 527, 1000 };
            for (int i = 0; i < lengths.Length; i++)
            {
                // incompressible prefix of lengths[i] bytes, then a run, then another incompressible tail
                int len = lengths[i];
                byte[] noise = CodecTestData.Alphabet(len + 40, 256, (uint)len);
                byte[] src = new byte[2 * len + 40];
                Array.Copy(noise, 0, src, 0, len);
                for (int j = len; j < 2 * len; j++) src[j] = 7;
                Array.Copy(noise, len, src, 2 * len, 40);
                RoundTrip(encoder, src, 0, src.Length, 1);
            }
        }

        [TestMethod]
        public void ThirtyTwoKiBRoundTrips()
        {
            // Matches reach back across eight mixed pages. The 64 KiB block (the 16-bit position limit) needs three
            // 64 KiB buffers at once, more than a small board's test budget: host-only (Lz4LargeBlockTests).
            Lz4Encoder encoder = new Lz4Encoder(Lz4Encoder.LibLz4HashBits);
            byte[] big = new byte[32 * 1024];
            for (int p = 0; p < 8; p++) PageSamples.Fill((PageKind)(p % PageSamples.KindCount), (uint)p, big, p * 4096, 4096);
            int n = RoundTrip(encoder, big, 0, big.Length, 1);
            Assert.IsTrue(n < big.Length);
        }

        [TestMethod]
        public void CompressBoundIsTheLz4Bound()
        {
            Assert.AreEqual(16, Lz4Block.CompressBound(0));
            Assert.AreEqual(4128, Lz4Block.CompressBound(4096));
            Assert.AreEqual(65536 + 257 + 16, Lz4Block.CompressBound(65536));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Lz4Block.CompressBound(-1));
        }

        [TestMethod]
        public void DoesNotFitIsExact()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                byte[] page = PageSamples.Make((PageKind)k, 21);
                byte[] comp = CodecTestData.Guarded(Lz4Block.CompressBound(page.Length));
                int n = encoder.Compress(page, 0, page.Length, comp, CodecTestData.Guard, comp.Length - 2 * CodecTestData.Guard);
                Assert.IsTrue(n > 0);

                // Exactly n bytes of room fits and gives the same block.
                CodecTestData.Reset(comp);
                Assert.AreEqual(n, encoder.Compress(page, 0, page.Length, comp, CodecTestData.Guard, n));
                Assert.IsTrue(CodecTestData.GuardsIntact(comp));

                // Any smaller capacity does not fit, and nothing is written past the capacity.
                int[] shorter = { n - 1, n / 2, 1, 0 };
                for (int s = 0; s < shorter.Length; s++)
                {
                    if (shorter[s] < 0) continue;
                    CodecTestData.Reset(comp);
                    int r = encoder.Compress(page, 0, page.Length, comp, CodecTestData.Guard, shorter[s]);
                    Assert.AreEqual(Lz4Block.DoesNotFit, r);
                    for (int i = CodecTestData.Guard + shorter[s]; i < comp.Length; i++)
                        Assert.AreEqual(CodecTestData.GuardValue, comp[i], "written past capacity " + shorter[s]);
                    Assert.IsTrue(CodecTestData.GuardsIntact(comp));
                }
            }
        }

        [TestMethod]
        public void RandomPageDoesNotFitInAPage()
        {
            // The store keeps incompressible pages raw: LZ4 expands them, so a page-sized capacity fails.
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] page = PageSamples.Make(PageKind.Random, 3);
            byte[] comp = new byte[page.Length];
            Assert.AreEqual(Lz4Block.DoesNotFit, encoder.Compress(page, 0, page.Length, comp, 0, comp.Length));
        }

        [TestMethod]
        public void EncoderIsReusableAcrossInputsAndOffsets()
        {
            // Stale table entries from a previous input must never leak into the next block.
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] buffer = new byte[3 * 4096];
            for (int i = 0; i < 3; i++) PageSamples.Fill((PageKind)i, 5, buffer, i * 4096, 4096);
            for (int round = 0; round < 3; round++)
            {
                for (int i = 2; i >= 0; i--) RoundTrip(encoder, buffer, i * 4096, 4096, 1);
                RoundTrip(encoder, buffer, 100, 5000, 1);
                RoundTrip(encoder, buffer, 4095, 13, 1);
            }
        }

        [TestMethod]
        public void BadArgumentsThrow()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] src = new byte[100];
            byte[] dst = new byte[200];
            Assert.ThrowsException(typeof(ArgumentNullException), () => encoder.Compress(null, 0, 0, dst, 0, 10));
            Assert.ThrowsException(typeof(ArgumentNullException), () => encoder.Compress(src, 0, 10, null, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, -1, 10, dst, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 95, 10, dst, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 0, 10, dst, 195, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 0, 10, dst, 0, -1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(new byte[Lz4Block.MaxInputSize + 1], 0, Lz4Block.MaxInputSize + 1, dst, 0, dst.Length));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4Encoder(Lz4Encoder.MinHashBits - 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4Encoder(Lz4Encoder.MaxHashBits + 1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => Lz4Decoder.Decompress(null, 0, 1, dst, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Lz4Decoder.Decompress(src, 99, 2, dst, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Lz4Decoder.Decompress(src, 0, 2, dst, 0, 201));
            // Input and output sharing an array must not overlap; disjoint ranges are fine.
            Assert.ThrowsException(typeof(ArgumentException), () => encoder.Compress(dst, 0, 50, dst, 49, 100));
            Assert.ThrowsException(typeof(ArgumentException), () => Lz4Decoder.Decompress(dst, 100, 10, dst, 0, 101));
            Assert.AreEqual(1, encoder.Compress(dst, 0, 0, dst, 0, 10));
            for (int i = 0; i < 20; i++) dst[i] = (byte)i;
            int n = encoder.Compress(dst, 0, 20, dst, 20, 100);
            Assert.AreEqual(20, Lz4Decoder.Decompress(dst, 20, n, dst, 150, 50));
            Assert.IsTrue(CodecTestData.SameBytes(dst, 0, dst, 150, 20));
        }
    }
}
