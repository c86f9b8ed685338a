// Console views of the zspage pool: `pool` prints the totals (frames and how many hold runs — the whole
// frames of objects of a frame or more, see ZsPool — zspages, objects, bytes, metadata,
// utilization, compaction counters), `classes` the per-class table in the layout of zsmalloc's debugfs
// `classes` file (only classes that hold zspages unless asked for all). Percentages are computed in integer
// tenths: float formatting needs the reflection flavour of mscorlib on the device.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class PoolReport
    {
        private readonly ZsPool _pool;
        // Filled in place on each command: no allocation beyond the strings printed.
        private readonly PoolStats _stats = new PoolStats();
        private readonly ClassStats _row = new ClassStats();

        public PoolReport(ZsPool pool)
        {
            _pool = pool;
        }

        public void PrintTotals(IConsolePort console)
        {
            _pool.GetStats(_stats);
            PoolStats s = _stats;
            console.WriteLine("arena " + s.ArenaBytes.ToString() + " B, frames " + s.FramesUsed.ToString() + "/" + s.FramesTotal.ToString()
                + " x " + s.FrameSize.ToString() + " B (" + s.RunFrames.ToString() + " in runs), classes " + s.ClassCount.ToString());
            console.WriteLine("zspages " + s.Zspages.ToString() + ", objects " + s.ObjectsInUse.ToString() + "/" + s.HandleCapacity.ToString()
                + " handles, stored " + s.ObjectBytes.ToString() + " B, in-arena headers " + s.InArenaOverheadBytes.ToString() + " B");
            console.WriteLine("metadata " + s.MetadataBytes.ToString() + " B (" + Tenths(s.MetadataBytes, s.ArenaBytes) + " % of arena), utilization "
                + Tenths(s.ObjectBytes, s.ArenaBytes + s.MetadataBytes) + " %");
            console.WriteLine("pages_compacted " + s.PagesCompacted.ToString() + ", bytes_compacted " + s.BytesCompacted.ToString()
                + ", failed_allocs " + s.FailedAllocations.ToString());
        }

        public void PrintClasses(IConsolePort console, bool all)
        {
            console.WriteLine(" class  size frames/zspage objs/zspage zspages obj_allocated obj_used frames compactable");
            int shown = 0;
            for (int c = 0; c < _pool.ClassCount; c++)
            {
                _pool.GetClassStats(c, _row);
                ClassStats r = _row;
                if (!all && r.Zspages == 0) continue;
                console.WriteLine(Col(r.Index, 6) + Col(r.Size, 6) + Col(r.FramesPerZspage, 14) + Col(r.ObjectsPerZspage, 12)
                    + Col(r.Zspages, 8) + Col(r.ObjectsAllocated, 14) + Col(r.ObjectsInUse, 9) + Col(r.Frames, 7)
                    + (r.Compactable ? "  yes" : "   no"));
                shown++;
            }
            if (shown == 0) console.WriteLine(" (no class holds a zspage; `classes all` lists every class)");
        }

        private static string Col(int value, int width)
        {
            return value.ToString().PadLeft(width);
        }

        /// <summary>part/whole as a percentage with one decimal, e.g. "91.2".</summary>
        public static string Tenths(long part, long whole)
        {
            if (whole <= 0) return "0.0";
            long t = (part * 1000 + whole / 2) / whole;
            return (t / 10).ToString() + "." + (t % 10).ToString();
        }
    }
}
