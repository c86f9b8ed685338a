// Adapter: ZsPool under the churn harness (ids are ZsPool handles).
using ZramEmbedded.Allocator.Pool;

namespace ZramEmbedded.Benchmarks.Alloc
{
    public sealed class ZsPoolAllocator : IChurnAllocator
    {
        private readonly string _name;
        public readonly ZsPool Pool;
        private readonly PoolStats _stats = new PoolStats();

        public ZsPoolAllocator(string name, byte[] arena, PoolConfig config)
        {
            _name = name;
            Pool = new ZsPool(arena, config);
        }

        /// <summary>A pool over an arena of several segments (ArenaSegments.Reserve).</summary>
        public ZsPoolAllocator(string name, byte[][] segments, PoolConfig config)
        {
            _name = name;
            Pool = new ZsPool(segments, config);
        }

        public string Name { get { return _name; } }

        public int Alloc(int size, byte[] data)
        {
            int h = Pool.Malloc(size);
            if (h == ZsPool.NoHandle) return -1;
            if (data != null) Pool.Write(h, data, 0, size);
            return h;
        }

        public void Free(int id) { Pool.Free(id); }

        public bool CompactSlice(int bytes) { Pool.Compact(bytes); return true; }

        public bool CompactAll() { Pool.CompactAll(); return true; }

        public double Utilization { get { Pool.GetStats(_stats); return _stats.Utilization; } }

        public int LiveObjects { get { Pool.GetStats(_stats); return _stats.ObjectsInUse; } }

        public int MetadataBytes { get { return Pool.MetadataBytes; } }
    }
}
