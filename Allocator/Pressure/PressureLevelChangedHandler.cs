// The level-change event's delegate. Non-generic (EventHandler<T> does not run on nanoFramework 1.x) and
// without an EventArgs object, so raising it allocates nothing. freeBytes and capacityBytes are the
// figures that caused the change (capacity = arena, or the store's mem_limit when smaller).
namespace ZramEmbedded.Allocator.Pressure
{
    public delegate void PressureLevelChangedHandler(PressureLevel previous, PressureLevel current, long freeBytes, long capacityBytes);
}
