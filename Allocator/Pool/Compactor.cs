// Compaction (part of ZsPool): moves objects within a size class so frames go back to the free list,
// rewriting each moved object's handle-table entry — zsmalloc's __zs_compact, made safe for elastic zspages.
//
// Rule: no move is made unless it belongs to a PLAN that releases frames net. With elastic zspages a move
// can cost a frame (the destination grows to bear a new slot) while the source releases nothing (its top
// object did not cross a frame edge), so moves are planned first, by simulation on the zspage headers and
// slot tags, and a plan runs only when
//   (1) it releases at least one frame net (frames released minus frames taken, checked step by step against
//       the free frames at hand), and
//   (2) it costs no allocation its success: for the class's smallest slot need the cheapest way Malloc
//       had to place it (a hole, growing a zspage, or a new zspage) cost C frames; after the plan the
//       dearest way to place its largest slot need must cost at most C + net frames. Other classes are
//       untouched and the free frames grow by net, so every Malloc that succeeded before still does.
// Plans, for one source zspage S of the class (the four emptiest zspages are tried as drain sources and
// the four with the most holes as self plans, so a search reads the slots of at most eight zspages; the
// plan releasing most frames wins, ties to the fewer bytes copied):
//   - drain: S's objects, top first, go to holes (free slots below the top) of other zspages of the class
//     while there are any, then into new slots of G, the fullest other zspage that can still bear slots;
//     the plan is the prefix of k objects with the best net (S keeps the rest, shrunk to its new top, or
//     is released whole).
//   - self (elastic): S's top objects move into S's own lowest holes, so its trailing frames go.
// Classic (fixed) zspages hold their whole chain, so only a drain that empties S releases anything (S's
// chain), as in zsmalloc; their free slots all count as holes.
// A slice (Compact(maxBytes)) runs whole plans while fewer than maxBytes were copied, so FramesUsed after
// any slice is ≤ before; a plan longer than what is left of the budget is taken only when no shorter plan
// of that source releases anything (overshoot ≤ one zspage's objects). Slices resume at the class where the
// last one stopped and walk classes from the largest down (as zs_compact does). PagesCompacted counts net
// frames released (zram's pages_compacted). Every plan releases ≥ 1 frame, so full compaction ends.
// Cost: finding a plan reads the headers of the class's partly used zspages (and each one's top object
// size) and the slot tags of at most eight of them: O(zspages · chain + 8 · slots · chain); no allocation;
// called under the pool's lock.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public sealed partial class ZsPool
    {
        /// <summary>"Cannot place here" in plan costs (larger than any frame count).</summary>
        private const int NoCost = 1 << 20;

        /// <summary>Moves whole plans until about `budget` bytes were copied or no class can gain; returns bytes copied.</summary>
        private int CompactRun(int budget)
        {
            int count = Classes.Count;
            int moved = 0;
            int idle = 0;
            while (idle < count && moved < budget)
            {
                int done = CompactClass(_cursor, budget - moved);
                moved += done;
                if (done > 0 && moved >= budget) break; // budget ran out inside this class: resume here
                idle = done > 0 ? 0 : idle + 1;
                _cursor = _cursor == 0 ? count - 1 : _cursor - 1;
            }
            return moved;
        }

        private int CompactClass(int cls, int budget)
        {
            int moved = 0;
            while (moved < budget)
            {
                int src, grow, count, bytes;
                int net = FindPlan(cls, budget - moved, out src, out grow, out count, out bytes);
                if (net <= 0) break;
                moved += RunPlan(cls, src, grow, count, net);
            }
            return moved;
        }

        /// <summary>True when a plan of class cls would release frames (GetClassStats.Compactable).</summary>
        private bool CanCompact(int cls)
        {
            int src, grow, count, bytes;
            return FindPlan(cls, int.MaxValue, out src, out grow, out count, out bytes) > 0;
        }

        /// <summary>
        /// Runs a plan found by FindPlan: `count` top objects of src, each into src's lowest hole (grow == src),
        /// or into a hole of another zspage of the class, else a new slot of `grow`. Returns bytes copied.
        /// </summary>
        private int RunPlan(int cls, int src, int grow, int count, int plannedNet)
        {
            int size = Classes.SizeOf(cls);
            int freeBefore = Frames.FreeCount;
            int moved = 0;
            for (int j = 0; j < count; j++)
            {
                int top = Zspage.Born(Frames, src) - 1;
                int srcPos = Zspage.SlotPos(top, size);
                int tag = Frames.ReadU16(src, srcPos);
                int bytes = SlotBytesOf(Frames.ReadU16(src, srcPos + 2)); // a run stays put: only its reference moves
                int dst = grow == src ? src : HoleZspage(cls, src);
                if (dst < 0) dst = grow;
                int dslot = TakeSlot(cls, dst, bytes);
                Frames.Move(src, srcPos, dst, Zspage.SlotPos(dslot, size), bytes);
                Handles.Move(tag >> 1, (dst << _slotBits) | dslot);
                ReleaseSlot(cls, src, top);
                moved += bytes;
            }
            int net = Frames.FreeCount - freeBefore;
            // The simulation and the moves follow the same rules; a difference is a bug in this file.
            if (net != plannedNet) throw new InvalidOperationException("compaction plan and moves disagree");
            _pagesCompacted += net;
            _bytesMoved += moved;
            return moved;
        }

        /// <summary>A zspage of the class other than `except` with a free slot that costs no frame; -1 if none.</summary>
        private int HoleZspage(int cls, int except)
        {
            int n = Classes.ObjectsOf(cls);
            for (int g = Groups.Groups - 1; g >= 0; g--)
            {
                int z = Groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    if (z != except && Zspage.InUse(Frames, z) < (Elastic ? Zspage.Born(Frames, z) : n)) return z;
                    z = Zspage.Next(Frames, z);
                }
            }
            return -1;
        }

        /// <summary>Frames it costs zspage z (born slots, held frames) to bear a slot of `bytes` next; NoCost if it cannot.</summary>
        private int BearCost(int cls, int born, int held, int bytes)
        {
            if (!Elastic || born >= Classes.ObjectsOf(cls)) return NoCost; // classic free slots count as holes
            return Zspage.FramesFor(Zspage.EndOf(born, Classes.SizeOf(cls), bytes), Frames.FrameShift) - held;
        }

        private bool SlotUsed(int z, int slot, int size)
        {
            return (Frames.ReadU16(z, Zspage.SlotPos(slot, size)) & 1) != 0;
        }

        private int SlotBytesAt(int z, int slot, int size)
        {
            return SlotBytesOf(Frames.ReadU16(z, Zspage.SlotPos(slot, size) + 2));
        }

        /// <summary>Highest used slot in (low, high) of zspage z; -1 if none.</summary>
        private int UsedBelow(int z, int high, int low, int size)
        {
            for (int i = high - 1; i > low; i--)
            {
                if (SlotUsed(z, i, size)) return i;
            }
            return -1;
        }

        /// <summary>
        /// The best plan for class cls (see the file comment): returns its net frames released (0 = none) and
        /// its source, `grow` (the source itself for a self plan; else the zspage that bears new slots, -1 if
        /// none), the objects it moves and the bytes it copies.
        /// </summary>
        private int FindPlan(int cls, int budget, out int planSrc, out int planGrow, out int planCount, out int planBytes)
        {
            planSrc = -1;
            planGrow = -1;
            planCount = 0;
            planBytes = 0;
            int n = Classes.ObjectsOf(cls);
            int size = Classes.SizeOf(cls);
            int shift = Frames.FrameShift;
            int needLo = cls == 0 ? 1 : Classes.SizeOf(cls - 1) + 1; // the class's smallest and largest slot need
            int needHi = size;

            // One pass over the headers: holes, the cheapest way to place needLo now, the three cheapest zspages
            // to bear needHi, the two fullest zspages that can bear slots, and the candidate sources: the four
            // emptiest (drains) and the four with the most holes (self plans). Only candidates have their slots
            // read, so a plan search costs O(zspages of the class) header reads plus O(8 zspages' slots).
            int holesAll = 0;
            int partial = 0;
            int costLo = FramesToBear(cls, 0, needLo);
            int c1 = NoCost, z1 = -1, c2 = NoCost, z2 = -1, c3 = NoCost, z3 = -1;
            int f1 = -1, fu1 = -1, f2 = -1, fu2 = -1;
            int d1 = -1, du1 = 0, d2 = -1, du2 = 0, d3 = -1, du3 = 0, d4 = -1, du4 = 0;
            int e1 = -1, eh1 = 0, e2 = -1, eh2 = 0, e3 = -1, eh3 = 0, e4 = -1, eh4 = 0;
            for (int g = 0; g < Groups.Groups; g++)
            {
                int z = Groups.First(cls, g);
                while (z != FrameStore.None)
                {
                    int u = Zspage.InUse(Frames, z);
                    int b = Zspage.Born(Frames, z);
                    partial++;
                    holesAll += Elastic ? b - u : n - u;
                    KeepFour(z, u, ref d1, ref du1, ref d2, ref du2, ref d3, ref du3, ref d4, ref du4);
                    if (Elastic && b > u) KeepFour(z, u - b, ref e1, ref eh1, ref e2, ref eh2, ref e3, ref eh3, ref e4, ref eh4);
                    if (Elastic && b < n)
                    {
                        int held = HeldFrames(cls, z, b);
                        costLo = PoolMath.Min(costLo, BearCost(cls, b, held, needLo));
                        int c = BearCost(cls, b, held, needHi);
                        if (c < c1) { c3 = c2; z3 = z2; c2 = c1; z2 = z1; c1 = c; z1 = z; }
                        else if (c < c2) { c3 = c2; z3 = z2; c2 = c; z2 = z; }
                        else if (c < c3) { c3 = c; z3 = z; }
                        if (u > fu1) { f2 = f1; fu2 = fu1; f1 = z; fu1 = u; }
                        else if (u > fu2) { f2 = z; fu2 = u; }
                    }
                    z = Zspage.Next(Frames, z);
                }
            }
            if (holesAll > 0) costLo = 0;
            if (partial < 2 && (!Elastic || holesAll == 0)) return 0; // nowhere to move anything that would release a frame
            int costHiNew = FramesToBear(cls, 0, needHi);

            int bestNet = 0;
            for (int candidate = 0; candidate < 8; candidate++)
            {
                bool selfOnly = candidate >= 4; // candidates 0–3 are tried as drains, 4–7 as self plans
                int s = candidate == 0 ? d1 : candidate == 1 ? d2 : candidate == 2 ? d3 : candidate == 3 ? d4
                    : candidate == 4 ? e1 : candidate == 5 ? e2 : candidate == 6 ? e3 : e4;
                if (s >= 0)
                {
                    int u = Zspage.InUse(Frames, s);
                    int b = Zspage.Born(Frames, s);
                    int held = HeldFrames(cls, s, b);
                    int holesS = Elastic ? b - u : n - u;
                    int holesOthers = holesAll - holesS;
                    bool found = false; // an admissible plan of this source was recorded (later ones must fit the budget)

                    // Self plan: top objects into the lowest holes of s.
                    if (selfOnly && Elastic && holesS > 0)
                    {
                        int minOther = c1;
                        if (z1 == s) minOther = c2;
                        int hi = b - 1;
                        int hiBytes = SlotBytesAt(s, hi, size);
                        int lo = 0;
                        int bytes = 0;
                        for (int j = 1; ; j++)
                        {
                            while (lo < hi && SlotUsed(s, lo, size)) lo++;
                            if (lo >= hi) break;
                            bytes += hiBytes;
                            int next = UsedBelow(s, hi, lo, size);
                            int top = next >= 0 ? next : lo;
                            int topBytes = next >= 0 ? SlotBytesAt(s, next, size) : hiBytes;
                            int heldAfter = Zspage.FramesFor(Zspage.EndOf(top, size, topBytes), shift);
                            int net = held - heldAfter;
                            if (net > 0 && (bytes <= budget || !found) && (net > bestNet || (net == bestNet && bytes < planBytes)))
                            {
                                int holesAfter = holesOthers + top + 1 - u;
                                int cost = holesAfter > 0 ? 0 : PoolMath.Min(PoolMath.Min(costHiNew, minOther),
                                    BearCost(cls, top + 1, heldAfter, needHi));
                                if (cost <= costLo + net)
                                {
                                    found = true;
                                    bestNet = net;
                                    planSrc = s;
                                    planGrow = s;
                                    planCount = j;
                                    planBytes = bytes;
                                }
                            }
                            if (next < 0) break;
                            hi = next;
                            hiBytes = topBytes;
                            lo++;
                        }
                    }

                    // Drain plan: top objects into other zspages' holes, then new slots of the fullest other zspage.
                    if (!selfOnly && (holesOthers > 0 || (Elastic && (f1 != s ? f1 : f2) >= 0)))
                    {
                        int grow = Elastic ? (f1 != s ? f1 : f2) : -1;
                        int minOther = c1 != NoCost && z1 != s && z1 != grow ? c1
                            : c2 != NoCost && z2 != s && z2 != grow ? c2
                            : z3 != s && z3 != grow ? c3 : NoCost;
                        int growBorn = grow >= 0 ? Zspage.Born(Frames, grow) : 0;
                        int growHeld0 = grow >= 0 ? HeldFrames(cls, grow, growBorn) : 0;
                        int growHeld = growHeld0;
                        int free = Frames.FreeCount;
                        int srcHeld = held;
                        int cur = b - 1;
                        int curBytes = SlotBytesAt(s, cur, size);
                        int bytes = 0;
                        for (int j = 1; j <= u; j++)
                        {
                            int growth = 0;
                            if (j > holesOthers)
                            {
                                if (grow < 0) break;
                                int slot = growBorn + j - holesOthers - 1;
                                if (slot >= n) break;
                                int need = Zspage.FramesFor(Zspage.EndOf(slot, size, curBytes), shift);
                                if (need > growHeld) growth = need - growHeld;
                                if (growth > free) break; // the destination grows before the source shrinks
                                growHeld += growth;
                            }
                            free -= growth;
                            bytes += curBytes;
                            int next = j < u ? UsedBelow(s, cur, -1, size) : -1;
                            int nextBytes = next >= 0 ? SlotBytesAt(s, next, size) : 0;
                            int heldAfter = next < 0 ? 0
                                : Elastic ? Zspage.FramesFor(Zspage.EndOf(next, size, nextBytes), shift) : held;
                            free += srcHeld - heldAfter;
                            srcHeld = heldAfter;
                            int net = (held - heldAfter) - (growHeld - growHeld0);
                            if (net > 0 && (bytes <= budget || !found) && (net > bestNet || (net == bestNet && bytes < planBytes)))
                            {
                                int holesAfter = PoolMath.Max(0, holesOthers - j)
                                    + (next < 0 ? 0 : Elastic ? next + 1 - (u - j) : n - (u - j));
                                int cost = 0;
                                if (holesAfter == 0)
                                {
                                    cost = PoolMath.Min(costHiNew, minOther);
                                    if (grow >= 0)
                                        cost = PoolMath.Min(cost, BearCost(cls, growBorn + PoolMath.Max(0, j - holesOthers), growHeld, needHi));
                                    if (next >= 0) cost = PoolMath.Min(cost, BearCost(cls, next + 1, heldAfter, needHi));
                                }
                                if (cost <= costLo + net)
                                {
                                    found = true;
                                    bestNet = net;
                                    planSrc = s;
                                    planGrow = grow;
                                    planCount = j;
                                    planBytes = bytes;
                                }
                            }
                            cur = next;
                            curBytes = nextBytes;
                        }
                    }
                }
            }
            return bestNet;
        }

        /// <summary>Keeps the four zspages with the smallest keys seen so far in (a, ka) … (d, kd), smallest first.</summary>
        private static void KeepFour(int z, int key, ref int a, ref int ka, ref int b, ref int kb, ref int c, ref int kc,
            ref int d, ref int kd)
        {
            if (d >= 0 && key >= kd) return;
            d = z;
            kd = key;
            if (c < 0 || kd < kc) { int t = c; c = d; d = t; t = kc; kc = kd; kd = t; } else return;
            if (b < 0 || kc < kb) { int t = b; b = c; c = t; t = kb; kb = kc; kc = t; } else return;
            if (a < 0 || kb < ka) { int t = a; a = b; b = t; t = ka; ka = kb; kb = t; }
        }
    }
}
