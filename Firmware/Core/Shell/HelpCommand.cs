// `help`: every command listed on this board with its arguments and summary, from the command records.
// Summaries start at HelpColumn and wrap within HelpWidth (an 80-column terminal); a usage too long for its
// column gets a line of its own. `help <command>`: one command's usage, summary and extra lines.
namespace ZramEmbedded.Firmware.Shell
{
    internal sealed class HelpCommand : ShellCommand
    {
        /// <summary>Column where `help` starts the summaries, and the width it wraps them at.</summary>
        private const int HelpColumn = 28, HelpWidth = 80;

        public override string Name { get { return "help"; } }
        public override string Arguments { get { return "[command]"; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 1; } }
        public override string Summary { get { return "list commands, or explain one"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            if (w.Length == 1) ListAll(shell);
            else ExplainOne(shell, w[1]);
            return true;
        }

        private static void ListAll(ConsoleShell shell)
        {
            SerialConsoleWriter o = shell.Out;
            o.Line("commands:");
            for (int i = 0; i < Commands.Count; i++)
            {
                ShellCommand c = Commands.At(i);
                if (!c.IsListedOn(shell.Board)) continue;
                string usage = c.Syntax;
                string summary = c.Summary;
                if (usage.Length >= HelpColumn - 3) { o.Line("  " + usage); usage = ""; }
                string indent = "  " + Format.Left(usage, HelpColumn - 2);
                while (summary.Length > 0)
                {
                    int cut = Format.WrapAt(summary, HelpWidth - HelpColumn);
                    o.Line(indent + summary.Substring(0, cut));
                    summary = summary.Substring(cut).TrimStart();
                    indent = new string(' ', HelpColumn);
                }
            }
            o.Line(shell.Board.IsVirtual ? "'help <command>' for one command; 'exit' or end of input quits"
                : "'help <command>' for one command; the board keeps running ('reboot' restarts it)");
        }

        private static void ExplainOne(ConsoleShell shell, string name)
        {
            ShellCommand c = Commands.Find(name);
            if (c == null)
            {
                shell.Out.Line("no command '" + Words.Echo(name) + "' (try 'help')");
                return;
            }
            shell.Out.Line(c.Syntax + ": " + c.Summary);
            string more = c.MoreHelp(shell);
            if (more != null) shell.Out.Line(more);
        }
    }
}
