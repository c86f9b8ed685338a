// Handle checks shared by the device suite (ZsPoolHandleTests) and the host-only tests at large arenas
// (UnitTests/Host/Tests/Pool/ZsPoolHandleSafetyTests): not a test class itself.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    public static class HandleChecks
    {
        /// <summary>Frees `stale`'s object, then reuses its entry `reuses` times, checking the old handle each time.</summary>
        /// <summary>
        /// The pool accepts a handle only when it equals the handle its entry holds now, so `h != stale` at every
        /// reuse is the guarantee itself; the exception path is exercised every `throwEvery` reuses (exceptions
        /// are slow on a device) and at the last one.
        /// </summary>
        public static void StaleStaysStale(ZsPool pool, int reuses, int throwEvery)
        {
            int size = 40;
            int stale = pool.Malloc(size);
            pool.Free(stale);
            byte[] buf = new byte[size];
            int entryMask = 0;
            for (int r = 1; r <= reuses; r++)
            {
                int h = pool.Malloc(size); // the freed entry is at the head of the free list: the same entry again
                Assert.IsTrue(h != ZsPool.NoHandle);
                if (r == 1) entryMask = LowBitsShared(h, stale);
                Assert.AreEqual(stale & entryMask, h & entryMask, "the same entry is reused");
                Assert.AreNotEqual(stale, h, "reuse " + r + " issued the stale handle again");
                if (r % throwEvery == 0 || r == reuses)
                {
                    bool threw = false;
                    try { pool.GetSize(stale); } catch (InvalidHandleException) { threw = true; }
                    Assert.IsTrue(threw, "stale handle accepted at reuse " + r);
                }
                pool.Free(h);
            }
        }

        /// <summary>A mask of the low bits two handles of one entry share (the entry index is at least those).</summary>
        private static int LowBitsShared(int a, int b)
        {
            int mask = 0;
            for (int bit = 0; bit < 31 && ((a >> bit) & 1) == ((b >> bit) & 1); bit++) mask |= 1 << bit;
            return mask;
        }
    }
}
