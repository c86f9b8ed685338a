// The idle scheduler: when the apps did nothing in a loop turn, it spends up to BudgetMs of that turn on
// background work in small slices: under pressure first one slice of the reclaim ladder (MemoryPressure
// .RunIdle: compaction, merge, writeback, then trims and kills as the level demands), then merge slices
// (content-hash scan, MergeSliceUnits units), compaction slices (about CompactSliceBytes moved) and, with a
// backing store, writeback slices (pages not accessed for WritebackIdleMs, WritebackSlicePages at a time;
// idle marking at most every MarkIdleEveryMs) in rotation, stopping early when no kind of work has
// anything left to do. Every slice is bounded by the
// store, so a turn overruns its budget by at most one slice. Counters say what ran (`stats` prints them).
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Idle
{
    public sealed class IdleScheduler
    {
        public const int BudgetMs = 5;
        public const int MergeSliceUnits = 16;
        public const int CompactSliceBytes = 2048;
        public const int WritebackIdleMs = 60000;
        public const int WritebackSlicePages = 2;
        public const int MarkIdleEveryMs = 5000;

        private readonly PageStore _store;
        private readonly MemoryPressure _pressure;
        private readonly IClock _clock;
        private int _turn;

        public long MergeSlices;
        public long MergeUnits;
        public long CompactSlices;
        public long BytesCompacted;
        public long WritebackSlices;
        public long PagesWrittenBack;
        private long _lastMarkMs = -MarkIdleEveryMs;
        public long Turns;
        public long ReclaimSlices;
        public long BytesReclaimed;
        public long BusyMs;

        public IdleScheduler(PageStore store, MemoryPressure pressure, IClock clock)
        {
            _store = store;
            _pressure = pressure;
            _clock = clock;
        }

        /// <summary>Runs slices for at most BudgetMs (plus one slice); returns the number of slices that did work.</summary>
        public int Run()
        {
            long start = _clock.Milliseconds;
            int useful = 0;
            int idleKinds = 0;
            Turns++;
            if (_pressure != null && _pressure.Level != PressureLevel.None)
            {
                int freed = _pressure.RunIdle(BudgetMs);
                ReclaimSlices++;
                BytesReclaimed += freed;
                if (freed > 0) useful++;
            }
            int kinds = _store.HasBackingStore ? 3 : 2;
            while (idleKinds < kinds)
            {
                int k = _turn++ % kinds;
                bool worked = k == 0 ? MergeSlice() : k == 1 ? CompactSlice() : WritebackSlice();
                if (worked) { useful++; idleKinds = 0; } else idleKinds++;
                if (_clock.Milliseconds - start >= BudgetMs) break;
            }
            BusyMs += _clock.Milliseconds - start;
            return useful;
        }

        private bool MergeSlice()
        {
            int units = _store.MergeSlice(MergeSliceUnits);
            if (units == 0) return false;
            MergeSlices++;
            MergeUnits += units;
            return true;
        }

        private bool WritebackSlice()
        {
            long now = _clock.Milliseconds;
            if (now - _lastMarkMs >= MarkIdleEveryMs)
            {
                _store.MarkIdle(WritebackIdleMs);
                _lastMarkMs = now;
            }
            int pages = _store.Writeback(WritebackMode.Idle, WritebackSlicePages);
            if (pages == 0) return false;
            WritebackSlices++;
            PagesWrittenBack += pages;
            return true;
        }

        private bool CompactSlice()
        {
            int moved = _store.Compact(CompactSliceBytes);
            if (moved == 0) return false;
            CompactSlices++;
            BytesCompacted += moved;
            return true;
        }
    }
}
