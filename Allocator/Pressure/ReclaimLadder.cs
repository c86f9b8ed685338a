// ReclaimLadder: gives arena space back in steps from cheap to drastic, re-checking after every step:
//   compaction → merge → writeback of idle pages → Trim notifications → kill one client at a time.
// Two entry points:
//  - Reclaim(bytes, requester): the store's IReclaimer, called synchronously when a write does not fit.
//    Runs every enabled rung until the write fits (PageStore.SurelyAdmits: free frames, within mem_limit,
//    cover the bytes rounded up to frames plus one frame for a class tail — a little conservative, so the
//    ladder never answers "fits" when the store's retry would fail for lack of frames). Up to
//    MaxKillsPerReclaim kills, never the requester, never a protected client. A write kill does not wait
//    for the cooldown: the alternative is failing a write a kill could serve.
//    Budget (ReclaimBudgetMs): no hook starts after the deadline, with one exception — when only
//    non-hook work (compaction, merge, writeback) used the budget up, one kill may still start: on an
//    MCU an early kill beats a failed write (the zram promotion thread). So a call lasts at most its
//    budget plus one hook (plus the bounded compaction that turns a victim's pages into free frames).
//    A trim pass that ran out of time is skipped by the writes of the next TrimIntervalMs, which go
//    straight to the kill rung: slow trim hooks cannot keep every write from its kill.
//  - RunIdle(budgetMs): from the idle scheduler. Updates the pressure level and runs the rungs the level
//    calls for: Low → compaction, a merge slice; Medium → also writeback and Trim (a trim round: each
//    client once per TrimIntervalMs, so a client is not asked again and again while its answer is still
//    fresh); Critical → also one kill, but only when this very call finished a trim round (every client
//    asked, over one or more slices) and pressure is still critical after it, the cooldown since the
//    last kill has passed, and the victim holds enough to end the critical state — idle reclaim never
//    kills while a trim could still give the space back, nor for a kill that would not help.
//    Stops at the budget.
// One run at a time: a reclaim or idle call that finds the ladder running (a hook's write re-entering
// it, or another thread) returns at once ("freed nothing") instead of waiting, so no call blocks longer
// than its budget plus one hook and hooks cannot make the ladder recurse or loop: every call makes at
// most 4 + clients + MaxKillsPerReclaim steps. Steady state allocates nothing (pool stats and records are
// preallocated; hooks are interface calls).
using System;
using System.Threading;
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class ReclaimLadder : IReclaimer
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 42;

        private readonly PageStore _store;
        private readonly ZsPool _pool;
        private readonly IMonotonicClock _clock;
        private readonly LowMemoryKiller _killer;
        private readonly Watermarks _marks;
        private readonly PoolStats _ps = new PoolStats();
        private readonly PoolFigures _figures = new PoolFigures();
        private readonly int _budgetMs;
        private readonly int _cooldownMs;
        private readonly int _maxKills;
        private readonly int _chunk;
        private readonly int _mergeSlice;
        private readonly LadderSteps _steps;
        private readonly int _trimIntervalMs;
        private readonly int[] _idleTrimmed;   // ids trimmed by idle reclaim in the current trim round
        private int _idleTrimmedCount;
        private long _roundStartMs;
        private bool _roundStarted;
        private bool _trimsTimedOut;           // the last write-path trim pass ran out of budget...
        private long _trimsTimedOutAt;         // ...at this time
        private IWritebackStep _writeback;
        private int _busy;                     // 1 while a call runs the ladder (Interlocked)
        private bool _killedOnce;
        private long _lastKillMs;
        // Statistics (written only by the running call).
        private long _calls;
        private long _satisfied;
        private long _refused;
        private long _idleRuns;
        private long _compactionBytes;
        private long _mergeBytes;
        private long _writebackBytes;
        private long _writebackPages;
        private long _trimBytes;
        private long _killBytes;
        private long _worstMs;

        internal ReclaimLadder(PageStore store, PressureConfig cfg, IMonotonicClock clock, LowMemoryKiller killer, Watermarks marks)
        {
            _store = store;
            _pool = store.Pool;
            _clock = clock;
            _killer = killer;
            _marks = marks;
            _budgetMs = cfg.ReclaimBudgetMs;
            _cooldownMs = cfg.KillCooldownMs;
            _maxKills = cfg.MaxKillsPerReclaim;
            _chunk = cfg.CompactChunkBytes;
            _mergeSlice = cfg.MergeSliceBudget;
            _steps = cfg.Steps;
            _trimIntervalMs = cfg.TrimIntervalMs;
            _idleTrimmed = new int[killer.Table.Capacity];
        }

        /// <summary>The writeback rung (null = no backing store: the rung is skipped).</summary>
        public IWritebackStep Writeback
        {
            get { return _writeback; }
            set { _writeback = value; }
        }

        public int BudgetMs { get { return _budgetMs; } }

        /// <summary>Bytes on the device: the object, its PoolStats and PoolFigures and the trim-round array.</summary>
        public int MetadataBytes
        {
            get { return StoreMath.ObjectBytes(DeviceFields) + StoreMath.ObjectBytes(PoolStats.DeviceFields) + StoreMath.ObjectBytes(PoolFigures.DeviceFields) + StoreMath.ArrayBytes(_idleTrimmed.Length * 4); }
        }

        /// <summary>True while a call is running the ladder.</summary>
        public bool IsRunning { get { return _busy != 0; } }

        /// <summary>
        /// IReclaimer: called by the store when a write of `bytesNeeded` for `requester` does not fit.
        /// True when the write should fit now (the store retries once).
        /// </summary>
        public bool Reclaim(int bytesNeeded, StoreClient requester)
        {
            if (requester != null) _killer.CheckOwnClient(requester);
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
            {
                _refused++; // not under the flag: a lost increment only blurs a statistic
                return false;
            }
            long start = _clock.Milliseconds;
            bool ok = false;
            try
            {
                _calls++;
                ok = ForWrite(bytesNeeded < 0 ? 0 : bytesNeeded, requester, start + _budgetMs);
                if (ok) _satisfied++;
            }
            finally
            {
                Finish(start);
            }
            return ok;
        }

        /// <summary>
        /// One idle slice of at most budgetMs (≥ 1, else ArgumentOutOfRangeException) plus one hook.
        /// Returns arena bytes given back (0 when there is no pressure or the ladder was busy).
        /// </summary>
        public int RunIdle(int budgetMs)
        {
            if (budgetMs < 1) throw new ArgumentOutOfRangeException("budgetMs");
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) return 0;
            long start = _clock.Milliseconds;
            try
            {
                return Idle(start + budgetMs);
            }
            finally
            {
                Finish(start);
            }
        }

        /// <summary>
        /// Kills the registered client `id` now (console or firmware request; reason Requested). False when
        /// the id is unknown, the client is protected, or the ladder is running.
        /// </summary>
        public bool KillNow(int id)
        {
            if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) return false;
            long start = _clock.Milliseconds;
            try
            {
                int n = _killer.RefreshSnapshot();
                for (int pos = 0; pos < n; pos++)
                {
                    if (_killer.IdAt(pos) != id) continue;
                    if (RegistrationTable.IsProtected(_killer.PriorityAt(pos))) return false;
                    return Kill(pos, KillReason.Requested, null, 0, LadderSteps.None, start + _budgetMs);
                }
                return false;
            }
            finally
            {
                Finish(start);
            }
        }

        /// <summary>Reads the pool and feeds the watermarks; returns the (hysteretic) level.</summary>
        public PressureLevel UpdateLevel()
        {
            PoolFigures f = ReadPool();
            return _marks.Update(f.Used, f.Capacity);
        }

        internal void Fill(PressureStats s)
        {
            s.ReclaimCalls = _calls;
            s.ReclaimSatisfied = _satisfied;
            s.ReclaimRefused = _refused;
            s.IdleRuns = _idleRuns;
            s.CompactionBytes = _compactionBytes;
            s.MergeBytes = _mergeBytes;
            s.WritebackBytes = _writebackBytes;
            s.WritebackPages = _writebackPages;
            s.TrimBytes = _trimBytes;
            s.KillBytes = _killBytes;
            s.WorstReclaimMs = _worstMs;
        }

        // ---------------------------------------------------------------- the rungs

        // The rungs, cheapest first: both entry points run this table through Rung.
        private static readonly LadderSteps[] Rungs =
        {
            LadderSteps.Compaction, LadderSteps.Merge, LadderSteps.Writeback, LadderSteps.Trim, LadderSteps.Kill,
        };

        // The call being run (one at a time: _busy): a write's reclaim or an idle slice.
        private bool _forWrite;
        private int _bytes;
        private StoreClient _requester;
        private long _deadline;
        private LadderSteps _tried;
        private bool _hookCrossed;   // a write's hook ended past the deadline: no further hook may start
        private bool _roundDone;     // an idle slice asked the last clients of a trim round

        private bool ForWrite(int bytes, StoreClient requester, long deadline)
        {
            Begin(true, bytes, requester, deadline);
            if (_store.SurelyAdmits(bytes)) return true;
            for (int i = 0; i < Rungs.Length; i++)
            {
                if (Rung(Rungs[i])) return true;
            }
            return _store.SurelyAdmits(bytes);
        }

        private int Idle(long deadline)
        {
            PressureLevel level = UpdateLevel();
            if (level < PressureLevel.Medium) _roundStarted = false; // pressure eased: the next rise starts a fresh round
            if (level == PressureLevel.None) return 0;
            _idleRuns++;
            long begin = ReadPool().Used;
            Begin(false, 0, null, deadline);
            for (int i = 0; i < Rungs.Length; i++) Rung(Rungs[i]);
            UpdateLevel();
            return Freed(begin);
        }

        private void Begin(bool forWrite, int bytes, StoreClient requester, long deadline)
        {
            _forWrite = forWrite;
            _bytes = bytes;
            _requester = requester;
            _deadline = deadline;
            _tried = LadderSteps.None;
            _hookCrossed = false;
            _roundDone = false;
        }

        /// <summary>
        /// One rung of the running call, the one rung body of both entry points: when the step is enabled and
        /// open, it is added to the steps tried, acts, and the pool settles (a write compacts until it fits; an
        /// idle slice compacts one chunk); what it freed is counted for the step (hooks count per hook). True
        /// when a write fits now. The actions are inline, not a method of their own: on the device every call
        /// level is a stack frame on the managed heap, and this path runs with the heap at its fullest.
        /// </summary>
        private bool Rung(LadderSteps step)
        {
            if (!Has(step) || !Open(step)) return false;
            if (step != LadderSteps.Kill) _tried |= step; // a kill record lists the steps tried before it
            // The hook steps settle and count per hook.
            if (step == LadderSteps.Trim) return _forWrite ? TrimForWrite() : TrimRound();
            if (step == LadderSteps.Kill) return _forWrite ? KillForWrite() : KillAhead();
            long before = ReadPool().Used;
            switch (step)
            {
                case LadderSteps.Compaction:
                    if (!_forWrite)
                    {
                        while (!Late(_deadline) && _store.Compact(_chunk) > 0)
                        {
                            if (UpdateLevel() == PressureLevel.None) break;
                        }
                    }
                    break;   // a write compacts as the rung settles
                case LadderSteps.Merge:
                    if (_forWrite) _store.MergeNow();
                    else IdleWork.Slice(IdleWork.Merge, _store, _mergeSlice, RecompressType.Idle);
                    break;
                case LadderSteps.Writeback:
                    if (_forWrite) WriteBack(_bytes, _deadline, true);
                    else
                    {
                        PoolFigures f = ReadPool();
                        long want = _marks.LeaveAtBytes(PressureLevel.Medium, f.Capacity) - f.Free;
                        WriteBack(want > int.MaxValue ? int.MaxValue : (int)want, _deadline, false);
                    }
                    break;
            }
            bool fits = false;
            if (_forWrite) fits = CompactUntilFits(_bytes, _deadline);
            else if (step != LadderSteps.Compaction) _store.Compact(_chunk);
            AddFreed(step, Freed(before));
            return fits;
        }

        /// <summary>Whether the step runs in this call now (deadline, pressure level, trim rounds, cooldown).</summary>
        private bool Open(LadderSteps step)
        {
            switch (step)
            {
                case LadderSteps.Compaction:
                    return true;
                case LadderSteps.Merge:
                    return !Late(_deadline) && (_forWrite || UpdateLevel() >= PressureLevel.Low);
                case LadderSteps.Writeback:
                    return _writeback != null && !Late(_deadline) && (_forWrite || UpdateLevel() >= PressureLevel.Medium);
                case LadderSteps.Trim:
                    if (_forWrite) return !Late(_deadline) && !TrimsTimedOutRecently();
                    return UpdateLevel() >= PressureLevel.Medium && !Late(_deadline);
                default:
                    if (_forWrite) return true;
                    // Idle reclaim kills only after a whole trim round, still critical, past the cooldown.
                    return (_roundDone || !Has(LadderSteps.Trim)) && UpdateLevel() == PressureLevel.Critical
                        && !Late(_deadline) && CooledDown();
            }
        }

        // Asks each client in kill order to trim until the write fits.
        private bool TrimForWrite()
        {
            int n = _killer.RefreshSnapshot();
            int pos = 0;
            for (; pos < n && !Late(_deadline); pos++)
            {
                long before = ReadPool().Used;
                if (!_killer.TrimAt(pos, PressureLevel.Critical)) continue;
                _hookCrossed = Late(_deadline);
                bool ok = CompactUntilFits(_bytes, _deadline);
                AddFreed(LadderSteps.Trim, Freed(before));
                if (ok)
                {
                    _trimsTimedOut = false;
                    return true;
                }
            }
            // Trims that ran out of time are not repeated by the next writes for TrimIntervalMs: they go
            // straight to the kill rung, so slow trim hooks cannot starve every write of its kill.
            _trimsTimedOut = pos < n;
            _trimsTimedOutAt = _clock.Milliseconds;
            return false;
        }

        // One slice of an idle trim round: each client once per TrimIntervalMs, while pressure stays medium.
        private bool TrimRound()
        {
            long now = _clock.Milliseconds;
            if (!_roundStarted || now - _roundStartMs >= _trimIntervalMs)
            {
                _roundStarted = true;
                _roundStartMs = now;
                _idleTrimmedCount = 0;
            }
            int n = _killer.RefreshSnapshot();
            int trimmed = 0;
            int pos = 0;
            for (; pos < n && !Late(_deadline); pos++)
            {
                PressureLevel level = UpdateLevel();
                if (level < PressureLevel.Medium) break;
                int id = _killer.IdAt(pos);
                if (TrimmedThisRound(id)) continue;
                long before = ReadPool().Used;
                if (!_killer.TrimAt(pos, level)) continue;
                trimmed++;
                if (_idleTrimmedCount < _idleTrimmed.Length) _idleTrimmed[_idleTrimmedCount++] = id;
                _store.Compact(_chunk);
                AddFreed(LadderSteps.Trim, Freed(before));
            }
            _roundDone = pos == n && trimmed > 0;
            return false;
        }

        // Kills one client at a time (never the requester) until the write fits.
        private bool KillForWrite()
        {
            for (int k = 0; k < _maxKills; k++)
            {
                // Past the deadline one kill may still start — unless a hook already ran past it.
                if (_hookCrossed) break;
                _killer.RefreshSnapshot();
                int pos = _killer.PickVictim(_requester);
                if (pos < 0) break;
                bool lateBefore = Late(_deadline);
                Kill(pos, KillReason.WriteDidNotFit, _requester, _bytes, _tried, _deadline);
                if (_store.SurelyAdmits(_bytes)) return true;
                if (lateBefore || Late(_deadline)) break;
            }
            return false;
        }

        // Kills ahead of need only when it ends the critical state: a victim too small to lift free space
        // past the min watermark's margin would cost an app and leave the pressure as it was (writes that
        // then do not fit still kill, one at a time, in the same order).
        private bool KillAhead()
        {
            _killer.RefreshSnapshot();
            int pos = _killer.PickVictim(null);
            PoolFigures f = ReadPool();
            if (pos >= 0 && f.Free + _killer.FootprintAt(pos) >= _marks.LeaveAtBytes(PressureLevel.Critical, f.Capacity))
                Kill(pos, KillReason.BelowMinWatermark, null, 0, _tried, _deadline);
            return false;
        }

        // Kills the client at visiting position pos and logs it; false when it was gone already.
        private bool Kill(int pos, KillReason reason, StoreClient requester, int bytes, LadderSteps tried, long deadline)
        {
            PoolFigures f = ReadPool();
            long before = f.Used, capacity = f.Capacity; // f is refilled by the next read
            KillRecord r = _killer.KillAt(pos);
            if (r == null) return false;
            // Turn the victim's freed slots into free frames: compact until nothing moves (at least one
            // chunk even past the deadline — it is part of the kill).
            int chunks = 0;
            while ((chunks == 0 || !Late(deadline)) && _store.Compact(_chunk) > 0) chunks++;
            long after = ReadPool().Used;
            r.Reason = reason;
            r.Requester = requester != null ? requester.Name : null;
            r.RequestBytes = bytes;
            r.StepsTried = tried;
            r.UsedBytesBefore = before;
            r.UsedBytesAfter = after;
            r.CapacityBytes = capacity;
            r.BytesFreed = before > after ? (int)(before - after) : 0;
            r.LevelBefore = _marks.RawLevel(before, capacity);
            r.LevelAfter = _marks.RawLevel(after, capacity);
            _killer.Record(r);
            AddFreed(LadderSteps.Kill, r.BytesFreed);
            _killedOnce = true;
            _lastKillMs = _clock.Milliseconds;
            UpdateLevel();
            return true;
        }

        private void AddFreed(LadderSteps step, long bytes)
        {
            switch (step)
            {
                case LadderSteps.Compaction: _compactionBytes += bytes; break;
                case LadderSteps.Merge: _mergeBytes += bytes; break;
                case LadderSteps.Writeback: _writebackBytes += bytes; break;
                case LadderSteps.Trim: _trimBytes += bytes; break;
                default: _killBytes += bytes; break;
            }
        }

        private void WriteBack(int bytes, long deadline, bool urgent)
        {
            long left = deadline - _clock.Milliseconds;
            int budget = left < 1 ? 1 : (left > int.MaxValue ? int.MaxValue : (int)left);
            try
            {
                _writebackPages += _writeback.WriteBack(bytes, budget, urgent);
            }
            catch (Exception)
            {
                // a failing backing store frees nothing; the ladder goes on to the next rung
            }
        }

        /// <summary>Compacts chunk by chunk until the bytes fit, nothing moves, or the deadline passed.</summary>
        private bool CompactUntilFits(int bytes, long deadline)
        {
            while (true)
            {
                if (_store.SurelyAdmits(bytes)) return true;
                if (Late(deadline)) return false;
                if (_store.Compact(_chunk) == 0) return _store.SurelyAdmits(bytes);
            }
        }

        /// <summary>The pool's figures now (PoolFigures: used, capacity under mem_limit, frames still free), in the
        /// ladder's one instance: valid until the next ReadPool.</summary>
        private PoolFigures ReadPool()
        {
            _pool.GetStats(_ps);
            PoolFigures f = _figures;
            f.Used = (long)_ps.FramesUsed * _ps.FrameSize;
            long arena = (long)_ps.FramesTotal * _ps.FrameSize;
            long limit = _store.MemLimit;
            f.Capacity = limit > 0 && limit < arena ? limit : arena;
            return f;
        }

        private int Freed(long before)
        {
            long after = ReadPool().Used;
            return before > after ? (int)(before - after) : 0;
        }

        private bool Has(LadderSteps step)
        {
            return (_steps & step) != 0;
        }

        private bool Late(long deadline)
        {
            return _clock.Milliseconds >= deadline;
        }

        private bool CooledDown()
        {
            return !_killedOnce || _clock.Milliseconds - _lastKillMs >= _cooldownMs;
        }

        private bool TrimsTimedOutRecently()
        {
            return _trimsTimedOut && _clock.Milliseconds - _trimsTimedOutAt < _trimIntervalMs;
        }

        private bool TrimmedThisRound(int id)
        {
            for (int i = 0; i < _idleTrimmedCount; i++)
                if (_idleTrimmed[i] == id) return true;
            return false;
        }

        private void Finish(long start)
        {
            long took = _clock.Milliseconds - start;
            if (took > _worstMs) _worstMs = took;
            Interlocked.Exchange(ref _busy, 0);
        }
    }
}
