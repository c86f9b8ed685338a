// Why the low-memory killer killed a client (lmkd's users asked for kill reasons). Kept in the KillLog.
// Names for printing live in KillReasons (enum ToString gives a number on the device).
namespace ZramEmbedded.Allocator.Pressure
{
    public enum KillReason
    {
        None = 0,
        /// <summary>A store write did not fit after compaction, merge, writeback and trims; the record names the requester and the bytes it needed.</summary>
        WriteDidNotFit = 1,
        /// <summary>Idle reclaim found free space below the min watermark after the cheaper steps (pressure critical).</summary>
        BelowMinWatermark = 2,
        /// <summary>Asked for explicitly (console command or the firmware), not by the ladder.</summary>
        Requested = 3,
    }

    public static class KillReasons
    {
        public static string Name(KillReason reason)
        {
            switch (reason)
            {
                case KillReason.None: return "none";
                case KillReason.WriteDidNotFit: return "write-did-not-fit";
                case KillReason.BelowMinWatermark: return "below-min-watermark";
                case KillReason.Requested: return "requested";
                default: return "?";
            }
        }
    }
}
