// Dictionary compression: blocks made against a dictionary round-trip through the decoder's dictionary
// entry point (pages of every kind, edge sizes, a dictionary of the page itself), the builder makes a
// dictionary that helps pages like its samples, and offsets reaching before the dictionary are corrupt
// blocks (never a read outside it), also on the decoder's fast path and on mutated dictionary blocks.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class Lz4DictionaryTests
    {
        private const int DictSize = 1024;

        // A dictionary built from 8 mixed sample pages (seeds apart from the test pages).
        internal static byte[] BuildDictionary(out int length)
        {
            Lz4DictionaryBuilder builder = new Lz4DictionaryBuilder(DictSize);
            byte[] page = new byte[PageSamples.PageSize];
            for (int pass = 0; pass < 2; pass++)
            {
                for (uint i = 0; i < 8; i++)
                {
                    uint seed = 7000 + i;
                    PageSamples.Fill(PageSamples.MixedKind(seed), seed, page, 0, page.Length);
                    if (pass == 0) builder.Count(page, 0, page.Length);
                    else builder.Select(page, 0, page.Length);
                }
            }
            Assert.AreEqual(8, builder.PagesCounted);
            Assert.AreEqual(8, builder.PagesSelected);
            byte[] dict = new byte[DictSize];
            length = builder.Finish(dict, 0);
            Assert.AreEqual(builder.SegmentsHeld * builder.SegmentLength, length);
            return dict;
        }

        [TestMethod]
        public void DictionaryBlocksRoundTripOnEveryKind()
        {
            int dictLength;
            byte[] dict = BuildDictionary(out dictLength);
            Assert.IsTrue(dictLength > DictSize / 2, "dictionary of " + dictLength + " B");
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, DictSize);
            int with = 0, without = 0;
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                byte[] page = PageSamples.Make((PageKind)k, (uint)(40 + k));
                with += Lz4HcRoundTripTests.RoundTrip(encoder, page, 0, page.Length, dict, dictLength);
                without += encoder.Compress(page, 0, page.Length, comp, 0, comp.Length);
            }
            Assert.IsTrue(with < without, "with the dictionary " + with + " B, without " + without + " B");
        }

        [TestMethod]
        public void EdgeSizesRoundTripWithADictionary()
        {
            byte[] page = PageSamples.Make(PageKind.Json, 3);
            // The dictionary is the page's own second half: matches reach into it from the first byte on,
            // and continue from the dictionary's end into the output.
            byte[] dict = new byte[2048];
            Array.Copy(page, 2048, dict, 0, 2048);
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, dict.Length);
            int[] sizes = { 0, 1, 5, 12, 13, 14, 16, 40, 255, 1000, 2048, 4096 };
            for (int i = 0; i < sizes.Length; i++)
            {
                int off = 4096 - sizes[i] >= 2048 ? 2048 : 4096 - sizes[i];
                Lz4HcRoundTripTests.RoundTrip(encoder, page, off, sizes[i], dict, dict.Length);
                Lz4HcRoundTripTests.RoundTrip(encoder, page, 0, sizes[i], dict, 1 + i * 100);
            }
            // The page's second half against itself compresses to a few sequences.
            byte[] comp = new byte[Lz4Block.CompressBound(2048)];
            int n = encoder.Compress(page, 2048, 2048, comp, 0, comp.Length, dict, 0, dict.Length);
            Assert.IsTrue(n < 40, "a page half against itself compressed to " + n + " B");
        }

        [TestMethod]
        public void BuilderWithLentSegmentsBuildsTheSameDictionaryInPlace()
        {
            const int size = 512;
            Lz4DictionaryBuilder own = new Lz4DictionaryBuilder(size, new ushort[1024], 32, 4);
            Lz4DictionaryBuilder lending = new Lz4DictionaryBuilder(size, new ushort[1024], 32, 4, true);
            Assert.AreEqual(own.WorkingBytes - size, lending.WorkingBytes);
            Assert.ThrowsException(typeof(InvalidOperationException), () => lending.Reset());
            Assert.ThrowsException(typeof(InvalidOperationException), () => own.Reset(new byte[size]));
            byte[] area = new byte[size];
            own.Reset();
            lending.Reset(area);
            byte[] page = new byte[PageSamples.PageSize];
            for (int pass = 0; pass < 2; pass++)
            {
                for (uint i = 0; i < 12; i++)
                {
                    uint seed = 7100 + i;
                    PageSamples.Fill(PageSamples.MixedKind(seed), seed, page, 0, page.Length);
                    if (pass == 0) { own.Count(page, 0, page.Length); lending.Count(page, 0, page.Length); }
                    else { own.Select(page, 0, page.Length); lending.Select(page, 0, page.Length); }
                }
            }
            byte[] dict = new byte[size];
            int n = own.Finish(dict, 0);
            Assert.IsTrue(n > 64, "dictionary of " + n + " B");
            Assert.AreEqual(n, lending.Finish(area, 0));
            Assert.IsTrue(CodecTestData.SameBytes(dict, 0, area, 0, n), "in-place order differs");
            Assert.AreEqual(n, lending.Finish(area, 0)); // ordered already: unchanged
            Assert.IsTrue(CodecTestData.SameBytes(dict, 0, area, 0, n));
        }

        [TestMethod]
        public void BuilderPrefersWhatSamplesShare()
        {
            // Four pages that share one 256-byte record (placed at different offsets) and are otherwise
            // random: the dictionary must hold the record, so a fifth page with it compresses better.
            byte[] record = CodecTestData.Alphabet(256, 256, 88);
            Lz4DictionaryBuilder builder = new Lz4DictionaryBuilder(256, 10, 32, 8);
            Assert.AreEqual(1024 + 1024 + 256 + 4 * 8, builder.WorkingBytes);
            byte[] page = new byte[1024];
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < 4; i++)
                {
                    byte[] noise = CodecTestData.Alphabet(1024, 256, (uint)(i + 1));
                    Array.Copy(noise, 0, page, 0, 1024);
                    Array.Copy(record, 0, page, 100 + 150 * i, record.Length);
                    if (pass == 0) builder.Count(page, 0, page.Length);
                    else builder.Select(page, 0, page.Length);
                }
            }
            Assert.ThrowsException(typeof(InvalidOperationException), () => builder.Count(page, 0, page.Length));
            byte[] dict = new byte[256];
            int length = builder.Finish(dict, 0);
            Assert.IsTrue(length >= 128, "dictionary of " + length + " B");

            byte[] test = CodecTestData.Alphabet(1024, 256, 99);
            Array.Copy(record, 0, test, 500, record.Length);
            Lz4HcEncoder encoder = new Lz4HcEncoder(1024, 256);
            byte[] comp = new byte[Lz4Block.CompressBound(1024)];
            int without = encoder.Compress(test, 0, 1024, comp, 0, comp.Length);
            int with = Lz4HcRoundTripTests.RoundTrip(encoder, test, 0, 1024, dict, length);
            Assert.IsTrue(with + 100 < without, "with the dictionary " + with + " B, without " + without + " B");

            builder.Reset();
            Assert.AreEqual(0, builder.SegmentsHeld);
            Assert.AreEqual(0, builder.Finish(dict, 0));
        }

        // 14 literals 'a'.., then a sequence with lit literals and a match (offset, 18 bytes), then 14
        // literals: long enough for the decoder's fast path when lit is small.
        private static byte[] DictOffsetBlock(int lit, int offset)
        {
            byte[] b = new byte[1 + lit + 2 + 1 + 14];
            int p = 0;
            b[p++] = (byte)((lit << 4) | (18 - 4));
            for (int i = 0; i < lit; i++) b[p++] = (byte)('a' + i);
            b[p++] = (byte)offset;
            b[p++] = (byte)(offset >> 8);
            b[p++] = 0xE0;
            for (int i = 0; i < 14; i++) b[p++] = (byte)('0' + i);
            return b;
        }

        [TestMethod]
        public void OffsetsBeforeTheDictionaryAreCorrupt()
        {
            byte[] dict = new byte[64 + 2 * CodecTestData.Guard];
            for (int i = 0; i < dict.Length; i++) dict[i] = (byte)(i + 1);
            byte[] output = CodecTestData.Guarded(200);
            int[] lits = { 0, 3, 14 };
            for (int l = 0; l < lits.Length; l++)
            {
                int lit = lits[l];
                // The dictionary is dict[Guard..Guard+64): offset lit + 64 reaches its first byte.
                byte[] ok = DictOffsetBlock(lit, lit + 64);
                CodecTestData.Reset(output);
                int n = Lz4Decoder.TryDecompress(ok, 0, ok.Length, output, CodecTestData.Guard, 200, dict, CodecTestData.Guard, 64);
                Assert.AreEqual(lit + 18 + 14, n);
                for (int i = 0; i < 18; i++) Assert.AreEqual(dict[CodecTestData.Guard + i], output[CodecTestData.Guard + lit + i]);

                // A match that starts 10 bytes before the dictionary's end runs on into the output.
                byte[] straddle = DictOffsetBlock(lit, lit + 10);
                n = Lz4Decoder.TryDecompress(straddle, 0, straddle.Length, output, CodecTestData.Guard, 200, dict, CodecTestData.Guard, 64);
                Assert.AreEqual(lit + 18 + 14, n);
                for (int i = 0; i < 10; i++) Assert.AreEqual(dict[CodecTestData.Guard + 54 + i], output[CodecTestData.Guard + lit + i]);
                for (int i = 10; i < 18; i++) Assert.AreEqual(output[CodecTestData.Guard + i - 10], output[CodecTestData.Guard + lit + i]);

                // One byte further back, or offset 0: corrupt, with and without a dictionary, both entry points.
                byte[] bad = DictOffsetBlock(lit, lit + 65);
                Assert.AreEqual(Lz4Decoder.ErrorBadOffset, Lz4Decoder.TryDecompress(bad, 0, bad.Length, output, CodecTestData.Guard, 200, dict, CodecTestData.Guard, 64));
                Assert.AreEqual(Lz4Decoder.ErrorBadOffset, Lz4Decoder.TryDecompress(ok, 0, ok.Length, output, CodecTestData.Guard, 200));
                byte[] zero = DictOffsetBlock(lit, 0);
                Assert.AreEqual(Lz4Decoder.ErrorBadOffset, Lz4Decoder.TryDecompress(zero, 0, zero.Length, output, CodecTestData.Guard, 200, dict, CodecTestData.Guard, 64));
                Assert.ThrowsException(typeof(Lz4CorruptException),
                    () => Lz4Decoder.Decompress(bad, 0, bad.Length, output, CodecTestData.Guard, 200, dict, CodecTestData.Guard, 64));
                Assert.IsTrue(CodecTestData.GuardsIntact(output), "decoder wrote outside its range");
            }
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => Lz4Decoder.TryDecompress(new byte[4], 0, 4, output, 0, 8, dict, 60, 64));
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => Lz4Decoder.TryDecompress(new byte[4], 0, 4, output, 0, 8, null, 0, 64));
            Assert.ThrowsException(typeof(ArgumentException),
                () => Lz4Decoder.TryDecompress(new byte[4], 0, 4, output, 0, 64, output, 10, 20));
        }

        [TestMethod]
        public void MutatedDictionaryBlocksFailCleanly()
        {
            byte[] page = PageSamples.Make(PageKind.Text, 12);
            byte[] dict = new byte[512];
            PageSamples.Fill(PageKind.Text, 13, dict, 0, dict.Length);
            Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, dict.Length, 10, 4);
            byte[] valid = new byte[Lz4Block.CompressBound(page.Length)];
            int n = encoder.Compress(page, 0, page.Length, valid, 0, valid.Length, dict, 0, dict.Length);
            byte[] block = new byte[n];
            byte[] output = CodecTestData.Guarded(page.Length);
            SampleRandom rng = new SampleRandom(1402);
            int decoded = 0;
            for (int iteration = 0; iteration < 600; iteration++)
            {
                Array.Copy(valid, 0, block, 0, n);
                for (int f = rng.Next(1, 4); f > 0; f--) block[rng.Next(n)] ^= (byte)(1 << rng.Next(8));
                int dictLength = rng.Next(2) == 0 ? dict.Length : rng.Next(dict.Length);
                CodecTestData.Reset(output);
                int r = Lz4Decoder.TryDecompress(block, 0, n, output, CodecTestData.Guard, page.Length, dict, dict.Length - dictLength, dictLength);
                Assert.IsTrue(r <= page.Length && r >= Lz4Decoder.ErrorLiteralOverrun, "result " + r);
                Assert.IsTrue(CodecTestData.GuardsIntact(output), "decoder wrote outside its range");
                if (r >= 0) decoded++;
            }
            OutputHelper.WriteLine("mutated dictionary blocks decoded without error: " + decoded.ToString() + " of 600");
        }
    }
}
