// One row of the per-class table, like zsmalloc's debugfs `classes` file; filled in place by
// ZsPool.GetClassStats. Units: bytes for Size, counts otherwise.
namespace ZramEmbedded.Allocator.Pool
{
    public sealed class ClassStats
    {
        public int Index;
        /// <summary>Slot size in bytes (object payload + 4-byte object header fit in it).</summary>
        public int Size;
        public int FramesPerZspage;
        public int ObjectsPerZspage;
        public int Zspages;
        /// <summary>Born slots in existing zspages (used + free slots below each zspage's top object).</summary>
        public int ObjectsAllocated;
        public int ObjectsInUse;
        /// <summary>Frames held by the class's zspages (elastic: at most Zspages · FramesPerZspage).</summary>
        public int Frames;
        /// <summary>True when a compaction plan of this class would release frames net (Compactor.cs): what CompactAll would do.</summary>
        public bool Compactable;
    }
}
