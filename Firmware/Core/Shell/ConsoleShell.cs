// The serial console's commands (the table is Commands). Execute runs one line: words separated by spaces
// (TAB already became a space in the line editor); a command with wrong arguments prints its usage line
// and does nothing; an unknown command gets a one-line hint with the word echoed cut and printable. The
// shell never throws on input. `watch` keeps the machine stepping while it waits.
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.Firmware.Apps;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class ConsoleShell
    {
        public const string Prompt = "zram> ";
        /// <summary>Lines `watch` prints in a non-interactive run when no count is given (no key can stop it).</summary>
        public const int BatchWatchLines = 3;

        private readonly Machine _m;
        private readonly IBoard _board;
        private readonly SerialConsole _console;
        private readonly SerialConsoleWriter _out;
        private readonly StatsReport _stats;
        private readonly AppsReport _apps;
        private readonly ArenaMap _map;
        private readonly PoolReport _classes;
        private readonly PressureReport _pressureReport;

        public ConsoleShell(Machine machine)
        {
            _m = machine;
            _board = machine.Board;
            _console = _board.Console;
            _out = new SerialConsoleWriter(_console);
            _stats = new StatsReport(machine);
            _apps = new AppsReport(machine.Workload);
            _map = new ArenaMap(machine.Pool);
            _classes = new PoolReport(machine.Pool);
            _pressureReport = new PressureReport(machine.Pressure);
        }

        /// <summary>True while running a script: `watch` then stops after BatchWatchLines lines.</summary>
        public bool Batch;

        /// <summary>Runs one command line; returns false when the shell should stop (`exit` on the PC).</summary>
        public bool Execute(string line)
        {
            string[] w = Words.Split(line);
            if (w.Length == 0) return true;
            string cmd = w[0];
            int args = w.Length - 1;
            switch (cmd)
            {
                case "help":
                    if (args == 0) Help();
                    else if (args == 1) HelpOn(w[1]);
                    else Usage(cmd);
                    return true;
                case "stats":
                    if (args != 0) return Usage(cmd);
                    _stats.Print(_out);
                    return true;
                case "apps":
                    if (args != 0) return Usage(cmd);
                    _apps.Print(_out);
                    return true;
                case "classes":
                    if (args > 1 || (args == 1 && w[1] != "all")) return Usage(cmd);
                    _classes.PrintClasses(_console, args == 1);
                    return true;
                case "map":
                    if (args != 0) return Usage(cmd);
                    _map.Print(_out);
                    return true;
                case "watch":
                    return Watch(w);
                case "compact":
                    if (args != 0) return Usage(cmd);
                    Compact();
                    return true;
                case "merge":
                    if (args != 0) return Usage(cmd);
                    Merge();
                    return true;
                case "trim":
                    return Trim(w);
                case "kill":
                    return Kill(w);
                case "pressure":
                    if (args != 0) return Usage(cmd);
                    _pressureReport.PrintSummary(_console);
                    return true;
                case "kills":
                    if (args != 0) return Usage(cmd);
                    _pressureReport.PrintKillLog(_console);
                    return true;
                case "writeback":
                    return Writeback(w);
                case "recompress":
                    return Recompress(w);
                case "button":
                    if (args != 0) return Usage(cmd);
                    _m.PressButton();
                    return true;
                case "led":
                    return Led(w);
                case "board":
                    if (args != 0) return Usage(cmd);
                    Board();
                    return true;
                case "uptime":
                    if (args != 0) return Usage(cmd);
                    _out.Line("uptime " + Format.Duration(_m.Now - _m.BootMs) + " (" + (_m.Now - _m.BootMs).ToString() + " ms)");
                    return true;
                case "version":
                    if (args != 0) return Usage(cmd);
                    _out.Line("ZramEmbedded " + Boot.Version);
                    return true;
                case "reset":
                    if (args != 0) return Usage(cmd);
                    Reset();
                    return true;
                case "reboot":
                    if (args != 0) return Usage(cmd);
                    if (_board.IsVirtual)
                    {
                        _out.Line("reboot: the virtual board does not reboot; 'exit' quits");
                        return true;
                    }
                    _out.Line("rebooting");
                    _board.Reboot();
                    return true;
                case "exit":
                    if (args != 0) return Usage(cmd);
                    if (!_board.IsVirtual)
                    {
                        _out.Line("exit: a board keeps running; 'reboot' restarts it");
                        return true;
                    }
                    return false;
                default:
                    _out.Line("unknown command '" + Words.Echo(cmd) + "' (try 'help')");
                    return true;
            }
        }

        private bool Usage(string cmd)
        {
            _out.Line(Commands.Usage(cmd));
            return true;
        }

        /// <summary>Column where `help` starts the summaries, and the width it wraps them at (a 80-column terminal).</summary>
        private const int HelpColumn = 28, HelpWidth = 80;

        private void Help()
        {
            _out.Line("commands:");
            for (int i = 0; i < Commands.Count; i++)
            {
                string name = Commands.Name(i);
                if ((name == "reboot" && _board.IsVirtual) || (name == "exit" && !_board.IsVirtual)) continue;
                string args = Commands.Arguments(i);
                string usage = name + (args.Length > 0 ? " " + args : "");
                // A usage too long for its column gets a line of its own; summaries wrap at HelpWidth.
                string summary = Commands.Summary(i);
                if (usage.Length >= HelpColumn - 3) { _out.Line("  " + usage); usage = ""; }
                string indent = "  " + Format.Left(usage, HelpColumn - 2);
                while (summary.Length > 0)
                {
                    int cut = Format.WrapAt(summary, HelpWidth - HelpColumn);
                    _out.Line(indent + summary.Substring(0, cut));
                    summary = summary.Substring(cut).TrimStart();
                    indent = new string(' ', HelpColumn);
                }
            }
            _out.Line(_board.IsVirtual ? "'help <command>' for one command; 'exit' or end of input quits"
                : "'help <command>' for one command; the board keeps running ('reboot' restarts it)");
        }

        private void HelpOn(string name)
        {
            int i = Commands.Find(name);
            if (i < 0)
            {
                _out.Line("no command '" + Words.Echo(name) + "' (try 'help')");
                return;
            }
            _out.Line(Commands.Usage(name).Substring(7) + ": " + Commands.Summary(i));
            if (name == "watch") _out.Line("  columns: " + StatsReport.WatchHeader.Trim() + "; any key stops it (on the PC's terminal: Enter)");
            if (name == "stats") _out.Line("  each '#name' line names the columns of the line below it (zram's sysfs files)");
            if (name == "writeback") _out.Line("  like zram's 'echo N > idle' then 'echo idle > writeback'; pages read later come back into the arena");
            if (name == "recompress") _out.Line("  like zram's 'echo N > idle' then 'echo type=idle > recompress': LZ4 HC against the store's dictionary; a page keeps the new form only when it takes a smaller size class");
            if (name == "map") _out.Line("  . free, # run, a-z size class (upper case: mostly full zspage)");
            if (name == "led") _out.Line("  pressure none: off, low: on, medium: slow blink (1 s), critical: fast blink (250 ms)");
            if (name == "kill" || name == "kills") _out.Line("  apps: " + _m.Workload.Names() + "; the killer takes the highest priority value first (see 'apps')");
        }

        private bool Watch(string[] w)
        {
            int seconds, count = 0;
            if (w.Length < 2 || w.Length > 3 || !Words.TryInt(w[1], 1, 3600, out seconds)
                || (w.Length == 3 && !Words.TryInt(w[2], 1, 100000, out count))) return Usage("watch");
            if (count == 0 && Batch) count = BatchWatchLines;
            _out.Line(StatsReport.WatchHeader);
            int printed = 0;
            while (true)
            {
                _stats.PrintWatchLine(_out);
                if (count > 0 && ++printed >= count) return true;
                long until = _m.Now + seconds * 1000L;
                while (_m.Now < until)
                {
                    // With a count the command is bounded and typed input waits for it; without one any key stops it.
                    if (count == 0 && (_console.PollKey() || _console.IsClosed)) return true;
                    if (!_m.Step()) _board.Clock.Sleep(2);
                }
            }
        }

        private void Compact()
        {
            _stats.Refresh();
            long before = _stats.Mm.PagesCompacted;
            int moved = _m.Pool.CompactAll();
            _stats.Refresh();
            _out.Line("compact: " + moved.ToString() + " B moved, pages_compacted " + before.ToString() + " -> " + _stats.Mm.PagesCompacted.ToString());
        }

        private void Merge()
        {
            _stats.Refresh();
            long before = _stats.Mm.PagesMerged;
            long units = 0;
            int u;
            while ((u = _m.Store.MergeSlice(4096)) > 0) units += u;
            _stats.Refresh();
            _out.Line("merge: scanned (" + units.ToString() + " units), pages_merged " + before.ToString() + " -> " + _stats.Mm.PagesMerged.ToString());
        }

        // The "<idle|huge|huge_idle[|all]> [seconds]" arguments of writeback and recompress (zram's page
        // selections): the mode word's index in IdleModes, -1 when the arguments are wrong; seconds 0 if absent.
        private static readonly string[] IdleModes = { "idle", "huge", "huge_idle", "all" };

        private static int IdleModeArgs(string[] w, bool allowAll, out int seconds)
        {
            seconds = 0;
            if (w.Length < 2 || w.Length > 3 || (w.Length == 3 && !Words.TryInt(w[2], 0, 86400, out seconds))) return -1;
            int modes = allowAll ? IdleModes.Length : IdleModes.Length - 1;
            for (int i = 0; i < modes; i++)
                if (w[1] == IdleModes[i]) return i;
            return -1;
        }

        private bool Writeback(string[] w)
        {
            int seconds;
            int k = IdleModeArgs(w, false, out seconds);
            if (k < 0) return Usage("writeback");
            WritebackMode mode = k == 0 ? WritebackMode.Idle : (k == 1 ? WritebackMode.Huge : WritebackMode.HugeIdle);
            if (!_m.Store.HasBackingStore)
            {
                _out.Line("writeback: no backing store on this board" + (_board.IsVirtual ? " (start with --backing FILE)" : ""));
                return true;
            }
            _stats.Refresh();
            long before = _stats.Mm.MemUsedTotal;
            if (mode != WritebackMode.Huge) _m.Store.MarkIdle(seconds * 1000L);
            int total = 0, n;
            while ((n = _m.Store.Writeback(mode, PageStore.WritebackBatch)) > 0) total += n;
            _stats.Refresh();
            _out.Line("writeback " + w[1] + ": " + total.ToString() + " pages written, bd_count " + _stats.Bd.BdCount.ToString() + ", bd_writes "
                + _stats.Bd.BdWrites.ToString() + ", arena use " + Format.Kib(before) + " -> " + Format.Kib(_stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }

        /// <summary>Most recompression slices one command runs (each bounded; a full pass of a 4 MiB store needs far fewer).</summary>
        private const int RecompressMaxSlices = 100000;

        private bool Recompress(string[] w)
        {
            int seconds;
            int k = IdleModeArgs(w, true, out seconds);
            if (k < 0) return Usage("recompress");
            RecompressType type = k == 0 ? RecompressType.Idle : (k == 1 ? RecompressType.Huge : (k == 2 ? RecompressType.HugeIdle : RecompressType.All));
            if (_m.Recompress == null)
            {
                _out.Line("recompress: not on this board (arena under " + (Machine.RecompressMinArenaBytes / 1024).ToString() + " KiB)");
                return true;
            }
            _stats.Refresh();
            long usedBefore = _stats.Mm.MemUsedTotal;
            long pagesBefore = _stats.Rc.RecompressedTotal;
            long rejectedBefore = _stats.Rc.Rejected;
            if (type == RecompressType.Idle || type == RecompressType.HugeIdle) _m.Store.MarkIdle(seconds * 1000L);
            for (int i = 0; i < RecompressMaxSlices && _m.Recompress.Slice(4096, type) > 0; i++) { }
            // Merged pages were recompressed as one copy per slot: the merge scan shares the copies again.
            for (int i = 0; i < RecompressMaxSlices && _m.Store.MergeSlice(4096) > 0; i++) { }
            _m.Pool.CompactAll(); // the room the smaller forms left, given back as whole frames
            _stats.Refresh();
            _out.Line("recompress " + w[1] + ": " + (_stats.Rc.RecompressedTotal - pagesBefore).ToString() + " pages recompressed, "
                + (_stats.Rc.Rejected - rejectedBefore).ToString() + " kept their form; dictionary v" + _stats.Rc.DictionaryVersion.ToString()
                + " (" + _stats.Rc.DictionaryBytes.ToString() + " B); arena use " + Format.Kib(usedBefore) + " -> " + Format.Kib(_stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }

        private bool Trim(string[] w)
        {
            int level;
            if (w.Length != 2 || !Words.TryInt(w[1], 1, 3, out level)) return Usage("trim");
            _stats.Refresh();
            long usedBefore = _stats.Mm.MemUsedTotal;
            int total = 0;
            string each = "";
            for (int i = 0; i < _m.Workload.Count; i++)
            {
                DemoApp a = _m.Workload[i];
                int n = a.Trim(level);
                total += n;
                each += (i == 0 ? "" : ", ") + a.Name + " " + n.ToString();
            }
            _m.Pool.CompactAll();
            _stats.Refresh();
            _out.Line("trim " + level.ToString() + ": " + total.ToString() + " pages dropped (" + each + "), arena use "
                + Format.Kib(usedBefore) + " -> " + Format.Kib(_stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }

        private bool Kill(string[] w)
        {
            if (w.Length != 2) return Usage("kill");
            DemoApp a = _m.Workload.Find(w[1]);
            if (a == null)
            {
                _out.Line("kill: no app '" + Words.Echo(w[1]) + "' (apps: " + _m.Workload.Names() + ")");
                return true;
            }
            if (a.State == AppState.Killed)
            {
                _out.Line("kill: " + a.Name + " is not running");
                return true;
            }
            int pages = a.PagesInUse;
            a.Kill(_m.Now);
            _out.Line("kill: " + a.Name + " killed, " + pages.ToString() + " pages freed; it restarts in " + (DemoApp.RestartDelayMs / 1000).ToString() + " s");
            return true;
        }

        private bool Led(string[] w)
        {
            if (w.Length == 1)
            {
                _out.Line(_m.Light.Describe(_m.Level));
                return true;
            }
            if (w.Length != 2) return Usage("led");
            if (w[1] == "on" || w[1] == "off") _m.Light.Manual(w[1] == "on");
            else if (w[1] == "auto") _m.Light.Auto(_m.Level);
            else return Usage("led");
            _out.Line(_m.Light.Describe(_m.Level));
            return true;
        }

        private void Board()
        {
            BoardProfile p = _board.Profile;
            _out.Line("board " + p.Name + (_board.IsVirtual ? " (virtual board on this PC)" : "") + ", " + p.Mcu);
            _out.Line("led pin " + Pin(p.LedPin) + ", button pin " + Pin(p.ButtonPin) + (p.ButtonPin >= 0 ? (p.ButtonActiveHigh ? " (active high)" : " (active low)") : "")
                + ", console " + (p.HasConsolePort ? p.ConsolePort : "none (debugger output only)"));
            _out.Line("arena " + (_m.ArenaBytes / 1024).ToString() + " KiB, pages of " + Machine.PageSize.ToString() + " B, " + _m.Store.SlotCount.ToString()
                + " slots, pool and store metadata " + (_m.Store.MetadataBytes).ToString() + " B");
        }

        private static string Pin(int pin)
        {
            return pin < 0 ? "none" : pin.ToString();
        }

        private void Reset()
        {
            _m.Store.ResetMemUsedMax();
            _m.Workload.ResetCounters();
            _m.Idle.ResetCounters();
            _out.Line("reset: counters zeroed (mismatch counts kept; zram's cumulative mm_stat counters are not resettable)");
        }
    }
}
