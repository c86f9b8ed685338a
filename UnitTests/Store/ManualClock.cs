// A clock the tests move by hand (IMonotonicClock), so idle ages and rate limits are deterministic.
using ZramEmbedded.Allocator.Store;

namespace ZramEmbedded.UnitTests.Store
{
    public sealed class ManualClock : IMonotonicClock
    {
        private long _ms;

        public long Milliseconds { get { return _ms; } }

        public void Advance(long ms)
        {
            _ms += ms;
        }
    }
}
