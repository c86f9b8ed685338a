// Layout of a zspage inside the arena: a 9-byte header at the start of its head frame, then objects.
//
// Header (little-endian, in the head frame, so no chain walk is needed to reach it):
//   [0]    class index (byte)            [1..2] objects in use
//   [3..4] first free slot (NoSlot = none) [5..6] previous / [7..8] next zspage in its fullness list
//                                                (FrameStore.None = none)
// Slots: slot i occupies zspage bytes [HeaderBytes + i·classSize, … + classSize) and may straddle frames.
// Each slot starts with a 4-byte object header: a 16-bit tag and the 16-bit object size in bytes.
//   tag of a used slot = handle-table index << 1 | 1   (the reverse map compaction needs)
//   tag of a free slot = next free slot << 1           (free list threaded through the free slots)
// Payload bytes follow the header. Keeping this metadata in the arena means it costs only while a zspage
// or object exists (9 B per zspage, 4 B per object) instead of per frame or per handle for the pool's life.
namespace ZramEmbedded.Allocator.Pool
{
    internal static class Zspage
    {
        internal const int HeaderBytes = 9;
        internal const int ObjectHeaderBytes = 4;
        internal const int NoSlot = 0x7FFF;

        internal static int ClassOf(byte[] arena, int headAddr) { return arena[headAddr]; }

        internal static int InUse(byte[] arena, int headAddr) { return Get16(arena, headAddr + 1); }

        internal static int FreeSlot(byte[] arena, int headAddr) { return Get16(arena, headAddr + 3); }

        internal static int Prev(byte[] arena, int headAddr) { return Get16(arena, headAddr + 5); }

        internal static int Next(byte[] arena, int headAddr) { return Get16(arena, headAddr + 7); }

        internal static void SetInUse(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 1, v); }

        internal static void SetFreeSlot(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 3, v); }

        internal static void SetPrev(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 5, v); }

        internal static void SetNext(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 7, v); }

        /// <summary>Writes a fresh header and threads every slot onto the free list (slot 0 first).</summary>
        internal static void Init(FrameStore frames, int head, int cls, int classSize, int objects)
        {
            byte[] arena = frames.Arena;
            int h = head << frames.FrameShift;
            arena[h] = (byte)cls;
            SetInUse(arena, h, 0);
            SetFreeSlot(arena, h, 0);
            SetPrev(arena, h, FrameStore.None);
            SetNext(arena, h, FrameStore.None);
            for (int i = 0; i < objects; i++)
            {
                int next = i + 1 < objects ? i + 1 : NoSlot;
                frames.WriteU16(head, SlotPos(i, classSize), next << 1);
            }
        }

        /// <summary>Zspage byte position of slot i.</summary>
        internal static int SlotPos(int slot, int classSize)
        {
            return HeaderBytes + slot * classSize;
        }

        private static int Get16(byte[] a, int i) { return a[i] | (a[i + 1] << 8); }

        private static void Set16(byte[] a, int i, int v)
        {
            a[i] = (byte)v;
            a[i + 1] = (byte)(v >> 8);
        }
    }
}
