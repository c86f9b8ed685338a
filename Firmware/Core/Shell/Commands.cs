// The console's command table: name, argument syntax, one-line summary, and whether the command is in this
// build (commands that need a part still being written say so in `help` and when run). Kept apart from the
// shell so `help`, usage lines and the unknown-command hint all read the same table.
namespace ZramEmbedded.Firmware.Shell
{
    public static class Commands
    {
        // name, arguments, summary; a command whose summary starts with "(" is not available yet.
        private static readonly string[] Table =
        {
            "help", "[command]", "list commands, or explain one",
            "stats", "", "zram's mm_stat, io_stat and bd_stat lines, then a summary",
            "apps", "", "the demo apps: priority, pages, footprint, state, checks",
            "classes", "[all]", "per size class table of the pool",
            "map", "", "picture of the arena: each frame by class and fullness, runs, free frames",
            "watch", "<seconds> [count]", "one stats line every <seconds>, [count] times or until a key",
            "compact", "", "compact the pool now (raises pages_compacted)",
            "merge", "", "merge identical pages now (raises pages_merged)",
            "trim", "<1|2|3>", "ask every app to drop pages it can rebuild (1 a few .. 3 all it can)",
            "kill", "<app>", "kill an app through the low-memory killer; it restarts later",
            "pressure", "", "pressure level and watermarks",
            "kills", "", "the low-memory killer's log: who was killed, when, why, what it freed",
            "writeback", "<idle|huge|huge_idle> [seconds]", "mark pages unused for [seconds] (default 0) idle, move matching ones to the backing store",
            "recompress", "<idle|huge|huge_idle|all> [seconds]", "mark pages unused for [seconds] (default 0) idle, compress matching ones again, harder",
            "button", "", "press the user button: toggles surge mode (the sensor logger records noise)",
            "led", "[on|off|auto]", "show the status LED, or set it (auto: show the pressure level)",
            "board", "", "board profile: MCU, pins, console port, arena",
            "uptime", "", "time since boot",
            "version", "", "firmware version",
            "reset", "", "zero the counters (apps, idle work, mem_used_max); mismatch counts stay",
            "reboot", "", "restart the board (on a board)",
            "exit", "", "quit (on the PC; end of input quits too)",
        };

        public static int Count { get { return Table.Length / 3; } }

        public static string Name(int i) { return Table[i * 3]; }
        public static string Arguments(int i) { return Table[i * 3 + 1]; }
        public static string Summary(int i) { return Table[i * 3 + 2]; }

        /// <summary>Index of the command, or -1.</summary>
        public static int Find(string name)
        {
            for (int i = 0; i < Count; i++)
                if (Table[i * 3] == name) return i;
            return -1;
        }

        /// <summary>"usage: name args".</summary>
        public static string Usage(string name)
        {
            int i = Find(name);
            if (i < 0) return "usage: " + name;
            string args = Arguments(i);
            return "usage: " + name + (args.Length > 0 ? " " + args : "");
        }

        /// <summary>False for a command whose part is not in this build yet (its summary starts with "(").</summary>
        public static bool IsAvailable(int i)
        {
            return Summary(i).Length == 0 || Summary(i)[0] != '(';
        }
    }
}
