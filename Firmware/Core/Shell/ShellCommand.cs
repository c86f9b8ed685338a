// One console command as one record: its name, argument syntax and argument count, its one-line summary,
// the extra lines `help <command>` prints, where `help` lists it, and what it does. `help`,
// `help <command>`, usage lines, the unknown-command hint and execution all read this record (Commands lists
// them), so each command is declared in one place. A class per command rather than a delegate: nanoFramework
// has no Func<>/Action<>. The record is properties, not fields: the command objects live from boot to the end,
// and on the device each field is a 12-byte heap block (22 commands × 6 fields were 1.6 KB of a Pico's heap).
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    public abstract class ShellCommand
    {
        public abstract string Name { get; }

        /// <summary>Argument syntax for usage lines and `help`, e.g. "&lt;seconds&gt; [count]"; "" for none.</summary>
        public abstract string Arguments { get; }

        /// <summary>Fewest words after the name. A count outside MinArguments..MaxArguments prints the usage line
        /// and runs nothing; Run checks what the words say.</summary>
        public abstract int MinArguments { get; }

        /// <summary>Most words after the name.</summary>
        public abstract int MaxArguments { get; }

        /// <summary>One line for `help`; a command whose part is not in this build yet starts it with "(".</summary>
        public abstract string Summary { get; }

        /// <summary>Lines `help &lt;command&gt;` prints after the summary, each starting with two spaces and '\n'
        /// between them; null for none.</summary>
        protected virtual string Help { get { return null; } }

        /// <summary>"name arguments", as `help` lists the command.</summary>
        public string Syntax { get { return Arguments.Length > 0 ? Name + " " + Arguments : Name; } }

        /// <summary>"usage: name arguments": what the command prints for arguments it cannot take.</summary>
        public string Usage { get { return "usage: " + Syntax; } }

        /// <summary>False for a command whose part is not in this build yet (its summary starts with "(").</summary>
        public bool IsAvailable { get { return Summary.Length == 0 || Summary[0] != '('; } }

        /// <summary>True when `help` lists the command on this board (every command runs everywhere).</summary>
        public virtual bool IsListedOn(IBoard board) { return true; }

        /// <summary>Lines `help &lt;command&gt;` prints after the summary; null for none.</summary>
        public virtual string MoreHelp(ConsoleShell shell) { return Help; }

        /// <summary>Runs the command: words[0] is its name, and the argument count is within MinArguments ..
        /// MaxArguments. Returns false when the shell should stop (`exit` on the PC).</summary>
        public abstract bool Run(ConsoleShell shell, string[] words);
    }
}
