// Same-filled page detection and filling (zram's "same" pages).
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class SameFilledTests
    {
        [TestMethod]
        public void ZeroAndSameFilledPagesAreDetected()
        {
            uint word;
            Assert.IsTrue(SameFilled.Detect(PageSamples.Make(PageKind.Zero, 1), 0, PageSamples.PageSize, out word));
            Assert.AreEqual(0u, word);
            for (uint seed = 1; seed < 20; seed++)
            {
                Assert.IsTrue(SameFilled.Detect(PageSamples.Make(PageKind.SameFilled, seed), 0, PageSamples.PageSize, out word));
                Assert.AreEqual(PageSamples.SameWord(seed), word);
            }
        }

        [TestMethod]
        public void OtherKindsAreNotSameFilled()
        {
            uint word;
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                PageKind kind = (PageKind)k;
                if (kind == PageKind.Zero || kind == PageKind.SameFilled) continue;
                Assert.IsFalse(SameFilled.Detect(PageSamples.Make(kind, 3), 0, PageSamples.PageSize, out word));
                Assert.AreEqual(0u, word);
            }
        }

        [TestMethod]
        public void OneDifferentByteAnywhereIsNotSameFilled()
        {
            byte[] buffer = new byte[64 + 8];
            uint word;
            for (int at = 0; at < 64; at++)
            {
                SameFilled.Fill(buffer, 4, 64, 0x11223344u);
                buffer[4 + at] ^= 0x80;
                Assert.IsFalse(SameFilled.Detect(buffer, 4, 64, out word), "flipped byte " + at);
            }
        }

        [TestMethod]
        public void FillWritesTheWordLittleEndianWithinRange()
        {
            int[] lengths = { 4, 8, 12, 60, 4096 };
            uint[] words = { 0u, 1u, 0xDEADBEEFu, 0xFFFFFFFFu, 0x00FF00FFu };
            for (int l = 0; l < lengths.Length; l++)
            {
                for (int w = 0; w < words.Length; w++)
                {
                    byte[] buffer = CodecTestData.Guarded(lengths[l]);
                    SameFilled.Fill(buffer, CodecTestData.Guard, lengths[l], words[w]);
                    Assert.IsTrue(CodecTestData.GuardsIntact(buffer));
                    for (int i = 0; i < lengths[l]; i++)
                        Assert.AreEqual((byte)(words[w] >> (8 * (i & 3))), buffer[CodecTestData.Guard + i]);
                    uint back;
                    Assert.IsTrue(SameFilled.Detect(buffer, CodecTestData.Guard, lengths[l], out back));
                    Assert.AreEqual(words[w], back);
                }
            }
        }

        [TestMethod]
        public void BadRangesThrow()
        {
            byte[] buffer = new byte[16];
            uint word;
            Assert.ThrowsException(typeof(ArgumentNullException), () => SameFilled.Detect(null, 0, 4, out word));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SameFilled.Detect(buffer, 0, 0, out word));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SameFilled.Detect(buffer, 0, 6, out word));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SameFilled.Detect(buffer, 8, 12, out word));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SameFilled.Fill(buffer, -4, 8, 1u));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => SameFilled.Fill(buffer, 0, 20, 1u));
        }
    }
}
