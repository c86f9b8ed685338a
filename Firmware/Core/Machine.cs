// The running firmware: the board, the arena's pool, the page store over it, the low-memory killer
// (MemoryPressure: watermarks, reclaim ladder, kill log; with the board's backing store, writeback as its
// third rung; on larger arenas idle recompression), the demo workload, the idle scheduler and the status LED, and one Step that advances them all: run the apps' due operations; if they did nothing, give
// the idle scheduler its budget; update the pressure level and the LED; sample the user button (a press
// toggles surge mode); print each new kill as an event line. The console shell and the main loop call
// Step between reading console bytes, so everything runs on one thread and every step is bounded.
using ZramEmbedded.Allocator.Pool;
using ZramEmbedded.Allocator.Pressure;
using ZramEmbedded.Allocator.Store;
using ZramEmbedded.Board;
using ZramEmbedded.Firmware.Apps;
using ZramEmbedded.Firmware.Idle;

namespace ZramEmbedded.Firmware
{
    public sealed class Machine
    {
        /// <summary>Bytes per page of the page store: 1 KiB keeps a page's LZ4 work short on an MCU and still
        /// leaves tens to hundreds of pages in the arenas these boards can afford.</summary>
        public const int PageSize = 1024;
        public const int ButtonDebounceMs = 50;
        /// <summary>Idle recompression costs about 10 KB of working RAM at 1 KiB pages (10,440 B, RecompressConfig
        /// defaults): worth it from a 96 KiB arena up (the F429I's and F769I's); on smaller arenas (the Pico's 80 KiB,
        /// sized to fit a 144 KiB heap: BoardProfile) the same RAM as arena holds about as many pages.</summary>
        public const int RecompressMinArenaBytes = 96 * 1024;

        public readonly IBoard Board;
        public readonly ZsPool Pool;
        public readonly PageStore Store;
        public readonly Workload Workload;
        public readonly IdleScheduler Idle;
        public readonly MemoryPressure Pressure;
        public readonly StatusLight Light;
        /// <summary>Idle recompression (HC + dictionary); null on arenas under RecompressMinArenaBytes.</summary>
        public readonly Recompressor Recompress;
        public readonly int ArenaBytes;
        public readonly long BootMs;
        private readonly KillRecord _kill = new KillRecord();
        private long _killsShown;
        private bool _buttonWasDown;
        private long _buttonChangedMs;

        public Machine(IBoard board, ZsPool pool, int arenaBytes)
        {
            Board = board;
            Pool = pool;
            ArenaBytes = arenaBytes;
            Store = new PageStore(pool, StoreConfig.ForArena(arenaBytes, PageSize), board.Clock);
            Pressure = new MemoryPressure(Store, null, board.Clock);
            if (board.BackingStore != null)
            {
                Store.AttachBackingStore(board.BackingStore);
                Pressure.Writeback = new StoreWritebackStep(Store, board.Clock);
            }
            if (arenaBytes >= RecompressMinArenaBytes) Recompress = new Recompressor(Store, new RecompressConfig());
            Workload = new Workload(arenaBytes, PageSize);
            Idle = new IdleScheduler(Store, Pressure, Recompress, board.Clock);
            Light = new StatusLight(board.StatusLed);
            BootMs = board.Clock.Milliseconds;
        }

        public long Now { get { return Board.Clock.Milliseconds; } }

        /// <summary>Starts the apps and shows the pressure level.</summary>
        public void Start()
        {
            Workload.Start(Store, Pressure, Now);
            Light.Show((int)Pressure.Update());
        }

        /// <summary>One bounded turn of everything; returns true when there was anything to do.</summary>
        public bool Step()
        {
            long now = Now;
            SampleButton(now);
            int ops = Workload.Tick(now);
            int slices = ops == 0 ? Idle.Run() : 0;
            Light.Show((int)Pressure.Update(), now);
            ShowNewKills();
            return ops > 0 || slices > 0;
        }

        /// <summary>Pressure level as a number 0..3 (none, low, medium, critical).</summary>
        public int Level { get { return (int)Pressure.Level; } }

        /// <summary>Runs Step for `milliseconds` of board time, sleeping briefly when there is nothing to do.</summary>
        public void RunFor(long milliseconds)
        {
            long end = Now + milliseconds;
            while (Now < end)
            {
                if (!Step()) Board.Clock.Sleep(2);
            }
        }

        /// <summary>Each kill since the last turn becomes an event line ("* killed ..."), oldest first.</summary>
        private void ShowNewKills()
        {
            KillLog log = Pressure.KillLog;
            long total = log.TotalKills;
            if (total == _killsShown) return;
            long fresh = total - _killsShown;
            _killsShown = total;
            if (fresh > log.Count) fresh = log.Count;
            for (long age = fresh - 1; age >= 0; age--)
            {
                if (!log.TryGet((int)age, _kill)) continue;
                Board.Console.WriteEvent("* killed " + _kill.Victim + " (" + KillReasons.Name(_kill.Reason) + "): " + _kill.PagesFreed.ToString()
                    + " pages, " + _kill.BytesFreed.ToString() + " B freed; it restarts in " + (DemoApp.RestartDelayMs / 1000).ToString() + " s");
            }
        }

        /// <summary>The user button (or the `button` command): toggles surge mode.</summary>
        public void PressButton()
        {
            Workload.Surge = !Workload.Surge;
            Board.Console.WriteEvent(Workload.Surge
                ? "* button: surge on (the sensor logger records incompressible noise)"
                : "* button: surge off");
        }

        private void SampleButton(long now)
        {
            bool down = Board.UserButton.IsPressed;
            if (down == _buttonWasDown || now - _buttonChangedMs < ButtonDebounceMs) return;
            _buttonWasDown = down;
            _buttonChangedMs = now;
            if (down) PressButton();
        }
    }
}
