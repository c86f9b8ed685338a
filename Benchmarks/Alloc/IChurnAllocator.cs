// What the allocation churn harness needs from an allocator under test (ours, the best-fit baseline).
namespace ZramEmbedded.Benchmarks.Alloc
{
    public interface IChurnAllocator
    {
        string Name { get; }
        /// <summary>Allocates and fills an object; returns an id, or -1 when it does not fit.</summary>
        int Alloc(int size, byte[] data);
        void Free(int id);
        /// <summary>Idle compaction slice of about `bytes` copied; false when the allocator cannot compact.</summary>
        bool CompactSlice(int bytes);
        /// <summary>Full compaction; false when the allocator cannot compact.</summary>
        bool CompactAll();
        /// <summary>Live payload bytes / (arena bytes + metadata held outside the arena).</summary>
        double Utilization { get; }
        int LiveObjects { get; }
        int MetadataBytes { get; }
    }
}
