// Tail packing (PoolConfig.PackTails): an object of at least one frame keeps size / FrameSize whole frames
// in a run and only its tail (size mod FrameSize bytes) in a size-class slot behind a 6-byte header. These
// tests pin the edges (a frame minus one, exactly k frames, k frames plus one byte, the largest object), the
// accounting (run frames inside FramesUsed, 2 more header bytes per packed object), the out-of-space rule
// when the tail fits but the run does not, and that compaction moves tails while runs stay put.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolTailPackingTests
    {
        /// <summary>256 B frames, chain 16, 64 B step, tails packed: runs of up to 16 frames.</summary>
        private static PoolConfig Packed()
        {
            return TestConfigs.Grid(256, 16, 64, 32, 4096, 2, 200, true);
        }

        private static int Store(ZsPool pool, PoolModel model, byte[] buffer, int size, uint seed)
        {
            int h = pool.Malloc(size);
            Assert.IsTrue(h != ZsPool.NoHandle, "a " + size + " B object fits");
            PoolModel.Fill(buffer, 0, size, seed);
            pool.Write(h, buffer, 0, size);
            model.Add(h, size, seed);
            return h;
        }

        [TestMethod]
        public void EdgeSizesRoundTripAndCountTheirRuns()
        {
            ZsPool pool = new ZsPool(new byte[64 * 1024], Packed());
            PoolModel model = new PoolModel(200);
            byte[] buffer = new byte[4100];
            int[] sizes = { 1, 255, 256, 257, 511, 512, 1000, 3839, 4095, 4096 };
            int runFrames = 0, packed = 0;
            for (int i = 0; i < sizes.Length; i++)
            {
                Store(pool, model, buffer, sizes[i], (uint)(i + 1));
                runFrames += sizes[i] / 256;
                if (sizes[i] >= 256) packed++;
            }
            model.VerifyAll(pool, buffer);
            PoolStats s = new PoolStats();
            ClassStats row = new ClassStats();
            model.VerifyCounters(pool, s, row);
            Assert.AreEqual(runFrames, s.RunFrames);
            Assert.AreEqual(s.Zspages * 9 + sizes.Length * 4 + packed * 2, s.InArenaOverheadBytes);
            for (int i = 0; i < model.Count; i++) Assert.AreEqual(model.Sizes[i], pool.GetSize(model.Handles[i]));

            // Every slot a class holds is at most one frame plus the run header: tails never exceed a frame.
            for (int k = 0; k < pool.ClassCount; k++)
            {
                pool.GetClassStats(k, row);
                Assert.IsTrue(row.Size <= 256 + 6, "class " + k + " is " + row.Size + " B");
            }

            while (model.Count > 0)
            {
                int last = model.Count - 1;
                int size = model.Sizes[last];
                pool.GetStats(s);
                int before = s.RunFrames;
                pool.Free(model.Handles[last]);
                model.RemoveAt(last);
                pool.GetStats(s);
                Assert.AreEqual(before - size / 256, s.RunFrames, "free returns the run");
                model.VerifyAll(pool, buffer);
            }
            Assert.AreEqual(0, s.FramesUsed);
            Assert.AreEqual(0, s.Zspages);
        }

        [TestMethod]
        public void NoRoomForTheRunMeansNoHandleAndNoChange()
        {
            // 16 frames of 256 B. Two objects with tails in one class fill the arena exactly.
            ZsPool pool = new ZsPool(new byte[16 * 256], Packed());
            PoolModel model = new PoolModel(200);
            byte[] buffer = new byte[4096];
            int first = Store(pool, model, buffer, 256 + 40, 1);       // run 1 + tail 40 (zspage: 1 frame)
            Store(pool, model, buffer, 14 * 256 + 50, 2);              // run 14 + tail 50 in the same zspage
            PoolStats s = new PoolStats();
            pool.GetStats(s);
            Assert.AreEqual(16, s.FramesUsed);
            Assert.AreEqual(1, s.Zspages, "both tails share one zspage");

            // Freeing the first leaves a free slot (a hole below the top tail) and one free frame.
            pool.Free(first);
            model.RemoveAt(0);
            pool.GetStats(s);
            Assert.AreEqual(15, s.FramesUsed);

            // A tail that fits the hole, but a run of 2 frames with only 1 free: NoHandle, nothing changes.
            long failed = s.FailedAllocations;
            Assert.AreEqual(ZsPool.NoHandle, pool.Malloc(2 * 256 + 30));
            PoolStats after = new PoolStats();
            pool.GetStats(after);
            Assert.AreEqual(s.FramesUsed, after.FramesUsed);
            Assert.AreEqual(s.ObjectsInUse, after.ObjectsInUse);
            Assert.AreEqual(s.RunFrames, after.RunFrames);
            Assert.AreEqual(failed + 1, after.FailedAllocations);
            model.VerifyAll(pool, buffer);

            // A run of 1 frame fits, with its tail in the hole.
            Store(pool, model, buffer, 256 + 30, 3);
            pool.GetStats(s);
            Assert.AreEqual(16, s.FramesUsed);
            Assert.AreEqual(1, s.Zspages);
            model.VerifyAll(pool, buffer);
        }

        [TestMethod]
        public void CompactionMovesTailsAndKeepsRuns()
        {
            ZsPool pool = new ZsPool(new byte[64 * 1024], Packed());
            PoolModel model = new PoolModel(200);
            byte[] buffer = new byte[4096];
            SampleRandom rng = new SampleRandom(11);
            for (int i = 0; i < 60; i++)
            {
                int size = 256 * rng.Next(1, 4) + 150 + rng.Next(40); // runs of 1..3 frames, tails of 150..189 B
                Store(pool, model, buffer, size, (uint)(100 + i));
            }
            for (int i = model.Count - 1; i >= 0; i -= 2)
            {
                pool.Free(model.Handles[i]);
                model.RemoveAt(i);
            }
            PoolStats before = new PoolStats();
            pool.GetStats(before);
            int moved = pool.CompactAll();
            PoolStats after = new PoolStats();
            pool.GetStats(after);
            Assert.IsTrue(moved > 0, "tails were moved");
            Assert.IsTrue(moved < model.Count * 200, "only tails move (" + moved + " B), never runs");
            Assert.AreEqual(before.RunFrames, after.RunFrames);
            Assert.IsTrue(after.FramesUsed < before.FramesUsed, "compaction released frames");
            Assert.AreEqual((long)(before.FramesUsed - after.FramesUsed), after.PagesCompacted - before.PagesCompacted);
            model.VerifyAll(pool, buffer);
            ClassStats row = new ClassStats();
            model.VerifyCounters(pool, after, row);
        }

        [TestMethod]
        public void HugeObjectSizeIsPastTheLargestObject()
        {
            // No object is stored one per zspage when tails are packed.
            ZsPool pool = new ZsPool(new byte[64 * 1024], Packed());
            Assert.AreEqual(4097, pool.HugeObjectSize);
        }

        [TestMethod]
        public void RunsLongerThanTheChainAreRejected()
        {
            PoolConfig c = Packed();
            c.MaxFramesPerZspage = 8; // 4096 / 256 = 16 frames > 8
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[64 * 1024], c));
            c.PackTails = false; // whole 4100 B slots do not fit 8 × 256 either
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[64 * 1024], c));
            c.MaxObjectSize = 2048;
            c.PackTails = true;
            ZsPool pool = new ZsPool(new byte[64 * 1024], c);
            Assert.AreEqual(2048, pool.MaxObjectSize);
        }
    }
}
