// RegistrationTable: who the low-memory killer may ask for memory — one entry per store client: its
// name, its priority and its hooks. A fixed table sized at construction (the store's client count).
//
// Priority is oom_score_adj-like, MinPriority..MaxPriority (−1000..1000): higher means more expendable;
// the killer trims and kills the highest values first. Below 0 an entry is PROTECTED: it receives Trim
// notifications but is never killed. DefaultPriority is 0 — killable, but after every client that
// declared itself more expendable — so a firmware that never sets priorities still has a killer that
// works (largest footprint first), and an app must opt in to protection explicitly.
//
// Ids: an entry's id is generation × capacity + slot. Unregistering bumps the slot's generation, so a
// stale id (kept by a hook after its entry was removed and the slot reused) matches nothing: calls with
// it return false instead of touching another client. Registering an owner that is already registered
// updates that entry in place and keeps its id (re-registration).
// Thread safety: every call takes the table's lock briefly; no hook is ever called under it. Readers
// that need a consistent view (the ladder) copy the table with Snapshot into caller-owned arrays.
// No allocation after construction.
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class RegistrationTable
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 8;

        public const int NoRegistration = -1;
        public const int MinPriority = -1000;
        public const int MaxPriority = 1000;
        /// <summary>Killable, but killed only after every client with a higher (more expendable) value.</summary>
        public const int DefaultPriority = 0;
        public const int MaxCapacity = 1024;

        private readonly object[] _owners;
        private readonly string[] _names;
        private readonly int[] _priorities;
        private readonly ILowMemoryClient[] _hooks;
        private readonly int[] _generations;
        private readonly int _maxGeneration;
        private readonly object _lock = new object();
        private int _count;

        /// <summary>capacity: entries, 1..MaxCapacity (else ArgumentOutOfRangeException).</summary>
        public RegistrationTable(int capacity)
        {
            if (capacity < 1 || capacity > MaxCapacity) throw new ArgumentOutOfRangeException("capacity");
            _owners = new object[capacity];
            _names = new string[capacity];
            _priorities = new int[capacity];
            _hooks = new ILowMemoryClient[capacity];
            _generations = new int[capacity];
            _maxGeneration = int.MaxValue / capacity - 1;
            for (int i = 0; i < capacity; i++) _generations[i] = 1;
        }

        public int Capacity { get { return _owners.Length; } }

        public int Count { get { lock (_lock) { return _count; } } }

        /// <summary>Bytes on the device: the object, its lock object and five arrays of Capacity entries.</summary>
        public int MetadataBytes
        {
            get { return StoreMath.ObjectBytes(DeviceFields) + StoreMath.ObjectBytes(0) + 5 * StoreMath.ArrayBytes(Capacity * 4); }
        }

        /// <summary>True for priorities the killer never kills.</summary>
        public static bool IsProtected(int priority)
        {
            return priority < 0;
        }

        /// <summary>
        /// Registers `owner` (the StoreClient) under `name` with `priority` and `hooks` (null: no hooks —
        /// the killer can still release the owner). If `owner` is registered already, its entry is updated
        /// and keeps its id. False (id = NoRegistration) when the table is full. Null owner or name →
        /// ArgumentNullException; priority outside MinPriority..MaxPriority → ArgumentOutOfRangeException.
        /// </summary>
        public bool TryRegister(object owner, string name, int priority, ILowMemoryClient hooks, out int id)
        {
            if (owner == null) throw new ArgumentNullException("owner");
            if (name == null) throw new ArgumentNullException("name");
            CheckPriority(priority);
            lock (_lock)
            {
                int slot = SlotOfOwner(owner);
                if (slot < 0)
                {
                    for (int i = 0; i < _owners.Length; i++)
                    {
                        if (_owners[i] == null)
                        {
                            slot = i;
                            break;
                        }
                    }
                    if (slot < 0)
                    {
                        id = NoRegistration;
                        return false;
                    }
                    _owners[slot] = owner;
                    _count++;
                }
                _names[slot] = name;
                _priorities[slot] = priority;
                _hooks[slot] = hooks;
                id = IdOf(slot);
                return true;
            }
        }

        /// <summary>Removes the entry; false when `id` is not (or no longer) registered.</summary>
        public bool Unregister(int id)
        {
            lock (_lock)
            {
                int slot = SlotOfId(id);
                if (slot < 0) return false;
                RemoveSlot(slot);
                return true;
            }
        }

        /// <summary>Removes the owner's entry; false when it has none. Null → ArgumentNullException.</summary>
        public bool UnregisterOwner(object owner)
        {
            if (owner == null) throw new ArgumentNullException("owner");
            lock (_lock)
            {
                int slot = SlotOfOwner(owner);
                if (slot < 0) return false;
                RemoveSlot(slot);
                return true;
            }
        }

        /// <summary>The owner's id, or NoRegistration.</summary>
        public int IdOfOwner(object owner)
        {
            if (owner == null) throw new ArgumentNullException("owner");
            lock (_lock)
            {
                int slot = SlotOfOwner(owner);
                return slot < 0 ? NoRegistration : IdOf(slot);
            }
        }

        public bool IsRegistered(int id)
        {
            lock (_lock) { return SlotOfId(id) >= 0; }
        }

        /// <summary>Changes a live entry's priority; false for an unknown id. Range as in TryRegister.</summary>
        public bool SetPriority(int id, int priority)
        {
            CheckPriority(priority);
            lock (_lock)
            {
                int slot = SlotOfId(id);
                if (slot < 0) return false;
                _priorities[slot] = priority;
                return true;
            }
        }

        /// <summary>The entry's priority; false (priority 0) for an unknown id.</summary>
        public bool TryGetPriority(int id, out int priority)
        {
            lock (_lock)
            {
                int slot = SlotOfId(id);
                priority = slot < 0 ? 0 : _priorities[slot];
                return slot >= 0;
            }
        }

        /// <summary>The entry's name, or null for an unknown id.</summary>
        public string NameOf(int id)
        {
            lock (_lock)
            {
                int slot = SlotOfId(id);
                return slot < 0 ? null : _names[slot];
            }
        }

        /// <summary>The entry's hooks, or null for an unknown id (or an entry registered without hooks).</summary>
        public ILowMemoryClient HooksOf(int id)
        {
            lock (_lock)
            {
                int slot = SlotOfId(id);
                return slot < 0 ? null : _hooks[slot];
            }
        }

        /// <summary>The entry's owner, or null for an unknown id.</summary>
        public object OwnerOf(int id)
        {
            lock (_lock)
            {
                int slot = SlotOfId(id);
                return slot < 0 ? null : _owners[slot];
            }
        }

        /// <summary>
        /// Copies every live entry, in slot order, into the caller's arrays (any may be null when not
        /// wanted; the others must hold Capacity items, else ArgumentException); returns how many.
        /// One consistent view: taken under the lock.
        /// </summary>
        public int Snapshot(int[] ids, int[] priorities, object[] owners, string[] names, ILowMemoryClient[] hooks)
        {
            int cap = _owners.Length;
            if ((ids != null && ids.Length < cap) || (priorities != null && priorities.Length < cap)
                || (owners != null && owners.Length < cap) || (names != null && names.Length < cap)
                || (hooks != null && hooks.Length < cap))
                throw new ArgumentException("snapshot arrays must hold Capacity items");
            lock (_lock)
            {
                int n = 0;
                for (int i = 0; i < cap; i++)
                {
                    if (_owners[i] == null) continue;
                    if (ids != null) ids[n] = IdOf(i);
                    if (priorities != null) priorities[n] = _priorities[i];
                    if (owners != null) owners[n] = _owners[i];
                    if (names != null) names[n] = _names[i];
                    if (hooks != null) hooks[n] = _hooks[i];
                    n++;
                }
                return n;
            }
        }

        /// <summary>Throws InvalidOperationException when the entries and the count disagree.</summary>
        public void CheckInvariants()
        {
            lock (_lock)
            {
                int live = 0;
                for (int i = 0; i < _owners.Length; i++)
                {
                    if (_generations[i] < 1 || _generations[i] > _maxGeneration)
                        throw new InvalidOperationException("slot generation out of range");
                    if (_owners[i] == null)
                    {
                        if (_names[i] != null || _hooks[i] != null) throw new InvalidOperationException("free slot keeps references");
                        continue;
                    }
                    live++;
                    if (_names[i] == null) throw new InvalidOperationException("live entry without a name");
                    if (_priorities[i] < MinPriority || _priorities[i] > MaxPriority) throw new InvalidOperationException("priority out of range");
                    for (int j = i + 1; j < _owners.Length; j++)
                        if (_owners[j] == _owners[i]) throw new InvalidOperationException("owner registered twice");
                }
                if (live != _count) throw new InvalidOperationException("count differs from live entries");
            }
        }

        private static void CheckPriority(int priority)
        {
            if (priority < MinPriority || priority > MaxPriority) throw new ArgumentOutOfRangeException("priority");
        }

        private int IdOf(int slot)
        {
            return _generations[slot] * _owners.Length + slot;
        }

        private int SlotOfId(int id)
        {
            if (id < 0) return -1;
            int cap = _owners.Length;
            int slot = id % cap;
            if (_owners[slot] == null || _generations[slot] * cap + slot != id) return -1;
            return slot;
        }

        private int SlotOfOwner(object owner)
        {
            for (int i = 0; i < _owners.Length; i++)
                if (_owners[i] == owner) return i;
            return -1;
        }

        private void RemoveSlot(int slot)
        {
            _owners[slot] = null;
            _names[slot] = null;
            _hooks[slot] = null;
            _priorities[slot] = 0;
            _generations[slot] = _generations[slot] >= _maxGeneration ? 1 : _generations[slot] + 1;
            _count--;
        }
    }
}
