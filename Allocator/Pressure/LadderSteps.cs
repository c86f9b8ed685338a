// The rungs of the reclaim ladder as flags, cheapest first. A kill record keeps the set the ladder had
// tried in the same call before it killed, so the log shows that the cheaper steps came first.
namespace ZramEmbedded.Allocator.Pressure
{
    public enum LadderSteps
    {
        None = 0,
        Compaction = 1,
        Merge = 2,
        Writeback = 4,
        Trim = 8,
        Kill = 16,
    }

    public static class LadderStepNames
    {
        /// <summary>Name of one step (a single flag); "?" for a combination.</summary>
        public static string Name(LadderSteps step)
        {
            switch (step)
            {
                case LadderSteps.None: return "none";
                case LadderSteps.Compaction: return "compaction";
                case LadderSteps.Merge: return "merge";
                case LadderSteps.Writeback: return "writeback";
                case LadderSteps.Trim: return "trim";
                case LadderSteps.Kill: return "kill";
                default: return "?";
            }
        }
    }
}
