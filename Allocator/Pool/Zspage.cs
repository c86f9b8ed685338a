// Layout of a zspage inside the arena, and its elastic length.
//
// Header (9 bytes, little-endian, at the start of the head frame, so no chain walk reaches it):
//   [0]    class index                [1..2] objects in use (u)
//   [3..4] born slots (b)             [5..6] previous / [7..8] next zspage in its fullness list
//                                            (FrameStore.None = none)
// Slots: slot i occupies zspage bytes [HeaderBytes + i·size, … + size) and may straddle frames. A class's
// zspage has room for `objects` slots in `frames` frames (SizeClassTable), but only the first b slots are
// "born", and the zspage holds just the frames that reach the end of its top object's bytes
// (FramesFor(end)): it grows as slots are born and gives frames back when the top slots die. So a partly
// used zspage wastes less than one frame instead of all its free slots — the fix for small arenas, where
// nearly every class has one partly used zspage — and the top object's class rounding costs nothing.
// Every slot below the top lies wholly before the top object, so holes are always backed by frames.
// (Dan Magenheimer's "variable length zspages", 2013; see ../shared/seeds/001.)
// Invariants: 1 ≤ u ≤ b ≤ objects while the zspage exists; slot b−1 is in use (the top slot, so trailing
// frames can be released on free); every used slot is below b.
// Each used slot starts with a 4-byte object header: 16-bit tag = handle-table index << 1 | 1 (the reverse
// map compaction needs) and the 16-bit object size in bytes; a born free slot has tag 0. Payload follows.
// With PackTails, an object of at least one frame keeps its first size / FrameSize whole frames in a run
// (a chain of frames outside any zspage, FrameStore) and only its tail (size mod FrameSize bytes) in the
// slot, after a 6-byte header: tag, size, 16-bit head frame of the run. The size tells which form a
// slot holds, so no flag is needed.
// Keeping this metadata in the arena means it costs only while a zspage or object exists.
namespace ZramEmbedded.Allocator.Pool
{
    internal static class Zspage
    {
        internal const int HeaderBytes = 9;
        internal const int ObjectHeaderBytes = 4;

        /// <summary>Header of a packed tail: the object header plus the 16-bit head frame of its run.</summary>
        internal const int RunObjectHeaderBytes = 6;

        /// <summary>Slot offset of the run's head frame (right after the 4-byte object header).</summary>
        internal const int RunHeadOffset = ObjectHeaderBytes;

        internal static int ClassOf(byte[] arena, int headAddr) { return arena[headAddr]; }

        internal static int InUse(byte[] arena, int headAddr) { return Get16(arena, headAddr + 1); }

        internal static int Born(byte[] arena, int headAddr) { return Get16(arena, headAddr + 3); }

        internal static int Prev(byte[] arena, int headAddr) { return Get16(arena, headAddr + 5); }

        internal static int Next(byte[] arena, int headAddr) { return Get16(arena, headAddr + 7); }

        internal static void SetInUse(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 1, v); }

        internal static void SetBorn(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 3, v); }

        internal static void SetPrev(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 5, v); }

        internal static void SetNext(byte[] arena, int headAddr, int v) { Set16(arena, headAddr + 7, v); }

        /// <summary>Writes a fresh header: no slots born, in no list.</summary>
        internal static void Init(byte[] arena, int headAddr, int cls)
        {
            arena[headAddr] = (byte)cls;
            SetInUse(arena, headAddr, 0);
            SetBorn(arena, headAddr, 0);
            SetPrev(arena, headAddr, FrameStore.None);
            SetNext(arena, headAddr, FrameStore.None);
        }

        /// <summary>Zspage byte position of slot i.</summary>
        internal static int SlotPos(int slot, int classSize)
        {
            return HeaderBytes + slot * classSize;
        }

        /// <summary>Frames a zspage needs to hold bytes [0, end) (its header and objects up to the top one's end; at least 1).</summary>
        internal static int FramesFor(int end, int frameShift)
        {
            int frames = (end + (1 << frameShift) - 1) >> frameShift;
            return frames < 1 ? 1 : frames;
        }

        /// <summary>Zspage byte just past `slotBytes` (header and payload or tail) in slot `slot`.</summary>
        internal static int EndOf(int slot, int classSize, int slotBytes)
        {
            return HeaderBytes + slot * classSize + slotBytes;
        }

        private static int Get16(byte[] a, int i) { return a[i] | (a[i + 1] << 8); }

        private static void Set16(byte[] a, int i, int v)
        {
            a[i] = (byte)v;
            a[i + 1] = (byte)(v >> 8);
        }
    }
}
