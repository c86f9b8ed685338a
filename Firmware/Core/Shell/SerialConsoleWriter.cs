// The shell's output side: lines to the board's console (a thin wrapper so reports do not depend on the
// console's reading side).
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Firmware.Shell
{
    public sealed class SerialConsoleWriter
    {
        private readonly SerialConsole _console;

        public SerialConsoleWriter(SerialConsole console)
        {
            _console = console;
        }

        public void Line(string text)
        {
            _console.WriteLine(text);
        }
    }
}
