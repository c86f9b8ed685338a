// Store set-ups the store tests share: a small pool and store (arenas ≤ 64 KiB, page buffers made once per
// test) and page makers for the kinds of content the store treats differently.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.UnitTests.Samples;

namespace ZramEmbedded.UnitTests.Store
{
    internal static class StoreFixtures
    {
        /// <summary>A store of pageSize pages over a fresh arena of arenaBytes, with its defaults.</summary>
        internal static PageStore Make(int arenaBytes, int pageSize, IMonotonicClock clock)
        {
            StoreConfig c = StoreConfig.ForArena(arenaBytes, pageSize);
            c.IdleUnitMs = 1;
            c.MergeNowIntervalMs = 1000;
            return Make(arenaBytes, c, clock);
        }

        internal static PageStore Make(int arenaBytes, StoreConfig config, IMonotonicClock clock)
        {
            ZsPool pool = new ZsPool(new byte[arenaBytes], StoreConfig.PoolConfigFor(arenaBytes, config.PageSize));
            return new PageStore(pool, config, clock);
        }

        /// <summary>Compressible structured content (one of the realistic kinds, by seed).</summary>
        internal static void Structured(byte[] page, uint seed)
        {
            PageKind kind;
            switch (seed % 4)
            {
                case 0: kind = PageKind.Json; break;
                case 1: kind = PageKind.Csv; break;
                case 2: kind = PageKind.SensorRecords; break;
                default: kind = PageKind.Text; break;
            }
            PageSamples.Fill(kind, seed, page, 0, page.Length);
        }

        /// <summary>Incompressible bytes.</summary>
        internal static void Random(byte[] page, uint seed)
        {
            PageSamples.Fill(PageKind.Random, seed, page, 0, page.Length);
        }

        /// <summary>One 32-bit word repeated.</summary>
        internal static void Same(byte[] page, uint word)
        {
            for (int i = 0; i < page.Length; i++) page[i] = (byte)(word >> (8 * (i & 3)));
        }

        internal static bool Equal(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }
    }
}
