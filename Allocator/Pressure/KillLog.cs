// KillLog: the last N kills in a fixed-size ring (oldest overwritten), plus totals since boot, so the
// console can answer "who was killed, when, why, and what did it buy" as lmkd's killinfo lines do.
//
// Storage is one array per field, allocated once (N records as objects would cost a 12-byte heap block
// per field each on the device; parallel arrays cost one array header per field). Small enums and the
// hook-failure flag share one int per record. Add copies from and TryGet copies into caller-owned
// KillRecord objects: nothing is allocated after construction. Names are kept by reference.
// Thread safety: one lock around every call. Ages: 0 = newest.
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class KillLog
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 17;

        public const int DefaultCapacity = 16;
        public const int MaxCapacity = 256;

        private readonly long[] _time;
        private readonly long[] _usedBefore;
        private readonly long[] _usedAfter;
        private readonly long[] _capacityBytes;
        private readonly int[] _victimId;
        private readonly int[] _priority;
        private readonly int[] _pages;
        private readonly int[] _bytesFreed;
        private readonly int[] _requestBytes;
        private readonly int[] _packed;     // reason | steps << 8 | levelBefore << 16 | levelAfter << 20 | hookFailed << 24
        private readonly string[] _victim;
        private readonly string[] _requester;
        private readonly long[] _byReason;  // kills since boot per KillReason value
        private readonly object _lock = new object();
        private int _next;                  // slot the next record goes to
        private int _count;                 // records held, ≤ capacity
        private long _total;                // records ever added

        public KillLog() : this(DefaultCapacity)
        {
        }

        /// <summary>capacity: records kept, 1..MaxCapacity (else ArgumentOutOfRangeException).</summary>
        public KillLog(int capacity)
        {
            if (capacity < 1 || capacity > MaxCapacity) throw new ArgumentOutOfRangeException("capacity");
            _time = new long[capacity];
            _usedBefore = new long[capacity];
            _usedAfter = new long[capacity];
            _capacityBytes = new long[capacity];
            _victimId = new int[capacity];
            _priority = new int[capacity];
            _pages = new int[capacity];
            _bytesFreed = new int[capacity];
            _requestBytes = new int[capacity];
            _packed = new int[capacity];
            _victim = new string[capacity];
            _requester = new string[capacity];
            _byReason = new long[ReasonSlots];
        }

        private const int ReasonSlots = 4;

        public int Capacity { get { return _time.Length; } }

        /// <summary>Records currently held (≤ Capacity).</summary>
        public int Count { get { lock (_lock) { return _count; } } }

        /// <summary>Kills recorded since construction (or the last Clear), including overwritten ones.</summary>
        public long TotalKills { get { lock (_lock) { return _total; } } }

        /// <summary>Kills since construction (or Clear) with this reason.</summary>
        public long KillsFor(KillReason reason)
        {
            int r = (int)reason;
            if (r < 0 || r >= ReasonSlots) return 0;
            lock (_lock) { return _byReason[r]; }
        }

        /// <summary>
        /// Bytes this log keeps on the device: the object, its lock object and its 13 arrays
        /// (device sizes: 12-byte heap blocks, 20-byte array headers; StoreMath).
        /// </summary>
        public int MetadataBytes
        {
            get
            {
                int n = Capacity;
                return StoreMath.ObjectBytes(DeviceFields) + StoreMath.ObjectBytes(0) + 4 * StoreMath.ArrayBytes(n * 8)
                    + 6 * StoreMath.ArrayBytes(n * 4) + 2 * StoreMath.ArrayBytes(n * 4) + StoreMath.ArrayBytes(ReasonSlots * 8);
            }
        }

        /// <summary>Appends a copy of `record`, overwriting the oldest when full. An unknown Reason → ArgumentOutOfRangeException.</summary>
        public void Add(KillRecord record)
        {
            if (record == null) throw new ArgumentNullException("record");
            if ((int)record.Reason < 0 || (int)record.Reason >= ReasonSlots) throw new ArgumentOutOfRangeException("record");
            lock (_lock)
            {
                int i = _next;
                _time[i] = record.TimeMs;
                _usedBefore[i] = record.UsedBytesBefore;
                _usedAfter[i] = record.UsedBytesAfter;
                _capacityBytes[i] = record.CapacityBytes;
                _victimId[i] = record.VictimId;
                _priority[i] = record.Priority;
                _pages[i] = record.PagesFreed;
                _bytesFreed[i] = record.BytesFreed;
                _requestBytes[i] = record.RequestBytes;
                _packed[i] = ((int)record.Reason & 0xFF)
                    | (((int)record.StepsTried & 0xFF) << 8)
                    | (((int)record.LevelBefore & 0xF) << 16)
                    | (((int)record.LevelAfter & 0xF) << 20)
                    | (record.HookFailed ? 1 << 24 : 0);
                _victim[i] = record.Victim;
                _requester[i] = record.Requester;
                _next = i + 1 == _time.Length ? 0 : i + 1;
                if (_count < _time.Length) _count++;
                _total++;
                int r = (int)record.Reason;
                if (r >= 0 && r < ReasonSlots) _byReason[r]++;
            }
        }

        /// <summary>
        /// Copies the record `age` steps back (0 = newest) into `dst`; false (dst cleared) when fewer
        /// records are held. age &lt; 0 → ArgumentOutOfRangeException; dst null → ArgumentNullException.
        /// </summary>
        public bool TryGet(int age, KillRecord dst)
        {
            if (dst == null) throw new ArgumentNullException("dst");
            if (age < 0) throw new ArgumentOutOfRangeException("age");
            lock (_lock)
            {
                if (age >= _count)
                {
                    dst.Clear();
                    return false;
                }
                int i = _next - 1 - age;
                if (i < 0) i += _time.Length;
                dst.TimeMs = _time[i];
                dst.UsedBytesBefore = _usedBefore[i];
                dst.UsedBytesAfter = _usedAfter[i];
                dst.CapacityBytes = _capacityBytes[i];
                dst.VictimId = _victimId[i];
                dst.Priority = _priority[i];
                dst.PagesFreed = _pages[i];
                dst.BytesFreed = _bytesFreed[i];
                dst.RequestBytes = _requestBytes[i];
                int p = _packed[i];
                dst.Reason = (KillReason)(p & 0xFF);
                dst.StepsTried = (LadderSteps)((p >> 8) & 0xFF);
                dst.LevelBefore = (PressureLevel)((p >> 16) & 0xF);
                dst.LevelAfter = (PressureLevel)((p >> 20) & 0xF);
                dst.HookFailed = (p & (1 << 24)) != 0;
                dst.Victim = _victim[i];
                dst.Requester = _requester[i];
                return true;
            }
        }

        /// <summary>Forgets every record and the totals.</summary>
        public void Clear()
        {
            lock (_lock)
            {
                Array.Clear(_victim, 0, _victim.Length);
                Array.Clear(_requester, 0, _requester.Length);
                for (int r = 0; r < ReasonSlots; r++) _byReason[r] = 0;
                _next = 0;
                _count = 0;
                _total = 0;
            }
        }

        /// <summary>Throws InvalidOperationException when the ring's counters disagree.</summary>
        public void CheckInvariants()
        {
            lock (_lock)
            {
                int n = _time.Length;
                if (_count < 0 || _count > n) throw new InvalidOperationException("count outside 0..capacity");
                if (_next < 0 || _next >= n) throw new InvalidOperationException("next slot outside the ring");
                if (_total < _count) throw new InvalidOperationException("fewer kills in total than held");
                if (_count < n && _next != _count) throw new InvalidOperationException("ring not filled from slot 0");
                long sum = 0;
                for (int r = 0; r < ReasonSlots; r++) sum += _byReason[r];
                if (sum != _total) throw new InvalidOperationException("per-reason counts do not add up");
            }
        }
    }
}
