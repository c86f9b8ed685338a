// Host-only: the high-compression encoder and the dictionary path against the machine's liblz4, both
// ways: our HC blocks decode with LZ4_decompress_safe, our dictionary blocks with
// LZ4_decompress_safe_usingDict, liblz4's HC blocks (LZ4_compress_HC) and dictionary blocks (HC and fast
// streams with a loaded dictionary) decode with ours; our HC ratio stays within 2 % of liblz4 HC level 9;
// the encoder, the dictionary decoder and the builder allocate nothing per call.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Native;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Codec
{
    [TestClass]
    public class Lz4HcInteropTests
    {
        private const int SeedsPerKind = 60;

        private static bool Same(byte[] a, int aOffset, byte[] b, int bOffset, int length)
        {
            return a.AsSpan(aOffset, length).SequenceEqual(b.AsSpan(bOffset, length));
        }

        // A 2 KiB dictionary built by our builder from 32 mixed pages.
        private static byte[] MixedDictionary(out int length)
        {
            var builder = new Lz4DictionaryBuilder(2048);
            var pages = new byte[32][];
            for (uint i = 0; i < pages.Length; i++)
            {
                uint seed = 60000 + i;
                pages[i] = PageSamples.Make(PageSamples.MixedKind(seed), seed);
                builder.Count(pages[i], 0, pages[i].Length);
            }
            foreach (var p in pages) builder.Select(p, 0, p.Length);
            var dict = new byte[2048];
            length = builder.Finish(dict, 0);
            return dict;
        }

        [TestMethod]
        public void OurHcBlocksDecompressWithLibLz4()
        {
            int[] levels = { 1, 3, 9, 12 };
            var encoder = new Lz4HcEncoder(PageSamples.PageSize, 0);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            byte[] back = new byte[PageSamples.PageSize];
            foreach (int level in levels)
            {
                encoder.Level = level;
                for (int k = 0; k < PageSamples.KindCount; k++)
                {
                    for (uint seed = 0; seed < SeedsPerKind; seed++)
                    {
                        byte[] page = PageSamples.Make((PageKind)k, seed + 100u * (uint)level);
                        int n = encoder.Compress(page, 0, page.Length, comp, 0, comp.Length);
                        Array.Clear(back);
                        Assert.AreEqual(page.Length, LibLz4.DecompressSafe(comp, back, n, back.Length), "liblz4 rejected our HC block: level " + level + " kind " + k + " seed " + seed);
                        Assert.IsTrue(Same(page, 0, back, 0, page.Length));
                    }
                }
            }
        }

        [TestMethod]
        public void OurDictionaryBlocksDecompressWithLibLz4()
        {
            int dictLength;
            byte[] dict = MixedDictionary(out dictLength);
            Assert.IsTrue(dictLength >= 1024);
            // Whole-window chain ring, and the short rings a RAM-starved caller uses (Lz4HcChainRingTests).
            var encoders = new[]
            {
                new Lz4HcEncoder(PageSamples.PageSize, dict.Length),
                new Lz4HcEncoder(PageSamples.PageSize, dict.Length, 10, Lz4HcEncoder.DefaultLevel, null, Lz4HcEncoder.MinChainEntries),
                new Lz4HcEncoder(PageSamples.PageSize, dict.Length, 10, Lz4HcEncoder.DefaultLevel, null, 2048),
            };
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            byte[] back = new byte[PageSamples.PageSize];
            var rng = new SampleRandom(1411);
            for (int i = 0; i < 600; i++)
            {
                var encoder = encoders[i % encoders.Length];
                byte[] page = PageSamples.Make((PageKind)(i % PageSamples.KindCount), (uint)i);
                int len = i < 100 ? i : (i % 3 == 0 ? rng.Next(page.Length + 1) : page.Length);
                int used = i % 5 == 0 ? rng.Next(dictLength + 1) : dictLength; // a suffix of the dictionary
                encoder.Level = 1 + i % 12;
                int n = encoder.Compress(page, 0, len, comp, 0, comp.Length, dict, dictLength - used, used);
                byte[] suffix = new byte[used];
                Array.Copy(dict, dictLength - used, suffix, 0, used);
                Array.Clear(back);
                Assert.AreEqual(len, LibLz4.DecompressSafeUsingDict(comp, back, n, len, suffix, used), "liblz4 rejected our dictionary block " + i);
                Assert.IsTrue(Same(page, 0, back, 0, len));
            }
        }

        [TestMethod]
        public void LibLz4HcAndDictionaryBlocksDecompressWithOurs()
        {
            int dictLength;
            byte[] dict = MixedDictionary(out dictLength);
            byte[] exact = new byte[dictLength];
            Array.Copy(dict, exact, dictLength);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            byte[] back = new byte[PageSamples.PageSize + 32];
            int[] levels = { 3, 9, 12 };
            for (int k = 0; k < PageSamples.KindCount; k++)
            {
                for (uint seed = 0; seed < SeedsPerKind; seed++)
                {
                    byte[] page = PageSamples.Make((PageKind)k, seed + 7000);
                    int level = levels[seed % 3];
                    int n = LibLz4.CompressHC(page, comp, page.Length, comp.Length, level);
                    Assert.AreEqual(page.Length, Lz4Decoder.Decompress(comp, 0, n, back, 16, PageSamples.PageSize));
                    Assert.IsTrue(Same(page, 0, back, 16, page.Length), "liblz4 HC block decoded differently: kind " + k);

                    n = LibLz4.CompressHCUsingDict(page, comp, page.Length, comp.Length, exact, dictLength, level);
                    Assert.IsTrue(n > 0);
                    Assert.AreEqual(page.Length, Lz4Decoder.Decompress(comp, 0, n, back, 16, PageSamples.PageSize, dict, 0, dictLength));
                    Assert.IsTrue(Same(page, 0, back, 16, page.Length), "liblz4 HC dictionary block decoded differently: kind " + k);

                    n = LibLz4.CompressFastUsingDict(page, comp, page.Length, comp.Length, exact, dictLength, 1);
                    Assert.AreEqual(page.Length, Lz4Decoder.Decompress(comp, 0, n, back, 16, PageSamples.PageSize, dict, 0, dictLength));
                    Assert.IsTrue(Same(page, 0, back, 16, page.Length), "liblz4 fast dictionary block decoded differently: kind " + k);
                }
            }
        }

        [TestMethod]
        public void HcRatioWithinTwoPercentOfLibLz4Level9()
        {
            var encoder = new Lz4HcEncoder(PageSamples.PageSize, 0);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            for (int k = 0; k < 6; k++)
            {
                long ours = 0, theirs = 0;
                for (uint seed = 0; seed < 50; seed++)
                {
                    byte[] page = PageSamples.Make((PageKind)k, seed);
                    ours += encoder.Compress(page, 0, page.Length, comp, 0, comp.Length);
                    theirs += LibLz4.CompressHC(page, comp, page.Length, comp.Length, 9);
                }
                double relative = (double)ours / theirs;
                Assert.IsTrue(relative <= 1.02, PageSamples.KindName((PageKind)k) + ": our HC bytes are " + relative + " of liblz4 HC 9");
            }
        }

        [TestMethod]
        public void HcDictionaryAndBuilderAllocateNothing()
        {
            int dictLength;
            byte[] dict = MixedDictionary(out dictLength);
            var encoder = new Lz4HcEncoder(PageSamples.PageSize, dict.Length);
            var builder = new Lz4DictionaryBuilder(1024);
            var pages = new byte[6][];
            for (int k = 0; k < pages.Length; k++) pages[k] = PageSamples.Make((PageKind)k, 5);
            byte[] comp = new byte[Lz4Block.CompressBound(PageSamples.PageSize)];
            byte[] back = new byte[PageSamples.PageSize];
            byte[] built = new byte[1024];
            for (int round = 0; round < 2; round++) // round 0 warms up
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int rep = 0; rep < 20; rep++)
                {
                    for (int k = 0; k < pages.Length; k++)
                    {
                        encoder.Level = 1 + (rep + k) % 12;
                        int n = encoder.Compress(pages[k], 0, pages[k].Length, comp, 0, comp.Length, dict, 0, dictLength);
                        Lz4Decoder.Decompress(comp, 0, n, back, 0, back.Length, dict, 0, dictLength);
                        Lz4Decoder.TryDecompress(comp, 0, n - 1, back, 0, back.Length, dict, 0, dictLength);
                        encoder.Compress(pages[k], 0, pages[k].Length, comp, 0, 100);
                    }
                    builder.Reset();
                    for (int k = 0; k < pages.Length; k++) builder.Count(pages[k], 0, pages[k].Length);
                    for (int k = 0; k < pages.Length; k++) builder.Select(pages[k], 0, pages[k].Length);
                    builder.Finish(built, 0);
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (round == 1) Assert.AreEqual(0L, allocated);
            }
        }
    }
}
