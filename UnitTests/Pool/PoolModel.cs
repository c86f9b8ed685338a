// The reference model for the pool's randomized tests: which handles are live, each object's size and
// the seed its bytes were generated from (so contents are recomputed, not stored). Plain arrays only
// (nano subset). Also the content generator and a read-back check shared by the pool tests.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    public sealed class PoolModel
    {
        public readonly int[] Handles;
        public readonly int[] Sizes;
        public readonly uint[] Seeds;
        public int Count;
        public int Bytes;

        public PoolModel(int capacity)
        {
            Handles = new int[capacity];
            Sizes = new int[capacity];
            Seeds = new uint[capacity];
        }

        public void Add(int handle, int size, uint seed)
        {
            Handles[Count] = handle;
            Sizes[Count] = size;
            Seeds[Count] = seed;
            Count++;
            Bytes += size;
        }

        /// <summary>Removes entry i (swap with the last).</summary>
        public void RemoveAt(int i)
        {
            Bytes -= Sizes[i];
            Count--;
            Handles[i] = Handles[Count];
            Sizes[i] = Sizes[Count];
            Seeds[i] = Seeds[Count];
        }

        /// <summary>Deterministic object content for (seed, index).</summary>
        public static byte ContentByte(uint seed, int i)
        {
            uint x = seed * 2654435761u + (uint)i * 40503u;
            return (byte)(x >> 13);
        }

        public static void Fill(byte[] buffer, int offset, int size, uint seed)
        {
            for (int i = 0; i < size; i++) buffer[offset + i] = ContentByte(seed, i);
        }

        /// <summary>Reads entry i back through the pool and checks every byte and the size.</summary>
        public void Verify(ZsPool pool, int i, byte[] scratch)
        {
            Assert.AreEqual(Sizes[i], pool.GetSize(Handles[i]));
            scratch[0] = 0x5A;
            pool.Read(Handles[i], scratch, 1, Sizes[i]);
            Assert.AreEqual((byte)0x5A, scratch[0], "read stays inside its range");
            for (int k = 0; k < Sizes[i]; k++)
            {
                if (scratch[1 + k] != ContentByte(Seeds[i], k))
                    Assert.IsTrue(false, "object " + i + " (size " + Sizes[i] + ") differs at byte " + k);
            }
        }

        public void VerifyAll(ZsPool pool, byte[] scratch)
        {
            for (int i = 0; i < Count; i++) Verify(pool, i, scratch);
        }

        /// <summary>The pool's own invariants hold, and its totals and per-class rows agree with the model and with each other.</summary>
        public void VerifyCounters(ZsPool pool, PoolStats stats, ClassStats row)
        {
            pool.CheckInvariants();
            pool.GetStats(stats);
            Assert.AreEqual(Count, stats.ObjectsInUse);
            Assert.AreEqual(Bytes, stats.ObjectBytes);
            Assert.IsTrue(stats.FramesUsed >= 0 && stats.FramesUsed <= stats.FramesTotal);
            Assert.IsTrue(stats.FramesUsed * stats.FrameSize >= stats.ObjectBytes + stats.InArenaOverheadBytes, "objects fit in the frames held");
            int objects = 0, zspages = 0, frames = 0;
            for (int c = 0; c < pool.ClassCount; c++)
            {
                pool.GetClassStats(c, row);
                Assert.IsTrue(row.ObjectsInUse <= row.ObjectsAllocated);
                Assert.IsTrue(row.ObjectsAllocated <= row.Zspages * row.ObjectsPerZspage);
                Assert.IsTrue(row.Frames <= row.Zspages * row.FramesPerZspage, "elastic zspage never exceeds its chain");
                objects += row.ObjectsInUse;
                zspages += row.Zspages;
                frames += row.Frames;
            }
            Assert.AreEqual(stats.ObjectsInUse, objects);
            Assert.AreEqual(stats.Zspages, zspages);
            Assert.IsTrue(stats.RunFrames >= 0 && stats.RunFrames <= stats.FramesUsed);
            Assert.AreEqual(stats.FramesUsed, frames + stats.RunFrames, "frames = zspage frames + run frames");
        }
    }
}
