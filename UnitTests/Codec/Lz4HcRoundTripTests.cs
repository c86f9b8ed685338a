// The high-compression encoder: round trips through our decoder on every sample kind and several levels,
// edge sizes around the end-of-block rules (0..16, 4095, 4096), random data, offsets inside larger arrays,
// the exact "does not fit" contract, the level/capacity argument checks, and that it compresses at least
// as well as the fast encoder. liblz4 checks the blocks in the host-only suite.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class Lz4HcRoundTripTests
    {
        // Compresses src[off..off+len) into a guarded buffer (with dict[0..dictLength) when dictLength > 0),
        // decodes it back into another guarded buffer, checks guards and bytes; returns the compressed size.
        internal static int RoundTrip(Lz4HcEncoder encoder, byte[] src, int off, int len, byte[] dict, int dictLength)
        {
            int bound = Lz4Block.CompressBound(len);
            byte[] comp = CodecTestData.Guarded(bound);
            int n = encoder.Compress(src, off, len, comp, CodecTestData.Guard, bound, dict, 0, dictLength);
            Assert.IsTrue(n >= 1 && n <= bound, "compressed size " + n + " for " + len + " bytes");
            Assert.IsTrue(CodecTestData.GuardsIntact(comp), "compressor wrote outside its range");

            byte[] back = CodecTestData.Guarded(len);
            int m = Lz4Decoder.Decompress(comp, CodecTestData.Guard, n, back, CodecTestData.Guard, len, dict, 0, dictLength);
            Assert.AreEqual(len, m);
            Assert.IsTrue(CodecTestData.GuardsIntact(back), "decoder wrote outside its range");
            Assert.IsTrue(CodecTestData.SameBytes(src, off, back, CodecTestData.Guard, len), "round trip differs, length " + len);

            // The exact size fits; one byte less does not (and writes nothing outside the range).
            CodecTestData.Reset(comp);
            Assert.AreEqual(n, encoder.Compress(src, off, len, comp, CodecTestData.Guard, n, dict, 0, dictLength));
            CodecTestData.Reset(comp);
            Assert.AreEqual(Lz4Block.DoesNotFit, encoder.Compress(src, off, len, comp, CodecTestData.Guard, n - 1, dict, 0, dictLength));
            Assert.IsTrue(CodecTestData.GuardsIntact(comp), "a failed compression wrote outside its range");
            return n;
        }

        [TestMethod]
        public void AllPageKindsRoundTripAtSeveralLevels()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, 0);
            int[] levels = { Lz4HcEncoder.MinLevel, 4, Lz4HcEncoder.DefaultLevel, Lz4HcEncoder.MaxLevel };
            for (int l = 0; l < levels.Length; l++)
            {
                encoder.Level = levels[l];
                for (int k = 0; k < PageSamples.KindCount; k++)
                {
                    PageKind kind = (PageKind)k;
                    byte[] page = PageSamples.Make(kind, (uint)(l * 10 + k));
                    int n = RoundTrip(encoder, page, 0, page.Length, null, 0);
                    if (kind == PageKind.Zero || kind == PageKind.SameFilled)
                        Assert.IsTrue(n < 64, PageSamples.KindName(kind) + " page compressed to " + n);
                    else if (kind != PageKind.Random)
                        Assert.IsTrue(n < page.Length, PageSamples.KindName(kind) + " page did not shrink");
                }
            }
        }

        [TestMethod]
        public void EdgeSizesAndOffsetsRoundTrip()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, 0);
            byte[] text = PageSamples.Make(PageKind.Text, 5);
            byte[] random = PageSamples.Make(PageKind.Random, 5);
            byte[] runs = CodecTestData.Alphabet(PageSamples.PageSize, 2, 6);
            int[] sizes = { 0, 1, 2, 4, 5, 11, 12, 13, 14, 15, 16, 17, 19, 31, 64, 255, 256, 270, 1000, 4093, 4095, 4096 };
            for (int i = 0; i < sizes.Length; i++)
            {
                int len = sizes[i];
                int off = len <= 4090 ? 3 : 0;
                RoundTrip(encoder, text, off, len, null, 0);
                RoundTrip(encoder, random, 0, len, null, 0);
                RoundTrip(encoder, runs, off, len, null, 0);
            }
        }

        [TestMethod]
        public void RandomDataRoundTrips()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, 0, Lz4HcEncoder.MinHashBits, 6);
            SampleRandom rng = new SampleRandom(1401);
            for (int i = 0; i < 40; i++)
            {
                int len = rng.Next(PageSamples.PageSize + 1);
                int alphabet = 1 + rng.Skewed(256);
                byte[] data = CodecTestData.Alphabet(len, alphabet, (uint)i);
                RoundTrip(encoder, data, 0, len, null, 0);
            }
        }

        [TestMethod]
        public void InputPlacedInTheInputAreaCompressesLikeACopy()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, 512);
            byte[] page = PageSamples.Make(PageKind.Csv, 8);
            byte[] dict = new byte[512];
            PageSamples.Fill(PageKind.Csv, 9, dict, 0, dict.Length);
            int bound = Lz4Block.CompressBound(page.Length);
            byte[] a = new byte[bound];
            byte[] b = new byte[bound];
            int n = encoder.Compress(page, 0, page.Length, a, 0, bound, dict, 0, 300);
            Array.Copy(page, 0, encoder.InputArea, encoder.InputAreaOffset, page.Length);
            int m = encoder.Compress(encoder.InputArea, encoder.InputAreaOffset, page.Length, b, 0, bound, dict, 0, 300);
            Assert.AreEqual(n, m);
            Assert.IsTrue(CodecTestData.SameBytes(a, 0, b, 0, n));
            Assert.IsTrue(CodecTestData.SameBytes(page, 0, encoder.InputArea, encoder.InputAreaOffset, page.Length), "the input area changed");
        }

        [TestMethod]
        public void CompressesAtLeastAsWellAsTheFastEncoder()
        {
            Lz4HcEncoder hc = new Lz4HcEncoder(PageSamples.PageSize, 0);
            Lz4Encoder fast = new Lz4Encoder(Lz4Encoder.LibLz4HashBits);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            for (int k = 0; k < 6; k++)
            {
                int hcTotal = 0, fastTotal = 0;
                for (uint seed = 0; seed < 3; seed++)
                {
                    byte[] page = PageSamples.Make((PageKind)k, 100 + seed);
                    hcTotal += hc.Compress(page, 0, page.Length, comp, 0, comp.Length);
                    fastTotal += fast.Compress(page, 0, page.Length, comp, 0, comp.Length);
                }
                Assert.IsTrue(hcTotal <= fastTotal, PageSamples.KindName((PageKind)k) + ": HC " + hcTotal + " B, fast " + fastTotal + " B");
            }
        }

        [TestMethod]
        public void HigherLevelsDoNotCompressWorseOnAverage()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, 0);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            int[] levels = { 1, 3, 9 };
            int previous = int.MaxValue;
            for (int l = 0; l < levels.Length; l++)
            {
                encoder.Level = levels[l];
                Assert.AreEqual(levels[l], encoder.Level);
                int total = 0;
                for (int k = 0; k < 6; k++)
                {
                    byte[] page = PageSamples.Make((PageKind)k, 21);
                    total += encoder.Compress(page, 0, page.Length, comp, 0, comp.Length);
                }
                Assert.IsTrue(total <= previous, "level " + levels[l] + " gave " + total + " B, the level below " + previous + " B");
                previous = total;
            }
        }

        [TestMethod]
        public void ArgumentsAreChecked()
        {
            Lz4HcEncoder encoder = new Lz4HcEncoder(256, 64, Lz4HcEncoder.MinHashBits, 9);
            Assert.AreEqual(256 + 64 + 2 * 256 + 2 * 256, encoder.WorkingBytes);
            Assert.AreEqual(256, encoder.ChainEntries);
            Assert.AreEqual(256, encoder.InputCapacity);
            Assert.AreEqual(64, encoder.DictionaryCapacity);
            Assert.AreEqual(256, encoder.MaxAttempts);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { encoder.Level = 0; });
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => { encoder.Level = 13; });
            Assert.AreEqual(9, encoder.Level);
            byte[] src = new byte[300];
            byte[] dst = new byte[400];
            byte[] dict = new byte[100];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 0, 257, dst, 0, dst.Length));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 0, 100, dst, 0, dst.Length, dict, 0, 65));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => encoder.Compress(src, 0, 100, dst, 0, dst.Length, dict, 50, 60));
            Assert.ThrowsException(typeof(ArgumentNullException), () => encoder.Compress(src, 0, 100, dst, 0, dst.Length, null, 0, 10));
            Assert.ThrowsException(typeof(ArgumentException), () => encoder.Compress(src, 0, 100, src, 50, 200));
            Assert.ThrowsException(typeof(ArgumentException), () => encoder.Compress(encoder.InputArea, 0, 100, dst, 0, dst.Length));
            Assert.ThrowsException(typeof(ArgumentException),
                () => encoder.Compress(src, 0, 100, dst, 0, dst.Length, encoder.InputArea, 0, 10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(65000, 1000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(256, 0, 7, 9));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(256, 0, 12, 0));
        }
    }
}
