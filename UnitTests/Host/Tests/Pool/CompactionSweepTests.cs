// Host-only: the compaction property (UnitTests/Pool/CompactionProperty) over many configurations —
// frame sizes 64–1024 B, chains 2–16, class steps, packed and unpacked tails, elastic and fixed zspages,
// 1–4 fullness groups — each with its own seed: frames used never grows across Compact(n) or CompactAll,
// PagesCompacted counts net frames, and no Malloc that fit before CompactAll fails after it.
using nanoFramework.TestFramework;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.UnitTests.Pool;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Host.Pool
{
    [TestClass]
    public class CompactionSweepTests
    {
        [TestMethod]
        public void ManyConfigurationsNeverGrowAndKeepEveryFit()
        {
            var rng = new SampleRandom(2026);
            int[] frames = { 64, 128, 256, 512, 1024 };
            int[] chains = { 2, 4, 8, 16 };
            int[] steps = { 8, 16, 32, 64, 128 };
            int ran = 0;
            for (int i = 0; i < 400; i++)
            {
                var c = new PoolConfig();
                c.FrameSize = frames[rng.Next(frames.Length)];
                c.MaxFramesPerZspage = chains[rng.Next(chains.Length)];
                c.ClassStep = steps[rng.Next(steps.Length)];
                c.MinClassSize = rng.Next(8, 80);
                c.MaxObjectSize = rng.Next(50, c.FrameSize * c.MaxFramesPerZspage);
                c.FullnessGroups = rng.Next(1, 5);
                c.PackTails = rng.Next(2) == 0;
                c.ElasticZspages = rng.Next(3) != 0;
                c.MaxHandles = rng.Next(8, 200);
                int arena = c.FrameSize * rng.Next(6, 100);
                try
                {
                    new ZsPool(new byte[arena], c);
                }
                catch (System.ArgumentException)
                {
                    continue; // a grid the pool rejects (class too large for the chain, too many slots)
                }
                CompactionProperty.Run(c, arena, (uint)(5000 + i), 8, 200);
                ran++;
            }
            OutputHelper.WriteLine(ran + " configurations");
            Assert.IsTrue(ran >= 200, "enough valid configurations ran: " + ran);
        }
    }
}
