// The console byte stream on a board's UART (115200 8N1, never the debugger's wire-protocol UART). Read takes
// only what the driver already holds (BytesToRead), so it never waits for a timeout and never throws one:
// a slow typist loses nothing, and the firmware's main loop keeps running between keystrokes. Device-only.
using System.IO.Ports;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Device
{
    public sealed class UartConsoleStream : IConsoleStream
    {
        public const int BaudRate = 115200;

        private readonly SerialPort _port;

        public UartConsoleStream(string portName)
        {
            _port = new SerialPort(portName, BaudRate);
            _port.ReadTimeout = 50;
            _port.WriteTimeout = 1000;
            _port.Open();
        }

        public bool EchoInput { get { return true; } }
        public string NewLine { get { return "\r\n"; } }

        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            if (waiting <= 0) return 0;
            if (waiting > count) waiting = count;
            return _port.Read(buffer, offset, waiting);
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (System.TimeoutException)
            {
                // Nobody drains the line (flow control held): drop the output rather than stall the firmware.
            }
        }
    }
}
