// Console views of memory pressure for the shell's `pressure` and `kills` commands: `pressure`
// prints the level against the watermarks, what each rung of the reclaim ladder gave back, kills and
// trims and the registered clients; `kills` prints the kill log newest first, one line per kill in the
// spirit of lmkd's killinfo (time, victim, priority, pages and bytes freed, reason, requester, steps tried,
// pool use before → after). Strings are built only when printing.
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class PressureReport
    {
        private readonly MemoryPressure _pressure;
        // Filled in place on each command.
        private readonly PressureStats _stats = new PressureStats();
        private readonly KillRecord _record = new KillRecord();
        private readonly int[] _ids;
        private readonly int[] _priorities;
        private readonly string[] _names;

        public PressureReport(MemoryPressure pressure)
        {
            _pressure = pressure;
            int n = pressure.Killer.Capacity;
            _ids = new int[n];
            _priorities = new int[n];
            _names = new string[n];
        }

        public void PrintSummary(IConsolePort console)
        {
            _pressure.Update();
            _pressure.GetStats(_stats);
            PressureStats s = _stats;
            Watermarks w = _pressure.Watermarks;
            console.WriteLine("pressure " + PressureLevels.Name(s.Level) + ": free " + s.FreeBytes.ToString() + " of " + s.CapacityBytes.ToString()
                + " B; watermarks min/low/high " + Permille(w.MinFreePermille) + "/" + Permille(w.LowFreePermille) + "/"
                + Permille(w.HighFreePermille) + " % free, hysteresis " + Permille(w.HysteresisPermille) + " %");
            console.WriteLine("reclaim calls " + s.ReclaimCalls.ToString() + " (" + s.ReclaimSatisfied.ToString() + " made room, "
                + s.ReclaimRefused.ToString() + " refused while running), idle runs " + s.IdleRuns.ToString()
                + ", worst " + s.WorstReclaimMs.ToString() + " ms (budget " + _pressure.Ladder.BudgetMs.ToString() + " ms)");
            console.WriteLine("bytes back: compaction " + s.CompactionBytes.ToString() + ", merge " + s.MergeBytes.ToString()
                + ", writeback " + s.WritebackBytes.ToString() + ", trim " + s.TrimBytes.ToString() + ", kill " + s.KillBytes.ToString());
            console.WriteLine("trims " + s.Trims.ToString() + ", kills " + s.Kills.ToString() + ", hook failures " + s.HookFailures.ToString()
                + (s.LastHookFailure != null ? " (last: " + s.LastHookFailure + ")" : "") + "; metadata " + s.MetadataBytes.ToString() + " B");
            int n = _pressure.Killer.Snapshot(_ids, _priorities, _names);
            console.WriteLine("clients " + n.ToString() + ":");
            for (int i = 0; i < n; i++)
                console.WriteLine("  " + _names[i] + " priority " + _priorities[i].ToString()
                    + (RegistrationTable.IsProtected(_priorities[i]) ? " (protected)" : ""));
        }

        public void PrintKillLog(IConsolePort console)
        {
            KillLog log = _pressure.KillLog;
            console.WriteLine("kills " + log.TotalKills.ToString() + " (write did not fit " + log.KillsFor(KillReason.WriteDidNotFit).ToString()
                + ", below min watermark " + log.KillsFor(KillReason.BelowMinWatermark).ToString() + ", requested "
                + log.KillsFor(KillReason.Requested).ToString() + "), last " + log.Count.ToString() + ":");
            for (int age = 0; log.TryGet(age, _record); age++) console.WriteLine("  " + Line(_record));
        }

        /// <summary>One kill as a line: "12345 ms browser adj 900: 14 pages, 9216 B, write-did-not-fit for ui (1024 B) after compaction+merge+trim, used 130048 -> 120832 B of 131072 (critical -> low)".</summary>
        public static string Line(KillRecord r)
        {
            string line = r.TimeMs.ToString() + " ms " + r.Victim + " adj " + r.Priority.ToString() + ": " + r.PagesFreed.ToString() + " pages, "
                + r.BytesFreed.ToString() + " B, " + KillReasons.Name(r.Reason);
            if (r.Requester != null) line += " for " + r.Requester + " (" + r.RequestBytes.ToString() + " B)";
            line += " after " + Steps(r.StepsTried);
            if (r.HookFailed) line += ", kill hook threw";
            return line + ", used " + r.UsedBytesBefore.ToString() + " -> " + r.UsedBytesAfter.ToString() + " B of " + r.CapacityBytes.ToString()
                + " (" + PressureLevels.Name(r.LevelBefore) + " -> " + PressureLevels.Name(r.LevelAfter) + ")";
        }

        private static string Steps(LadderSteps steps)
        {
            string s = "";
            for (int bit = 1; bit <= (int)LadderSteps.Kill; bit <<= 1)
            {
                if (((int)steps & bit) == 0) continue;
                s += (s.Length == 0 ? "" : "+") + LadderStepNames.Name((LadderSteps)bit);
            }
            return s.Length == 0 ? "nothing" : s;
        }

        private static string Permille(int permille)
        {
            return (permille / 10).ToString() + "." + (permille % 10).ToString();
        }
    }
}
