// One kill as the KillLog keeps it: a caller-owned object that KillLog.Add reads and KillLog.TryGet
// fills, so logging and reading allocate nothing. Strings are references to the names the clients
// registered with (never built here). Units: milliseconds of the store's monotonic clock, bytes, pages.
namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class KillRecord
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        internal const int DeviceFields = 16;

        /// <summary>When the kill happened (IMonotonicClock milliseconds).</summary>
        public long TimeMs;
        /// <summary>The victim's registered name.</summary>
        public string Victim;
        /// <summary>The victim's registration id (RegistrationTable) at the time of the kill.</summary>
        public int VictimId;
        /// <summary>The victim's priority (oom_score_adj-like, 0..1000 for anything killable).</summary>
        public int Priority;
        /// <summary>Pages the victim held in the store just before the kill.</summary>
        public int PagesFreed;
        /// <summary>Arena bytes the kill gave back (pool use before minus after; 0 if the pool grew meanwhile).</summary>
        public int BytesFreed;
        public KillReason Reason;
        /// <summary>For WriteDidNotFit: the name of the client whose write did not fit; otherwise null.</summary>
        public string Requester;
        /// <summary>For WriteDidNotFit: the bytes that write needed; otherwise 0.</summary>
        public int RequestBytes;
        /// <summary>Cheaper ladder steps tried in the same reclaim call before this kill.</summary>
        public LadderSteps StepsTried;
        /// <summary>True when the victim's Kill hook threw (its pages were released anyway).</summary>
        public bool HookFailed;
        /// <summary>Pool state before and after: bytes used (zram's mem_used_total) and the capacity.</summary>
        public long UsedBytesBefore;
        public long UsedBytesAfter;
        public long CapacityBytes;
        /// <summary>Pressure level (without hysteresis) before and after the kill.</summary>
        public PressureLevel LevelBefore;
        public PressureLevel LevelAfter;

        public void Clear()
        {
            TimeMs = 0;
            Victim = null;
            VictimId = 0;
            Priority = 0;
            PagesFreed = 0;
            BytesFreed = 0;
            Reason = KillReason.None;
            Requester = null;
            RequestBytes = 0;
            StepsTried = LadderSteps.None;
            HookFailed = false;
            UsedBytesBefore = 0;
            UsedBytesAfter = 0;
            CapacityBytes = 0;
            LevelBefore = PressureLevel.None;
            LevelAfter = PressureLevel.None;
        }

        public void CopyFrom(KillRecord r)
        {
            TimeMs = r.TimeMs;
            Victim = r.Victim;
            VictimId = r.VictimId;
            Priority = r.Priority;
            PagesFreed = r.PagesFreed;
            BytesFreed = r.BytesFreed;
            Reason = r.Reason;
            Requester = r.Requester;
            RequestBytes = r.RequestBytes;
            StepsTried = r.StepsTried;
            HookFailed = r.HookFailed;
            UsedBytesBefore = r.UsedBytesBefore;
            UsedBytesAfter = r.UsedBytesAfter;
            CapacityBytes = r.CapacityBytes;
            LevelBefore = r.LevelBefore;
            LevelAfter = r.LevelAfter;
        }
    }
}
