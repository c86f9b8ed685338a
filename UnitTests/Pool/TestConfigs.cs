// Pool configurations the pool tests share: a compact builder for explicit grids, and the defaults with
// whole objects in their classes (no tail packing), which need 512 B frames so a 4096 B object fits a
// 16-frame chain.
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.UnitTests.Pool
{
    internal static class TestConfigs
    {
        /// <summary>A grid given field by field (sizes in bytes); elastic zspages, handles as given.</summary>
        internal static PoolConfig Grid(int frameSize, int chain, int step, int minClass, int maxObject, int groups,
            int maxHandles, bool packTails)
        {
            PoolConfig c = new PoolConfig();
            c.FrameSize = frameSize;
            c.MaxFramesPerZspage = chain;
            c.ClassStep = step;
            c.MinClassSize = minClass;
            c.MaxObjectSize = maxObject;
            c.FullnessGroups = groups;
            c.MaxHandles = maxHandles;
            c.PackTails = packTails;
            return c;
        }

        /// <summary>The defaults for arenaBytes with whole objects in their classes (zsmalloc's way), 512 B frames.</summary>
        internal static PoolConfig Unpacked(int arenaBytes)
        {
            PoolConfig c = PoolConfig.ForArena(arenaBytes);
            c.PackTails = false;
            c.FrameSize = 512;
            c.MinClassSize = 32;
            return c;
        }
    }
}
