// Pool totals, filled in place by ZsPool.GetStats (no allocation per call). Units: bytes unless named.
// Utilization = ObjectBytes / (ArenaBytes + MetadataBytes): live payload over everything the pool costs,
// where MetadataBytes counts all metadata held outside the arena (in-arena headers are already part of
// ArenaBytes; they are reported as InArenaOverheadBytes).
namespace ZramEmbedded.Allocator.Pool
{
    public sealed class PoolStats
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 17;

        public int ArenaBytes;
        public int FrameSize;
        public int FramesTotal;
        public int FramesUsed;
        /// <summary>Frames held by the runs of objects of a frame or more (PackTails); part of FramesUsed.</summary>
        public int RunFrames;
        public int Zspages;
        public int ObjectsInUse;
        /// <summary>Sum of the sizes callers asked for, over live objects.</summary>
        public int ObjectBytes;
        /// <summary>
        /// Metadata outside the arena: every array the pool keeps (with its nanoFramework heap header and
        /// rounding) plus its objects (ZsPool.FixedObjectBytes).
        /// </summary>
        public int MetadataBytes;
        /// <summary>Zspage headers and object headers inside the arena.</summary>
        public int InArenaOverheadBytes;
        public int HandleCapacity;
        /// <summary>Bytes of the handle table's entries (3–5 per entry; part of MetadataBytes, which adds the array header).</summary>
        public int HandleTableBytes;
        /// <summary>Bytes of the frame-link table (bit-packed; part of MetadataBytes, which adds the array header).</summary>
        public int FrameLinkBytes;
        public int ClassCount;
        /// <summary>Net frames released by compaction (released minus taken; zram's pages_compacted), cumulative.</summary>
        public long PagesCompacted;
        /// <summary>Bytes copied by compaction, cumulative.</summary>
        public long BytesCompacted;
        /// <summary>Malloc calls that returned NoHandle, cumulative.</summary>
        public long FailedAllocations;

        /// <summary>ObjectBytes / (ArenaBytes + MetadataBytes).</summary>
        public double Utilization
        {
            get { return (double)ObjectBytes / (ArenaBytes + MetadataBytes); }
        }
    }
}
