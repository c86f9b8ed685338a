// The virtual board: the firmware on a PC. The console is the process's stdin/stdout (end of input closes
// it, so scripted sessions work: `printf 'help\n' | dotnet run --project Firmware`), the LED and button are
// in-memory, the clock is a Stopwatch. Host-only (never compiled for the device).
using System;
using System.Diagnostics;

namespace ZramEmbedded.Board.Host
{
    public sealed class VirtualBoard : IBoard
    {
        public VirtualBoard()
        {
            Profile = BoardProfile.Virtual;
            StatusLed = new VirtualLed();
            UserButton = new VirtualButton();
            Console = new StdioConsole();
            Clock = new StopwatchClock();
        }

        public BoardProfile Profile { get; }
        public ILed StatusLed { get; }
        public IButton UserButton { get; }
        public IConsolePort Console { get; }
        public IClock Clock { get; }

        private sealed class VirtualLed : ILed
        {
            public bool IsOn { get; private set; }
            public void Set(bool on) => IsOn = on;
        }

        /// <summary>A button nobody presses (the console's commands stand in for it on the PC).</summary>
        private sealed class VirtualButton : IButton
        {
            public bool IsPressed => false;
        }

        private sealed class StdioConsole : IConsolePort
        {
            public void Write(string text) => System.Console.Write(text);
            public void WriteLine(string text) => System.Console.WriteLine(text);
            public string ReadLine() => System.Console.ReadLine();
        }

        private sealed class StopwatchClock : IClock
        {
            private readonly Stopwatch _watch = Stopwatch.StartNew();
            public long Milliseconds => _watch.ElapsedMilliseconds;
        }
    }
}
