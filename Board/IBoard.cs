// What the firmware needs from a board: its profile, a status LED, the user button, a line-oriented serial
// console and a millisecond clock. Implemented by the virtual board (Board/Host, for the PC) and by the
// device board (Board/Device, GPIO + UART on a real MCU).
namespace ZramEmbedded.Board
{
    public interface IBoard
    {
        BoardProfile Profile { get; }
        ILed StatusLed { get; }
        IButton UserButton { get; }
        IConsolePort Console { get; }
        IClock Clock { get; }
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
    /// Line-oriented console. ReadLine blocks until a line arrives and returns null when the console is
    /// closed (end of input on the virtual board); lines never contain the newline.
    /// </summary>
    public interface IConsolePort
    {
        void Write(string text);
        void WriteLine(string text);
        string ReadLine();
    }
}
