// The firmware's one loop. Interactive: show the prompt; between console bytes, step the machine (apps,
// idle work, LED); run each line as a command. Non-interactive (RunPlan): run the workload for the given
// seconds, then the script's commands (each echoed after the prompt, outputs in order), then read back and
// check every page and print a summary; the exit code is 1 when any app saw a mismatch, else 0.
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.Firmware
{
    public static class MainLoop
    {
        public static int RunInteractive(Machine machine, ConsoleShell shell)
        {
            SerialConsole console = machine.Board.Console;
            console.Prompt = ConsoleShell.Prompt;
            console.WriteLine("type 'help' for commands" + (machine.Board.IsVirtual ? ", 'exit' to quit" : ""));
            console.Write(ConsoleShell.Prompt);
            while (true)
            {
                string line;
                if (console.TryReadLine(out line))
                {
                    if (!shell.Execute(line)) break;
                    console.Write(ConsoleShell.Prompt);
                    continue;
                }
                if (console.IsClosed)
                {
                    console.WriteLine("");
                    break;
                }
                if (!machine.Step()) machine.Board.Clock.Sleep(2);
            }
            return machine.Workload.Mismatches > 0 ? 1 : 0;
        }

        public static int RunBatch(Machine machine, ConsoleShell shell, RunPlan plan)
        {
            SerialConsole console = machine.Board.Console;
            shell.Batch = true;
            if (plan.Seconds > 0)
            {
                console.WriteLine("running the workload for " + plan.Seconds.ToString() + " s");
                machine.RunFor(plan.Seconds * 1000L);
            }
            if (plan.Script != null)
            {
                for (int i = 0; i < plan.Script.Length; i++)
                {
                    console.WriteLine(ConsoleShell.Prompt + Words.Echo(plan.Script[i].Trim()));
                    if (!shell.Execute(plan.Script[i])) break;
                }
            }
            long found = machine.Workload.VerifyAll();
            long mismatches = machine.Workload.Mismatches;
            Summary(machine, found);
            return mismatches > 0 ? 1 : 0;
        }

        private static void Summary(Machine m, long foundAtEnd)
        {
            long writes = 0, reads = 0, nospace = 0, trims = 0, kills = 0, lost = 0;
            for (int i = 0; i < m.Workload.Count; i++)
            {
                writes += m.Workload[i].Writes;
                reads += m.Workload[i].Reads;
                nospace += m.Workload[i].NoSpaceWrites;
                trims += m.Workload[i].Trims;
                kills += m.Workload[i].Kills;
                lost += m.Workload[i].ReadFailures;
            }
            StatsReport stats = new StatsReport(m);
            stats.Refresh();
            SerialConsole c = m.Board.Console;
            c.WriteLine("summary: " + Format.Duration(m.Now - m.BootMs) + " run, " + writes.ToString() + " page writes (" + nospace.ToString() + " did not fit), "
                + reads.ToString() + " reads checked, final check of every stored page found " + foundAtEnd.ToString() + " mismatches");
            c.WriteLine("summary: ratio " + Format.Ratio(stats.Mm.OrigDataSize, stats.Mm.MemUsedTotal) + ":1, pages_merged " + stats.Mm.PagesMerged.ToString()
                + ", pages_compacted " + stats.Mm.PagesCompacted.ToString() + ", same_pages " + stats.Mm.SamePages.ToString() + ", trims " + trims.ToString()
                + ", kills " + kills.ToString() + ", pages lost " + lost.ToString());
            c.WriteLine("summary: mismatches " + m.Workload.Mismatches.ToString() + (m.Workload.Mismatches == 0 ? " (ok)" : " (FAILED)"));
        }
    }
}
