// The global slot table: one entry per page slot of every client, as parallel arrays (no object per slot).
//
// Entry g: its state byte, Value[g] (what the residence says), Size[g] (bytes of the pool object the slot
// references, 0 when none), Stamp[g] (last write or read, in IdleUnitMs units of the store's clock). 11 bytes
// per slot. The state byte holds three separate fields, read and written only through this class:
// - residence (where the page is): Empty (never written or discarded; reads zeros), Same (a same-filled page,
//   Value = its 32-bit word, no object), Owned (Value = a pool handle this slot alone owns; the merge scan
//   has still to see it), Shared (Value = a merge-table entry holding the handle and a reference count: the
//   scan has seen the object, other slots may share it), Backed (the page is on the backing store, Value =
//   its record, Size 0; PageStore.Writeback.cs). Seen by the merge scan is residence Shared: an object the
//   scan has indexed is an entry's, one it has not seen is a slot's own.
// - form (how the object encodes the page): Fast (the store's LZ4 encoder), Raw (the page itself: a huge
//   page), Hc (the recompressor's LZ4 HC parse, no dictionary), HcDict0 / HcDict1 (HC against the
//   recompressor's dictionary buffer 0 or 1). Three bits: values 5..7 are free for new forms.
// - marks: Idle (set by MarkIdle, cleared by any access) and Tried (recompression found no gain; not tried
//   again until the page is written again).
// An object is immutable: writing a slot makes a new object. Only objects of the same merge family (MergeFamily:
// the same encoder and dictionary) are compared by the merge scan, so slots sharing an entry have one form.
// Not thread-safe on its own: the PageStore calls it under its lock.
namespace ZramEmbedded.Allocator.Store
{
    internal sealed class SlotTable
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 4;

        // Residences.
        internal const int Empty = 0;
        internal const int Same = 1;
        internal const int Owned = 2;
        internal const int Shared = 3;
        internal const int Backed = 4;

        // Forms.
        internal const int Fast = 0;
        internal const int Raw = 1;
        internal const int Hc = 2;
        internal const int HcDict0 = 3;
        internal const int HcDict1 = 4;

        // State byte layout: residence in bits 0..2, form in bits 3..5, the marks in bits 6 and 7.
        private const int ResidenceMask = 0x07;
        private const int FormShift = 3;
        private const int FormBits = 0x38;
        private const int IdleMark = 0x40;
        private const int TriedMark = 0x80;
        private const int Marks = IdleMark | TriedMark;

        /// <summary>Bytes per slot on the device (arrays' payloads).</summary>
        internal const int BytesPerSlot = 11;

        internal readonly int[] Value;
        internal readonly ushort[] Size;
        private readonly byte[] _state;   // residence, form and marks (see the header)
        internal readonly int[] Stamp;

        internal SlotTable(int count)
        {
            Value = new int[count];
            Size = new ushort[count];
            _state = new byte[count];
            Stamp = new int[count];
        }

        internal int Count { get { return _state.Length; } }

        // ---------------------------------------------------------------- fields of slot g

        internal int Residence(int g) { return _state[g] & ResidenceMask; }

        internal int Form(int g) { return (_state[g] & FormBits) >> FormShift; }

        internal bool IsIdle(int g) { return (_state[g] & IdleMark) != 0; }

        internal bool WasTried(int g) { return (_state[g] & TriedMark) != 0; }

        /// <summary>True when the slot's object is the raw page.</summary>
        internal bool IsHuge(int g) { return Form(g) == Raw; }

        /// <summary>True when the slot references a pool object (Owned or Shared).</summary>
        internal bool HasObject(int g)
        {
            int r = _state[g] & ResidenceMask;
            return r == Owned || r == Shared;
        }

        /// <summary>The slot's marks as one opaque value, to be given back to Set (the page keeps them across
        /// a change of its object, as recompression and merging do).</summary>
        internal int MarksOf(int g) { return _state[g] & Marks; }

        /// <summary>The Idle mark alone as such a value (a new form of the page is not tried yet).</summary>
        internal int IdleMarkOf(int g) { return _state[g] & IdleMark; }

        // ---------------------------------------------------------------- changes

        /// <summary>Sets every field of slot g (PageStore.Install's part): marks as from MarksOf/IdleMarkOf, or 0.</summary>
        internal void Set(int g, int residence, int form, int marks, int value, int size)
        {
            _state[g] = (byte)(residence | (form << FormShift) | (marks & Marks));
            Value[g] = value;
            Size[g] = (ushort)size;
        }

        /// <summary>Changes the residence and value of a slot, keeping its form, marks and size (the merge
        /// scan's indexing: the entry takes the object over).</summary>
        internal void Repoint(int g, int residence, int value)
        {
            _state[g] = (byte)((_state[g] & ~ResidenceMask) | residence);
            Value[g] = value;
        }

        internal void Clear(int g)
        {
            _state[g] = Empty;
            Value[g] = 0;
            Size[g] = 0;
        }

        /// <summary>Records an access: the stamp, and the slot is no longer idle.</summary>
        internal void Touch(int g, int now)
        {
            Stamp[g] = now;
            _state[g] = (byte)(_state[g] & ~IdleMark);
        }

        internal void MarkIdle(int g) { _state[g] = (byte)(_state[g] | IdleMark); }

        internal void MarkTried(int g) { _state[g] = (byte)(_state[g] | TriedMark); }

        // ---------------------------------------------------------------- forms

        /// <summary>True for a form the recompressor made (it decodes and re-encodes it).</summary>
        internal static bool IsRecompressed(int form) { return form >= Hc; }

        /// <summary>The dictionary buffer a form references (0 or 1), or -1.</summary>
        internal static int DictionaryOf(int form)
        {
            return form == HcDict0 ? 0 : (form == HcDict1 ? 1 : -1);
        }

        /// <summary>The HC form against dictionary buffer d (-1: none).</summary>
        internal static int HcForm(int d) { return d < 0 ? Hc : HcDict0 + d; }

        /// <summary>
        /// Objects the merge scan compares with each other (0..3, two bits in the merge table): equal bytes
        /// are the same page, made the same way again, only within one family. Fast and Raw share one (a raw
        /// object is page-sized, a fast block smaller).
        /// </summary>
        internal static int MergeFamily(int form) { return form <= Raw ? 0 : form - 1; }

        /// <summary>Metadata bytes on the device: four arrays.</summary>
        internal int MetadataBytes
        {
            get { return StoreMath.ArrayBytes(Count * 4) * 2 + StoreMath.ArrayBytes(Count * 2) + StoreMath.ArrayBytes(Count); }
        }
    }
}
