// What the firmware needs from a board: its profile, a status LED, the user button, a serial console (the
// line editor over the board's console byte stream, see Terminal/), a millisecond clock, an optional backing
// store for writeback, and a reboot.
// Implemented by the virtual board (Board/Host, for the PC) and by the device board (Board/Device, GPIO +
// UART on a real MCU).
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board
{
    public interface IBoard
    {
        BoardProfile Profile { get; }
        ILed StatusLed { get; }
        IButton UserButton { get; }
        SerialConsole Console { get; }
        IClock Clock { get; }

        /// <summary>Where writeback puts pages (a file on the PC, flash or SD on a board); null when there is none.</summary>
        ZramEmbedded.Allocator.Backing.IBackingStore BackingStore { get; }

        /// <summary>True for the virtual board on a PC (where `exit` ends the program instead of `reboot`).</summary>
        bool IsVirtual { get; }

        /// <summary>Restarts the device; the virtual board throws NotSupportedException (the PC exits instead).</summary>
        void Reboot();
    }

    /// <summary>A single LED: on, off, or blinking by itself (a board timer toggles it, so a blinking LED costs
    /// the firmware's loop nothing and shows a change only when the pattern changes).</summary>
    public interface ILed
    {
        /// <summary>On right now (while blinking: the current phase).</summary>
        bool IsOn { get; }
        /// <summary>Blink period (one on/off cycle) in ms; 0 when steady.</summary>
        int BlinkPeriodMs { get; }
        /// <summary>Steady on or off (stops blinking).</summary>
        void Set(bool on);
        /// <summary>Blinks with this period (ms, at least 100).</summary>
        void Blink(int periodMs);
    }

    /// <summary>A push button; IsPressed samples its current state.</summary>
    public interface IButton
    {
        bool IsPressed { get; }
    }

    /// <summary>
    /// Monotonic time since boot, in milliseconds (the page store's clock too), and a way to wait: the firmware's
    /// main loop sleeps through the clock, so a test board can make simulated time pass instantly.
    /// </summary>
    public interface IClock : ZramEmbedded.Allocator.Store.IMonotonicClock
    {
        void Sleep(int milliseconds);
    }

    /// <summary>
    /// Line-oriented console (SerialConsole implements it). ReadLine blocks until a line arrives and returns
    /// null when the console is closed (end of input on the virtual board); lines never contain the newline.
    /// </summary>
    public interface IConsolePort
    {
        void Write(string text);
        void WriteLine(string text);
        string ReadLine();
    }
}
