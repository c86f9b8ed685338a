// `map`: a text picture of the arena, one character per frame (or per group of frames in larger arenas),
// 64 per row under an offset column, so it fits 80 columns: 128 KiB of 256 B frames is 512 frames = 8 rows;
// a larger arena shows several frames per character (the most common content among them).
//   .   free frame
//   #   run frame (the whole frames of a page stored as a run plus a packed tail)
//   a.. zspage frame of size class a, b, c, ...: lowercase under 3/4 of its objects in use, uppercase above
// The frame codes come from PoolMap into a buffer sized once for the pool.
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class ArenaMap
    {
        public const int Columns = 64;
        public const int MaxRows = 16;

        private readonly ZsPool _pool;
        private readonly byte[] _codes;
        private readonly char[] _row = new char[Columns];

        public ArenaMap(ZsPool pool)
        {
            _pool = pool;
            _codes = new byte[PoolMap.FrameCount(pool)];
        }

        /// <summary>Frames shown by one character.</summary>
        public int FramesPerCell
        {
            get
            {
                int cells = Columns * MaxRows;
                return (_codes.Length + cells - 1) / cells;
            }
        }

        public void Print(SerialConsoleWriter w)
        {
            PoolMap.Describe(_pool, _codes);
            int per = FramesPerCell;
            int frameBytes = PoolMap.FrameSize(_pool);
            int cells = (_codes.Length + per - 1) / per;
            w.Line("arena " + (_codes.Length * frameBytes / 1024).ToString() + " KiB: " + _codes.Length.ToString() + " frames of " + frameBytes.ToString()
                + " B, " + per.ToString() + " frame" + (per == 1 ? "" : "s") + " per character");
            for (int start = 0; start < cells; start += Columns)
            {
                int n = cells - start < Columns ? cells - start : Columns;
                for (int c = 0; c < n; c++) _row[c] = Cell((start + c) * per, per);
                w.Line(Format.Right((long)start * per * frameBytes / 1024, 5) + "K " + new string(_row, 0, n));
            }
            w.Line("legend: . free  # run  a-z zspage of size class a, b, ... (upper case: 3/4 or more of its objects in use)");
        }

        private char Cell(int first, int count)
        {
            if (count == 1 || first + 1 >= _codes.Length) return Glyph(_codes[first]);
            // The most common code among the frames of the cell (first seen wins a tie).
            byte best = _codes[first];
            int bestCount = 0;
            int end = first + count < _codes.Length ? first + count : _codes.Length;
            for (int i = first; i < end; i++)
            {
                int seen = 0;
                for (int j = first; j < end; j++)
                    if (_codes[j] == _codes[i]) seen++;
                if (seen > bestCount)
                {
                    bestCount = seen;
                    best = _codes[i];
                }
            }
            return Glyph(best);
        }

        public static char Glyph(byte code)
        {
            if (code == PoolMap.Free) return '.';
            if (code == PoolMap.Run) return '#';
            int cls = PoolMap.ClassOf(code) % 26;
            return (char)((PoolMap.IsMostlyFull(code) ? 'A' : 'a') + cls);
        }
    }
}
