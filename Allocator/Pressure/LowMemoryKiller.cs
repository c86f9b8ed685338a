// LowMemoryKiller: the last two rungs of the reclaim ladder — Trim notifications and kills — over the
// registration table, and the kill log. Android's lmkd scaled down to a handful of in-process clients.
//
// Order: both trims and kills go from the most expendable client to the least: highest priority value
// first, and among equal values the largest footprint (pool bytes releasing the client would free:
// ClientStats.ExclusiveBytes, so pages shared with another client through merging do not count) first, so
// the clients a kill would take next are the first asked to give memory back. Trims reach every client,
// protected ones (priority < 0) last; kills never reach a protected client, the requester of the write
// being served, a client whose release would free no pool bytes (only same-filled or shared pages) or a
// released client.
// A kill: the client's Kill hook runs (a throw is counted and ignored), then the killer releases the
// client's StoreClient itself — every page freed even if the hook forgot — and removes its entry.
// Re-entrancy: hooks run with no lock of the killer held and may write, discard, release, unregister or
// re-register; the killer visits the clients in the order of a snapshot (RefreshSnapshot: ids, priorities
// and footprints, sorted) and looks up an entry's owner, name and hooks by its id when it acts, so a changed
// table makes it skip, never act on the wrong client. The snapshot belongs to the ladder's single running
// call (ReclaimLadder lets only one run at a time).
// No allocation after construction: snapshot arrays, the client-stats object and the kill record are
// preallocated; names are references to the registered strings.
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class LowMemoryKiller
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 16;

        private readonly PageStore _store;
        private readonly RegistrationTable _table;
        private readonly KillLog _log;
        private readonly IMonotonicClock _clock;
        // Snapshot of the table for the running ladder call (ids and priorities; owners, names and hooks are
        // looked up by id when used), and the visiting order (indexes into it).
        private readonly int[] _ids;
        private readonly int[] _priorities;
        private readonly int[] _footprint;   // pool bytes releasing the client would free (ClientStats.ExclusiveBytes)
        private readonly int[] _pages;
        private readonly int[] _order;
        private readonly ClientStats _clientStats = new ClientStats();
        private readonly KillRecord _record = new KillRecord();
        private int _count;
        private long _trims;
        private long _kills;
        private long _hookFailures;
        private string _lastHookFailure;

        internal LowMemoryKiller(PageStore store, int capacity, KillLog log, IMonotonicClock clock)
        {
            _store = store;
            _table = new RegistrationTable(capacity);
            _log = log;
            _clock = clock;
            _ids = new int[capacity];
            _priorities = new int[capacity];
            _footprint = new int[capacity];
            _pages = new int[capacity];
            _order = new int[capacity];
        }

        /// <summary>The registrations. Internal: its TryRegister takes any owner, and only this class checks that an
        /// owner is a client of this store (the ladder kills what it finds there).</summary>
        internal RegistrationTable Table { get { return _table; } }

        /// <summary>Clients registered now.</summary>
        public int Registered { get { return _table.Count; } }

        /// <summary>True while the registration with this id exists (a stale id matches nothing).</summary>
        public bool IsRegistered(int id)
        {
            return _table.IsRegistered(id);
        }

        /// <summary>Most clients that can be registered at once.</summary>
        public int Capacity { get { return _table.Capacity; } }

        /// <summary>Copies id, priority and name of every registration into caller-owned arrays of Capacity entries
        /// (a null array is skipped); returns the count.</summary>
        public int Snapshot(int[] ids, int[] priorities, string[] names)
        {
            return _table.Snapshot(ids, priorities, null, names, null);
        }

        public KillLog Log { get { return _log; } }

        /// <summary>
        /// Bytes on the device: the object, five snapshot arrays, the ClientStats and
        /// KillRecord it fills, and the registration table. The kill log is counted by its owner.
        /// </summary>
        public int MetadataBytes
        {
            get
            {
                return StoreMath.ObjectBytes(DeviceFields) + 5 * StoreMath.ArrayBytes(_ids.Length * 4) + StoreMath.ObjectBytes(ClientStats.DeviceFields)
                    + StoreMath.ObjectBytes(KillRecord.DeviceFields) + _table.MetadataBytes;
            }
        }

        public long Trims { get { return _trims; } }

        public long Kills { get { return _kills; } }

        public long HookFailures { get { return _hookFailures; } }

        public string LastHookFailure { get { return _lastHookFailure; } }

        /// <summary>
        /// Registers `client` (its Name is the entry's name) with a priority (−1000..1000, below 0 never
        /// killed; RegistrationTable.DefaultPriority = 0 when unsure) and hooks (may be null). Registering
        /// the same client again updates it. False when the table is full. A released client →
        /// ObjectDisposedException; null client → ArgumentNullException; a client of another store →
        /// ArgumentException; bad priority → ArgumentOutOfRangeException.
        /// </summary>
        public bool TryRegister(StoreClient client, int priority, ILowMemoryClient hooks, out int id)
        {
            CheckOwnClient(client);
            if (client.IsReleased) throw new ObjectDisposedException("client");
            return _table.TryRegister(client, client.Name, priority, hooks, out id);
        }

        /// <summary>Null → ArgumentNullException; a client of another store → ArgumentException. Every entry point that
        /// takes a client asks this (registration, unregistration, the ladder's requester).</summary>
        internal void CheckOwnClient(StoreClient client)
        {
            if (client == null) throw new ArgumentNullException("client");
            if (client.Store != _store) throw new ArgumentException("the client belongs to another store", "client");
        }

        public bool Unregister(int id)
        {
            return _table.Unregister(id);
        }

        public bool Unregister(StoreClient client)
        {
            CheckOwnClient(client);
            return _table.UnregisterOwner(client);
        }

        public bool SetPriority(int id, int priority)
        {
            return _table.SetPriority(id, priority);
        }

        /// <summary>
        /// Copies the table, measures each client's footprint, drops entries whose client was released
        /// without unregistering, and sorts the visiting order. Returns the number of entries.
        /// </summary>
        internal int RefreshSnapshot()
        {
            int n = _table.Snapshot(_ids, _priorities, null, null, null);
            int kept = 0;
            for (int i = 0; i < n; i++)
            {
                StoreClient c = (StoreClient)_table.OwnerOf(_ids[i]);
                if (c == null) continue; // unregistered since the copy (a hook on another thread)
                if (c.IsReleased)
                {
                    _table.Unregister(_ids[i]);
                    continue;
                }
                try
                {
                    c.GetStats(_clientStats);
                }
                catch (ObjectDisposedException)
                {
                    _table.Unregister(_ids[i]);
                    continue;
                }
                _ids[kept] = _ids[i];
                _priorities[kept] = _priorities[i];
                _footprint[kept] = (int)_clientStats.ExclusiveBytes;
                _pages[kept] = (int)_clientStats.Pages;
                kept++;
            }
            _count = kept;
            SortOrder();
            return kept;
        }

        /// <summary>Entries in the current snapshot (visiting positions 0..SnapshotCount-1).</summary>
        internal int SnapshotCount { get { return _count; } }

        /// <summary>Sends Trim(level) to the client at visiting position `pos`; false if it was gone.</summary>
        internal bool TrimAt(int pos, PressureLevel level)
        {
            int i = _order[pos];
            if (!IsStillThere(i)) return false;
            _trims++;
            ILowMemoryClient hooks = _table.HooksOf(_ids[i]);
            if (hooks == null) return true;
            string name = _table.NameOf(_ids[i]); // the hook may unregister itself before it throws
            try
            {
                hooks.Trim(level);
            }
            catch (Exception)
            {
                HookFailed(name);
            }
            return true;
        }

        /// <summary>
        /// The visiting position of the client to kill next: the first one in order that is killable
        /// (priority ≥ 0, holds pages, not `requester`, still registered). -1 when there is none.
        /// </summary>
        internal int PickVictim(StoreClient requester)
        {
            for (int pos = 0; pos < _count; pos++)
            {
                int i = _order[pos];
                if (RegistrationTable.IsProtected(_priorities[i])) continue;
                if (_footprint[i] <= 0) continue; // a kill that frees no arena space serves no write
                if (!IsStillThere(i)) continue;
                if (requester != null && _table.OwnerOf(_ids[i]) == requester) continue;
                return pos;
            }
            return -1;
        }

        /// <summary>Visiting position → the client's registered name, priority, pages and footprint.</summary>
        internal int IdAt(int pos) { return _ids[_order[pos]]; }
        internal string NameAt(int pos) { return _table.NameOf(_ids[_order[pos]]); }
        internal int PriorityAt(int pos) { return _priorities[_order[pos]]; }
        internal int PagesAt(int pos) { return _pages[_order[pos]]; }
        internal int FootprintAt(int pos) { return _footprint[_order[pos]]; }
        internal StoreClient ClientAt(int pos) { return (StoreClient)_table.OwnerOf(_ids[_order[pos]]); }

        /// <summary>Arena bytes the killable clients other than `requester` hold (what kills could free at most).</summary>
        internal long KillableBytes(StoreClient requester)
        {
            long sum = 0;
            for (int i = 0; i < _count; i++)
            {
                if (RegistrationTable.IsProtected(_priorities[i]) || _table.OwnerOf(_ids[i]) == requester) continue;
                sum += _footprint[i];
            }
            return sum;
        }

        /// <summary>
        /// Kills the client at visiting position `pos` (see the file comment) and fills the record's victim
        /// and hook fields; the caller (the ladder) fills the reason and pool figures and logs it.
        /// Returns the record to complete (owned by the killer, valid until the next kill), or null when the
        /// client was unregistered since it was picked.
        /// </summary>
        internal KillRecord KillAt(int pos)
        {
            int i = _order[pos];
            int id = _ids[i];
            StoreClient victim = (StoreClient)_table.OwnerOf(id);
            if (victim == null) return null; // unregistered since it was picked (another thread): nothing to kill
            KillRecord r = _record;
            r.Clear();
            r.TimeMs = _clock.Milliseconds;
            r.Victim = _table.NameOf(id);
            r.VictimId = id;
            r.Priority = _priorities[i];
            r.PagesFreed = _pages[i];
            ILowMemoryClient hooks = _table.HooksOf(id);
            if (hooks != null)
            {
                try
                {
                    hooks.Kill();
                }
                catch (Exception)
                {
                    HookFailed(r.Victim);
                    r.HookFailed = true;
                }
            }
            try
            {
                if (!victim.IsReleased) victim.Release();
            }
            catch (ObjectDisposedException)
            {
                // released by another thread between the check and the call: its pages are free either way
            }
            _table.UnregisterOwner(victim);
            _footprint[i] = 0;
            _pages[i] = 0;
            _kills++;
            return r;
        }

        /// <summary>Appends a completed record to the kill log.</summary>
        internal void Record(KillRecord r)
        {
            _log.Add(r);
        }

        private bool IsStillThere(int i)
        {
            StoreClient c = (StoreClient)_table.OwnerOf(_ids[i]);
            return c != null && !c.IsReleased;
        }

        private void HookFailed(string name)
        {
            _hookFailures++;
            _lastHookFailure = name;
        }

        /// <summary>Insertion sort of the visiting order: priority descending, then footprint descending, then slot order.</summary>
        private void SortOrder()
        {
            for (int k = 0; k < _count; k++)
            {
                int item = _order[k] = k;
                int j = k - 1;
                while (j >= 0 && Before(item, _order[j]))
                {
                    _order[j + 1] = _order[j];
                    j--;
                }
                _order[j + 1] = item;
            }
        }

        private bool Before(int a, int b)
        {
            if (_priorities[a] != _priorities[b]) return _priorities[a] > _priorities[b];
            return _footprint[a] > _footprint[b];
        }
    }
}
