// Recompression figures for the console's `stats` (beside mm_stat), filled in place by
// Recompressor.GetStats (caller-owned, no allocation). Counts in pages, sizes in bytes.
// - PagesRecompressed: slots now holding a recompressed form; PagesWithDictionary: those referencing a
//   dictionary; PagesOnOldDictionary: those still on the previous dictionary (migrating);
// - RecompressedTotal: recompressions kept (cumulative); Rejected: attempts that saved less than the
//   threshold (the page is marked and not tried again until rewritten); BytesSaved: object bytes saved by
//   the kept recompressions (old size − new size, cumulative; rewrites do not take it back);
// - DictionaryBytes / DictionaryVersion: the current dictionary (0 / 0 = none yet); DictionaryBuilds:
//   dictionaries built; Migrated: pages moved from an old dictionary to the current one;
// - WorkingBytes: RAM the recompressor holds (encoder, builder, dictionaries, buffers).
namespace ZramEmbedded.Allocator.Store
{
    public sealed class RecompressStats
    {
        public long PagesRecompressed;
        public long PagesWithDictionary;
        public long PagesOnOldDictionary;
        public long RecompressedTotal;
        public long Rejected;
        public long BytesSaved;
        public long DictionaryBytes;
        public long DictionaryVersion;
        public long DictionaryBuilds;
        public long Migrated;
        public long WorkingBytes;
    }
}
