// Host-only: the codec allocates nothing per call once warm (GC.GetAllocatedBytesForCurrentThread around
// loops of compress, decompress, failed decompress, same-filled detect and fill).
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Codec
{
    [TestClass]
    public class CodecAllocationTests
    {
        [TestMethod]
        public void CompressAndDecompressAllocateNothing()
        {
            var encoder = new Lz4Encoder();
            var pages = new byte[PageSamples.KindCount][];
            for (int k = 0; k < pages.Length; k++) pages[k] = PageSamples.Make((PageKind)k, 3);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            byte[] small = new byte[100];
            byte[] back = new byte[PageSamples.PageSize];

            long compressCalls = 0;
            for (int round = 0; round < 2; round++) // round 0 warms up (JIT tiers), round 1 is measured
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int rep = 0; rep < 200; rep++)
                {
                    for (int k = 0; k < pages.Length; k++)
                    {
                        int n = encoder.Compress(pages[k], 0, pages[k].Length, comp, 0, comp.Length, 1 + (rep & 3));
                        encoder.Compress(pages[k], 0, pages[k].Length, small, 0, small.Length);
                        Lz4Decoder.Decompress(comp, 0, n, back, 0, back.Length);
                        Lz4Decoder.TryDecompress(comp, 0, n - 1, back, 0, back.Length);
                        compressCalls += 2;
                    }
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round == 1) Assert.AreEqual(0L, allocated, "bytes allocated over " + compressCalls / 2 + " calls");
            }
        }

        [TestMethod]
        public void SameFilledAllocatesNothing()
        {
            byte[] page = PageSamples.Make(PageKind.SameFilled, 4);
            byte[] text = PageSamples.Make(PageKind.Text, 4);
            uint word;
            uint fill = PageSamples.SameWord(4); // SameWord itself allocates a generator
            for (int round = 0; round < 2; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 2000; i++)
                {
                    SameFilled.Detect(page, 0, page.Length, out word);
                    SameFilled.Detect(text, 0, text.Length, out word);
                    SameFilled.Fill(page, 0, page.Length, fill);
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round == 1) Assert.AreEqual(0L, allocated);
            }
        }
    }
}
