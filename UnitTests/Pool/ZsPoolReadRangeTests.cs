// ZsPool.ReadRange: any part of an object reads the same bytes as the whole-object Read, for objects in a
// size class, objects with a run of whole frames plus a packed tail, and without tail packing; bad ranges
// throw and change nothing. ContentEquals compares an object with a buffer in the arena.
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

        // ContentEquals: true for the object's own bytes at any offset, false when any one byte differs
        // (first, last, or across a frame boundary), for every size kind; a short buffer or a freed handle throws.
        private static void CheckEquals(PoolConfig config)
        {
            ZsPool pool = new ZsPool(new byte[32 * 1024], config);
            SampleRandom rng = new SampleRandom(5);
            int[] sizes = { 1, 17, 255, 256, 257, 700, 2049, 4096 };
            byte[] data = new byte[4096 + 8];
            for (int s = 0; s < sizes.Length; s++)
            {
                int size = sizes[s];
                int at = s % 8;
                for (int i = 0; i < size; i++) data[at + i] = (byte)rng.NextUInt();
                int h = pool.Malloc(size);
                pool.Write(h, data, at, size);
                Assert.IsTrue(pool.ContentEquals(h, data, at), "size " + size);
                for (int trial = 0; trial < 12; trial++)
                {
                    int i = trial == 0 ? 0 : (trial == 1 ? size - 1 : rng.Next(size));
                    data[at + i] ^= 0x40;
                    Assert.IsFalse(pool.ContentEquals(h, data, at), "size " + size + " byte " + i);
                    data[at + i] ^= 0x40;
                }
                Assert.ThrowsException(typeof(ArgumentException), () => pool.ContentEquals(h, data, data.Length - size + 1));
                pool.Free(h);
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.ContentEquals(h, data, at));
            }
        }

        [TestMethod]
        public void ContentEqualsComparesInTheArena()
        {
            CheckEquals(PoolConfig.ForArena(32 * 1024));
            CheckEquals(TestConfigs.Unpacked(32 * 1024));
        }

        [TestMethod]
        public void PartsMatchTheWholeObject()
        {
            CheckRanges(PoolConfig.ForArena(32 * 1024));
            CheckRanges(TestConfigs.Unpacked(32 * 1024));
        }
    }
}
