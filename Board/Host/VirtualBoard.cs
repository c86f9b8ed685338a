// The virtual board: the firmware on a PC, within a chosen board profile's budget. The console is stdin/stdout
// (end of input closes it, so `printf 'help\n' | dotnet run --project Firmware` works) or a TCP port on
// 127.0.0.1 that a terminal program attaches to; both go through the same line editor as a board's UART.
// The LED is in memory and every change is printed as an event line ("* led on"); the clock is a Stopwatch.
// The user button is pressed from the console (the firmware's `button` command); `--backing FILE` gives
// writeback a file. Host-only.
using System;
using System.Diagnostics;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Host
{
    public sealed class VirtualBoard : IBoard
    {
        public VirtualBoard() : this(BoardProfile.Virtual, new StdioConsoleStream()) { }

        public VirtualBoard(BoardProfile profile, IConsoleStream consoleStream) : this(profile, consoleStream, null) { }

        /// <param name="backingStore">Writeback's backing store (a file, see FileBackingStore); null for none.</param>
        public VirtualBoard(BoardProfile profile, IConsoleStream consoleStream, ZramEmbedded.Allocator.Backing.IBackingStore backingStore)
        {
            BackingStore = backingStore;
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
            Console = new SerialConsole(consoleStream ?? throw new ArgumentNullException(nameof(consoleStream)));
            StatusLed = new VirtualLed(Console);
            UserButton = new VirtualButton();
            Clock = new StopwatchClock();
        }

        public BoardProfile Profile { get; }
        public ILed StatusLed { get; }
        public IButton UserButton { get; }
        public SerialConsole Console { get; }
        public IClock Clock { get; }
        public bool IsVirtual => true;
        public ZramEmbedded.Allocator.Backing.IBackingStore BackingStore { get; }

        public void Reboot() => throw new NotSupportedException("the virtual board does not reboot; use exit");

        /// <summary>An LED that reports each change of its state (on, off, blinking) on the console as an event line.</summary>
        private sealed class VirtualLed : ILed
        {
            private readonly SerialConsole _console;
            private readonly Stopwatch _since = Stopwatch.StartNew();
            private bool _on;

            public VirtualLed(SerialConsole console) => _console = console;

            public bool IsOn => BlinkPeriodMs == 0 ? _on : (_since.ElapsedMilliseconds % BlinkPeriodMs) < BlinkPeriodMs / 2;
            public int BlinkPeriodMs { get; private set; }

            public void Set(bool on)
            {
                if (on == _on && BlinkPeriodMs == 0) return;
                _on = on;
                BlinkPeriodMs = 0;
                _console.WriteEvent(on ? "* led on" : "* led off");
            }

            public void Blink(int periodMs)
            {
                if (periodMs < 100) throw new ArgumentOutOfRangeException(nameof(periodMs));
                if (periodMs == BlinkPeriodMs) return;
                BlinkPeriodMs = periodMs;
                _since.Restart();
                _console.WriteEvent("* led blinking, period " + periodMs + " ms");
            }
        }

        /// <summary>A button nobody presses physically (the console's `button` command stands in for it).</summary>
        private sealed class VirtualButton : IButton
        {
            public bool IsPressed => false;
        }

        private sealed class StopwatchClock : IClock
        {
            private readonly Stopwatch _watch = Stopwatch.StartNew();
            public long Milliseconds => _watch.ElapsedMilliseconds;
            public void Sleep(int milliseconds) => System.Threading.Thread.Sleep(milliseconds);
        }
    }
}
