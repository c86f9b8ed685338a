// Host-only: several apps use one store from their own threads while an idle thread runs merge slices,
// MergeNow and compaction slices. With the store's single (re-entrant) lock every page must still read back
// what its client last wrote, duplicates across clients must merge, and the invariants must hold at the end.
using System.Threading;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Store
{
    [TestClass]
    public class PageStoreThreadingTests
    {
        private const int PageSize = 1024;

        /// <summary>Content of version v of a page: a few structured kinds, and every client shares seeds 0..7.</summary>
        private static void Fill(byte[] page, uint v)
        {
            if (v % 5 == 0) StoreFixtures.Same(page, v);
            else StoreFixtures.Structured(page, v);
        }

        private static int Client(StoreClient c, uint seed, int operations)
        {
            SampleRandom rng = new SampleRandom(seed);
            uint[] version = new uint[c.SlotCount];
            bool[] held = new bool[c.SlotCount];
            byte[] page = new byte[PageSize];
            byte[] back = new byte[PageSize];
            int errors = 0;
            for (int op = 0; op < operations; op++)
            {
                int slot = rng.Next(c.SlotCount);
                int what = rng.Next(10);
                if (what < 5)
                {
                    uint v = rng.Next(3) == 0 ? (uint)rng.Next(8) : seed * 100000u + (uint)op;
                    Fill(page, v);
                    if (c.Write(slot, page, 0) == StoreResult.Ok)
                    {
                        version[slot] = v;
                        held[slot] = true;
                    }
                }
                else if (what < 9)
                {
                    if (c.Read(slot, back, 0) != StoreResult.Ok) errors++;
                    if (held[slot]) Fill(page, version[slot]);
                    else System.Array.Clear(page, 0, PageSize);
                    if (!StoreFixtures.Equal(page, back)) errors++;
                }
                else
                {
                    c.Discard(slot);
                    held[slot] = false;
                }
            }
            return errors;
        }

        [TestMethod]
        public void ConcurrentClientsAndIdleWorkKeepPagesIntact()
        {
            ManualClock clock = new ManualClock();
            StoreConfig cfg = StoreConfig.ForArena(128 * 1024, PageSize);
            cfg.MergeNowIntervalMs = 0;
            PageStore store = StoreFixtures.Make(128 * 1024, cfg, clock);
            const int clients = 3;
            StoreClient[] c = new StoreClient[clients];
            for (int i = 0; i < clients; i++) c[i] = store.Register("app" + i, 100);
            int[] errors = new int[clients];
            bool[] stop = new bool[1];
            Thread[] threads = new Thread[clients + 1];
            for (int t = 0; t < clients; t++)
            {
                int id = t;
                threads[t] = new Thread(() => errors[id] = Client(c[id], (uint)(id + 1), 8000));
            }
            long[] idleRounds = new long[1];
            threads[clients] = new Thread(() =>
            {
                while (!Volatile.Read(ref stop[0]))
                {
                    store.MergeSlice(16);
                    store.Compact(1024);
                    if ((++idleRounds[0] & 63) == 0) store.MergeNow();
                }
            });
            for (int t = 0; t <= clients; t++) threads[t].Start();
            for (int t = 0; t < clients; t++) threads[t].Join();
            Volatile.Write(ref stop[0], true);
            threads[clients].Join();
            for (int t = 0; t < clients; t++) Assert.AreEqual(0, errors[t], "client " + t + " read a wrong page");
            Assert.IsTrue(idleRounds[0] > 0);
            store.CheckInvariants();
            Assert.IsTrue(store.PagesMergedTotal > 0, "shared seeds merged across clients");
            for (int i = 0; i < clients; i++) c[i].Release();
            PoolStats s = new PoolStats();
            store.Pool.GetStats(s);
            Assert.AreEqual(0, s.ObjectsInUse);
            store.CheckInvariants();
        }
    }
}
