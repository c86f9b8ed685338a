// The idle scheduler: when the apps did nothing in a loop turn, it spends up to BudgetMs of that turn on
// background work in small slices: under pressure first one slice of the reclaim ladder (MemoryPressure
// .RunIdle: compaction, merge, writeback, then trims and kills as the level demands), then the store's idle
// work in IdleWork's order — with a recompressor recompression slices (idle pages, HC + dictionary, about
// one page each), merge slices (content-hash scan, MergeSliceUnits units), compaction slices (about
// CompactSliceBytes moved) — and with a backing store writeback slices (idle pages, WritebackSlicePages at a
// time), in rotation, stopping early when no kind of work has anything left to do. "Idle" = not accessed for IdleAgeMs; pages are marked at most every
// MarkIdleEveryMs. Every slice is bounded by the
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
        public const int IdleAgeMs = 30000;
        public const int RecompressSliceUnits = Recompressor.PageCost + 8;
        public const int RecompressRestMs = 10000;
        public const int WritebackSlicePages = 2;
        public const int MarkIdleEveryMs = 5000;

        private readonly PageStore _store;
        private readonly MemoryPressure _pressure;
        private readonly Recompressor _recompressor;
        private readonly RecompressStats _rc = new RecompressStats();
        private long _recompressRestUntil;
        private readonly IClock _clock;
        private int _turn;

        public long MergeSlices;
        public long MergeUnits;
        public long CompactSlices;
        public long BytesCompacted;
        public long RecompressSlices;
        public long WritebackSlices;
        public long PagesWrittenBack;
        private long _lastMarkMs = -MarkIdleEveryMs;
        public long Turns;
        public long ReclaimSlices;
        public long BytesReclaimed;
        public long BusyMs;

        public IdleScheduler(PageStore store, MemoryPressure pressure, Recompressor recompressor, IClock clock)
        {
            _store = store;
            _pressure = pressure;
            _recompressor = recompressor;
            _clock = clock;
        }

        /// <summary>Zeroes the idle-work counters `stats` prints (the `reset` command): merge, compaction,
        /// recompression, writeback and reclaim slices and what they moved. Turns and BusyMs keep counting from
        /// boot (the loop's own figures).</summary>
        public void ResetCounters()
        {
            MergeSlices = 0; MergeUnits = 0; CompactSlices = 0; BytesCompacted = 0;
            RecompressSlices = 0; WritebackSlices = 0; PagesWrittenBack = 0; ReclaimSlices = 0; BytesReclaimed = 0;
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
                if (freed > 0)
                {
                    ReclaimSlices++; // slices that gave arena bytes back
                    BytesReclaimed += freed;
                    useful++;
                }
            }
            int kinds = IdleWork.Steps + (_store.HasBackingStore ? 1 : 0); // the idle work's steps, then writeback
            while (idleKinds < kinds)
            {
                int k = _turn++ % kinds;
                bool worked = k == IdleWork.Recompress ? RecompressSlice() : k == IdleWork.Merge ? MergeSlice()
                    : k == IdleWork.Compact ? CompactSlice() : WritebackSlice();
                if (worked) { useful++; idleKinds = 0; } else idleKinds++;
                if (_clock.Milliseconds - start >= BudgetMs) break;
            }
            BusyMs += _clock.Milliseconds - start;
            return useful;
        }

        private bool MergeSlice()
        {
            int units = IdleWork.Slice(IdleWork.Merge, _store, MergeSliceUnits, RecompressType.Idle);
            if (units == 0) return false;
            MergeSlices++;
            MergeUnits += units;
            return true;
        }

        private void MarkIdlePages()
        {
            long now = _clock.Milliseconds;
            if (now - _lastMarkMs < MarkIdleEveryMs) return;
            _store.MarkIdle(IdleAgeMs);
            _lastMarkMs = now;
        }

        /// <summary>
        /// A recompression slice. It counts as work only when it recompressed, migrated or rejected a page or
        /// advanced a dictionary build (a slice that only examined slots is cheap and is not a reason to keep
        /// the loop busy); after a lap that found nothing the recompressor rests for RecompressRestMs.
        /// </summary>
        private bool RecompressSlice()
        {
            if (_recompressor == null) return false;
            long now = _clock.Milliseconds;
            if (now < _recompressRestUntil) return false;
            MarkIdlePages();
            _recompressor.GetStats(_rc);
            long before = _rc.PagesRecompressed + _rc.Rejected + _rc.Migrated + _rc.DictionaryBuilds;
            if (IdleWork.Slice(IdleWork.Recompress, _store, RecompressSliceUnits, RecompressType.Idle) == 0)
            {
                _recompressRestUntil = now + RecompressRestMs;
                return false;
            }
            _recompressor.GetStats(_rc);
            if (_rc.PagesRecompressed + _rc.Rejected + _rc.Migrated + _rc.DictionaryBuilds == before && !_recompressor.Building) return false;
            RecompressSlices++;
            return true;
        }

        private bool WritebackSlice()
        {
            MarkIdlePages();
            int pages = _store.Writeback(WritebackMode.Idle, WritebackSlicePages);
            if (pages == 0) return false;
            WritebackSlices++;
            PagesWrittenBack += pages;
            return true;
        }

        private bool CompactSlice()
        {
            int moved = IdleWork.Slice(IdleWork.Compact, _store, CompactSliceBytes, RecompressType.Idle);
            if (moved == 0) return false;
            CompactSlices++;
            BytesCompacted += moved;
            return true;
        }
    }
}
