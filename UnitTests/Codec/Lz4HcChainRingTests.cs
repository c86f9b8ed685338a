// The HC encoder's chain ring when it is shorter than the window (a caller short of RAM): blocks still
// round-trip on every sample kind, with and without a dictionary, at several levels; the newest occurrence
// of a string is still found beyond the ring (into the far end of a dictionary); the ring size is checked
// and reported. liblz4 decodes short-ring blocks in the host-only interop suite.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Codec
{
    [TestClass]
    public class Lz4HcChainRingTests
    {
        [TestMethod]
        public void ShortRingsRoundTripEveryKindWithAndWithoutADictionary()
        {
            int dictLength;
            byte[] dict = Lz4DictionaryTests.BuildDictionary(out dictLength);
            int[] rings = { Lz4HcEncoder.MinChainEntries, 1024 };
            int[] levels = { 3, Lz4HcEncoder.DefaultLevel, Lz4HcEncoder.MaxLevel };
            for (int r = 0; r < rings.Length; r++)
            {
                Lz4HcEncoder encoder = new Lz4HcEncoder(PageSamples.PageSize, dict.Length, 10, Lz4HcEncoder.DefaultLevel, null, rings[r]);
                Assert.AreEqual(rings[r], encoder.ChainEntries);
                for (int k = 0; k < PageSamples.KindCount; k++)
                {
                    encoder.Level = levels[(r + k) % levels.Length];
                    byte[] page = PageSamples.Make((PageKind)k, (uint)(r * 100 + k));
                    Lz4HcRoundTripTests.RoundTrip(encoder, page, 0, page.Length, null, 0);
                    Lz4HcRoundTripTests.RoundTrip(encoder, page, 0, page.Length, dict, dictLength);
                }
            }
        }

        [TestMethod]
        public void TheDictionaryIsReachedBeyondTheRing()
        {
            // 512 random bytes at the very start of a 2 KiB dictionary (the rest zeros), then an input that
            // repeats them and goes on with 512 other random bytes: the repeat lies 2048 positions back, far
            // beyond a 256-entry ring. Found: about 512 literals and one long match; lost: ~1024 literals.
            const int Head = 512;
            byte[] dict = new byte[2048];
            SampleRandom rng = new SampleRandom(77);
            for (int i = 0; i < Head; i++) dict[i] = (byte)rng.NextUInt();
            byte[] input = new byte[2 * Head];
            Array.Copy(dict, 0, input, 0, Head);
            for (int i = Head; i < input.Length; i++) input[i] = (byte)rng.NextUInt();

            Lz4HcEncoder shortRing = new Lz4HcEncoder(input.Length, dict.Length, 12, Lz4HcEncoder.DefaultLevel, null, Lz4HcEncoder.MinChainEntries);
            int n = Lz4HcRoundTripTests.RoundTrip(shortRing, input, 0, input.Length, dict, dict.Length);
            Assert.IsTrue(n < Head + 64, "the dictionary's far end was not matched: " + n + " B for " + input.Length);

            Lz4HcEncoder wholeWindow = new Lz4HcEncoder(input.Length, dict.Length, 12, Lz4HcEncoder.DefaultLevel);
            int whole = Lz4HcRoundTripTests.RoundTrip(wholeWindow, input, 0, input.Length, dict, dict.Length);
            Assert.IsTrue(n <= whole + 16, "short ring " + n + " B, whole window " + whole + " B");
        }

        [TestMethod]
        public void RingSizeIsChecked()
        {
            Lz4HcEncoder byDefault = new Lz4HcEncoder(4096, 2048, 10, 9, null, 0);
            Assert.AreEqual(4096, byDefault.ChainEntries);
            Lz4HcEncoder small = new Lz4HcEncoder(4096, 2048, 10, 9, null, 2048);
            Assert.AreEqual(2048, small.ChainEntries);
            Assert.AreEqual(6144 + 2 * 1024 + 2 * 2048, small.WorkingBytes);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(4096, 0, 10, 9, null, 128));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(4096, 0, 10, 9, null, 3000));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(4096, 0, 10, 9, null, 131072));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new Lz4HcEncoder(4096, 0, 10, 9, null, -256));
        }
    }
}
