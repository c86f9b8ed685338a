// An arena given as several byte[] segments must behave exactly like one array of the same size: the same
// operations leave the same frames in use and the same contents, whatever straddles which segment edge.
// Segments of one frame each make every multi-frame zspage and run cross segments. Bad segment tables are
// rejected with ArgumentException. (2 MiB and 4 MiB segmented arenas: host-only, SegmentedArenaTests.)
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class ZsPoolSegmentTests
    {
        private static byte[][] Segments(int count, int bytes)
        {
            byte[][] s = new byte[count][];
            for (int i = 0; i < count; i++) s[i] = new byte[bytes];
            return s;
        }

        /// <summary>Runs the same random churn on both pools; frames used and every object's bytes must agree.</summary>
        private static void SameAsOneArray(ZsPool one, ZsPool segmented, uint seed, int ops)
        {
            PoolStats a = new PoolStats();
            PoolStats b = new PoolStats();
            one.GetStats(a);
            PoolModel ma = new PoolModel(a.HandleCapacity);
            PoolModel mb = new PoolModel(a.HandleCapacity);
            SampleRandom rng = new SampleRandom(seed);
            byte[] buf = new byte[one.MaxObjectSize + 2];
            for (int op = 0; op < ops; op++)
            {
                if (rng.Next(100) < 55 || ma.Count == 0)
                {
                    int size = rng.Next(1, one.MaxObjectSize + 1);
                    int ha = one.Malloc(size);
                    int hb = segmented.Malloc(size);
                    Assert.AreEqual(ha == ZsPool.NoHandle, hb == ZsPool.NoHandle, "both fit or neither");
                    if (ha == ZsPool.NoHandle) continue;
                    PoolModel.Fill(buf, 1, size, (uint)op);
                    one.Write(ha, buf, 1, size);
                    segmented.Write(hb, buf, 1, size);
                    ma.Add(ha, size, (uint)op);
                    mb.Add(hb, size, (uint)op);
                }
                else if (rng.Next(10) == 0)
                {
                    one.Compact(1 + op % 2999);
                    segmented.Compact(1 + op % 2999);
                    one.CompactAll();
                    segmented.CompactAll();
                }
                else
                {
                    int k = rng.Next(ma.Count);
                    one.Free(ma.Handles[k]);
                    segmented.Free(mb.Handles[k]);
                    ma.RemoveAt(k);
                    mb.RemoveAt(k);
                }
                one.GetStats(a);
                segmented.GetStats(b);
                Assert.AreEqual(a.FramesUsed, b.FramesUsed, "frames used at op " + op);
            }
            ma.VerifyAll(one, buf);
            mb.VerifyAll(segmented, buf);
            one.CheckInvariants();
            segmented.CheckInvariants();
        }

        [TestMethod]
        public void SegmentedArenaBehavesLikeOneArray()
        {
            PoolConfig c = PoolConfig.ForArena(32 * 1024);
            SameAsOneArray(new ZsPool(new byte[32 * 1024], c), new ZsPool(Segments(8, 4096), c), 3, 3000);
        }

        [TestMethod]
        public void OneFrameSegmentsEverythingStraddles()
        {
            // 128 segments of one 256 B frame: every zspage of more than one frame and every run crosses segments.
            PoolConfig c = PoolConfig.ForArena(32 * 1024);
            SameAsOneArray(new ZsPool(new byte[32 * 1024], c), new ZsPool(Segments(128, 256), c), 4, 3000);
            PoolConfig u = TestConfigs.Unpacked(16 * 1024);
            u.ElasticZspages = false;
            SameAsOneArray(new ZsPool(new byte[16 * 1024], u), new ZsPool(Segments(32, 512), u), 5, 2000);
        }

        [TestMethod]
        public void ShorterLastSegmentAndItsStats()
        {
            // 3 × 8 KiB + 5000 B: the last segment holds 19 whole frames, its last 136 B are never used.
            byte[][] s = { new byte[8192], new byte[8192], new byte[8192], new byte[5000] };
            ZsPool pool = new ZsPool(s, PoolConfig.ForArena(29576));
            PoolStats st = new PoolStats();
            pool.GetStats(st);
            Assert.AreEqual(29576, st.ArenaBytes);
            Assert.AreEqual(3 * 32 + 19, st.FramesTotal);
            int n = 0;
            while (pool.Malloc(3000) != ZsPool.NoHandle) n++;
            pool.GetStats(st);
            Assert.IsTrue(st.FramesUsed > st.FramesTotal - 12, "the last segment's frames are used too");
            Assert.IsTrue(n >= 8);
        }

        [TestMethod]
        public void BadSegmentTablesAreRejected()
        {
            PoolConfig c = PoolConfig.ForArena(16 * 1024);
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[][] { new byte[4096], new byte[8192] }, c));
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[][] { new byte[4096], new byte[2048], new byte[4096] }, c));
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[][] { new byte[100], new byte[100] }, c));
            // Several segments must each hold a power of two of frames (3 frames of 256 B here).
            Assert.ThrowsException(typeof(ArgumentException), () => new ZsPool(new byte[][] { new byte[768], new byte[768] }, c));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new ZsPool(new byte[][] { new byte[4096], null }, c));
            // The table is copied: replacing an element afterwards changes nothing in the pool.
            byte[][] segs = Segments(4, 4096);
            ZsPool pool = new ZsPool(segs, c);
            int h = pool.Malloc(4000);
            byte[] data = new byte[4000];
            PoolModel.Fill(data, 0, 4000, 9);
            pool.Write(h, data, 0, 4000);
            for (int i = 0; i < segs.Length; i++) segs[i] = new byte[4096];
            byte[] back = new byte[4000];
            pool.Read(h, back, 0, 4000);
            for (int i = 0; i < 4000; i++) Assert.AreEqual(data[i], back[i]);
        }
    }
}
