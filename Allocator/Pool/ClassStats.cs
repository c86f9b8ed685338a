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
        /// <summary>Slots in existing zspages (Zspages · ObjectsPerZspage).</summary>
        public int ObjectsAllocated;
        public int ObjectsInUse;
        /// <summary>Frames held (Zspages · FramesPerZspage).</summary>
        public int Frames;
        /// <summary>Whole zspages compaction could free now (zsmalloc's zs_can_compact, in zspages).</summary>
        public int Compactable;
    }
}
