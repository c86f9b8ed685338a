// Shell tests' set-up: a machine on a ScriptedBoard with a 48 KiB arena (device-test sized), started, and
// helpers to run commands and read their output. Nano subset (part of the device suite).
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware;
using ZramEmbedded.Firmware.Shell;

namespace ZramEmbedded.UnitTests.Firmware
{
    internal static class ShellFixture
    {
        internal const int ArenaBytes = 48 * 1024;

        internal static readonly BoardProfile Small = new BoardProfile("TEST_BOARD", "test MCU", 5, 6, true, "COM9", ArenaBytes);

        internal static Machine NewMachine(ScriptedBoard board)
        {
            int arena = board.Profile.ArenaBytes;
            ZsPool pool = new ZsPool(new byte[arena], StoreConfig.PoolConfigFor(arena, Machine.PageSize));
            Machine m = new Machine(board, pool, arena);
            m.Start();
            return m;
        }

        /// <summary>Runs the commands on a fresh machine; returns everything printed.</summary>
        internal static string Run(params string[] commands)
        {
            ScriptedBoard board = new ScriptedBoard(new string[0], Small);
            ConsoleShell shell = new ConsoleShell(NewMachine(board));
            for (int i = 0; i < commands.Length; i++) shell.Execute(commands[i]);
            return board.Output;
        }

        /// <summary>The line of `text` that starts with `prefix`, or null.</summary>
        internal static string LineStarting(string text, string prefix)
        {
            string[] lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
                if (lines[i].StartsWith(prefix)) return lines[i];
            return null;
        }

        /// <summary>Number of space-separated fields of the line.</summary>
        internal static int Fields(string line)
        {
            string[] parts = line.Split(' ');
            int n = 0;
            for (int i = 0; i < parts.Length; i++)
                if (parts[i].Length > 0) n++;
            return n;
        }

        /// <summary>The number after "name " ... "-> " in a line like "merge: ..., pages_merged 3 -> 7".</summary>
        internal static long After(string line, string marker)
        {
            int at = line.IndexOf(marker);
            if (at < 0) return -1;
            long v = 0;
            int i = at + marker.Length;
            bool any = false;
            while (i < line.Length && line[i] >= '0' && line[i] <= '9')
            {
                v = v * 10 + (line[i] - '0');
                i++;
                any = true;
            }
            return any ? v : -1;
        }
    }
}
