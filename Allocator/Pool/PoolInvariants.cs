// ZsPool.CheckInvariants: a full consistency check of the pool, for tests and diagnostics (O(frames +
// handle capacity + slots); it allocates one bool per frame, the only allocation the pool makes after
// construction, so never call it on a hot path).
// Checked: every frame is in exactly one place (the free list, one zspage's chain or one run) and the free
// count matches; every live handle entry points at a born, used slot of a zspage of a valid class whose tag
// names that entry, with a size that maps to that class; each zspage (found through its top slot, which
// must be used) holds exactly the frames its top object reaches (elastic) or its whole chain (classic), and
// its in-use count equals its used tags; each partly used zspage is in the right fullness list of its class
// exactly once, with consistent back links; the pool's counters equal what the walk counts.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public sealed partial class ZsPool
    {
        /// <summary>Throws InvalidOperationException naming the first broken invariant; changes nothing.</summary>
        public void CheckInvariants()
        {
            lock (Frames)
            {
                int frames = Frames.FrameCount;
                bool[] owned = new bool[frames];
                int free = 0;
                int f = Frames.FreeHead;
                while (f >= 0)
                {
                    Claim(owned, f, "free list");
                    free++;
                    int next = Frames.Next(f);
                    if (next == f) break;
                    f = next;
                }
                if (free != Frames.FreeCount) Broken("free list holds " + free + " frames, FreeCount says " + Frames.FreeCount);

                int objects = 0, bytes = 0, runFrames = 0, runObjects = 0, zspages = 0, partial = 0;
                int slotMask = (1 << _slotBits) - 1;
                int capacity = Handles.Capacity;
                for (int i = 0; i < capacity; i++)
                {
                    if (!Handles.IsLive(i)) continue;
                    int loc = Handles.LocationOf(i);
                    int z = loc >> _slotBits;
                    int slot = loc & slotMask;
                    if (z >= frames) Broken("entry " + i + " points past the arena");
                    int cls = Zspage.ClassOf(Frames, z);
                    if (cls >= Classes.Count) Broken("zspage " + z + " has no valid class");
                    int size = Classes.SizeOf(cls);
                    int n = Classes.ObjectsOf(cls);
                    int b = Zspage.Born(Frames, z);
                    int u = Zspage.InUse(Frames, z);
                    if (u < 1 || u > b || b > n || slot >= b) Broken("zspage " + z + ": slot " + slot + ", in use " + u + ", born " + b);
                    int pos = Zspage.SlotPos(slot, size);
                    if (Frames.ReadU16(z, pos) != ((i << 1) | 1)) Broken("slot tag does not name entry " + i);
                    int objectSize = Frames.ReadU16(z, pos + 2);
                    if (objectSize < 1 || objectSize > _maxObjectSize) Broken("entry " + i + " has size " + objectSize);
                    if (Classes.ClassFor(SlotBytesOf(objectSize)) != cls) Broken("entry " + i + " sits in the wrong class");
                    objects++;
                    bytes += objectSize;
                    int run = RunFramesOf(objectSize);
                    if (run > 0)
                    {
                        if (ClaimChain(owned, Frames.ReadU16(z, pos + Zspage.RunHeadOffset), "run") != run)
                            Broken("entry " + i + ": run length differs from its size");
                        runFrames += run;
                        runObjects++;
                    }
                    if (slot != b - 1) continue;
                    // The top object names its zspage exactly once.
                    zspages++;
                    if (ClaimChain(owned, z, "zspage") != HeldFrames(cls, z, b)) Broken("zspage " + z + " holds the wrong number of frames");
                    int used = 0;
                    for (int k = 0; k < b; k++)
                    {
                        if ((Frames.ReadU16(z, Zspage.SlotPos(k, size)) & 1) != 0) used++;
                    }
                    if (used != u) Broken("zspage " + z + ": " + used + " used tags, in-use count " + u);
                    if (u < n) partial++;
                }
                for (int k = 0; k < frames; k++)
                {
                    if (!owned[k]) Broken("frame " + k + " is neither free nor held");
                }
                if (objects != _objects || bytes != _objectBytes || zspages != _zspages || runFrames != _runFrames
                    || runObjects != _runObjects)
                    Broken("counters differ from the walk");

                // Fullness lists: right class and group, back links, each partly used zspage once.
                for (int k = 0; k < frames; k++) owned[k] = false;
                int listed = 0;
                for (int cls = 0; cls < Classes.Count; cls++)
                {
                    for (int g = 0; g < Groups.Groups; g++)
                    {
                        int prev = FrameStore.None;
                        int z = Groups.First(cls, g);
                        while (z != FrameStore.None)
                        {
                            if (z >= frames || owned[z]) Broken("fullness list of class " + cls + " repeats or leaves the arena");
                            owned[z] = true;
                            listed++;
                            if (Zspage.ClassOf(Frames, z) != cls) Broken("zspage " + z + " listed under another class");
                            if (Groups.GroupOf(Zspage.InUse(Frames, z), Classes.ObjectsOf(cls)) != g) Broken("zspage " + z + " in the wrong group");
                            if (Zspage.Prev(Frames, z) != prev) Broken("zspage " + z + ": broken back link");
                            prev = z;
                            z = Zspage.Next(Frames, z);
                        }
                    }
                }
                if (listed != partial) Broken(listed + " zspages listed, " + partial + " partly used");
            }
        }

        private static void Claim(bool[] owned, int frame, string what)
        {
            if (frame < 0 || frame >= owned.Length) Broken(what + " names frame " + frame + " outside the arena");
            if (owned[frame]) Broken(what + " takes frame " + frame + ", which is already taken");
            owned[frame] = true;
        }

        /// <summary>Claims every frame of the chain from head; returns its length.</summary>
        private int ClaimChain(bool[] owned, int head, string what)
        {
            int count = 0;
            int f = head;
            while (true)
            {
                Claim(owned, f, what);
                count++;
                int next = Frames.Next(f);
                if (next == f) return count;
                f = next;
            }
        }

        private static void Broken(string what)
        {
            throw new InvalidOperationException("pool invariant: " + what);
        }
    }
}
