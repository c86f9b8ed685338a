// Compaction: moves objects out of the emptiest zspage of a class into the fullest one and releases the
// zspage once it is empty (zsmalloc's __zs_compact), rewriting each moved object's handle-table entry;
// and, because zspages are elastic (Zspage), fills holes inside a zspage with its top object so its
// trailing frames can be released.
//
// Order of work in a class: (1) source = the partly used zspage with the fewest objects in use,
// destination = the one with the most (other than the source); move the source's top object into the
// destination's lowest free slot (or a newly born slot, growing the destination) until the source is
// empty, the destination cannot take more, or the budget is spent; (2) when no pair can make progress,
// move the top object of a zspage with holes into its lowest hole. Every move either raises Σ(in use²)
// (a move from a zspage with no more objects in use than the destination) or removes a hole, and never
// adds a hole, so full compaction terminates.
// A class is worth compacting while it has holes or two partly used zspages (our elastic counterpart of
// zs_can_compact). Work is budgeted in bytes copied, so idle code can run it in bounded slices; a slice
// resumes at the class where the previous one stopped and walks classes from the largest down (as
// zs_compact does). Frames released count into PagesCompacted (zram's pages_compacted).
// No allocation; called under the pool's lock.
namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class Compactor
    {
        private readonly ZsPool _pool;
        private int _cursor;
        internal long PagesCompacted;
        internal long BytesMoved;

        internal Compactor(ZsPool pool)
        {
            _pool = pool;
            _cursor = pool.Classes.Count - 1;
        }

        /// <summary>
        /// Elastic: true when a partly used zspage of the class has holes, or the class has two partly used
        /// zspages. Classic: zs_can_compact — the free slots add up to at least one whole zspage.
        /// </summary>
        internal bool CanCompact(int cls)
        {
            FullnessGroups groups = _pool.Groups;
            byte[] arena = _pool.Frames.Arena;
            if (!_pool.Elastic)
            {
                int objs = _pool.Classes.ObjectsOf(cls);
                int free = 0;
                for (int g = 0; g < groups.Groups; g++)
                {
                    int z = groups.First(cls, g);
                    while (z != FrameStore.None)
                    {
                        int h = z << _pool.Frames.FrameShift;
                        free += objs - Zspage.InUse(arena, h);
                        if (free >= objs) return true;
                        z = Zspage.Next(arena, h);
                    }
                }
                return false;
            }
            int partial = 0;
            for (int g = 0; g < groups.Groups; g++)
            {
                int z = groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    int h = z << _pool.Frames.FrameShift;
                    if (Zspage.InUse(arena, h) < Zspage.Born(arena, h)) return true;
                    if (++partial >= 2) return true;
                    z = Zspage.Next(arena, h);
                }
            }
            return false;
        }

        /// <summary>Moves objects until about `budget` bytes were copied or no class can gain; returns bytes copied.</summary>
        internal int Run(int budget)
        {
            int count = _pool.Classes.Count;
            int moved = 0;
            int idle = 0;
            while (idle < count && moved < budget)
            {
                int done = CanCompact(_cursor) ? CompactClass(_cursor, budget - moved) : 0;
                moved += done;
                if (done > 0 && moved >= budget) break; // budget ran out inside this class: resume here
                idle = done > 0 ? 0 : idle + 1;
                _cursor = _cursor == 0 ? count - 1 : _cursor - 1;
            }
            return moved;
        }

        private int CompactClass(int cls, int budget)
        {
            FullnessGroups groups = _pool.Groups;
            int moved = 0;
            while (moved < budget)
            {
                int src = groups.Emptiest(cls, -1);
                if (src < 0) break;
                int dst = groups.Fullest(cls, src);
                int step = dst >= 0 ? Drain(cls, src, dst, budget - moved) : 0;
                if (step == 0 && _pool.Elastic)
                {
                    int z = FindZspageWithHoles(cls);
                    if (z < 0) break;
                    step = Drain(cls, z, z, budget - moved);
                }
                if (step == 0) break;
                moved += step;
            }
            return moved;
        }

        /// <summary>
        /// Moves src's top object into dst (dst == src: into src's lowest hole) until src is empty, dst can
        /// take no more (or src has no holes), or the budget is spent. Returns bytes copied.
        /// </summary>
        private int Drain(int cls, int src, int dst, int budget)
        {
            ZsPool p = _pool;
            FrameStore frames = p.Frames;
            byte[] arena = frames.Arena;
            int size = p.Classes.SizeOf(cls);
            int srcAddr = src << frames.FrameShift;
            int moved = 0;
            while (moved < budget)
            {
                int u = Zspage.InUse(arena, srcAddr);
                int top = Zspage.Born(arena, srcAddr) - 1;
                int srcPos = Zspage.SlotPos(top, size);
                int tag = frames.ReadU16(src, srcPos);
                int objectSize = frames.ReadU16(src, srcPos + 2);
                int bytes = p.SlotBytesOf(objectSize); // a run stays put: only its reference moves
                if (src == dst)
                {
                    if (u == top + 1) break; // no holes left
                }
                else if (!p.CanTake(cls, dst, bytes, 0)) break;
                int dslot = p.TakeSlot(cls, dst, bytes);
                frames.Move(src, srcPos, dst, Zspage.SlotPos(dslot, size), bytes);
                p.Handles.Move(tag >> 1, (dst << p.SlotBits) | dslot);
                PagesCompacted += p.ReleaseSlot(cls, src, top);
                moved += bytes;
                BytesMoved += bytes;
                if (u == 1) break; // src was released
            }
            return moved;
        }

        private int FindZspageWithHoles(int cls)
        {
            FullnessGroups groups = _pool.Groups;
            byte[] arena = _pool.Frames.Arena;
            for (int g = 0; g < groups.Groups; g++)
            {
                int z = groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    int h = z << _pool.Frames.FrameShift;
                    if (Zspage.InUse(arena, h) < Zspage.Born(arena, h)) return z;
                    z = Zspage.Next(arena, h);
                }
            }
            return -1;
        }
    }
}
