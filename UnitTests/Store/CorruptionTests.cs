// A damaged compressed page reads as ReadFailed for that page only (failed_reads counts it, the caller's
// range is zeroed) and the other pages still read back. The damage is made by finding the page's LZ4 block
// in the arena (the test owns the arena array) and overwriting its start with 0xFF bytes: a token that
// announces a literal run longer than the block, which the safe decoder rejects.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Codec;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    [TestClass]
    public class CorruptionTests
    {
        private static int Find(byte[] haystack, byte[] needle, int length)
        {
            for (int i = 0; i + length <= haystack.Length; i++)
            {
                int j = 0;
                while (j < length && haystack[i + j] == needle[j]) j++;
                if (j == length) return i;
            }
            return -1;
        }

        [TestMethod]
        public void DamagedPageFailsAloneAndIsCounted()
        {
            const int PageSize = 256;
            byte[] arena = new byte[8 * 1024];
            StoreConfig cfg = StoreConfig.ForArena(arena.Length, PageSize);
            PageStore store = new PageStore(new ZsPool(arena, StoreConfig.PoolConfigFor(arena.Length, PageSize)), cfg, new ManualClock());
            StoreClient c = store.Register("app", 3);
            byte[][] pages = new byte[3][];
            for (int i = 0; i < 3; i++)
            {
                pages[i] = new byte[PageSize];
                StoreFixtures.Structured(pages[i], (uint)(60 + i));
                Assert.AreEqual(StoreResult.Ok, c.Write(i, pages[i], 0));
            }
            // Locate slot 1's block: compress its page as the store does and search the arena.
            byte[] block = new byte[PageSize];
            int n = new Lz4Encoder(cfg.EncoderHashBits).Compress(pages[1], 0, PageSize, block, 0, PageSize - 1);
            Assert.IsTrue(n > 24, "a compressed block");
            int at = Find(arena, block, 24);
            Assert.IsTrue(at >= 0, "block found in the arena");
            for (int i = 0; i < 8; i++) arena[at + i] = 0xFF;

            byte[] back = new byte[PageSize];
            for (int i = 0; i < PageSize; i++) back[i] = 0x55;
            Assert.AreEqual(StoreResult.ReadFailed, c.Read(1, back, 0));
            for (int i = 0; i < PageSize; i++) Assert.AreEqual((byte)0, back[i], "zeroed on failure");
            IoStat io = new IoStat();
            store.GetIoStat(io);
            Assert.AreEqual(1L, io.FailedReads);
            for (int s = 0; s < 3; s += 2)
            {
                Assert.AreEqual(StoreResult.Ok, c.Read(s, back, 0));
                Assert.IsTrue(StoreFixtures.Equal(pages[s], back), "other pages intact");
            }
            // Rewriting the damaged slot gives a good page again.
            Assert.AreEqual(StoreResult.Ok, c.Write(1, pages[1], 0));
            Assert.AreEqual(StoreResult.Ok, c.Read(1, back, 0));
            Assert.IsTrue(StoreFixtures.Equal(pages[1], back));
            store.CheckInvariants();
        }
    }
}
