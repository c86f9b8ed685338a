// A board for tests: the console is the real SerialConsole (line editor included) over a ScriptedStream that
// replays given input lines (each ended by LF) and records everything written; LED, button and clock are
// plain fields. Nano subset (part of the device suite).
using ZramEmbedded.Board;
using ZramEmbedded.Board.Terminal;
using ZramEmbedded.UnitTests.Terminal;

namespace ZramEmbedded.UnitTests.Firmware
{
    public sealed class ScriptedBoard : IBoard, ILed, IButton, IClock
    {
        private readonly ScriptedStream _stream;
        private readonly SerialConsole _console;
        private readonly BoardProfile _profile;
        private bool _led;

        public ScriptedBoard(string[] input) : this(input, TestProfile) { }

        public ScriptedBoard(string[] input, BoardProfile profile)
        {
            _profile = profile;
            _stream = new ScriptedStream(false, "\n");
            for (int i = 0; i < input.Length; i++) _stream.Add(input[i] + "\n");
            _console = new SerialConsole(_stream);
        }

        /// <summary>A small profile for tests: boot reserves a 32 KiB arena, not a real board's (device test budget).</summary>
        public static readonly BoardProfile TestProfile = new BoardProfile(
            "SCRIPTED", "test board", BoardProfile.NoPin, BoardProfile.NoPin, true, "script", 32 * 1024);

        public BoardProfile Profile { get { return _profile; } }
        public ILed StatusLed { get { return this; } }
        public IButton UserButton { get { return this; } }
        public SerialConsole Console { get { return _console; } }
        public IClock Clock { get { return this; } }
        public bool IsVirtual { get { return Virtual; } }
        public ZramEmbedded.Allocator.Backing.IBackingStore BackingStore { get { return Backing; } }

        /// <summary>Writeback's backing store for the machine booted on this board (null = none).</summary>
        public ZramEmbedded.Allocator.Backing.IBackingStore Backing;

        /// <summary>False to behave as a real board (reboot instead of exit).</summary>
        public bool Virtual = true;

        public ScriptedStream Stream { get { return _stream; } }
        public string Output { get { return _stream.Output; } }
        public long Now;
        public bool Pressed;
        public int Reboots;
        public int LedChanges;

        public void Reboot() { Reboots++; }

        private int _blink;

        bool ILed.IsOn { get { return _led; } }
        int ILed.BlinkPeriodMs { get { return _blink; } }
        void ILed.Set(bool on)
        {
            if (on != _led || _blink != 0) LedChanges++;
            _led = on;
            _blink = 0;
        }
        void ILed.Blink(int periodMs)
        {
            if (periodMs != _blink) LedChanges++;
            _blink = periodMs;
        }
        bool IButton.IsPressed { get { return Pressed; } }
        long ZramEmbedded.Allocator.Store.IMonotonicClock.Milliseconds { get { return Now; } }
        void IClock.Sleep(int milliseconds) { Now += milliseconds; }
    }
}
