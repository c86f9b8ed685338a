// The byte stream under every console: a UART on a board, stdin/stdout or a TCP connection on the PC, a
// scripted byte source in tests. Read never blocks for long (the firmware's single main loop polls it between
// app ticks and idle work), so a console with nothing to say costs nothing and no byte waits on a timeout.
namespace ZramEmbedded.Board.Terminal
{
    public interface IConsoleStream
    {
        /// <summary>
        /// Copies the bytes that have arrived (at most <paramref name="count"/>) and returns how many: 0 when
        /// nothing is waiting right now, -1 once the stream has ended for good (end of input on the PC; a UART
        /// never ends).
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends bytes; drops them when nobody listens (a TCP console with no client).</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>True when the console should echo what is typed (raw UART or TCP terminals); false when
        /// the other end echoes locally (a terminal in cooked mode on the PC).</summary>
        bool EchoInput { get; }

        /// <summary>Line ending sent for each output line: "\r\n" for terminals, "\n" for the PC's stdout.</summary>
        string NewLine { get; }
    }
}
