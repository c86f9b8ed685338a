// The pool's figures at one moment, as the reclaim ladder reads them: bytes in use (frames used × frame
// size, zram's mem_used_total), the capacity (the arena, or mem_limit when set and smaller) and what is free
// under it. ReclaimLadder.ReadPool fills its one instance and returns it; whoever uses figures takes them
// from that return, so no answer depends on a field some earlier call updated. A class, not a struct: on
// nanoFramework every struct value is a heap object, so a value type here would allocate on each read.
namespace ZramEmbedded.Allocator.Pressure
{
    internal sealed class PoolFigures
    {
        /// <summary>Instance fields on the device (DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 2;

        internal long Used;
        internal long Capacity;

        internal long Free { get { return Capacity > Used ? Capacity - Used : 0; } }
    }
}
