// Host-only: writers on several threads (each its own app, killable or protected) while an idle thread
// runs reclaim slices and a third registers, re-registers and unregisters — no deadlock, no exception
// escapes a write, protected apps are never killed, and the store and the killer stay consistent.
using System;
using System.Threading;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pressure
{
    [TestClass]
    public class PressureThreadingTests
    {
        private sealed class WallClock : IMonotonicClock
        {
            private readonly System.Diagnostics.Stopwatch _sw = System.Diagnostics.Stopwatch.StartNew();
            public long Milliseconds { get { return _sw.ElapsedMilliseconds; } }
        }

        private sealed class App : ILowMemoryClient
        {
            public StoreClient Client;
            public volatile bool Killed;
            public int Trims;
            public bool GivesBack;

            public void Trim(PressureLevel level)
            {
                Interlocked.Increment(ref Trims);
                StoreClient c = Client;
                if (!GivesBack || c.IsReleased) return;
                try
                {
                    for (int s = c.SlotCount / 2; s < c.SlotCount; s++) c.Discard(s);
                }
                catch (ObjectDisposedException)
                {
                }
            }

            public void Kill()
            {
                Killed = true;
            }
        }

        [TestMethod]
        public void WritersIdleAndRegistrationConcurrently()
        {
            const int Arena = 64 * 1024;
            const int PageSize = 1024;
            WallClock clock = new WallClock();
            PageStore store = new PageStore(new ZsPool(new byte[Arena], StoreConfig.PoolConfigFor(Arena, PageSize)),
                StoreConfig.ForArena(Arena, PageSize), clock);
            PressureConfig pc = new PressureConfig();
            pc.KillCooldownMs = 5;
            MemoryPressure pressure = new MemoryPressure(store, pc, clock);
            const int Writers = 4;
            int[] priorities = { -100, 300, 700, 900 };
            int errors = 0;
            int protectedKills = 0;
            bool stop = false;
            Thread[] threads = new Thread[Writers + 2];
            for (int k = 0; k < Writers; k++)
            {
                int me = k;
                threads[k] = new Thread(() =>
                {
                    try
                    {
                        Writer(me);
                    }
                    catch (Exception)
                    {
                        Interlocked.Increment(ref errors); // an exception escaping a thread would end the test host
                    }
                });
            }
            void Writer(int me)
            {
                byte[] page = new byte[PageSize];
                SampleRandom rng = new SampleRandom((uint)(7 + me));
                for (int life = 0; life < 15 && !Volatile.Read(ref stop); life++)
                {
                    App app = new App();
                    app.GivesBack = me == 1;
                    app.Client = store.Register("w" + me, 60);
                    int id;
                    pressure.TryRegister(app.Client, priorities[me], app, out id);
                    for (int op = 0; op < 400 && !app.Client.IsReleased; op++)
                    {
                        try
                        {
                            int slot = rng.Next(60);
                            if (rng.Next(4) == 0) app.Client.Discard(slot);
                            else
                            {
                                PageSamples.Fill(rng.Next(3) == 0 ? PageKind.Random : (PageKind)rng.Next(6), rng.NextUInt(), page, 0, PageSize);
                                app.Client.Write(slot, page, 0);
                            }
                        }
                        catch (ObjectDisposedException)
                        {
                            // killed between the IsReleased check and the call: expected
                        }
                        catch (Exception)
                        {
                            Interlocked.Increment(ref errors);
                        }
                    }
                    if (app.Killed && priorities[me] < 0) Interlocked.Increment(ref protectedKills);
                    if (!app.Client.IsReleased)
                    {
                        pressure.Unregister(id);
                        try { app.Client.Release(); } catch (ObjectDisposedException) { }
                    }
                }
            }
            threads[Writers] = new Thread(() =>
            {
                while (!Volatile.Read(ref stop))
                {
                    try { pressure.RunIdle(2); } catch (Exception) { Interlocked.Increment(ref errors); }
                    Thread.Yield();
                }
            });
            threads[Writers + 1] = new Thread(() =>
            {
                PressureStats s = new PressureStats();
                while (!Volatile.Read(ref stop))
                {
                    pressure.GetStats(s);
                    pressure.Update();
                    Thread.Yield();
                }
            });
            foreach (Thread t in threads) t.Start();
            for (int k = 0; k < Writers; k++) Assert.IsTrue(threads[k].Join(60000), "writer " + k + " finished");
            Volatile.Write(ref stop, true);
            Assert.IsTrue(threads[Writers].Join(10000));
            Assert.IsTrue(threads[Writers + 1].Join(10000));
            Assert.AreEqual(0, errors);
            Assert.AreEqual(0, protectedKills);
            PressureStats st = new PressureStats();
            pressure.GetStats(st);
            Assert.IsTrue(st.Kills > 0 && st.Trims > 0, "the run reached the last rungs: kills " + st.Kills + ", trims " + st.Trims);
            pressure.CheckInvariants();
            store.CheckInvariants();
        }
    }
}
