// Which pages an idle recompression slice considers (zram's `recompress type=`): All (every page with an
// object), Idle (pages marked idle), Huge (pages stored raw), HugeIdle (raw and idle).
namespace ZramEmbedded.Allocator.Store
{
    public enum RecompressType
    {
        All = 0,
        Idle = 1,
        Huge = 2,
        HugeIdle = 3,
    }
}
