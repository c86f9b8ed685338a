// PageStore, idle tracking and idle work: zram's idle marks and ages (per-slot stamps in IdleUnitMs units of
// the store's clock), the merge scan's slice and rate-limited full pass, pool compaction slices.
using System;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        // ---------------------------------------------------------------- idle tracking

        /// <summary>Marks every slot holding a pool object idle (zram's `echo all > idle`; same-filled pages are skipped as zram does).</summary>
        public void MarkAllIdle()
        {
            lock (_sync)
            {
                int n = Slots.Count;
                for (int g = 0; g < n; g++)
                    if (Slots.HasObject(g)) Slots.MarkIdle(g);
            }
        }

        /// <summary>Marks idle every slot holding a pool object not accessed for at least olderThanMs (zram's `echo N > idle`).</summary>
        public void MarkIdle(long olderThanMs)
        {
            if (olderThanMs < 0) throw new ArgumentOutOfRangeException("olderThanMs");
            lock (_sync)
            {
                int now = NowUnits();
                int n = Slots.Count;
                for (int g = 0; g < n; g++)
                    if (Slots.HasObject(g) && AgeMs(g, now) >= olderThanMs) Slots.MarkIdle(g);
            }
        }

        private long AgeMs(int g, int now)
        {
            return (long)(now - Slots.Stamp[g]) * _idleUnitMs;
        }

        internal bool IsSlotIdle(StoreClient c, int slot, long idleForMs)
        {
            lock (_sync)
            {
                int g = CheckAccess(c, slot);
                if (Slots.Residence(g) == SlotTable.Empty) return false;
                if (Slots.IsIdle(g)) return true;
                return idleForMs > 0 && AgeMs(g, NowUnits()) >= idleForMs;
            }
        }

        internal bool SlotHasData(StoreClient c, int slot)
        {
            lock (_sync)
            {
                return Slots.Residence(CheckAccess(c, slot)) != SlotTable.Empty;
            }
        }

        // ---------------------------------------------------------------- idle work

        /// <summary>
        /// One merge slice: the scan examines slots from where the last slice stopped. Budget units: one per
        /// slot examined plus one per full comparison with a candidate (each reads a whole object). Returns the
        /// units used; 0 when every object has been seen (nothing to do until pages are written).
        /// </summary>
        public int MergeSlice(int budget)
        {
            if (budget < 1) throw new ArgumentOutOfRangeException("budget");
            lock (_sync)
            {
                return _scanner.Slice(budget);
            }
        }

        /// <summary>
        /// A full merge pass (every slot once, comparisons unbounded but at most one per candidate), at most
        /// once per MergeNowIntervalMs: a call inside the interval after the last full pass returns 0 at once
        /// (a rate limit: the low-memory killer calls this under pressure). Returns pages merged.
        /// </summary>
        public int MergeNow()
        {
            lock (_sync)
            {
                long now = _clock.Milliseconds;
                if (_mergeNowRan && now - _lastMergeNowMs < _mergeNowIntervalMs) return 0;
                _mergeNowRan = true;
                _lastMergeNowMs = now;
                return _scanner.FullPass();
            }
        }

        /// <summary>One pool compaction slice of about budgetBytes bytes moved; returns bytes moved (0 = nothing to gain).</summary>
        public int Compact(int budgetBytes)
        {
            if (budgetBytes < 1) throw new ArgumentOutOfRangeException("budgetBytes");
            lock (_sync)
            {
                return _pool.Compact(budgetBytes);
            }
        }
    }
}
