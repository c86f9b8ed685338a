// Compaction: moves objects out of the emptiest zspage of a class into the fullest one and releases the
// zspage once it is empty (zsmalloc's __zs_compact), rewriting each moved object's handle-table entry.
//
// Work is budgeted in bytes copied, so idle code can run it in bounded slices; a slice resumes at the
// class where the previous one stopped and walks classes from the largest down (as zs_compact does:
// large classes free the most frames per object moved). A class is worth compacting while its free slots
// add up to at least one whole zspage ((allocated − in use) / objects per zspage > 0, zs_can_compact);
// then at least two partly used zspages exist, so source and destination always differ. Frames released
// count into PagesCompacted (zram's pages_compacted). No allocation; called under the pool's lock.
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

        internal bool CanCompact(int cls)
        {
            int objs = _pool.Classes.ObjectsOf(cls);
            return (_pool.ClassZspages[cls] * objs - _pool.ClassInUse[cls]) / objs > 0;
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
                if (done > 0 && CanCompact(_cursor))
                {
                    moved += done;
                    continue; // budget ran out inside this class; the loop condition decides
                }
                moved += done;
                idle = done > 0 ? 0 : idle + 1;
                _cursor = _cursor == 0 ? count - 1 : _cursor - 1;
            }
            return moved;
        }

        private int CompactClass(int cls, int budget)
        {
            ZsPool p = _pool;
            FrameStore frames = p.Frames;
            int objs = p.Classes.ObjectsOf(cls);
            int size = p.Classes.SizeOf(cls);
            int moved = 0;
            while (moved < budget && CanCompact(cls))
            {
                int src = p.Groups.Emptiest(cls, -1);
                int dst = src < 0 ? -1 : p.Groups.Fullest(cls, src);
                if (dst < 0) break;
                int srcAddr = src << frames.FrameShift;
                int dstAddr = dst << frames.FrameShift;
                int scan = 0;
                while (moved < budget)
                {
                    // Next used slot of the source (used slots have tag bit 0 set).
                    int tag = 0;
                    while (scan < objs)
                    {
                        tag = frames.ReadU16(src, Zspage.SlotPos(scan, size));
                        if ((tag & 1) != 0) break;
                        scan++;
                    }
                    if (scan >= objs) break; // cannot happen while the source has objects in use
                    int srcPos = Zspage.SlotPos(scan, size);
                    int bytes = Zspage.ObjectHeaderBytes + frames.ReadU16(src, srcPos + 2);
                    int dslot = p.TakeSlot(cls, dst, objs);
                    frames.Move(src, srcPos, dst, Zspage.SlotPos(dslot, size), bytes);
                    p.Handles.Move(tag >> 1, (dst << p.SlotBits) | dslot);
                    bool srcEmpty = Zspage.InUse(p.Arena, srcAddr) == 1;
                    int released = p.ReleaseSlot(cls, src, scan, objs);
                    PagesCompacted += released;
                    moved += bytes;
                    BytesMoved += bytes;
                    scan++;
                    if (srcEmpty || Zspage.InUse(p.Arena, dstAddr) == objs) break;
                }
            }
            return moved;
        }
    }
}
