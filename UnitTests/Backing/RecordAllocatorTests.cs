// The record free map: every record can be taken exactly once, freed records come back, allocation goes
// round-robin (wear spreading), and misuse throws without changing anything.
using System;
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Backing;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Backing
{
    [TestClass]
    public class RecordAllocatorTests
    {
        [TestMethod]
        public void FillsExactlyThenRefuses()
        {
            int[] sizes = { 1, 31, 32, 33, 100 };
            for (int k = 0; k < sizes.Length; k++)
            {
                RecordAllocator a = new RecordAllocator(sizes[k]);
                bool[] seen = new bool[sizes[k]];
                for (int i = 0; i < sizes[k]; i++)
                {
                    int r;
                    Assert.IsTrue(a.TryAllocate(out r));
                    Assert.IsFalse(seen[r], "record handed out twice");
                    seen[r] = true;
                }
                int none;
                Assert.IsFalse(a.TryAllocate(out none));
                Assert.AreEqual(-1, none);
                Assert.AreEqual(0, a.FreeCount);
                a.CheckInvariants();
            }
        }

        [TestMethod]
        public void NextFitSpreadsWrites()
        {
            // Allocate and free one record at a time: a first-fit map would hand out record 0 forever.
            RecordAllocator a = new RecordAllocator(40);
            int[] uses = new int[40];
            for (int i = 0; i < 400; i++)
            {
                int r;
                Assert.IsTrue(a.TryAllocate(out r));
                uses[r]++;
                a.Free(r);
            }
            for (int r = 0; r < 40; r++) Assert.AreEqual(10, uses[r], "record " + r.ToString());
        }

        [TestMethod]
        public void RandomChurnMatchesAModel()
        {
            SampleRandom rng = new SampleRandom(3);
            RecordAllocator a = new RecordAllocator(70);
            bool[] used = new bool[70];
            int count = 0;
            for (int step = 0; step < 3000; step++)
            {
                if (rng.Next(2) == 0)
                {
                    int r;
                    bool ok = a.TryAllocate(out r);
                    Assert.AreEqual(count < 70, ok);
                    if (ok)
                    {
                        Assert.IsFalse(used[r]);
                        used[r] = true;
                        count++;
                    }
                }
                else
                {
                    int r = rng.Next(70);
                    if (used[r])
                    {
                        a.Free(r);
                        used[r] = false;
                        count--;
                    }
                }
                Assert.AreEqual(count, a.UsedCount);
            }
            for (int r = 0; r < 70; r++) Assert.AreEqual(used[r], a.IsUsed(r));
            a.CheckInvariants();
        }

        [TestMethod]
        public void MisuseThrowsAndChangesNothing()
        {
            RecordAllocator a = new RecordAllocator(10);
            int r;
            a.TryAllocate(out r);
            Assert.ThrowsException(typeof(InvalidOperationException), () => a.Free(r + 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.Free(10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.Free(-1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => a.IsUsed(10));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new RecordAllocator(0));
            Assert.AreEqual(1, a.UsedCount);
            a.Free(r);
            Assert.ThrowsException(typeof(InvalidOperationException), () => a.Free(r));
            Assert.AreEqual(0, a.UsedCount);
            a.CheckInvariants();
        }
    }
}
