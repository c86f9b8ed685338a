// Per-class fullness groups: doubly linked lists of partially used zspages, bucketed by use ratio.
//
// A zspage of class c with u objects in use out of n is in group (u·G)/n for 0 < u < n (G groups, 0 =
// emptiest); full zspages (u = n) sit in no list (nothing can be allocated from or compacted into them),
// and empty ones are released at once. Allocation takes the head of the highest non-empty group (fills
// the fullest zspage first, as zsmalloc does, so free space gathers in few zspages); compaction moves
// objects from the emptiest zspage (fewest in use, searched in the lowest non-empty group) into the
// fullest (most in use, in the highest group). Links live in the zspage headers in
// the arena (Zspage), heads here: ushort[classes·G] (counted in MetadataBytes); the arena is reached
// through the FrameStore, so the object keeps three fields (ZsPool.FixedObjectBytes).
// Discipline: Remove before changing a zspage's use count, Insert after.
namespace ZramEmbedded.Allocator.Pool
{
    internal sealed class FullnessGroups
    {
        private readonly FrameStore _frames;   // the arena and frame shift (zspage headers hold the links)
        private readonly int _groups;
        private readonly ushort[] _heads;       // [cls · _groups + g]: first zspage of the list, or None

        internal FullnessGroups(FrameStore frames, int classCount, int groups)
        {
            _frames = frames;
            _groups = groups;
            _heads = new ushort[classCount * groups];
            for (int i = 0; i < _heads.Length; i++) _heads[i] = FrameStore.None;
        }

        internal int Groups { get { return _groups; } }

        /// <summary>Heap bytes of the list heads, array header and rounding included.</summary>
        internal int MetadataBytes { get { return PoolMath.ArrayBytes(_heads.Length * 2); } }

        /// <summary>Group of a partially used zspage; -1 when empty or full (in no list).</summary>
        internal int GroupOf(int inUse, int objects)
        {
            if (inUse <= 0 || inUse >= objects) return -1;
            return inUse * _groups / objects;
        }

        internal void Insert(int cls, int head, int objects)
        {
            FrameStore fs = _frames;
            int g = GroupOf(Zspage.InUse(fs, head), objects);
            if (g < 0) return;
            int slot = cls * _groups + g;
            int first = _heads[slot];
            Zspage.SetPrev(fs, head, FrameStore.None);
            Zspage.SetNext(fs, head, first);
            if (first != FrameStore.None) Zspage.SetPrev(fs, first, head);
            _heads[slot] = (ushort)head;
        }

        internal void Remove(int cls, int head, int objects)
        {
            FrameStore fs = _frames;
            int g = GroupOf(Zspage.InUse(fs, head), objects);
            if (g < 0) return;
            int prev = Zspage.Prev(fs, head);
            int next = Zspage.Next(fs, head);
            if (prev == FrameStore.None) _heads[cls * _groups + g] = (ushort)next;
            else Zspage.SetNext(fs, prev, next);
            if (next != FrameStore.None) Zspage.SetPrev(fs, next, prev);
            Zspage.SetPrev(fs, head, FrameStore.None);
            Zspage.SetNext(fs, head, FrameStore.None);
        }

        /// <summary>First zspage of group g of the class (FrameStore.None if the group is empty).</summary>
        internal int First(int cls, int g)
        {
            return _heads[cls * _groups + g];
        }

        /// <summary>The partially used zspage of the class with the most objects in use, other than `except`; -1 if none.</summary>
        internal int Fullest(int cls, int except)
        {
            FrameStore fs = _frames;
            for (int g = _groups - 1; g >= 0; g--)
            {
                int best = -1;
                int bestUse = -1;
                int z = _heads[cls * _groups + g];
                while (z != FrameStore.None)
                {
                    int u = Zspage.InUse(fs, z);
                    if (z != except && u > bestUse)
                    {
                        best = z;
                        bestUse = u;
                    }
                    z = Zspage.Next(fs, z);
                }
                if (best >= 0) return best;
            }
            return -1;
        }

        /// <summary>The partially used zspage of the class with the fewest objects in use, other than `except`; -1 if none.</summary>
        internal int Emptiest(int cls, int except)
        {
            FrameStore fs = _frames;
            for (int g = 0; g < _groups; g++)
            {
                int best = -1;
                int bestUse = int.MaxValue;
                int z = _heads[cls * _groups + g];
                while (z != FrameStore.None)
                {
                    int u = Zspage.InUse(fs, z);
                    if (z != except && u < bestUse)
                    {
                        best = z;
                        bestUse = u;
                    }
                    z = Zspage.Next(fs, z);
                }
                if (best >= 0) return best;
            }
            return -1;
        }
    }
}
