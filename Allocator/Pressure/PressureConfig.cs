// Configuration of MemoryPressure: watermarks, the reclaim ladder's budget and limits, the kill log.
// Validated and copied by MemoryPressure (later changes to the caller's object have no effect).
// Units: per-mille of the capacity for watermarks, milliseconds for times, bytes for compaction chunks.
using System;

namespace ZramEmbedded.Allocator.Pressure
{
    public sealed class PressureConfig
    {
        public const LadderSteps AllSteps = LadderSteps.Compaction | LadderSteps.Merge | LadderSteps.Writeback
            | LadderSteps.Trim | LadderSteps.Kill;

        /// <summary>Free-space watermarks and hysteresis in ‰ of the capacity (see Watermarks).</summary>
        public int MinFreePermille = Watermarks.DefaultMinFreePermille;
        public int LowFreePermille = Watermarks.DefaultLowFreePermille;
        public int HighFreePermille = Watermarks.DefaultHighFreePermille;
        public int HysteresisPermille = Watermarks.DefaultHysteresisPermille;

        /// <summary>
        /// Time a reclaim for a write that did not fit may take (1..10000 ms). When it runs out, the ladder
        /// skips to its last rung: at most one kill (one hook) more, then it answers.
        /// </summary>
        public int ReclaimBudgetMs = 20;

        /// <summary>
        /// After a kill, pressure-driven (idle) kills wait this long (0..600000 ms), so one burst does not
        /// take several apps (lmkd's kill timeout, the cooldown users asked for). A write that cannot fit
        /// otherwise is not made to wait: it may kill at once (see MaxKillsPerReclaim).
        /// </summary>
        public int KillCooldownMs = 1000;

        /// <summary>
        /// Idle reclaim asks each client to trim at most once per this interval (0..600000 ms); a write that
        /// does not fit asks regardless (Trim is its cheaper alternative to a kill).
        /// </summary>
        public int TrimIntervalMs = 1000;

        /// <summary>Kills one reclaim call for a write may make, one at a time with a re-check after each (1..16).</summary>
        public int MaxKillsPerReclaim = 3;

        /// <summary>Bytes compaction may move between two checks of the budget and of "does it fit now" (256..1 MiB).</summary>
        public int CompactChunkBytes = 4096;

        /// <summary>Slots examined per merge slice in idle reclaim (MergeSlice's budget, 1..65536).</summary>
        public int MergeSliceBudget = 32;

        /// <summary>Entries in the registration table (0 = the store's MaxClients).</summary>
        public int MaxClients;

        /// <summary>Kills kept in the kill log (1..KillLog.MaxCapacity).</summary>
        public int KillLogCapacity = KillLog.DefaultCapacity;

        /// <summary>Rungs the ladder may use; AllSteps by default, LadderSteps.Kill alone for a kill-only killer.</summary>
        public LadderSteps Steps = AllSteps;

        public PressureConfig Clone()
        {
            PressureConfig c = new PressureConfig();
            c.MinFreePermille = MinFreePermille;
            c.LowFreePermille = LowFreePermille;
            c.HighFreePermille = HighFreePermille;
            c.HysteresisPermille = HysteresisPermille;
            c.ReclaimBudgetMs = ReclaimBudgetMs;
            c.KillCooldownMs = KillCooldownMs;
            c.MaxKillsPerReclaim = MaxKillsPerReclaim;
            c.TrimIntervalMs = TrimIntervalMs;
            c.CompactChunkBytes = CompactChunkBytes;
            c.MergeSliceBudget = MergeSliceBudget;
            c.MaxClients = MaxClients;
            c.KillLogCapacity = KillLogCapacity;
            c.Steps = Steps;
            return c;
        }

        /// <summary>Throws ArgumentOutOfRangeException naming the first field out of range.</summary>
        public void Validate()
        {
            // Watermarks validate their own fields (same exception type).
            new Watermarks(MinFreePermille, LowFreePermille, HighFreePermille, HysteresisPermille);
            if (ReclaimBudgetMs < 1 || ReclaimBudgetMs > 10000) throw new ArgumentOutOfRangeException("ReclaimBudgetMs");
            if (KillCooldownMs < 0 || KillCooldownMs > 600000) throw new ArgumentOutOfRangeException("KillCooldownMs");
            if (TrimIntervalMs < 0 || TrimIntervalMs > 600000) throw new ArgumentOutOfRangeException("TrimIntervalMs");
            if (MaxKillsPerReclaim < 1 || MaxKillsPerReclaim > 16) throw new ArgumentOutOfRangeException("MaxKillsPerReclaim");
            if (CompactChunkBytes < 256 || CompactChunkBytes > 1024 * 1024) throw new ArgumentOutOfRangeException("CompactChunkBytes");
            if (MergeSliceBudget < 1 || MergeSliceBudget > 65536) throw new ArgumentOutOfRangeException("MergeSliceBudget");
            if (MaxClients < 0 || MaxClients > RegistrationTable.MaxCapacity) throw new ArgumentOutOfRangeException("MaxClients");
            if (KillLogCapacity < 1 || KillLogCapacity > KillLog.MaxCapacity) throw new ArgumentOutOfRangeException("KillLogCapacity");
            if (((int)Steps & ~(int)AllSteps) != 0) throw new ArgumentOutOfRangeException("Steps");
        }
    }
}
