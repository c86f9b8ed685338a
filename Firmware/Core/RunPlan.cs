// What a run does: interactive (the console until it closes or `exit`), or non-interactive for demos and
// CI: run the workload for Seconds, then the Script's commands in order, then print a summary. The PC's
// option parser (--seconds, --script) builds it; a board always runs interactively.
namespace ZramEmbedded.Firmware
{
    public sealed class RunPlan
    {
        public static readonly RunPlan Interactive = new RunPlan(-1, null);

        public RunPlan(int seconds, string[] script)
        {
            Seconds = seconds;
            Script = script;
        }

        /// <summary>Workload seconds before the script; -1 when not given.</summary>
        public int Seconds { get; private set; }

        /// <summary>Commands to run, one per element; null when none.</summary>
        public string[] Script { get; private set; }

        public bool IsBatch { get { return Seconds >= 0 || Script != null; } }
    }
}
