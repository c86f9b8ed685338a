// PoolMap: what each frame of a pool's arena holds, for the console's `map` picture: free, part of a run
// (the whole frames of an object of a frame or more), or part of a zspage of class c, with that zspage's
// fullness. Read-only and for diagnostics: it walks every live handle (and each object's zspage chain, at
// most 16 frames), so it costs O(objects × chain) time, takes the pool's lock for that long, and allocates
// nothing (the caller owns the code array).
//
// Codes: Free = 0, Run = 1, and for a zspage frame 2 + class · 2 + (1 when the zspage has at least 3/4 of
// its objects in use, else 0): ClassOf and IsMostlyFull decode them.
namespace ZramEmbedded.Allocator.Pool
{
    public static class PoolMap
    {
        public const byte Free = 0;
        public const byte Run = 1;

        /// <summary>Frames in the pool's arena (the length the code array needs).</summary>
        public static int FrameCount(ZsPool pool)
        {
            return pool.Frames.FrameCount;
        }

        public static int FrameSize(ZsPool pool)
        {
            return pool.Frames.FrameSize;
        }

        /// <summary>Fills codes[0 .. FrameCount) with what each frame holds.</summary>
        public static void Describe(ZsPool pool, byte[] codes)
        {
            if (pool == null) throw new System.ArgumentNullException("pool");
            if (codes == null) throw new System.ArgumentNullException("codes");
            lock (pool.Frames)
            {
                FrameStore frames = pool.Frames;
                int count = frames.FrameCount;
                if (codes.Length < count) throw new System.ArgumentException("codes is shorter than the frame count");
                System.Array.Clear(codes, 0, count);
                int slotBits = pool.SlotBits;
                int slotMask = (1 << slotBits) - 1;
                HandleTable handles = pool.Handles;
                for (int index = 0; index < handles.Capacity; index++)
                {
                    if (!handles.IsLive(index)) continue;
                    int loc = handles.LocationOf(index);
                    int head = loc >> slotBits;
                    int cls = Zspage.ClassOf(frames, head);
                    int pos = Zspage.SlotPos(loc & slotMask, pool.Classes.SizeOf(cls));
                    int size = frames.ReadU16(head, pos + 2);
                    if (pool.RunFramesOf(size) > 0) MarkChain(frames, frames.ReadU16(head, pos + Zspage.RunHeadOffset), codes, Run);
                    if (codes[head] != Free) continue; // this zspage is marked already
                    bool mostlyFull = Zspage.InUse(frames, head) * 4 >= pool.Classes.ObjectsOf(cls) * 3;
                    MarkChain(frames, head, codes, (byte)(2 + cls * 2 + (mostlyFull ? 1 : 0)));
                }
            }
        }

        /// <summary>Class of a zspage frame code; -1 for Free and Run.</summary>
        public static int ClassOf(byte code)
        {
            return code < 2 ? -1 : (code - 2) >> 1;
        }

        /// <summary>True for a frame of a zspage with at least 3/4 of its objects in use.</summary>
        public static bool IsMostlyFull(byte code)
        {
            return code >= 2 && ((code - 2) & 1) == 1;
        }

        private static void MarkChain(FrameStore frames, int head, byte[] codes, byte code)
        {
            int f = head;
            for (int guard = 0; guard < codes.Length; guard++)
            {
                codes[f] = code;
                int next = frames.Next(f);
                if (next == f) return;
                f = next;
            }
        }
    }
}
