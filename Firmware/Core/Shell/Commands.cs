// The console's commands, in the order `help` lists them: one ShellCommand record each (ReportCommands,
// MemoryCommands, BoardCommands, HelpCommand), looked up by name for execution, `help <command>` and usage lines.
namespace ZramEmbedded.Firmware.Shell
{
    public static class Commands
    {
        private static readonly ShellCommand[] All =
        {
            new HelpCommand(),
            new StatsCommand(),
            new AppsCommand(),
            new ClassesCommand(),
            new MapCommand(),
            new WatchCommand(),
            new CompactCommand(),
            new MergeCommand(),
            new TrimCommand(),
            new KillCommand(),
            new PressureCommand(),
            new KillsCommand(),
            new WritebackCommand(),
            new RecompressCommand(),
            new ButtonCommand(),
            new LedCommand(),
            new BoardCommand(),
            new UptimeCommand(),
            new VersionCommand(),
            new ResetCommand(),
            new RebootCommand(),
            new ExitCommand(),
        };

        public static int Count { get { return All.Length; } }

        /// <summary>Command i in `help` order.</summary>
        public static ShellCommand At(int i) { return All[i]; }

        /// <summary>The command with this name, or null.</summary>
        public static ShellCommand Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
                if (All[i].Name == name) return All[i];
            return null;
        }
    }
}
