// Outcome of a store Write or Read that is not misuse (misuse throws). Ok; NoSpace: the write did not fit
// (nothing changed, the slot still reads its previous content); ReadFailed: that page's stored data is
// lost or corrupt (detected on decompression, or a backing-store read error), other pages are unaffected.
namespace ZramEmbedded.Allocator.Store
{
    public enum StoreResult
    {
        Ok = 0,
        NoSpace = 1,
        ReadFailed = 2,
    }
}
