// Bad input must be caught, reported with a specific exception, and leave the pool exactly as it was:
// sizes out of range, malformed / freed / stale handles, double free, wrong byte counts, bad buffers.
// Running out of space is not misuse: it returns NoHandle (TryMalloc false) so callers can reclaim.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolMisuseTests
    {
        private static ZsPool NewPool()
        {
            return new ZsPool(new byte[64 * 1024], PoolConfig.ForArena(64 * 1024));
        }

        /// <summary>A fingerprint of the pool's observable state (totals and one object's bytes).</summary>
        private static string Snapshot(ZsPool pool, int handle, int size)
        {
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            byte[] data = new byte[size];
            pool.Read(handle, data, 0, size);
            int sum = 0;
            for (int i = 0; i < size; i++) sum = sum * 31 + data[i];
            return s.ObjectsInUse + "/" + s.ObjectBytes + "/" + s.FramesUsed + "/" + s.Zspages + "/" + s.FailedAllocations + "/" + sum;
        }

        private static int Stored(ZsPool pool, int size)
        {
            int h = pool.Malloc(size);
            byte[] data = new byte[size];
            PoolModel.Fill(data, 0, size, 99);
            pool.Write(h, data, 0, size);
            return h;
        }

        [TestMethod]
        public void SizeOutOfRangeThrows()
        {
            ZsPool pool = NewPool();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Malloc(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Malloc(-5));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Malloc(pool.MaxObjectSize + 1));
            Assert.IsTrue(pool.Malloc(pool.MaxObjectSize) != ZsPool.NoHandle, "the maximum size itself is fine");
        }

        [TestMethod]
        public void MalformedHandlesThrowAndChangeNothing()
        {
            ZsPool pool = NewPool();
            int h = Stored(pool, 300);
            string before = Snapshot(pool, h, 300);
            byte[] buf = new byte[300];
            int[] bad = { 0, -1, ZsPool.NoHandle, int.MaxValue, h + 1, h ^ 0x40000000 };
            for (int i = 0; i < bad.Length; i++)
            {
                int x = bad[i];
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Free(x));
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Read(x, buf, 0, 300));
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Write(x, buf, 0, 300));
                Assert.ThrowsException(typeof(InvalidHandleException), () => pool.GetSize(x));
            }
            Assert.AreEqual(before, Snapshot(pool, h, 300));
        }

        [TestMethod]
        public void DoubleFreeIsDetected()
        {
            ZsPool pool = NewPool();
            int keep = Stored(pool, 700);
            int h = Stored(pool, 700);
            pool.Free(h);
            string before = Snapshot(pool, keep, 700);
            Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Free(h));
            Assert.AreEqual(before, Snapshot(pool, keep, 700));
        }

        [TestMethod]
        public void StaleHandleIsRejectedAfterItsEntryIsReused()
        {
            ZsPool pool = NewPool();
            int old = pool.Malloc(100);
            pool.Free(old);
            int reused = Stored(pool, 100); // takes the same table entry with the next generation
            Assert.AreNotEqual(old, reused);
            string before = Snapshot(pool, reused, 100);
            byte[] buf = new byte[100];
            Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Read(old, buf, 0, 100));
            Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Write(old, buf, 0, 100));
            Assert.ThrowsException(typeof(InvalidHandleException), () => pool.Free(old));
            Assert.AreEqual(before, Snapshot(pool, reused, 100));
        }

        [TestMethod]
        public void WrongSizeReadOrWriteThrowsAndCopiesNothing()
        {
            ZsPool pool = NewPool();
            int h = Stored(pool, 256);
            string before = Snapshot(pool, h, 256);
            byte[] big = new byte[1000];
            for (int i = 0; i < big.Length; i++) big[i] = 0xEE;
            Assert.ThrowsException(typeof(ObjectSizeMismatchException), () => pool.Write(h, big, 0, 255));
            Assert.ThrowsException(typeof(ObjectSizeMismatchException), () => pool.Write(h, big, 0, 257));
            Assert.ThrowsException(typeof(ObjectSizeMismatchException), () => pool.Read(h, big, 0, 100));
            for (int i = 0; i < big.Length; i++) Assert.AreEqual((byte)0xEE, big[i]);
            Assert.AreEqual(before, Snapshot(pool, h, 256));
        }

        [TestMethod]
        public void BadBuffersThrow()
        {
            ZsPool pool = NewPool();
            int h = Stored(pool, 64);
            string before = Snapshot(pool, h, 64);
            byte[] small = new byte[64];
            Assert.ThrowsException(typeof(ArgumentNullException), () => pool.Write(h, null, 0, 64));
            Assert.ThrowsException(typeof(ArgumentNullException), () => pool.Read(h, null, 0, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Write(h, small, 1, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Read(h, small, -1, 64));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => pool.Compact(0));
            Assert.AreEqual(before, Snapshot(pool, h, 64));
        }

        [TestMethod]
        public void OutOfArenaReturnsNoHandle()
        {
            ZsPool pool = NewPool();
            int n = 0;
            int h;
            while ((h = pool.Malloc(3000)) != ZsPool.NoHandle) n++;
            Assert.IsTrue(n >= 19, "64 KiB holds about 21 objects of 3000 B");
            int t;
            Assert.IsFalse(pool.TryMalloc(3000, out t));
            Assert.AreEqual(ZsPool.NoHandle, t);
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(2L, s.FailedAllocations);
        }

        [TestMethod]
        public void FullHandleTableReturnsNoHandle()
        {
            PoolConfig c = PoolConfig.ForArena(64 * 1024);
            c.MaxHandles = 5;
            ZsPool pool = new ZsPool(new byte[64 * 1024], c);
            for (int i = 0; i < 5; i++) Assert.IsTrue(pool.Malloc(10) != ZsPool.NoHandle);
            Assert.AreEqual(ZsPool.NoHandle, pool.Malloc(10));
        }

        [TestMethod]
        public void BadConfigurationsAreRejected()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ZsPool((byte[])null, new PoolConfig()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ZsPool((byte[][])null, new PoolConfig()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ZsPool(new byte[][] { new byte[4096], null }, new PoolConfig()));
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[0][], new PoolConfig()));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ZsPool(new byte[4096], null));
            PoolConfig c = new PoolConfig();
            c.FrameSize = 1000; // not a power of two
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[65536], c));
            c = new PoolConfig();
            c.MaxFramesPerZspage = 17;
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[65536], c));
            c = new PoolConfig();
            c.FrameSize = 256; // 16 × 256 B cannot hold a whole 4096 B object plus headers
            c.PackTails = false;
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[65536], c));
        }
    }
}
