// The commands about the board and the firmware: button, led, board, uptime, version, reset, reboot, exit.
// reboot is listed on boards and exit on the PC; both run everywhere and say why they do nothing there.
using ZramEmbedded.Board;

namespace ZramEmbedded.Firmware.Shell
{
    internal sealed class ButtonCommand : ShellCommand
    {
        public override string Name { get { return "button"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "press the user button: toggles surge mode (the sensor logger records noise)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.Machine.PressButton();
            return true;
        }
    }

    internal sealed class LedCommand : ShellCommand
    {
        public override string Name { get { return "led"; } }
        public override string Arguments { get { return "[on|off|auto]"; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 1; } }
        public override string Summary { get { return "show the status LED, or set it (auto: show the pressure level)"; } }
        protected override string Help { get { return "  pressure none: off, low: on, medium: slow blink (1 s), critical: fast blink (250 ms)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            Machine m = shell.Machine;
            if (w.Length == 2)
            {
                if (w[1] == "on" || w[1] == "off") m.Light.Manual(w[1] == "on");
                else if (w[1] == "auto") m.Light.Auto(m.Level);
                else return shell.Usage(this);
            }
            shell.Out.Line(m.Light.Describe(m.Level));
            return true;
        }
    }

    internal sealed class BoardCommand : ShellCommand
    {
        public override string Name { get { return "board"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "board profile: MCU, pins, console port, arena"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            Machine m = shell.Machine;
            BoardProfile p = shell.Board.Profile;
            shell.Out.Line("board " + p.Name + (shell.Board.IsVirtual ? " (virtual board on this PC)" : "") + ", " + p.Mcu);
            shell.Out.Line("led pin " + Pin(p.LedPin) + ", button pin " + Pin(p.ButtonPin) + (p.ButtonPin >= 0 ? (p.ButtonActiveHigh ? " (active high)" : " (active low)") : "")
                + ", console " + (p.HasConsolePort ? p.ConsolePort : "none (debugger output only)"));
            shell.Out.Line("arena " + (m.ArenaBytes / 1024).ToString() + " KiB, pages of " + Machine.PageSize.ToString() + " B, " + m.Store.SlotCount.ToString()
                + " slots, pool and store metadata " + (m.Store.MetadataBytes).ToString() + " B");
            return true;
        }

        private static string Pin(int pin)
        {
            return pin < 0 ? "none" : pin.ToString();
        }
    }

    internal sealed class UptimeCommand : ShellCommand
    {
        public override string Name { get { return "uptime"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "time since boot"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            Machine m = shell.Machine;
            shell.Out.Line("uptime " + Format.Duration(m.Now - m.BootMs) + " (" + (m.Now - m.BootMs).ToString() + " ms)");
            return true;
        }
    }

    internal sealed class VersionCommand : ShellCommand
    {
        public override string Name { get { return "version"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "firmware version"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            shell.Out.Line("ZramEmbedded " + Boot.Version);
            return true;
        }
    }

    internal sealed class ResetCommand : ShellCommand
    {
        public override string Name { get { return "reset"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "zero the counters (apps, idle work, mem_used_max); mismatch counts stay"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            Machine m = shell.Machine;
            m.Store.ResetMemUsedMax();
            m.Workload.ResetCounters();
            m.Idle.ResetCounters();
            shell.Out.Line("reset: counters zeroed (mismatch counts kept; zram's cumulative mm_stat counters are not resettable)");
            return true;
        }
    }

    internal sealed class RebootCommand : ShellCommand
    {
        public override string Name { get { return "reboot"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "restart the board (on a board)"; } }

        public override bool IsListedOn(IBoard board) { return !board.IsVirtual; }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            if (shell.Board.IsVirtual)
            {
                shell.Out.Line("reboot: the virtual board does not reboot; 'exit' quits");
                return true;
            }
            shell.Out.Line("rebooting");
            shell.Board.Reboot();
            return true;
        }
    }

    internal sealed class ExitCommand : ShellCommand
    {
        public override string Name { get { return "exit"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "quit (on the PC; end of input quits too)"; } }

        public override bool IsListedOn(IBoard board) { return board.IsVirtual; }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            if (shell.Board.IsVirtual) return false;
            shell.Out.Line("exit: a board keeps running; 'reboot' restarts it");
            return true;
        }
    }
}
