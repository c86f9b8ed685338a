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

        // Header fields, read and written in the head frame (the header never leaves it: frames are ≥ 64 B).
        internal static int ClassOf(FrameStore f, int head) { return f.ByteAt(head, 0); }

        internal static int InUse(FrameStore f, int head) { return f.Get16At(head, 1); }

        internal static int Born(FrameStore f, int head) { return f.Get16At(head, 3); }

        internal static int Prev(FrameStore f, int head) { return f.Get16At(head, 5); }

        internal static int Next(FrameStore f, int head) { return f.Get16At(head, 7); }

        internal static void SetInUse(FrameStore f, int head, int v) { f.Set16At(head, 1, v); }

        internal static void SetBorn(FrameStore f, int head, int v) { f.Set16At(head, 3, v); }

        internal static void SetPrev(FrameStore f, int head, int v) { f.Set16At(head, 5, v); }

        internal static void SetNext(FrameStore f, int head, int v) { f.Set16At(head, 7, v); }

        /// <summary>Writes a fresh header: no slots born, in no list.</summary>
        internal static void Init(FrameStore f, int head, int cls)
        {
            f.SetByteAt(head, 0, cls);
            SetInUse(f, head, 0);
            SetBorn(f, head, 0);
            SetPrev(f, head, FrameStore.None);
            SetNext(f, head, FrameStore.None);
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
    }
}
