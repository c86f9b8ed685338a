// The store's time source: milliseconds from any fixed origin, never going backwards. The store reads it
// for idle tracking and rate limits only (never the wall clock); Board's IClock implements it on boards,
// tests pass a manual clock.
namespace ZramEmbedded.Allocator.Store
{
    public interface IMonotonicClock
    {
        long Milliseconds { get; }
    }
}
