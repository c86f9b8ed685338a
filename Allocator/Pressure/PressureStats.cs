// What MemoryPressure has done since boot, filled into a caller-owned object (no allocation): level and
// free space, reclaim calls and their outcome, arena bytes each rung gave back, kills and trims, hook
// failures, and the slowest reclaim call. Units: bytes, milliseconds of the store's clock.
namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class PressureStats
    {
        public PressureLevel Level;
        public long FreeBytes;
        public long CapacityBytes;
        /// <summary>Reclaim calls from writes that did not fit; how many ended with room for the write.</summary>
        public long ReclaimCalls;
        public long ReclaimSatisfied;
        /// <summary>Reclaim calls refused because the ladder was already running (re-entered by a hook, or another thread).</summary>
        public long ReclaimRefused;
        /// <summary>Idle slices that found pressure and ran the ladder.</summary>
        public long IdleRuns;
        /// <summary>Arena bytes given back per rung (pool use before minus after each step).</summary>
        public long CompactionBytes;
        public long MergeBytes;
        public long WritebackBytes;
        public long TrimBytes;
        public long KillBytes;
        public long WritebackPages;
        public long Trims;
        public long Kills;
        public long HookFailures;
        /// <summary>Name of the client whose hook threw last (null if none).</summary>
        public string LastHookFailure;
        /// <summary>Longest reclaim call (write path or idle) in milliseconds.</summary>
        public long WorstReclaimMs;
        public int Registered;
        /// <summary>MemoryPressure.MetadataBytes (fixed).</summary>
        public int MetadataBytes;
    }
}
