// The class table must reproduce zsmalloc's published structure with zsmalloc's parameters (4 KiB
// frames, 16 B step, 32 B minimum, no zspage header): chain 4 → 69 distinct classes and a 3264 B huge
// threshold, chain 8 → 3632 B, chain 16 → 3840 B (Documentation/mm/zsmalloc.rst). If it does, the chain
// choice and merging rules are right, and the pool's own grids are computed by the same code.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    [TestClass]
    public class SizeClassTableTests
    {
        private static SizeClassTable Zsmalloc(int chain)
        {
            return new SizeClassTable(4096, chain, 16, 32, 4096, 0);
        }

        [TestMethod]
        public void Chain4Gives69ClassesAndHuge3264()
        {
            SizeClassTable t = Zsmalloc(4);
            Assert.AreEqual(255, t.SlotCount);
            Assert.AreEqual(69, t.Count);
            Assert.AreEqual(3264, t.HugeThreshold);
        }

        [TestMethod]
        public void Chain8And16HugeThresholds()
        {
            Assert.AreEqual(3632, Zsmalloc(8).HugeThreshold);
            Assert.AreEqual(3840, Zsmalloc(16).HugeThreshold);
        }

        [TestMethod]
        public void DocumentedExampleClass1568()
        {
            // zsmalloc.rst: with chain 4, 1568-byte objects land in the merged 1632 B class (2 pages, 5 objects).
            SizeClassTable t = Zsmalloc(4);
            int c = t.ClassFor(1568);
            Assert.AreEqual(1632, t.SizeOf(c));
            Assert.AreEqual(2, t.FramesOf(c));
            Assert.AreEqual(5, t.ObjectsOf(c));
        }

        [TestMethod]
        public void PowerOfTwoSizesTakeOneFrame()
        {
            SizeClassTable t = Zsmalloc(16);
            for (int size = 32; size <= 4096; size *= 2)
            {
                int c = t.ClassFor(size);
                Assert.AreEqual(size, t.SizeOf(c));
                Assert.AreEqual(1, t.FramesOf(c));
            }
        }

        [TestMethod]
        public void InvariantsHoldForSeveralGrids()
        {
            CheckInvariants(new SizeClassTable(4096, 4, 16, 32, 4096, 0), 4096, 0);
            CheckInvariants(new SizeClassTable(512, 16, 64, 32, 4100, 9), 512, 9);
            CheckInvariants(new SizeClassTable(1024, 8, 32, 32, 4100, 9), 1024, 9);
            CheckInvariants(new SizeClassTable(64, 16, 8, 16, 600, 9), 64, 9);
        }

        private static void CheckInvariants(SizeClassTable t, int frame, int header)
        {
            for (int c = 0; c < t.Count; c++)
            {
                if (c > 0) Assert.IsTrue(t.SizeOf(c) > t.SizeOf(c - 1), "sizes increase");
                Assert.IsTrue(t.ObjectsOf(c) >= 1);
                Assert.IsTrue(t.FramesOf(c) * frame - header >= t.ObjectsOf(c) * t.SizeOf(c), "objects fit their chain");
                if (c > 0)
                {
                    bool same = t.FramesOf(c) == t.FramesOf(c - 1) && t.ObjectsOf(c) == t.ObjectsOf(c - 1);
                    Assert.IsFalse(same, "adjacent classes with equal (frames, objects) are merged");
                }
            }
            for (int bytes = 1; bytes <= t.MaxClassSize; bytes++)
            {
                int c = t.ClassFor(bytes);
                Assert.IsTrue(t.SizeOf(c) >= bytes, "class holds the size");
                if (c > 0) Assert.IsTrue(t.SizeOf(c - 1) < bytes, "smallest class that holds the size");
            }
            Assert.AreEqual(-1, t.ClassFor(t.MaxClassSize + 1));
        }

        [TestMethod]
        public void SixteenBitFieldsAndTableBytes()
        {
            // 64 KiB frames, one per zspage: 16 B objects → 4096 per zspage, 1000 B → 65; sizes up to 1024.
            SizeClassTable t = new SizeClassTable(65536, 1, 16, 16, 1024, 0);
            Assert.AreEqual(4096, t.ObjectsOf(t.ClassFor(16)));
            Assert.AreEqual(1008, t.SizeOf(t.ClassFor(1000)));
            Assert.AreEqual(65, t.ObjectsOf(t.ClassFor(1000)));
            Assert.AreEqual(1024, t.SizeOf(t.Count - 1));
            Assert.AreEqual(t.SlotCount + 5 * t.Count, t.MetadataBytes);
            CheckInvariants(t, 65536, 0);
        }

        [TestMethod]
        public void ChainChoiceIsLeastTailWaste()
        {
            // 4 KiB pages: 3000 B objects waste 1096 B in one page, 288 B in three (4 objects), so three.
            Assert.AreEqual(3, SizeClassTable.ChainFor(3000, 4096, 4, 0));
            // With a 9 B zspage header the usable bytes shift: 1000 B in 512 B frames → 2 frames waste 15 B.
            Assert.AreEqual(2, SizeClassTable.ChainFor(1000, 512, 16, 9));
        }
    }
}
