// Host-only: reclaim calls allocate no managed memory in steady state — a write that does not fit and
// goes through compaction, merge, trims and a kill, and idle slices at every level. Allocation is
// measured with GC.GetAllocatedBytesForCurrentThread around each measured call only; set-up between
// them (registering a new app after a kill, refilling) may allocate, as registration is not steady state.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pressure
{
    [TestClass]
    public class PressureAllocationTests
    {
        private sealed class Clock : IMonotonicClock
        {
            public long Ms;
            public long Milliseconds { get { return Ms; } }
        }

        /// <summary>An app whose hooks allocate nothing: Trim discards its cache slots.</summary>
        private sealed class QuietApp : ILowMemoryClient
        {
            public StoreClient Client;
            public int CacheStart;
            public int Trims;
            public int Kills;

            public void Trim(PressureLevel level)
            {
                Trims++;
                if (Client.IsReleased) return;
                for (int s = CacheStart; s < Client.SlotCount; s++) Client.Discard(s);
            }

            public void Kill()
            {
                Kills++;
            }
        }

        private static void Page(byte[] page, uint seed)
        {
            PageSamples.Fill((PageKind)(seed % 6), seed, page, 0, page.Length);
        }

        [TestMethod]
        public void ReclaimCallsAllocateNothing()
        {
            const int Arena = 64 * 1024;
            const int PageSize = 1024;
            Clock clock = new Clock();
            StoreConfig sc = StoreConfig.ForArena(Arena, PageSize);
            sc.MergeNowIntervalMs = 50;
            PageStore store = new PageStore(new ZsPool(new byte[Arena], StoreConfig.PoolConfigFor(Arena, PageSize)), sc, clock);
            PressureConfig pc = new PressureConfig();
            pc.KillCooldownMs = 100;
            MemoryPressure pressure = new MemoryPressure(store, pc, clock);
            byte[] page = new byte[PageSize];
            PressureStats stats = new PressureStats();
            KillRecord rec = new KillRecord();
            QuietApp writer = new QuietApp();
            writer.Client = store.Register("writer", 80);
            writer.CacheStart = int.MaxValue;
            int id;
            pressure.TryRegister(writer.Client, 0, writer, out id);
            QuietApp cache = null;
            QuietApp victim = null;
            uint seed = 1;
            long measured = 0;
            long killsMeasured = 0;
            long reclaimsMeasured = 0;
            for (int round = 0; round < 30; round++)
            {
                bool warm = round >= 10;
                // Set-up (not measured): a cache app and a victim app, both full.
                if (cache == null || cache.Client.IsReleased)
                {
                    cache = new QuietApp();
                    cache.Client = store.Register("cache", 20);
                    cache.CacheStart = 4;
                    pressure.TryRegister(cache.Client, 600, cache, out id);
                }
                if (victim == null || victim.Client.IsReleased)
                {
                    victim = new QuietApp();
                    victim.Client = store.Register("victim", 20);
                    victim.CacheStart = int.MaxValue;
                    pressure.TryRegister(victim.Client, 900, victim, out id);
                }
                for (int s = 0; s < 20; s++)
                {
                    Page(page, seed++);
                    if (!cache.Client.IsReleased && !cache.Client.HasData(s)) cache.Client.Write(s, page, 0);
                    Page(page, seed++);
                    if (!victim.Client.IsReleased && !victim.Client.HasData(s)) victim.Client.Write(s, page, 0);
                }
                // Measured: the writer grows (writes and idle slices) until someone was killed.
                pressure.GetStats(stats);
                long calls = stats.ReclaimCalls;
                long kills = stats.Kills;
                for (int w = 0; w < 80; w++)
                {
                    Page(page, seed++);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    writer.Client.Write(w, page, 0);
                    pressure.RunIdle(5);
                    long after = GC.GetAllocatedBytesForCurrentThread();
                    if (warm) measured += after - before;
                    clock.Ms += 3;
                    pressure.GetStats(stats);
                    if (stats.Kills > kills) break;
                }
                if (warm)
                {
                    reclaimsMeasured += stats.ReclaimCalls - calls;
                    killsMeasured += stats.Kills - kills;
                }
                for (int w = 0; w < 80; w++) writer.Client.Discard(w);
                pressure.KillLog.TryGet(0, rec);
            }
            pressure.GetStats(stats);
            Assert.IsTrue(killsMeasured >= 15, "kills measured " + killsMeasured);
            Assert.IsTrue(stats.Trims > 20, "trims " + stats.Trims);
            Assert.IsTrue(reclaimsMeasured >= 10, "reclaim calls measured " + reclaimsMeasured);
            Assert.AreEqual(0L, measured, "bytes allocated by writes that reclaimed and idle slices");
            pressure.CheckInvariants();
            store.CheckInvariants();
        }
    }
}
