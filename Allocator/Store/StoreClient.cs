// A client of the page store (an app): owns a contiguous range of the store's slot table and addresses it
// with client-local slot indexes 0..SlotCount−1, so another client's slot cannot be named at all — there is
// no global slot number in the API. Every call forwards to the PageStore under its lock.
// Misuse throws and changes nothing (beyond io_stat's invalid_io): slot outside 0..SlotCount−1 →
// ArgumentOutOfRangeException; null buffer → ArgumentNullException; negative offset →
// ArgumentOutOfRangeException; a buffer with fewer than PageSize bytes from offset → ArgumentException;
// any call after Release (Release included) → ObjectDisposedException.
// The counters live here (the store updates them); Merged and ExclusiveBytes are computed on demand.
using System;

namespace ZramEmbedded.Allocator.Store
{
    public sealed class StoreClient
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 10;

        private readonly PageStore _store;
        private readonly string _name;
        private readonly int _id;
        private readonly int _slotCount;
        internal readonly int Base;          // first global slot
        internal int TableIndex;             // row in the store's client table, −1 once released
        internal int Pages;
        internal long StoredBytes;
        internal int SameFilled;
        internal int HugePages;

        internal StoreClient(PageStore store, string name, int id, int baseSlot, int slotCount, int tableIndex)
        {
            _store = store;
            _name = name;
            _id = id;
            Base = baseSlot;
            _slotCount = slotCount;
            TableIndex = tableIndex;
        }

        public string Name { get { return _name; } }

        /// <summary>Unique for the store's life (1, 2, ...), never reused.</summary>
        public int Id { get { return _id; } }

        public int SlotCount { get { return _slotCount; } }

        public bool IsReleased { get { return TableIndex < 0; } }

        /// <summary>The store this client belongs to.</summary>
        public PageStore Store { get { return _store; } }

        /// <summary>
        /// Stores the page src[offset..offset+PageSize) in `slot`. NoSpace: it did not fit even after the
        /// store's reclaimer ran; nothing changed and the slot still reads its previous content.
        /// </summary>
        public StoreResult Write(int slot, byte[] src, int offset)
        {
            return _store.WriteSlot(this, slot, src, offset);
        }

        /// <summary>
        /// Copies the page in `slot` to dst[offset..offset+PageSize). A never-written or discarded slot reads
        /// zeros (zram). ReadFailed: the page's data is corrupt or lost; dst's range is then zeroed.
        /// </summary>
        public StoreResult Read(int slot, byte[] dst, int offset)
        {
            return _store.ReadSlot(this, slot, dst, offset);
        }

        /// <summary>Frees the page in `slot` (it then reads zeros); a no-op on an empty slot.</summary>
        public void Discard(int slot)
        {
            _store.DiscardSlot(this, slot);
        }

        /// <summary>Frees every page of the client at once and gives its slot range back; further use throws.</summary>
        public void Release()
        {
            _store.ReleaseClient(this);
        }

        /// <summary>Fills `s` (caller-owned). O(SlotCount) for the merged counts.</summary>
        public void GetStats(ClientStats s)
        {
            _store.FillClientStats(this, s);
        }

        /// <summary>
        /// True when the slot holds data and either was marked idle (PageStore.MarkAllIdle / MarkIdle) and not
        /// accessed since, or (idleForMs &gt; 0) was last written or read at least idleForMs ago (in whole
        /// IdleUnitMs units). An empty slot is never idle.
        /// </summary>
        public bool IsIdle(int slot, long idleForMs)
        {
            return _store.IsSlotIdle(this, slot, idleForMs);
        }

        /// <summary>True when the slot holds data (written and not discarded).</summary>
        public bool HasData(int slot)
        {
            return _store.SlotHasData(this, slot);
        }
    }
}
