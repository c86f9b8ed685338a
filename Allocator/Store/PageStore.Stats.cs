// PageStore, statistics and invariants: mm_stat / io_stat / per-client counters filled into caller-owned
// objects, and CheckInvariants, which recounts everything from the slot table for tests.
using System;

namespace ZramEmbedded.Allocator.Store
{
    public sealed partial class PageStore
    {
        // ---------------------------------------------------------------- stats

        public void GetMmStat(MmStat s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (_sync)
            {
                s.OrigDataSize = (long)(_pages - _backedSlots) * _pageSize; // zram: written-back pages leave orig_data_size
                s.ComprDataSize = _comprBytes;
                s.MemUsedTotal = _pool.UsedBytes;
                s.MemLimit = _memLimit;
                s.MemUsedMax = StoreMath.MaxLong(_memUsedMax, s.MemUsedTotal);
                s.SamePages = _samePages;
                s.PagesCompacted = _pool.PagesCompacted;
                s.HugePages = _hugePages;
                s.HugePagesSince = _hugePagesSince;
                s.PagesMerged = IndexedSlots - Merge.Count;
            }
        }

        /// <summary>Resets mem_used_max to the current use (zram: `echo 0 > mem_used_max`).</summary>
        public void ResetMemUsedMax()
        {
            lock (_sync)
            {
                _memUsedMax = _pool.UsedBytes;
            }
        }

        public void GetIoStat(IoStat s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (_sync)
            {
                s.FailedReads = _failedReads;
                s.FailedWrites = _failedWrites;
                s.InvalidIo = _invalidIo;
                s.NotifyFree = _notifyFree;
            }
        }

        internal void FillClientStats(StoreClient c, ClientStats s)
        {
            if (s == null) throw new ArgumentNullException("s");
            lock (_sync)
            {
                CheckClient(c);
                s.Pages = c.Pages;
                s.StoredBytes = c.StoredBytes;
                s.SameFilled = c.SameFilled;
                s.HugePages = c.HugePages;
                int merged = 0;
                long exclusive = 0;
                int end = c.Base + c.SlotCount;
                for (int g = c.Base; g < end; g++)
                {
                    if (Slots.Residence(g) == SlotTable.Owned) exclusive += Slots.Size[g];
                    else if (SharesObject(g)) merged++;
                }
                // Take the client's references away one by one (counts only, nothing is freed): an entry whose
                // count reaches 0 is referenced by this client alone. Then give every reference back.
                for (int g = c.Base; g < end; g++)
                {
                    if (Slots.Residence(g) != SlotTable.Shared) continue;
                    if (Merge.Uncount(Slots.Value[g]) == 0) exclusive += Slots.Size[g];
                }
                for (int g = c.Base; g < end; g++)
                    if (Slots.Residence(g) == SlotTable.Shared) Merge.Recount(Slots.Value[g]);
                s.Merged = merged;
                s.ExclusiveBytes = exclusive;
            }
        }

        // ---------------------------------------------------------------- invariants

        /// <summary>
        /// Recounts everything from the slot table and checks it against the counters, the merge table's
        /// reference counts and the pool's object count/bytes. O(SlotCount × MergeTableSize); tests only.
        /// Throws InvalidOperationException.
        /// </summary>
        public void CheckInvariants()
        {
            lock (_sync)
            {
                Merge.CheckInvariants();
                int pages = 0, same = 0, huge = 0, unindexed = 0, indexed = 0, objects = 0;
                long bytes = 0;
                int n = Slots.Count;
                for (int g = 0; g < n; g++)
                {
                    int residence = Slots.Residence(g);
                    if (residence == SlotTable.Empty)
                    {
                        if (Slots.Size[g] != 0 || Slots.Value[g] != 0) throw new InvalidOperationException("empty slot with content");
                        continue;
                    }
                    if (OwnerOf(g) == null) throw new InvalidOperationException("slot with data outside every client");
                    pages++;
                    int form = Slots.Form(g);
                    if (residence == SlotTable.Same || residence == SlotTable.Backed)
                    {
                        if (form != SlotTable.Fast) throw new InvalidOperationException("a slot without an object has a form");
                    }
                    if (residence == SlotTable.Same) same++;
                    else if (residence == SlotTable.Owned)
                    {
                        unindexed++;
                        objects++;
                        bytes += Slots.Size[g];
                        if (_pool.GetSize(Slots.Value[g]) != Slots.Size[g]) throw new InvalidOperationException("slot size differs from its object");
                    }
                    else if (residence == SlotTable.Shared)
                    {
                        indexed++;
                        int e = Slots.Value[g];
                        if (e < 0 || e >= Merge.Capacity || !Merge.IsLive(e)) throw new InvalidOperationException("slot points at a free merge entry");
                        if (_pool.GetSize(Merge.HandleOf(e)) != Slots.Size[g]) throw new InvalidOperationException("merged slot size differs from its object");
                        if (SlotTable.MergeFamily(form) != Merge.FamilyOf(e)) throw new InvalidOperationException("merged slot's form differs from its entry's");
                    }
                    else if (residence != SlotTable.Backed) throw new InvalidOperationException("unknown slot residence");
                    if (form > SlotTable.HcDict1) throw new InvalidOperationException("unknown slot form");
                    if (Slots.IsHuge(g))
                    {
                        huge++;
                        if (Slots.Size[g] != _pageSize) throw new InvalidOperationException("huge slot not page-sized");
                    }
                }
                for (int e = 0; e < Merge.Capacity; e++)
                {
                    if (!Merge.IsLive(e)) continue;
                    int refs = 0, size = -1;
                    for (int g = 0; g < n; g++)
                    {
                        if (Slots.Residence(g) == SlotTable.Shared && Slots.Value[g] == e)
                        {
                            refs++;
                            size = Slots.Size[g];
                        }
                    }
                    if (refs != Merge.RefsOf(e)) throw new InvalidOperationException("merge reference count differs from the slots");
                    objects++;
                    bytes += size;
                }
                if (pages != _pages || same != _samePages || huge != _hugePages || unindexed != Unindexed || indexed != IndexedSlots)
                    throw new InvalidOperationException("store counters differ from the slot table");
                if (objects != _objects || bytes != _comprBytes) throw new InvalidOperationException("object count or bytes differ");
                if (_pool.ObjectsInUse != _objects || _pool.ObjectBytes != _comprBytes)
                    throw new InvalidOperationException("pool objects differ from the store's");
                int live = 0;
                for (int i = 0; i < _clients.Length; i++)
                {
                    StoreClient c = _clients[i];
                    if (c == null) continue;
                    live++;
                    if (c.TableIndex != i) throw new InvalidOperationException("client row out of step");
                    int cp = 0, cs = 0, ch = 0;
                    long cb = 0;
                    for (int g = c.Base; g < c.Base + c.SlotCount; g++)
                    {
                        int residence = Slots.Residence(g);
                        if (residence == SlotTable.Empty) continue;
                        cp++;
                        if (residence == SlotTable.Same) cs++;
                        else cb += Slots.Size[g];
                        if (Slots.IsHuge(g)) ch++;
                    }
                    if (cp != c.Pages || cs != c.SameFilled || ch != c.HugePages || cb != c.StoredBytes)
                        throw new InvalidOperationException("client counters differ from its slots");
                    for (int j = i + 1; j < _clients.Length; j++)
                    {
                        StoreClient o = _clients[j];
                        if (o != null && c.Base < o.Base + o.SlotCount && o.Base < c.Base + c.SlotCount)
                            throw new InvalidOperationException("client ranges overlap");
                    }
                }
                if (live != _clientCount) throw new InvalidOperationException("client count differs");
                _scanner.CheckInvariants();
                CheckBackingInvariants();
                if (_codec != null) _codec.Owner.CheckInvariants();
            }
        }

        internal StoreClient OwnerOf(int g)
        {
            for (int i = 0; i < _clients.Length; i++)
            {
                StoreClient c = _clients[i];
                if (c != null && g >= c.Base && g < c.Base + c.SlotCount) return c;
            }
            return null;
        }
    }
}
