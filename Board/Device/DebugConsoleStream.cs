// The console of a board without a free UART (see BoardProfile.NoConsolePort): output goes to the debugger's
// output window over the wire protocol (Console.Write), input never arrives. The firmware still runs its
// apps and idle work, and the LED shows the pressure level. Device-only.
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Device
{
    public sealed class DebugConsoleStream : IConsoleStream
    {
        public bool EchoInput { get { return false; } }
        public string NewLine { get { return "\n"; } }

        public int Read(byte[] buffer, int offset, int count) { return 0; }

        public void Write(byte[] buffer, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++) chars[i] = (char)buffer[offset + i];
            System.Console.Write(new string(chars));
        }
    }
}
