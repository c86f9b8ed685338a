// The decoder must be safe on any input: thousands of random and mutated blocks (bit flips, byte
// changes, truncation, extension, bad offsets, overlong lengths), each of which either decodes within the
// output range or fails with Lz4CorruptException (TryDecompress: a negative code) — never another
// exception, never a write outside the range, never a length beyond the capacity. Fixed seeds, so a
// failure replays; the long run is the `lz4-fuzz` benchmark command.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class Lz4DecoderRobustnessTests
    {
        // Decodes block[0..length) into a guarded output of the given capacity through both entry points
        // and checks the contract. Returns the decoded length or the negative error code.
        private static int CheckOne(byte[] block, int length, byte[] outGuarded, int capacity, string what)
        {
            CodecTestData.Reset(outGuarded);
            int r;
            try
            {
                r = Lz4Decoder.TryDecompress(block, 0, length, outGuarded, CodecTestData.Guard, capacity);
            }
            catch (Exception e)
            {
                Assert.IsTrue(false, what + ": TryDecompress threw: " + e.Message);
                return 0;
            }
            Assert.IsTrue(CodecTestData.GuardsIntact(outGuarded), what + ": wrote outside the output range");
            Assert.IsTrue(r <= capacity, what + ": length beyond capacity");
            if (r < 0)
            {
                Assert.IsTrue(r >= Lz4Decoder.ErrorLiteralOverrun, what + ": unknown error code " + r);
                bool threw = false;
                try
                {
                    Lz4Decoder.Decompress(block, 0, length, outGuarded, CodecTestData.Guard, capacity);
                }
                catch (Lz4CorruptException e)
                {
                    threw = true;
                    Assert.AreEqual(r, e.Reason);
                }
                Assert.IsTrue(threw, what + ": Decompress did not throw Lz4CorruptException");
            }
            return r;
        }

        [TestMethod]
        public void RandomBlocksFailCleanly()
        {
            SampleRandom rng = new SampleRandom(4001);
            byte[] block = new byte[300];
            byte[] output = CodecTestData.Guarded(1024);
            int decoded = 0;
            for (int iteration = 0; iteration < 3000; iteration++)
            {
                int length = rng.Next(0, block.Length);
                int style = rng.Next(3);
                for (int i = 0; i < length; i++)
                {
                    // Raw random bytes, or small values (short lengths and offsets that often look valid).
                    uint v = rng.NextUInt();
                    block[i] = style == 0 ? (byte)v : (byte)(v & (style == 1 ? 0x1Fu : 0x13u));
                }
                int capacity = rng.Next(0, 1025);
                if (CheckOne(block, length, output, capacity, "random block " + iteration) >= 0) decoded++;
            }
            OutputHelper.WriteLine("random blocks decoded without error: " + decoded.ToString() + " of 3000");
        }

        [TestMethod]
        public void MutatedBlocksFailCleanly()
        {
            Lz4Encoder encoder = new Lz4Encoder();
            SampleRandom rng = new SampleRandom(4002);
            byte[] page = new byte[PageSamples.PageSize];
            byte[] valid = new byte[Lz4Block.CompressBound(page.Length) + 64];
            byte[] block = new byte[valid.Length];
            byte[] output = CodecTestData.Guarded(page.Length + 64);
            int n = 0;
            for (int iteration = 0; iteration < 2000; iteration++)
            {
                // A new valid block of a sample page every 8 mutations (compressing is the slow part on a device).
                if ((iteration & 7) == 0)
                {
                    uint seed = (uint)(iteration / 8);
                    PageSamples.Fill((PageKind)(seed % 6), seed, page, 0, page.Length);
                    n = encoder.Compress(page, 0, page.Length, valid, 0, valid.Length);
                }
                Array.Copy(valid, 0, block, 0, n);
                int length = n;
                int capacity = page.Length;
                int mutation = rng.Next(7);
                switch (mutation)
                {
                    case 0: // one to four bit flips
                        for (int f = rng.Next(1, 5); f > 0; f--) block[rng.Next(n)] ^= (byte)(1 << rng.Next(8));
                        break;
                    case 1: // a random byte value somewhere
                        block[rng.Next(n)] = (byte)rng.NextUInt();
                        break;
                    case 2: // truncation
                        length = rng.Next(n);
                        break;
                    case 3: // trailing garbage
                        length = n + rng.Next(1, 64);
                        for (int i = n; i < length; i++) block[i] = (byte)rng.NextUInt();
                        break;
                    case 4: // output capacity too small
                        capacity = rng.Next(page.Length);
                        break;
                    case 5: // overlong length: 255 extension bytes or a max nibble token
                        {
                            int at = rng.Next(n);
                            int count = rng.Next(1, 6);
                            for (int i = 0; i < count && at + i < n; i++) block[at + i] = 0xFF;
                        }
                        break;
                    default: // a zero or far offset written where an offset might be
                        {
                            int at = rng.Next(n - 1);
                            int offset = rng.Next(2) == 0 ? 0 : 65535 - rng.Next(60000);
                            block[at] = (byte)offset;
                            block[at + 1] = (byte)(offset >> 8);
                        }
                        break;
                }
                CheckOne(block, length, output, capacity, "mutation " + mutation + " iteration " + iteration);
            }
        }

        [TestMethod]
        public void EveryTruncationOfAValidBlockFails()
        {
            // A literal-only last sequence must end exactly at the input end, so every proper prefix of a
            // block whose last sequence holds literals is corrupt or decodes short, never beyond.
            Lz4Encoder encoder = new Lz4Encoder();
            byte[] page = PageSamples.Make(PageKind.Json, 77);
            byte[] block = new byte[Lz4Block.CompressBound(page.Length)];
            int n = encoder.Compress(page, 0, page.Length, block, 0, block.Length);
            byte[] output = CodecTestData.Guarded(page.Length);
            for (int length = 0; length < n; length++)
            {
                int r = CheckOne(block, length, output, page.Length, "prefix " + length);
                Assert.IsTrue(r < page.Length, "a prefix decoded to the whole page");
            }
            Assert.AreEqual(page.Length, CheckOne(block, n, output, page.Length, "whole block"));
        }

        [TestMethod]
        public void HandMadeCorruptBlocksReportTheirReason()
        {
            byte[] output = CodecTestData.Guarded(64);
            // Empty input: no token.
            Assert.AreEqual(Lz4Decoder.ErrorTruncated, CheckOne(new byte[0], 0, output, 64, "empty"));
            // Literal length 15 with its extension byte missing.
            Assert.AreEqual(Lz4Decoder.ErrorTruncated, CheckOne(new byte[] { 0xF0 }, 1, output, 64, "no extension"));
            // Two literals promised, one present.
            Assert.AreEqual(Lz4Decoder.ErrorLiteralOverrun, CheckOne(new byte[] { 0x20, 1 }, 2, output, 64, "short literals"));
            // Offset 0.
            Assert.AreEqual(Lz4Decoder.ErrorBadOffset, CheckOne(new byte[] { 0x10, 1, 0, 0, 0x00 }, 5, output, 64, "offset 0"));
            // Offset before the start of the output.
            Assert.AreEqual(Lz4Decoder.ErrorBadOffset, CheckOne(new byte[] { 0x10, 1, 2, 0, 0x00 }, 5, output, 64, "offset 2 after 1 byte"));
            // Offset with one byte missing.
            Assert.AreEqual(Lz4Decoder.ErrorTruncated, CheckOne(new byte[] { 0x10, 1, 1 }, 3, output, 64, "half offset"));
            // A match longer than the capacity (4 + 15 + 255 + 10 bytes into 64).
            Assert.AreEqual(Lz4Decoder.ErrorOutputOverrun, CheckOne(new byte[] { 0x1F, 1, 1, 0, 255, 10, 0x00 }, 7, output, 64, "long match"));
            // Literals longer than the capacity.
            byte[] lits = new byte[80];
            lits[0] = 0xF0;
            lits[1] = 80 - 2 - 15;
            Assert.AreEqual(Lz4Decoder.ErrorOutputOverrun, CheckOne(lits, 80, output, 64, "long literals"));
            // A huge literal length made of 255 bytes must stop at the input end, not overflow.
            byte[] ones = new byte[200];
            for (int i = 0; i < ones.Length; i++) ones[i] = 255;
            Assert.AreEqual(Lz4Decoder.ErrorLiteralOverrun, CheckOne(ones, 200, output, 64, "255 run"));
            // A valid overlapping run: 1 literal 'x', a match of 19 + 5 at offset 1, then 5 literals.
            byte[] run = { 0x1F, (byte)'x', 1, 0, 5, 0x50, 1, 2, 3, 4, 5 };
            Assert.AreEqual(1 + 24 + 5, CheckOne(run, run.Length, output, 64, "run"));
            for (int i = 0; i < 25; i++) Assert.AreEqual((byte)'x', output[CodecTestData.Guard + i]);
            // The same run into a capacity one byte short.
            Assert.AreEqual(Lz4Decoder.ErrorOutputOverrun, CheckOne(run, run.Length, output, 29, "run short"));
            Assert.ThrowsException(typeof(Lz4CorruptException), () => Lz4Decoder.Decompress(new byte[] { 0x10, 1, 0, 0, 0 }, 0, 5, new byte[8], 0, 8));
        }

        // A block of two sequences whose lengths fit the token, then a literal-only sequence of 14 bytes:
        // 14 literals 'a'.. + a match (offset 14, length 18), then 14 literals 'A'.. + a match (offset,
        // mlen). Long enough, and decoded into enough room, for the decoder's fast path.
        private static byte[] FastPathBlock(int offset, int mlen)
        {
            byte[] b = new byte[2 * (1 + 14 + 2) + 1 + 14];
            int p = 0;
            b[p++] = 0xE0 | (18 - 4);
            for (int i = 0; i < 14; i++) b[p++] = (byte)('a' + i);
            b[p++] = 14;
            b[p++] = 0;
            b[p++] = (byte)(0xE0 | (mlen - 4));
            for (int i = 0; i < 14; i++) b[p++] = (byte)('A' + i);
            b[p++] = (byte)offset;
            b[p++] = (byte)(offset >> 8);
            b[p++] = 0xE0;
            for (int i = 0; i < 14; i++) b[p++] = (byte)('0' + i);
            return b;
        }

        // The same two sequences decoded the plain way, one byte at a time (the test's oracle).
        private static byte[] FastPathExpected(int offset, int mlen)
        {
            byte[] e = new byte[14 + 18 + 14 + mlen + 14];
            int p = 0;
            for (int i = 0; i < 14; i++) e[p++] = (byte)('a' + i);
            for (int i = 0; i < 18; i++, p++) e[p] = e[p - 14];
            for (int i = 0; i < 14; i++) e[p++] = (byte)('A' + i);
            for (int i = 0; i < mlen; i++, p++) e[p] = e[p - offset];
            for (int i = 0; i < 14; i++) e[p++] = (byte)('0' + i);
            return e;
        }

        [TestMethod]
        public void FastPathChecksOffsetsAndCopiesOverlapsForward()
        {
            byte[] output = CodecTestData.Guarded(200);
            // 46 bytes precede the second match: offsets 0 and 47.. are invalid.
            int[] bad = { 0, 47, 65535 };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] block = FastPathBlock(bad[i], 4);
                Assert.AreEqual(Lz4Decoder.ErrorBadOffset, CheckOne(block, block.Length, output, 200, "fast offset " + bad[i]));
            }

            // Every match length the token holds (4..18) at offsets 1..46, into a roomy and an exact capacity.
            for (int mlen = 4; mlen <= 18; mlen++)
            {
                for (int offset = 1; offset <= 46; offset++)
                {
                    byte[] block = FastPathBlock(offset, mlen);
                    byte[] expected = FastPathExpected(offset, mlen);
                    byte[] exact = CodecTestData.Guarded(expected.Length);
                    string what = "mlen " + mlen + " offset " + offset;
                    Assert.AreEqual(expected.Length, CheckOne(block, block.Length, output, 200, what));
                    Assert.IsTrue(CodecTestData.SameBytes(expected, 0, output, CodecTestData.Guard, expected.Length), what);
                    Assert.AreEqual(expected.Length, CheckOne(block, block.Length, exact, expected.Length, what + " exact"));
                    Assert.IsTrue(CodecTestData.SameBytes(expected, 0, exact, CodecTestData.Guard, expected.Length), what + " exact");
                }
            }
        }
    }
}
