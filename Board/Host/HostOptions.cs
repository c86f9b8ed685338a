// Command-line options of the firmware on the PC (`dotnet run --project Firmware -- [options]`):
//   --board NAME        run within that board profile's budget (default VIRTUAL)
//   --console stdio|tcp:PORT   console on stdin/stdout (default) or on 127.0.0.1:PORT
//   --backing FILE      backing file for writeback
//   --script FILE       run the commands in FILE (one per line) instead of reading the console
//   --seconds N         run the workload for N seconds (before the script, if any), then print a summary
// --help prints one line per option (Help). The TCP console is interactive: with --seconds or --script the
// run would not read it, so that combination is refused.
// Parse never throws: it returns null and sets Error to a one-line message (the caller exits with 2).
// Host-only.
using System;
using System.Globalization;

namespace ZramEmbedded.Board.Host
{
    public sealed class HostOptions
    {
        public const string Usage =
            "usage: ZramEmbedded.Firmware [--board NAME] [--console stdio|tcp:PORT] [--backing FILE] [--script FILE] [--seconds N]";

        /// <summary>What --help prints: the usage line, then one line per option with its default.</summary>
        public static string Help()
        {
            return Usage + "\n" +
                "  --board NAME        run within that board profile's arena and heap budget (default VIRTUAL);\n" +
                BoardLines() +
                "  --console stdio|tcp:PORT\n" +
                "                      the shell on stdin/stdout (default), or on 127.0.0.1:PORT for a terminal\n" +
                "                      program (nc, socat, telnet); tcp is interactive only: not with --seconds\n" +
                "                      or --script\n" +
                "  --backing FILE      enable writeback to FILE, created if missing and sized for 4x the arena in\n" +
                "                      pages (default: none: writeback is off)\n" +
                "  --script FILE       run FILE's commands (one per line) instead of reading the console, then\n" +
                "                      print a summary and exit (default: interactive)\n" +
                "  --seconds N         run the demo workload for N seconds (0..86400) without a console; with\n" +
                "                      --script, the workload runs first, then the script (default: interactive)\n" +
                "  --help, -h          print this and exit\n" +
                "exit code: 0 when no app read back a wrong byte, 1 when one did, 2 for bad options";
        }

        /// <summary>The board names, indented under --board, a few per line.</summary>
        private static string BoardLines()
        {
            string lines = "", line = "                      NAME is";
            BoardProfile[] boards = BoardProfile.Known();
            for (int i = 0; i < boards.Length; i++)
            {
                string name = " " + boards[i].Name + (i + 1 < boards.Length ? "," : "");
                if (line.Length + name.Length > 100) { lines += line + "\n"; line = "                     "; }
                line += name;
            }
            return lines + line + "\n";
        }

        public BoardProfile Board { get; private set; } = BoardProfile.Virtual;
        /// <summary>0 = stdin/stdout; otherwise the TCP port on 127.0.0.1.</summary>
        public int TcpPort { get; private set; }
        public string BackingFile { get; private set; }
        public string ScriptFile { get; private set; }
        /// <summary>Workload seconds; -1 when not given.</summary>
        public int Seconds { get; private set; } = -1;
        public bool ShowHelp { get; private set; }

        /// <summary>True when the run is non-interactive (script and/or timed workload).</summary>
        public bool IsBatch => ScriptFile != null || Seconds >= 0;

        public static HostOptions Parse(string[] args, out string error)
        {
            var o = new HostOptions();
            error = null;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                if (a == "--help" || a == "-h") { o.ShowHelp = true; continue; }
                if (a != "--board" && a != "--console" && a != "--backing" && a != "--script" && a != "--seconds")
                {
                    error = "unknown option '" + Printable(a) + "' (" + Usage.Substring("usage: ".Length) + ")";
                    return null;
                }
                if (i + 1 >= args.Length) { error = a + " needs a value"; return null; }
                string v = args[++i];
                switch (a)
                {
                    case "--board":
                        o.Board = BoardProfile.Find(v);
                        if (o.Board == null) { error = "unknown board '" + Printable(v) + "' (known: " + BoardProfile.KnownNames() + ")"; return null; }
                        break;
                    case "--console":
                        if (v == "stdio") { o.TcpPort = 0; break; }
                        if (!v.StartsWith("tcp:", StringComparison.Ordinal) || !TryParse(v.Substring(4), 1, 65535, out int port))
                        {
                            error = "bad --console '" + Printable(v) + "' (stdio or tcp:PORT with PORT 1..65535)";
                            return null;
                        }
                        o.TcpPort = port;
                        break;
                    case "--backing":
                        if (v.Length == 0) { error = "--backing needs a file name"; return null; }
                        o.BackingFile = v;
                        break;
                    case "--script":
                        if (!System.IO.File.Exists(v)) { error = "script file not found: " + Printable(v); return null; }
                        o.ScriptFile = v;
                        break;
                    case "--seconds":
                        if (!TryParse(v, 0, 86400, out int seconds)) { error = "bad --seconds '" + Printable(v) + "' (0..86400)"; return null; }
                        o.Seconds = seconds;
                        break;
                }
            }
            if (o.TcpPort > 0 && o.IsBatch)
            {
                error = "--console tcp:PORT is interactive and cannot be combined with --seconds or --script";
                return null;
            }
            return o;
        }

        private static bool TryParse(string s, int min, int max, out int value)
        {
            return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
        }

        /// <summary>An argument as it may be echoed: printable ASCII, at most 40 characters.</summary>
        private static string Printable(string s)
        {
            var chars = new char[Math.Min(s.Length, 40)];
            for (int i = 0; i < chars.Length; i++) chars[i] = s[i] >= ' ' && s[i] <= '~' ? s[i] : '?';
            return new string(chars) + (s.Length > 40 ? "..." : "");
        }
    }
}
