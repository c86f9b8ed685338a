// The commands that only report: stats, apps, classes, map, watch, pressure, kills (the reports are the
// shell's; `watch` keeps the machine stepping while it waits).
namespace ZramEmbedded.Firmware.Shell
{
    internal sealed class StatsCommand : ShellCommand
    {
        public override string Name { get { return "stats"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "zram's mm_stat, io_stat and bd_stat lines, then a summary"; } }
        protected override string Help { get { return "  each '#name' line names the columns of the line below it (zram's sysfs files)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.Stats.Print(shell.Out);
            return true;
        }
    }

    internal sealed class AppsCommand : ShellCommand
    {
        public override string Name { get { return "apps"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "the demo apps: priority, pages, footprint, state, checks"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.Apps.Print(shell.Out);
            return true;
        }
    }

    internal sealed class ClassesCommand : ShellCommand
    {
        public override string Name { get { return "classes"; } }
        public override string Arguments { get { return "[all]"; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 1; } }
        public override string Summary { get { return "per size class table of the pool"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            if (w.Length == 2 && w[1] != "all") return shell.Usage(this);
            shell.Classes.PrintClasses(shell.Console, w.Length == 2);
            return true;
        }
    }

    internal sealed class MapCommand : ShellCommand
    {
        public override string Name { get { return "map"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "picture of the arena: each frame by class and fullness, runs, free frames"; } }
        protected override string Help { get { return "  . free, # run, a-z size class (upper case: mostly full zspage)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.Map.Print(shell.Out);
            return true;
        }
    }

    internal sealed class WatchCommand : ShellCommand
    {
        public override string Name { get { return "watch"; } }
        public override string Arguments { get { return "<seconds> [count]"; } }
        public override int MinArguments { get { return 1; } }
        public override int MaxArguments { get { return 2; } }
        public override string Summary { get { return "one stats line every <seconds>, [count] times or until a key"; } }
        protected override string Help { get { return "  columns: " + StatsReport.WatchHeader.Trim() + "; any key stops it (on the PC's terminal: Enter)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            int seconds, count = 0;
            if (!Words.TryInt(w[1], 1, 3600, out seconds) || (w.Length == 3 && !Words.TryInt(w[2], 1, 100000, out count))) return shell.Usage(this);
            if (count == 0 && shell.Batch) count = ConsoleShell.BatchWatchLines;
            Machine m = shell.Machine;
            shell.Out.Line(StatsReport.WatchHeader);
            int printed = 0;
            while (true)
            {
                shell.Stats.PrintWatchLine(shell.Out);
                if (count > 0 && ++printed >= count) return true;
                long until = m.Now + seconds * 1000L;
                while (m.Now < until)
                {
                    // With a count the command is bounded and typed input waits for it; without one any key stops it.
                    if (count == 0 && (shell.Console.PollKey() || shell.Console.IsClosed)) return true;
                    if (!m.Step()) shell.Board.Clock.Sleep(2);
                }
            }
        }
    }

    internal sealed class PressureCommand : ShellCommand
    {
        public override string Name { get { return "pressure"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "pressure level and watermarks"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.PressureReport.PrintSummary(shell.Console);
            return true;
        }
    }

    internal sealed class KillsCommand : ShellCommand
    {
        public override string Name { get { return "kills"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "the low-memory killer's log: who was killed, when, why, what it freed"; } }

        public override string MoreHelp(ConsoleShell shell) { return KillCommand.AppsHelp(shell); }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.PressureReport.PrintKillLog(shell.Console);
            return true;
        }
    }
}
