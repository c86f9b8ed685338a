// ZsPool.ReadRange: any part of an object reads the same bytes as the whole-object Read, for objects in a
// size class, objects with a run of whole frames plus a packed tail, and without tail packing; bad ranges
// throw and change nothing.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolReadRangeTests
    {
        private static void CheckRanges(PoolConfig config)
        {
            ZsPool pool = new ZsPool(new byte[32 * 1024], config);
            SampleRandom rng = new SampleRandom(3);
            int[] sizes = { 1, 17, 200, 255, 256, 257, 700, 1024, 2049, 4096 };
            byte[] data = new byte[4096];
            byte[] whole = new byte[4096];
            byte[] part = new byte[4096];
            for (int s = 0; s < sizes.Length; s++)
            {
                int size = sizes[s];
                for (int i = 0; i < size; i++) data[i] = (byte)rng.NextUInt();
                int h = pool.Malloc(size);
                pool.Write(h, data, 0, size);
                pool.Read(h, whole, 0, size);
                for (int trial = 0; trial < 40; trial++)
                {
                    int start = rng.Next(size + 1);
                    int count = rng.Next(size - start + 1);
                    int at = rng.Next(4096 - count + 1);
                    pool.ReadRange(h, start, part, at, count);
                    for (int i = 0; i < count; i++) Assert.AreEqual(whole[start + i], part[at + i], "size " + size);
                }
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.ReadRange(h, size, part, 0, 1));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.ReadRange(h, -1, part, 0, 1));
                Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.ReadRange(h, 0, part, 4096, 1));
                pool.Free(h);
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.ReadRange(h, 0, part, 0, 1));
            }
        }

        [TestMethod]
        public void PartsMatchTheWholeObject()
        {
            CheckRanges(PoolConfig.ForArena(32 * 1024));
            CheckRanges(TestConfigs.Unpacked(32 * 1024));
        }
    }
}
