// Host-only: the page store allocates no managed memory per call in steady state (CONTRIBUTING.md) —
// Write (compressed, same-filled, raw, NoSpace with the reclaim hook), Read, Discard, merge slices,
// MergeNow, compaction slices, idle marking and every stats call into caller-owned objects. Measured with
// GC.GetAllocatedBytesForCurrentThread around many calls after a warm-up pass, as the pool's test does.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;
using ZramEmbedded.UnitTests.Store;

namespace ZramEmbedded.UnitTests.Host.Store
{
    [TestClass]
    public class PageStoreAllocationTests
    {
        private sealed class DiscardOneReclaimer : IReclaimer
        {
            internal int Next;

            public bool Reclaim(int bytesNeeded, StoreClient requester)
            {
                requester.Discard(Next);
                Next = (Next + 7) % requester.SlotCount;
                return true;
            }
        }

        private static void Churn(PageStore store, StoreClient a, StoreClient b, byte[][] pages, byte[] buffer,
            SampleRandom rng, ManualClock clock, int rounds, MmStat mm, IoStat io, ClientStats cs)
        {
            for (int r = 0; r < rounds; r++)
            {
                clock.Advance(3);
                StoreClient c = (r & 1) == 0 ? a : b;
                int slot = rng.Next(c.SlotCount);
                int op = rng.Next(10);
                if (op < 5) c.Write(slot, pages[rng.Next(pages.Length)], 0);
                else if (op < 8) c.Read(slot, buffer, 0);
                else if (op < 9) c.Discard(slot);
                else store.MergeSlice(8);
                if ((r & 31) == 0)
                {
                    store.Compact(1024);
                    store.GetMmStat(mm);
                    store.GetIoStat(io);
                    c.GetStats(cs);
                    c.IsIdle(slot, 100);
                }
                if ((r & 255) == 0)
                {
                    store.MarkAllIdle();
                    store.MarkIdle(50);
                    store.MergeNow();
                }
            }
        }

        [TestMethod]
        public void SteadyStateCallsAllocateNothing()
        {
            int[] pageSizes = { 4096, 1024 };
            for (int p = 0; p < pageSizes.Length; p++)
            {
                int pageSize = pageSizes[p];
                ManualClock clock = new ManualClock();
                StoreConfig cfg = StoreConfig.ForArena(64 * 1024, pageSize);
                cfg.IdleUnitMs = 1;
                cfg.MergeNowIntervalMs = 100;
                PageStore store = StoreFixtures.Make(64 * 1024, cfg, clock);
                DiscardOneReclaimer reclaimer = new DiscardOneReclaimer();
                store.Reclaimer = reclaimer;
                StoreClient a = store.Register("a", cfg.SlotCount / 2);
                StoreClient b = store.Register("b", cfg.SlotCount / 2);
                // A mix the store treats every way: structured (some duplicated), zero, same-filled, random.
                byte[][] pages = new byte[24][];
                for (int i = 0; i < pages.Length; i++)
                {
                    pages[i] = new byte[pageSize];
                    PageKind kind = i < 14 ? PageSamples.MixedKind((uint)i) : i < 18 ? PageKind.Zero : i < 20 ? PageKind.SameFilled : PageKind.Random;
                    PageSamples.Fill(kind, (uint)(i % 16), pages[i], 0, pageSize);
                }
                byte[] buffer = new byte[pageSize];
                SampleRandom rng = new SampleRandom(5);
                MmStat mm = new MmStat();
                IoStat io = new IoStat();
                ClientStats cs = new ClientStats();
                Churn(store, a, b, pages, buffer, rng, clock, 3000, mm, io, cs); // warm-up: JIT, tiering, statics
                long before = GC.GetAllocatedBytesForCurrentThread();
                Churn(store, a, b, pages, buffer, rng, clock, 20000, mm, io, cs);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.AreEqual(0L, allocated, "bytes allocated by 20000 store calls, page size " + pageSize);
                store.GetMmStat(mm);
                Assert.IsTrue(store.PagesMergedTotal > 0 && mm.SamePages > 0 && mm.HugePagesSince > 0, "every path ran");
                store.CheckInvariants();
            }
        }
    }
}
