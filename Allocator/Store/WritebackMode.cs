// Which pages Writeback moves to the backing store: zram's `echo idle|huge|huge_idle > writeback`.
namespace ZramEmbedded.Allocator.Store
{
    public enum WritebackMode
    {
        /// <summary>Pages marked idle (MarkAllIdle / MarkIdle) and not accessed since.</summary>
        Idle = 1,
        /// <summary>Huge pages (stored raw: they did not compress).</summary>
        Huge = 2,
        /// <summary>Pages both huge and idle.</summary>
        HugeIdle = 3,
    }
}
