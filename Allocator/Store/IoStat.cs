// zram's io_stat columns, cumulative, filled in place by PageStore.GetIoStat (no allocation):
// - FailedReads: reads that returned ReadFailed (corrupt or lost data);
// - FailedWrites: writes that returned NoSpace;
// - InvalidIo: calls rejected as misuse (bad slot, bad buffer, released client); they throw and change
//   nothing else;
// - NotifyFree: Discard calls, plus the pages a client Release dropped.
namespace ZramEmbedded.Allocator.Store
{
    public sealed class IoStat
    {
        public long FailedReads;
        public long FailedWrites;
        public long InvalidIo;
        public long NotifyFree;
    }
}
