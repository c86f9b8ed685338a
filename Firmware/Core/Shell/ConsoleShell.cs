// The serial console's shell. Execute runs one line: words separated by spaces (TAB already became a space
// in the line editor); the first word names a command of Commands, whose record says how many arguments it
// takes (a wrong count, or arguments it cannot take, prints its usage line and does nothing) and runs it.
// An unknown command gets a one-line hint with the word echoed cut and printable. The shell never throws on
// input. It holds what the commands share: the machine, the console and the reports.
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class ConsoleShell
    {
        public const string Prompt = "zram> ";
        /// <summary>Lines `watch` prints in a non-interactive run when no count is given (no key can stop it).</summary>
        public const int BatchWatchLines = 3;

        internal readonly Machine Machine;
        internal readonly IBoard Board;
        internal readonly SerialConsole Console;
        internal readonly SerialConsoleWriter Out;
        internal readonly StatsReport Stats;
        internal readonly AppsReport Apps;
        internal readonly ArenaMap Map;
        internal readonly PoolReport Classes;
        internal readonly PressureReport PressureReport;

        public ConsoleShell(Machine machine)
        {
            Machine = machine;
            Board = machine.Board;
            Console = Board.Console;
            Out = new SerialConsoleWriter(Console);
            Stats = new StatsReport(machine);
            Apps = new AppsReport(machine.Workload);
            Map = new ArenaMap(machine.Pool);
            Classes = new PoolReport(machine.Pool);
            PressureReport = new PressureReport(machine.Pressure);
        }

        /// <summary>True while running a script: `watch` then stops after BatchWatchLines lines.</summary>
        public bool Batch;

        /// <summary>Runs one command line; returns false when the shell should stop (`exit` on the PC).</summary>
        public bool Execute(string line)
        {
            string[] w = Words.Split(line);
            if (w.Length == 0) return true;
            ShellCommand command = Commands.Find(w[0]);
            if (command == null)
            {
                Out.Line("unknown command '" + Words.Echo(w[0]) + "' (try 'help')");
                return true;
            }
            int args = w.Length - 1;
            if (args < command.MinArguments || args > command.MaxArguments) return Usage(command);
            return command.Run(this, w);
        }

        /// <summary>Prints the command's usage line; returns true (the shell goes on).</summary>
        internal bool Usage(ShellCommand command)
        {
            Out.Line(command.Usage);
            return true;
        }
    }
}
