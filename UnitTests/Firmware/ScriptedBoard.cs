// A board for tests: the console replays given input lines and records everything written; LED, button
// and clock are plain fields. Nano subset (part of the device suite).
using ZramEmbedded.Board;

namespace ZramEmbedded.UnitTests.Firmware
{
    public sealed class ScriptedBoard : IBoard, ILed, IButton, IClock, IConsolePort
    {
        private readonly string[] _input;
        private int _next;
        private string _output = "";
        private bool _led;

        public ScriptedBoard(string[] input)
        {
            _input = input;
        }

        /// <summary>A small profile for tests: boot reserves a 32 KiB arena, not a real board's (device test budget).</summary>
        public static readonly BoardProfile TestProfile = new BoardProfile(
            "SCRIPTED", "test board", BoardProfile.NoPin, BoardProfile.NoPin, true, "script", 32 * 1024);

        public BoardProfile Profile { get { return TestProfile; } }
        public ILed StatusLed { get { return this; } }
        public IButton UserButton { get { return this; } }
        public IConsolePort Console { get { return this; } }
        public IClock Clock { get { return this; } }

        public string Output { get { return _output; } }
        public long Now;
        public bool Pressed;

        bool ILed.IsOn { get { return _led; } }
        void ILed.Set(bool on) { _led = on; }
        bool IButton.IsPressed { get { return Pressed; } }
        long IClock.Milliseconds { get { return Now; } }

        void IConsolePort.Write(string text) { _output += text; }
        void IConsolePort.WriteLine(string text) { _output += text + "\n"; }

        string IConsolePort.ReadLine()
        {
            return _next < _input.Length ? _input[_next++] : null;
        }
    }
}
