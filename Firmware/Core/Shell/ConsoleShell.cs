// The serial console: reads a line, runs the command, prints the answer, until the console closes or
// `exit`. Commands are words separated by spaces; unknown commands get a one-line hint, never a crash.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class ConsoleShell
    {
        public const string Prompt = "zram> ";

        private readonly IBoard _board;
        private readonly ZsPool _pool;
        private readonly PoolReport _report;

        public ConsoleShell(IBoard board, ZsPool pool)
        {
            _board = board;
            _pool = pool;
            _report = new PoolReport(pool);
        }

        /// <summary>Runs until end of input or `exit`.</summary>
        public void Run()
        {
            IConsolePort console = _board.Console;
            while (true)
            {
                console.Write(Prompt);
                string line = console.ReadLine();
                if (line == null) { console.WriteLine(""); return; }
                if (!Execute(line)) return;
            }
        }

        /// <summary>Runs one command line; returns false when the shell should stop.</summary>
        public bool Execute(string line)
        {
            IConsolePort console = _board.Console;
            string[] words = line.Trim().Split(' ');
            string command = words[0];
            switch (command)
            {
                case "":
                    return true;
                case "help":
                    console.WriteLine("commands: help, version, board, uptime, led on|off, pool, classes [all], compact, exit");
                    return true;
                case "version":
                    console.WriteLine("ZramEmbedded " + Boot.Version);
                    return true;
                case "board":
                    BoardProfile p = _board.Profile;
                    console.WriteLine("board " + p.Name + ", " + p.Mcu + ", arena " + (p.ArenaBytes / 1024).ToString() + " KiB, console " + p.ConsolePort);
                    return true;
                case "uptime":
                    console.WriteLine("uptime " + _board.Clock.Milliseconds.ToString() + " ms");
                    return true;
                case "led":
                    if (words.Length == 2 && (words[1] == "on" || words[1] == "off"))
                    {
                        _board.StatusLed.Set(words[1] == "on");
                        console.WriteLine("led " + words[1]);
                    }
                    else
                    {
                        console.WriteLine("usage: led on|off");
                    }
                    return true;
                case "pool":
                    _report.PrintTotals(console);
                    return true;
                case "classes":
                    _report.PrintClasses(console, words.Length > 1 && words[1] == "all");
                    return true;
                case "compact":
                    int moved = _pool.CompactAll();
                    console.WriteLine("compacted: " + moved.ToString() + " B moved");
                    _report.PrintTotals(console);
                    return true;
                case "exit":
                    return false;
                default:
                    console.WriteLine("unknown command '" + command + "' (try 'help')");
                    return true;
            }
        }
    }
}
