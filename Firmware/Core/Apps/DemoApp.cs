// A demo app: keeps its state in pages of the page store (one StoreClient, one slot per page) and checks
// every page it reads back against what it wrote. The content of a page is a function of the page index and
// a small key the app remembers (Keys[page]; NoContent = nothing stored, which reads as zeros), so checking
// needs no copy of the data: the expected page is rebuilt into a scratch buffer and compared. A mismatch is
// counted (it must stay 0); ReadFailed (a page lost in writeback) is counted apart.
//
// Activity comes and goes: the app alternates active phases (one operation every OpIntervalMs) and quiet
// ones (nothing), of lengths drawn from its own deterministic random sequence, so idle periods happen and
// the idle scheduler gets its turn. A write that does not fit (NoSpace) leaves the old page, as the store
// promises. Trim drops pages the app can rebuild (cache-like data, by the app's own policy); Kill releases
// the whole client; a killed app starts again, empty, after RestartDelayMs. Each app registers with the
// low-memory killer (ILowMemoryClient: its Trim and Kill hooks) at its priority, oom_score_adj-like:
// higher is trimmed and killed first, below 0 never killed.
// Memory: one int per page plus the object; the page buffers are the workload's, shared by all apps.
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Firmware.Apps
{
    public abstract class DemoApp : ILowMemoryClient
    {
        public const int NoContent = -1;
        public const int RestartDelayMs = 15000;

        private readonly string _name;
        private readonly int _priority;
        private readonly int _opIntervalMs;
        private readonly int _activeMs;
        private readonly int _quietMs;
        protected readonly int[] Keys;
        private uint _random;
        private StoreClient _client;
        private PageStore _store;
        private MemoryPressure _pressure;
        private int _registration = -1;
        private long _now;
        private AppState _state = AppState.Quiet;
        private long _phaseEndMs;
        private long _nextOpMs;
        private long _restartMs;

        public long Writes;
        public long Reads;
        public long Mismatches;
        public long ReadFailures;
        public long NoSpaceWrites;
        public long Trims;
        public long PagesTrimmed;
        public long Kills;
        public long Starts;

        protected DemoApp(string name, int priority, int pageCount, uint seed, int opIntervalMs, int activeMs, int quietMs)
        {
            _name = name;
            _priority = priority;
            Keys = new int[pageCount < 1 ? 1 : pageCount];
            _random = PageFill.Mix(seed) | 1;
            _opIntervalMs = opIntervalMs;
            _activeMs = activeMs;
            _quietMs = quietMs;
        }

        /// <summary>Zeroes the activity counters (the `reset` command). Mismatches stay: a mismatch is a page
        /// read back wrong, which must stay visible until the board restarts.</summary>
        public void ResetCounters()
        {
            Writes = 0; Reads = 0; ReadFailures = 0; NoSpaceWrites = 0; Trims = 0; PagesTrimmed = 0; Kills = 0; Starts = 0;
        }

        public string Name { get { return _name; } }

        /// <summary>Priority for the low-memory killer (oom_score_adj-like): higher is killed first, below 0 never.</summary>
        public int Priority { get { return _priority; } }

        public int PageCount { get { return Keys.Length; } }

        public AppState State { get { return _state; } }

        /// <summary>The app's store client; null while killed.</summary>
        public StoreClient Client { get { return _client; } }

        /// <summary>One line saying what the app keeps (for `apps` and `help`).</summary>
        public abstract string Description { get; }

        /// <summary>Pages holding content.</summary>
        public int PagesInUse
        {
            get
            {
                int n = 0;
                for (int i = 0; i < Keys.Length; i++)
                    if (Keys[i] != NoContent) n++;
                return n;
            }
        }

        /// <summary>Registers with the store (empty pages) and the low-memory killer, and starts in an active phase.</summary>
        public void Start(PageStore store, MemoryPressure pressure, long now)
        {
            _store = store;
            _pressure = pressure;
            _client = store.Register(_name, Keys.Length);
            if (pressure != null && !pressure.TryRegister(_client, _priority, this, out _registration)) _registration = -1;
            for (int i = 0; i < Keys.Length; i++) Keys[i] = NoContent;
            _state = AppState.Active;
            _phaseEndMs = now + Draw(_activeMs);
            _nextOpMs = now;
            Starts++;
            OnStart();
        }

        /// <summary>Does at most one operation if one is due; returns true when it did.</summary>
        public bool Step(long now, byte[] page, byte[] expect)
        {
            if (_state == AppState.Killed)
            {
                if (now >= _restartMs && _store != null) Start(_store, _pressure, now);
                return false;
            }
            if (now >= _phaseEndMs)
            {
                bool wasActive = _state == AppState.Active;
                _state = wasActive ? AppState.Quiet : AppState.Active;
                _phaseEndMs = now + Draw(wasActive ? _quietMs : _activeMs);
                _nextOpMs = now;
            }
            _now = now;
            if (_state != AppState.Active || now < _nextOpMs) return false;
            _nextOpMs += _opIntervalMs;
            if (_nextOpMs < now - 10 * _opIntervalMs) _nextOpMs = now; // do not pile up work after a stall
            try
            {
                Operate(page, expect);
            }
            catch (System.ObjectDisposedException)
            {
                // Killed while writing (the low-memory killer ran inside this write): nothing more to do.
                if (_state != AppState.Killed) MarkKilled(now);
            }
            return true;
        }

        /// <summary>Reads every page with content and checks it; returns mismatches found.</summary>
        public long VerifyAll(byte[] page, byte[] expect)
        {
            long before = Mismatches;
            if (_client == null) return 0;
            for (int i = 0; i < Keys.Length; i++)
                if (Keys[i] != NoContent) ReadAndCheck(i, page, expect);
            return Mismatches - before;
        }

        /// <summary>Drops pages the app can do without at this trim level (1 = a few .. 3 = all it can); returns how many.</summary>
        public int Trim(int level)
        {
            if (_client == null || level < 1) return 0;
            int dropped = TrimPages(level);
            Trims++;
            PagesTrimmed += dropped;
            return dropped;
        }

        /// <summary>Kills the app through the low-memory killer (logged, reason Requested); it starts again after
        /// RestartDelayMs. Without a killer (or when it refuses) the app releases its pages itself.</summary>
        public void Kill(long now)
        {
            if (_client == null) return;
            _now = now;
            if (_registration >= 0 && _pressure != null && _pressure.Kill(_registration)) return; // Kill() hook ran
            _client.Release();
            MarkKilled(now);
        }

        /// <summary>The killer's registration id; -1 when not registered.</summary>
        public int RegistrationId { get { return _registration; } }

        // ILowMemoryClient: called by the killer, possibly from inside another app's write.
        void ILowMemoryClient.Trim(PressureLevel level)
        {
            if (_client == null) return;
            Trim(level == PressureLevel.Critical ? 3 : level == PressureLevel.Medium ? 2 : 1);
        }

        void ILowMemoryClient.Kill()
        {
            // The killer releases the client right after this returns.
            MarkKilled(_now);
        }

        /// <summary>Records that the app's client was released (by Kill, or by the low-memory killer).</summary>
        public void MarkKilled(long now)
        {
            _client = null;
            _registration = -1;
            for (int i = 0; i < Keys.Length; i++) Keys[i] = NoContent;
            _state = AppState.Killed;
            _restartMs = now + RestartDelayMs;
            Kills++;
        }

        // ------------------------------------------------------------ for the apps

        /// <summary>Called after (re)start, with every page empty.</summary>
        protected virtual void OnStart() { }

        /// <summary>One unit of the app's work: some writes and reads through WritePage / ReadAndCheck.</summary>
        protected abstract void Operate(byte[] page, byte[] expect);

        /// <summary>Fills buffer with the content of `page` for `key` (deterministic).</summary>
        protected abstract void Fill(int page, int key, byte[] buffer);

        /// <summary>Drops pages per the app's policy; returns how many.</summary>
        protected abstract int TrimPages(int level);

        /// <summary>Next number of the app's deterministic random sequence, in [0, bound).</summary>
        protected int Next(int bound)
        {
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            return bound <= 1 ? 0 : (int)(_random % (uint)bound);
        }

        protected bool WritePage(int index, int key, byte[] page)
        {
            Fill(index, key, page);
            StoreResult r = _client.Write(index, page, 0);
            Writes++;
            if (r != StoreResult.Ok)
            {
                NoSpaceWrites++;
                return false;
            }
            Keys[index] = key;
            return true;
        }

        protected void ReadAndCheck(int index, byte[] page, byte[] expect)
        {
            StoreResult r = _client.Read(index, page, 0);
            Reads++;
            if (r == StoreResult.ReadFailed)
            {
                ReadFailures++;
                return;
            }
            if (Keys[index] == NoContent) System.Array.Clear(expect, 0, expect.Length);
            else Fill(index, Keys[index], expect);
            if (!PageFill.Equal(page, expect)) Mismatches++;
        }

        protected void DiscardPage(int index)
        {
            if (Keys[index] == NoContent) return;
            _client.Discard(index);
            Keys[index] = NoContent;
        }

        /// <summary>
        /// For apps that keep a ring of pages written at `cursor` (the oldest page): discards nothing at level 1,
        /// the oldest eighth at 2 and the oldest quarter at 3; returns the pages dropped.
        /// </summary>
        protected int DropOldestOfRing(int cursor, int level)
        {
            int drop = level <= 1 ? 0 : PageCount * (level - 1) / 8;
            int dropped = 0;
            for (int i = 0; i < drop; i++)
            {
                int index = (cursor + i) % PageCount;
                if (Keys[index] == NoContent) continue;
                DiscardPage(index);
                dropped++;
            }
            return dropped;
        }

        private int Draw(int meanMs)
        {
            return meanMs / 2 + Next(meanMs + 1);
        }
    }
}
