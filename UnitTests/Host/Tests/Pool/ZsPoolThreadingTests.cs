// Host-only: the pool is shared by threads (page store callers, idle compaction). With one lock per
// pool, concurrent Malloc / Write / Read / Free from several threads and compaction slices from
// another must never corrupt an object or the counters.
using System.Threading;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class ZsPoolThreadingTests
    {
        [TestMethod]
        public void ConcurrentClientsAndCompactionKeepObjectsIntact()
        {
            ZsPool pool = new ZsPool(new byte[128 * 1024], PoolConfig.ForArena(128 * 1024));
            const int clients = 4;
            int[] errors = new int[clients + 1];
            bool[] stop = new bool[1];
            Thread[] threads = new Thread[clients + 1];
            for (int t = 0; t < clients; t++)
            {
                int id = t;
                threads[t] = new Thread(() => errors[id] = Client(pool, (uint)(id + 1), 6000));
            }
            threads[clients] = new Thread(() =>
            {
                while (!Volatile.Read(ref stop[0])) pool.Compact(2048);
            });
            for (int t = 0; t <= clients; t++) threads[t].Start();
            for (int t = 0; t < clients; t++) threads[t].Join();
            Volatile.Write(ref stop[0], true);
            threads[clients].Join();
            for (int t = 0; t < clients; t++) Assert.AreEqual(0, errors[t], "client " + t + " saw corrupted objects");
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(0, s.ObjectsInUse);
            Assert.AreEqual(0, s.FramesUsed);
        }

        private static byte ContentByte(uint seed, int i)
        {
            return (byte)((seed * 2654435761u + (uint)i * 40503u) >> 13);
        }

        /// <summary>Runs one client's random mix on its own handles; returns how many read-backs differed.</summary>
        private static int Client(ZsPool pool, uint seed, int operations)
        {
            const int max = 64;
            int[] handles = new int[max];
            int[] sizes = new int[max];
            uint[] seeds = new uint[max];
            int count = 0;
            SampleRandom rng = new SampleRandom(seed);
            byte[] buffer = new byte[4096];
            uint next = seed * 100000u;
            int errors = 0;
            for (int op = 0; op < operations; op++)
            {
                int kind = rng.Next(10);
                if ((kind < 5 && count < max) || count == 0)
                {
                    int size = rng.Next(1, 4097);
                    int h = pool.Malloc(size);
                    if (h == ZsPool.NoHandle) continue;
                    uint s = next++;
                    for (int k = 0; k < size; k++) buffer[k] = ContentByte(s, k);
                    pool.Write(h, buffer, 0, size);
                    handles[count] = h;
                    sizes[count] = size;
                    seeds[count] = s;
                    count++;
                }
                else
                {
                    int i = rng.Next(count);
                    pool.Read(handles[i], buffer, 0, sizes[i]);
                    for (int k = 0; k < sizes[i]; k++)
                    {
                        if (buffer[k] != ContentByte(seeds[i], k))
                        {
                            errors++;
                            break;
                        }
                    }
                    if (kind < 8)
                    {
                        pool.Free(handles[i]);
                        count--;
                        handles[i] = handles[count];
                        sizes[i] = sizes[count];
                        seeds[i] = seeds[count];
                    }
                }
            }
            while (count > 0) pool.Free(handles[--count]);
            return errors;
        }
    }
}
