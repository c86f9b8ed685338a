// The reclaim ladder's writeback rung (IWritebackStep) over PageStore.Writeback: wire it with
// `pressure.Writeback = new StoreWritebackStep(store, clock)` once the store has a backing store.
//
// A call marks idle the pages not accessed for IdleAgeMs (urgent: UrgentIdleAgeMs, default 0 = every
// page, so a write that does not fit can push out the oldest pages even if none was marked idle), then
// writes back in chunks of ChunkPages — huge idle pages first (one record frees a whole page of arena),
// then any idle page, oldest first — until the arena objects shrank by bytesWanted, budgetMs passed, or a
// chunk came back short (nothing left, writeback_limit reached, backing store full or failing).
// Returns pages written. No allocation (one MmStat made at construction).
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class StoreWritebackStep : IWritebackStep
    {
        public const int ChunkPages = 4;

        private readonly PageStore _store;
        private readonly IMonotonicClock _clock;
        private readonly MmStat _mm = new MmStat();
        private long _idleAgeMs = 60000;
        private long _urgentIdleAgeMs;

        public StoreWritebackStep(PageStore store, IMonotonicClock clock)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (clock == null) throw new ArgumentNullException("clock");
            _store = store;
            _clock = clock;
        }

        /// <summary>Idle reclaim writes back pages not accessed for this long (ms; default 60 s).</summary>
        public long IdleAgeMs
        {
            get { return _idleAgeMs; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value");
                _idleAgeMs = value;
            }
        }

        /// <summary>A write that did not fit writes back pages not accessed for this long (ms; default 0: any page).</summary>
        public long UrgentIdleAgeMs
        {
            get { return _urgentIdleAgeMs; }
            set
            {
                if (value < 0) throw new ArgumentOutOfRangeException("value");
                _urgentIdleAgeMs = value;
            }
        }

        public int WriteBack(int bytesWanted, int budgetMs, bool urgent)
        {
            if (bytesWanted <= 0 || !_store.HasBackingStore) return 0;
            long deadline = _clock.Milliseconds + (budgetMs < 0 ? 0 : budgetMs);
            _store.MarkIdle(urgent ? _urgentIdleAgeMs : _idleAgeMs);
            _store.GetMmStat(_mm);
            long start = _mm.ComprDataSize;
            WritebackMode mode = WritebackMode.HugeIdle;
            int pages = 0;
            while (true)
            {
                int n = _store.Writeback(mode, ChunkPages);
                pages += n;
                _store.GetMmStat(_mm);
                if (start - _mm.ComprDataSize >= bytesWanted) break;
                if (n < ChunkPages)
                {
                    if (mode == WritebackMode.Idle) break;
                    mode = WritebackMode.Idle;
                }
                if (_clock.Milliseconds >= deadline) break;
            }
            return pages;
        }
    }
}
