// One client's counters, filled in place by StoreClient.GetStats (no allocation). Counts in pages, sizes
// in bytes:
// - Pages: slots holding data (same-filled included);
// - StoredBytes: pool-object bytes the client's slots reference (compressed size, page size for raw
//   pages); a merged object counts in full for every slot that references it;
// - SameFilled: slots kept as a repeated word; HugePages: slots stored raw;
// - Merged: slots whose object is shared with at least one other slot (of any client);
// - ExclusiveBytes: pool-object bytes that releasing this client would free now (objects no other
//   client's slot references).
namespace ZramEmbedded.Allocator.Store
{
    public sealed class ClientStats
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 6;

        public int Pages;
        public long StoredBytes;
        public int SameFilled;
        public int HugePages;
        public int Merged;
        public long ExclusiveBytes;
    }
}
