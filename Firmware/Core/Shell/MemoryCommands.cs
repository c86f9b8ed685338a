// The commands that act on the memory: compact, merge, trim, kill, writeback, recompress. Each runs its work
// to the end in bounded slices and prints one line saying what changed.
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Firmware.Apps;

namespace ZramEmbedded.Firmware.Shell
{
    internal sealed class CompactCommand : ShellCommand
    {
        public override string Name { get { return "compact"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "compact the pool now (raises pages_compacted)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            StatsReport stats = shell.Stats;
            stats.Refresh();
            long before = stats.Mm.PagesCompacted;
            int moved = shell.Machine.Pool.CompactAll();
            stats.Refresh();
            shell.Out.Line("compact: " + moved.ToString() + " B moved, pages_compacted " + before.ToString() + " -> " + stats.Mm.PagesCompacted.ToString());
            return true;
        }
    }

    internal sealed class MergeCommand : ShellCommand
    {
        public override string Name { get { return "merge"; } }
        public override string Arguments { get { return ""; } }
        public override int MinArguments { get { return 0; } }
        public override int MaxArguments { get { return 0; } }
        public override string Summary { get { return "merge identical pages now (raises pages_merged)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            StatsReport stats = shell.Stats;
            stats.Refresh();
            long before = stats.Mm.PagesMerged;
            long units = 0;
            int u;
            while ((u = shell.Machine.Store.MergeSlice(4096)) > 0) units += u;
            stats.Refresh();
            shell.Out.Line("merge: scanned (" + units.ToString() + " units), pages_merged " + before.ToString() + " -> " + stats.Mm.PagesMerged.ToString());
            return true;
        }
    }

    internal sealed class TrimCommand : ShellCommand
    {
        public override string Name { get { return "trim"; } }
        public override string Arguments { get { return "<1|2|3>"; } }
        public override int MinArguments { get { return 1; } }
        public override int MaxArguments { get { return 1; } }
        public override string Summary { get { return "ask every app to drop pages it can rebuild (1 a few .. 3 all it can)"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            int level;
            if (!Words.TryInt(w[1], 1, 3, out level)) return shell.Usage(this);
            Machine m = shell.Machine;
            shell.Stats.Refresh();
            long usedBefore = shell.Stats.Mm.MemUsedTotal;
            int total = 0;
            string each = "";
            for (int i = 0; i < m.Workload.Count; i++)
            {
                DemoApp a = m.Workload[i];
                int n = a.Trim(level);
                total += n;
                each += (i == 0 ? "" : ", ") + a.Name + " " + n.ToString();
            }
            m.Pool.CompactAll();
            shell.Stats.Refresh();
            shell.Out.Line("trim " + level.ToString() + ": " + total.ToString() + " pages dropped (" + each + "), arena use "
                + Format.Kib(usedBefore) + " -> " + Format.Kib(shell.Stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }
    }

    internal sealed class KillCommand : ShellCommand
    {
        public override string Name { get { return "kill"; } }
        public override string Arguments { get { return "<app>"; } }
        public override int MinArguments { get { return 1; } }
        public override int MaxArguments { get { return 1; } }
        public override string Summary { get { return "kill an app through the low-memory killer; it restarts later"; } }

        /// <summary>The extra `help` line of kill and kills: the apps' names and who goes first.</summary>
        internal static string AppsHelp(ConsoleShell shell)
        {
            return "  apps: " + shell.Machine.Workload.Names() + "; the killer takes the highest priority value first (see 'apps')";
        }

        public override string MoreHelp(ConsoleShell shell) { return AppsHelp(shell); }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            Machine m = shell.Machine;
            DemoApp a = m.Workload.Find(w[1]);
            if (a == null)
            {
                shell.Out.Line("kill: no app '" + Words.Echo(w[1]) + "' (apps: " + m.Workload.Names() + ")");
                return true;
            }
            if (a.State == AppState.Killed)
            {
                shell.Out.Line("kill: " + a.Name + " is not running");
                return true;
            }
            int pages = a.PagesInUse;
            a.Kill(m.Now);
            shell.Out.Line("kill: " + a.Name + " killed, " + pages.ToString() + " pages freed; it restarts in " + (DemoApp.RestartDelayMs / 1000).ToString() + " s");
            return true;
        }
    }

    /// <summary>The "&lt;idle|huge|huge_idle[|all]&gt; [seconds]" arguments of writeback and recompress (zram's page
    /// selections).</summary>
    internal static class IdleModeArguments
    {
        private static readonly string[] Modes = { "idle", "huge", "huge_idle", "all" };

        /// <summary>The mode word's index in idle, huge, huge_idle, all; -1 when the words are wrong. Seconds is 0
        /// when absent.</summary>
        internal static int Parse(string[] w, bool allowAll, out int seconds)
        {
            seconds = 0;
            if (w.Length == 3 && !Words.TryInt(w[2], 0, 86400, out seconds)) return -1;
            int modes = allowAll ? Modes.Length : Modes.Length - 1;
            for (int i = 0; i < modes; i++)
                if (w[1] == Modes[i]) return i;
            return -1;
        }
    }

    internal sealed class WritebackCommand : ShellCommand
    {
        public override string Name { get { return "writeback"; } }
        public override string Arguments { get { return "<idle|huge|huge_idle> [seconds]"; } }
        public override int MinArguments { get { return 1; } }
        public override int MaxArguments { get { return 2; } }
        public override string Summary { get { return "mark pages unused for [seconds] (default 0) idle, move matching ones to the backing store"; } }
        protected override string Help { get { return "  like zram's 'echo N > idle' then 'echo idle > writeback'; pages read later come back into the arena"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            int seconds;
            int k = IdleModeArguments.Parse(w, false, out seconds);
            if (k < 0) return shell.Usage(this);
            WritebackMode mode = k == 0 ? WritebackMode.Idle : (k == 1 ? WritebackMode.Huge : WritebackMode.HugeIdle);
            PageStore store = shell.Machine.Store;
            if (!store.HasBackingStore)
            {
                shell.Out.Line("writeback: no backing store on this board" + (shell.Board.IsVirtual ? " (start with --backing FILE)" : ""));
                return true;
            }
            StatsReport stats = shell.Stats;
            stats.Refresh();
            long before = stats.Mm.MemUsedTotal;
            if (mode != WritebackMode.Huge) store.MarkIdle(seconds * 1000L);
            int total = 0, n;
            while ((n = store.Writeback(mode, PageStore.WritebackBatch)) > 0) total += n;
            stats.Refresh();
            shell.Out.Line("writeback " + w[1] + ": " + total.ToString() + " pages written, bd_count " + stats.Bd.BdCount.ToString() + ", bd_writes "
                + stats.Bd.BdWrites.ToString() + ", arena use " + Format.Kib(before) + " -> " + Format.Kib(stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }
    }

    internal sealed class RecompressCommand : ShellCommand
    {
        /// <summary>Most recompression slices one command runs (each bounded; a full pass of a 4 MiB store needs far fewer).</summary>
        private const int MaxSlices = 100000;

        public override string Name { get { return "recompress"; } }
        public override string Arguments { get { return "<idle|huge|huge_idle|all> [seconds]"; } }
        public override int MinArguments { get { return 1; } }
        public override int MaxArguments { get { return 2; } }
        public override string Summary { get { return "mark pages unused for [seconds] (default 0) idle, compress matching ones again, harder"; } }
        protected override string Help { get { return "  like zram's 'echo N > idle' then 'echo type=idle > recompress': LZ4 HC against the store's dictionary; a page keeps the new form only when it takes a smaller size class"; } }

        public override bool Run(ConsoleShell shell, string[] w)
        {
            int seconds;
            int k = IdleModeArguments.Parse(w, true, out seconds);
            if (k < 0) return shell.Usage(this);
            RecompressType type = k == 0 ? RecompressType.Idle : (k == 1 ? RecompressType.Huge : (k == 2 ? RecompressType.HugeIdle : RecompressType.All));
            Machine m = shell.Machine;
            if (m.Recompress == null)
            {
                shell.Out.Line("recompress: not on this board (arena under " + (Machine.RecompressMinArenaBytes / 1024).ToString() + " KiB)");
                return true;
            }
            StatsReport stats = shell.Stats;
            stats.Refresh();
            long usedBefore = stats.Mm.MemUsedTotal;
            long pagesBefore = stats.Rc.RecompressedTotal;
            long rejectedBefore = stats.Rc.Rejected;
            if (type == RecompressType.Idle || type == RecompressType.HugeIdle) m.Store.MarkIdle(seconds * 1000L);
            IdleWork.RunAll(m.Store, type, MaxSlices); // recompress, merge the copies of shared pages again, compact
            stats.Refresh();
            shell.Out.Line("recompress " + w[1] + ": " + (stats.Rc.RecompressedTotal - pagesBefore).ToString() + " pages recompressed, "
                + (stats.Rc.Rejected - rejectedBefore).ToString() + " kept their form; dictionary v" + stats.Rc.DictionaryVersion.ToString()
                + " (" + stats.Rc.DictionaryBytes.ToString() + " B); arena use " + Format.Kib(usedBefore) + " -> " + Format.Kib(stats.Mm.MemUsedTotal) + " KiB");
            return true;
        }
    }
}
