// Watermarks: turns "bytes used of the capacity" into a PressureLevel, with hysteresis, and raises
// LevelChanged when the level changes (the board drives its LED from it).
//
// Three free-space watermarks, as in Linux's zone watermarks, each a share of the capacity in per-mille
// so they follow a mem_limit change: free < high → Low, free < low → Medium, free < min → Critical.
// 0 ≤ min ≤ low ≤ high ≤ 1000. Hysteresis: the level RISES as soon as free space drops below a
// watermark, but FALLS back across a watermark only when free space is at least that watermark plus the
// hysteresis margin. So use hovering within the margin of a watermark gives one change, not a stream.
//   rising level  = number of watermarks W with free < W
//   falling level = number of watermarks W with free < W + hysteresis   (≥ rising level)
//   new level     = rising if rising > current; else falling if falling < current; else current.
// Units: bytes for use and capacity, per-mille of the capacity for the watermarks and the margin.
// Thread safety: Update may be called from any thread; the state changes under a lock and the event is
// raised after the lock is released (a handler may call Update again). A handler that throws is counted
// in HandlerFailures and does not reach the caller of Update (a store write must not fail because the
// LED code threw). No allocation per Update.
using System;
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class Watermarks
    {
        /// <summary>Instance fields on the device, the event's delegate field included (DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 11;

        /// <summary>Default high watermark: below 20 % free, idle reclaim starts.</summary>
        public const int DefaultHighFreePermille = 200;
        /// <summary>Default low watermark: below 10 % free, writeback and Trim join in.</summary>
        public const int DefaultLowFreePermille = 100;
        /// <summary>Default min watermark: below 5 % free, pressure is critical.</summary>
        public const int DefaultMinFreePermille = 50;
        /// <summary>Default margin: 2.5 % of the capacity (about one compressed 4 KiB page in a 64 KiB arena).</summary>
        public const int DefaultHysteresisPermille = 25;

        private readonly int _min;
        private readonly int _low;
        private readonly int _high;
        private readonly int _hysteresis;
        private readonly object _lock = new object();
        private PressureLevel _level;
        private long _free;
        private long _capacity;
        private int _changes;
        private int _handlerFailures;

        /// <summary>Raised after the level changed, on the thread whose Update changed it.</summary>
        public event PressureLevelChangedHandler LevelChanged;

        /// <summary>The defaults: 50 / 100 / 200 ‰ free, 25 ‰ hysteresis.</summary>
        public Watermarks()
            : this(DefaultMinFreePermille, DefaultLowFreePermille, DefaultHighFreePermille, DefaultHysteresisPermille)
        {
        }

        /// <summary>Throws ArgumentOutOfRangeException unless 0 ≤ min ≤ low ≤ high ≤ 1000 and 0 ≤ hysteresis ≤ 1000.</summary>
        public Watermarks(int minFreePermille, int lowFreePermille, int highFreePermille, int hysteresisPermille)
        {
            if (minFreePermille < 0 || minFreePermille > 1000) throw new ArgumentOutOfRangeException("minFreePermille");
            if (lowFreePermille < minFreePermille || lowFreePermille > 1000) throw new ArgumentOutOfRangeException("lowFreePermille");
            if (highFreePermille < lowFreePermille || highFreePermille > 1000) throw new ArgumentOutOfRangeException("highFreePermille");
            if (hysteresisPermille < 0 || hysteresisPermille > 1000) throw new ArgumentOutOfRangeException("hysteresisPermille");
            _min = minFreePermille;
            _low = lowFreePermille;
            _high = highFreePermille;
            _hysteresis = hysteresisPermille;
        }

        public int MinFreePermille { get { return _min; } }
        public int LowFreePermille { get { return _low; } }
        public int HighFreePermille { get { return _high; } }
        public int HysteresisPermille { get { return _hysteresis; } }

        /// <summary>Bytes on the device: the object (DeviceFields, the event's delegate field included) and its lock object.</summary>
        public int MetadataBytes
        {
            get { return StoreMath.ObjectBytes(DeviceFields) + StoreMath.ObjectBytes(0); }
        }

        /// <summary>The current level (None until the first Update).</summary>
        public PressureLevel Level { get { lock (_lock) { return _level; } } }

        /// <summary>Free bytes seen by the last Update.</summary>
        public long FreeBytes { get { lock (_lock) { return _free; } } }

        /// <summary>Capacity seen by the last Update.</summary>
        public long CapacityBytes { get { lock (_lock) { return _capacity; } } }

        /// <summary>Level changes so far (each raised LevelChanged once).</summary>
        public int LevelChanges { get { lock (_lock) { return _changes; } } }

        /// <summary>LevelChanged handlers that threw (swallowed so Update's caller is not hurt).</summary>
        public int HandlerFailures { get { lock (_lock) { return _handlerFailures; } } }

        /// <summary>Free bytes under which `level` is entered (None: 0 — None is never "entered" by falling).</summary>
        public long EnterBelowBytes(PressureLevel level, long capacityBytes)
        {
            return Share(PermilleOf(level), capacityBytes);
        }

        /// <summary>
        /// Free bytes at or above which `level` is left downwards (threshold plus hysteresis, capped at the
        /// capacity so a level can always be left by freeing everything).
        /// </summary>
        public long LeaveAtBytes(PressureLevel level, long capacityBytes)
        {
            long at = Share(PermilleOf(level) + _hysteresis, capacityBytes);
            return at > capacityBytes ? capacityBytes : at;
        }

        /// <summary>The level these bytes give with no history (no hysteresis): what a rising use sees.</summary>
        public PressureLevel RawLevel(long usedBytes, long capacityBytes)
        {
            long free = FreeOf(usedBytes, capacityBytes);
            return (PressureLevel)CountBelow(free, capacityBytes, 0);
        }

        /// <summary>
        /// Feeds a new reading; returns the (possibly new) level and raises LevelChanged when it changed.
        /// usedBytes above the capacity count as zero free. Negative figures → ArgumentOutOfRangeException.
        /// </summary>
        public PressureLevel Update(long usedBytes, long capacityBytes)
        {
            if (usedBytes < 0) throw new ArgumentOutOfRangeException("usedBytes");
            if (capacityBytes < 0) throw new ArgumentOutOfRangeException("capacityBytes");
            long free = FreeOf(usedBytes, capacityBytes);
            PressureLevel previous;
            PressureLevel current;
            lock (_lock)
            {
                previous = _level;
                int rising = CountBelow(free, capacityBytes, 0);
                int falling = CountBelow(free, capacityBytes, _hysteresis);
                int next = (int)previous;
                if (rising > next) next = rising;
                else if (falling < next) next = falling;
                current = (PressureLevel)next;
                _level = current;
                _free = free;
                _capacity = capacityBytes;
                if (current != previous) _changes++;
            }
            if (current != previous)
            {
                PressureLevelChangedHandler handler = LevelChanged;
                if (handler != null)
                {
                    try
                    {
                        handler(previous, current, free, capacityBytes);
                    }
                    catch (Exception)
                    {
                        lock (_lock) { _handlerFailures++; }
                    }
                }
            }
            return current;
        }

        /// <summary>Throws InvalidOperationException when the configuration or the state is inconsistent.</summary>
        public void CheckInvariants()
        {
            lock (_lock)
            {
                if (!(0 <= _min && _min <= _low && _low <= _high && _high <= 1000))
                    throw new InvalidOperationException("watermarks out of order");
                if (_hysteresis < 0 || _hysteresis > 1000) throw new InvalidOperationException("hysteresis out of range");
                if (_free < 0 || _free > _capacity) throw new InvalidOperationException("free bytes outside 0..capacity");
                int rising = CountBelow(_free, _capacity, 0);
                int falling = CountBelow(_free, _capacity, _hysteresis);
                if ((int)_level < rising || (int)_level > falling)
                    throw new InvalidOperationException("level outside the hysteresis band of the last reading");
            }
        }

        private int PermilleOf(PressureLevel level)
        {
            switch (level)
            {
                case PressureLevel.Low: return _high;
                case PressureLevel.Medium: return _low;
                case PressureLevel.Critical: return _min;
                default: return 0;
            }
        }

        /// <summary>How many watermarks (each raised by `extra` ‰) lie above `free`: 0..3.</summary>
        private int CountBelow(long free, long capacity, int extra)
        {
            int n = 0;
            if (free < Share(_high + extra, capacity)) n++;
            if (free < Share(_low + extra, capacity)) n++;
            if (free < Share(_min + extra, capacity)) n++;
            return n;
        }

        private static long Share(int permille, long capacity)
        {
            return capacity / 1000 * permille + capacity % 1000 * permille / 1000;
        }

        private static long FreeOf(long used, long capacity)
        {
            return used >= capacity ? 0 : capacity - used;
        }
    }
}
