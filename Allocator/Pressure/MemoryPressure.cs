// MemoryPressure: ZramEmbedded's answer to "the arena is filling up" — watermarks with a level-change
// event, the reclaim ladder (compaction → merge → writeback → trim → kill) and the low-memory killer's
// registration table and kill log, wired to one PageStore.
//
// Construction installs the ladder as the store's IReclaimer, so a write that does not fit reclaims
// synchronously and returns the store's NoSpace only if the ladder could not make room. The firmware's
// idle scheduler calls RunIdle(budgetMs) to reclaim ahead of need when pressure rises, and Update() to
// refresh the level (and the LED) after bursts of writes. Clients register with a priority
// (oom_score_adj-like: −1000..1000, below 0 never killed, default 0) and ILowMemoryClient hooks.
// See ReclaimLadder for the rules, LowMemoryKiller for the order of trims and kills, Watermarks for the
// levels. Fixed memory: everything is allocated here; no call allocates afterwards.
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class MemoryPressure
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 5;

        private readonly PageStore _store;
        private readonly Watermarks _marks;
        private readonly KillLog _log;
        private readonly LowMemoryKiller _killer;
        private readonly ReclaimLadder _ladder;

        /// <summary>
        /// Null store or clock → ArgumentNullException; a bad config → ArgumentOutOfRangeException (config
        /// null = defaults). Replaces the store's Reclaimer.
        /// </summary>
        public MemoryPressure(PageStore store, PressureConfig config, IMonotonicClock clock)
        {
            if (store == null) throw new ArgumentNullException("store");
            if (clock == null) throw new ArgumentNullException("clock");
            PressureConfig cfg = config == null ? new PressureConfig() : config.Clone();
            cfg.Validate();
            int clients = cfg.MaxClients > 0 ? cfg.MaxClients : store.MaxClients;
            _store = store;
            _marks = new Watermarks(cfg.MinFreePermille, cfg.LowFreePermille, cfg.HighFreePermille, cfg.HysteresisPermille);
            _log = new KillLog(cfg.KillLogCapacity);
            _killer = new LowMemoryKiller(store, clients, _log, clock);
            _ladder = new ReclaimLadder(store, cfg, clock, _killer, _marks);
            store.Reclaimer = _ladder;
            _ladder.UpdateLevel();
        }

        public PageStore Store { get { return _store; } }

        /// <summary>
        /// Bytes MemoryPressure keeps on the device, outside the arena and the store: its own object (DeviceFields),
        /// the watermarks, the kill log, the killer (with the registration table) and the ladder. Fixed at
        /// construction (device sizes: 12-byte heap blocks, 20-byte array headers).
        /// </summary>
        public int MetadataBytes
        {
            get
            {
                return StoreMath.ObjectBytes(DeviceFields) + _marks.MetadataBytes + _log.MetadataBytes + _killer.MetadataBytes + _ladder.MetadataBytes;
            }
        }

        public Watermarks Watermarks { get { return _marks; } }

        public KillLog KillLog { get { return _log; } }

        public LowMemoryKiller Killer { get { return _killer; } }

        public ReclaimLadder Ladder { get { return _ladder; } }

        /// <summary>Raised when the pressure level changes (see Watermarks.LevelChanged).</summary>
        public event PressureLevelChangedHandler LevelChanged
        {
            add { _marks.LevelChanged += value; }
            remove { _marks.LevelChanged -= value; }
        }

        public PressureLevel Level { get { return _marks.Level; } }

        /// <summary>The writeback rung (null until a backing store is configured).</summary>
        public IWritebackStep Writeback
        {
            get { return _ladder.Writeback; }
            set { _ladder.Writeback = value; }
        }

        /// <summary>Re-reads pool use and updates the level (raises LevelChanged when it changed).</summary>
        public PressureLevel Update()
        {
            return _ladder.UpdateLevel();
        }

        /// <summary>One idle slice of reclaim (see ReclaimLadder.RunIdle); returns arena bytes given back.</summary>
        public int RunIdle(int budgetMs)
        {
            return _ladder.RunIdle(budgetMs);
        }

        /// <summary>See LowMemoryKiller.TryRegister.</summary>
        public bool TryRegister(StoreClient client, int priority, ILowMemoryClient hooks, out int id)
        {
            return _killer.TryRegister(client, priority, hooks, out id);
        }

        public bool Unregister(int id)
        {
            return _killer.Unregister(id);
        }

        /// <summary>Kills a registered, unprotected client now (reason Requested); false otherwise.</summary>
        public bool Kill(int id)
        {
            return _ladder.KillNow(id);
        }

        /// <summary>Fills `s` (caller-owned) with the current figures.</summary>
        public void GetStats(PressureStats s)
        {
            if (s == null) throw new ArgumentNullException("s");
            _ladder.Fill(s);
            s.Level = _marks.Level;
            s.FreeBytes = _marks.FreeBytes;
            s.CapacityBytes = _marks.CapacityBytes;
            s.Trims = _killer.Trims;
            s.Kills = _killer.Kills;
            s.HookFailures = _killer.HookFailures;
            s.LastHookFailure = _killer.LastHookFailure;
            s.Registered = _killer.Table.Count;
            s.MetadataBytes = MetadataBytes;
        }

        /// <summary>Throws InvalidOperationException when a part is inconsistent.</summary>
        public void CheckInvariants()
        {
            _marks.CheckInvariants();
            _log.CheckInvariants();
            _killer.Table.CheckInvariants();
            if (_store.Reclaimer != _ladder) throw new InvalidOperationException("the store's reclaimer is not this ladder");
        }
    }
}
