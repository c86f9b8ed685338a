// What the firmware needs from a board: its profile, a status LED, the user button, a serial console (the
// line editor over the board's console byte stream, see Console/), a millisecond clock, and a reboot.
// Implemented by the virtual board (Board/Host, for the PC) and by the device board (Board/Device, GPIO +
// UART on a real MCU).
using ZramEmbedded.Board.Console;

namespace ZramEmbedded.Board
{
    public interface IBoard
    {
        BoardProfile Profile { get; }
        ILed StatusLed { get; }
        IButton UserButton { get; }
        SerialConsole Console { get; }
        IClock Clock { get; }

        /// <summary>True for the virtual board on a PC (where `exit` ends the program instead of `reboot`).</summary>
        bool IsVirtual { get; }

        /// <summary>Restarts the device; the virtual board throws NotSupportedException (the PC exits instead).</summary>
        void Reboot();
    }

    /// <summary>A single LED (on/off).</summary>
    public interface ILed
    {
        bool IsOn { get; }
        void Set(bool on);
    }

    /// <summary>A push button; IsPressed samples its current state.</summary>
    public interface IButton
    {
        bool IsPressed { get; }
    }

    /// <summary>Monotonic time since boot, in milliseconds.</summary>
    public interface IClock
    {
        long Milliseconds { get; }
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
