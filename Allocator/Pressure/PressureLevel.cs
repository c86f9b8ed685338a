// How short of free arena space the store is, from Watermarks. Ordered: a higher value is more pressure.
// Names for printing live in PressureLevels (enum ToString gives a number on the device).
namespace ZramEmbedded.Allocator.Pressure
{
    public enum PressureLevel
    {
        /// <summary>Free space at or above the high watermark (or within hysteresis of it on the way down).</summary>
        None = 0,
        /// <summary>Free space below the high watermark: cheap idle reclaim (compaction, merge) is worth running.</summary>
        Low = 1,
        /// <summary>Free space below the low watermark: also writeback and Trim notifications.</summary>
        Medium = 2,
        /// <summary>Free space below the min watermark: the idle ladder may kill (after its cooldown).</summary>
        Critical = 3,
    }

    /// <summary>Printable names of PressureLevel values (no allocation: the strings are constants).</summary>
    public static class PressureLevels
    {
        public const int Count = 4;

        public static string Name(PressureLevel level)
        {
            switch (level)
            {
                case PressureLevel.None: return "none";
                case PressureLevel.Low: return "low";
                case PressureLevel.Medium: return "medium";
                case PressureLevel.Critical: return "critical";
                default: return "?";
            }
        }
    }
}
