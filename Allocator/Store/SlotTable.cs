// The global slot table: one entry per page slot of every client, as parallel arrays (no object per slot).
//
// Entry g: State[g] (kind in the low 3 bits, flags above), Value[g] (what the kind says), Size[g] (bytes of
// the pool object the slot references, 0 when none), Stamp[g] (last write or read, in IdleUnitMs units of
// the store's clock). 11 bytes per slot.
// Kinds (the one place that lists them; a new kind — e.g. "on backing store" with a record id in Value —
// is added here and handled in PageStore.DropContent, ReadContent and the merge scan's filter):
// - Empty: never written or discarded (reads zeros);
// - Same: a same-filled page, Value = its 32-bit word, no pool object;
// - Object: Value = a pool handle owned by this slot alone, not yet seen by the merge scan;
// - Indexed: Value = a merge-table entry (which holds the handle and the reference count); the object may
//   be shared with other slots. A slot's object is immutable: writing the slot makes a new object. The
//   object is the fast encoder's block, or (DictFlag set) a recompressed block against a dictionary.
// - Backed: the page is on the backing store (PageStore.Writeback.cs), Value = its record, Size 0, no flags.
// - Recompressed: Value = a pool handle owned by this slot alone holding an LZ4 block made by the idle
//   recompression (Recompressor: high-compression parse, maybe against a dictionary). One made against a
//   dictionary is still to be seen by the merge scan (identical pages recompressed against the same
//   dictionary give identical blocks), which makes it Indexed with its dictionary flags; one made without a
//   dictionary is never merged (it could not be told from a fast block of another size in an Indexed slot).
// Flags: Huge (the object is the raw page), Idle (set by MarkAllIdle, cleared by any access). Bits 0x20 and
// 0x40 are per kind: on kinds Recompressed and Indexed they are DictFlag (the block references a
// dictionary) and DictSlotFlag (which of the recompressor's two dictionary buffers); kinds Empty, Same and
// Object keep them clear; a new kind may give them its own meaning. On kinds Object and Indexed, 0x80 is
// RecompressTriedFlag (recompression found no gain; not tried again until the page is written again).
// Not thread-safe on its own: the PageStore calls it under its lock.
namespace ZramEmbedded.Allocator.Store
{
    internal sealed class SlotTable
    {
        internal const int Empty = 0;
        internal const int Same = 1;
        internal const int Object = 2;
        internal const int Indexed = 3;
        internal const int Backed = 4;
        internal const int Recompressed = 5;
        internal const int KindMask = 0x07;
        internal const int HugeFlag = 0x08;
        internal const int IdleFlag = 0x10;
        internal const int DictFlag = 0x20;
        internal const int DictSlotFlag = 0x40;
        internal const int RecompressTriedFlag = 0x80;
        /// <summary>The bits that say which form a merged object has (0: the fast encoder's; see DictFlag).</summary>
        internal const int FormMask = DictFlag | DictSlotFlag;

        /// <summary>Bytes per slot on the device (arrays' payloads).</summary>
        internal const int BytesPerSlot = 11;

        internal readonly int[] Value;
        internal readonly ushort[] Size;
        internal readonly byte[] State;
        internal readonly int[] Stamp;

        internal SlotTable(int count)
        {
            Value = new int[count];
            Size = new ushort[count];
            State = new byte[count];
            Stamp = new int[count];
        }

        internal int Count { get { return State.Length; } }

        internal int KindOf(int g)
        {
            return State[g] & KindMask;
        }

        internal bool IsHuge(int g)
        {
            return (State[g] & HugeFlag) != 0;
        }

        /// <summary>True when the slot references a pool object (Object, Indexed or Recompressed).</summary>
        internal bool HasObject(int g)
        {
            int k = State[g] & KindMask;
            return k == Object || k == Indexed || k == Recompressed;
        }

        /// <summary>
        /// True for a state the merge scan has still to see: kind Object, or kind Recompressed against a
        /// dictionary (PageStore.Unindexed counts them).
        /// </summary>
        internal static bool IsUnseen(int state)
        {
            int k = state & KindMask;
            return k == Object || (k == Recompressed && (state & DictFlag) != 0);
        }

        /// <summary>
        /// True for a state whose object is a block the Recompressor made: kind Recompressed, or a merged
        /// (Indexed) dictionary block. It decodes through the Recompressor (its dictionary) and is made again
        /// by the HC encoder, not the fast one.
        /// </summary>
        internal static bool HoldsRecompressedBlock(int state)
        {
            return (state & KindMask) == Recompressed || (state & DictFlag) != 0;
        }

        /// <summary>Sets kind, value and size; flags other than Huge are cleared (a new content is not idle).</summary>
        internal void Set(int g, int kind, int value, int size, bool huge)
        {
            State[g] = (byte)(kind | (huge ? HugeFlag : 0));
            Value[g] = value;
            Size[g] = (ushort)size;
        }

        /// <summary>Changes the kind and value of a slot, keeping its size and flags (the merge scan's re-pointing).</summary>
        internal void Repoint(int g, int kind, int value)
        {
            State[g] = (byte)((State[g] & ~KindMask) | kind);
            Value[g] = value;
        }

        internal void Clear(int g)
        {
            State[g] = Empty;
            Value[g] = 0;
            Size[g] = 0;
        }

        /// <summary>Records an access: the stamp, and the slot is no longer idle.</summary>
        internal void Touch(int g, int now)
        {
            Stamp[g] = now;
            State[g] = (byte)(State[g] & ~IdleFlag);
        }

        internal void MarkIdle(int g)
        {
            State[g] = (byte)(State[g] | IdleFlag);
        }

        internal bool IsIdleFlagged(int g)
        {
            return (State[g] & IdleFlag) != 0;
        }

        /// <summary>Metadata bytes on the device: four arrays.</summary>
        internal int MetadataBytes
        {
            get { return StoreMath.ArrayBytes(Count * 4) * 2 + StoreMath.ArrayBytes(Count * 2) + StoreMath.ArrayBytes(Count); }
        }
    }
}
