// A terminal program in a few lines, so the TCP console tests need only the .NET SDK: connects to
// 127.0.0.1:PORT, sends bytes as they are (chars 0..255 are bytes, nothing is translated, like a terminal in
// raw mode), and a background thread collects what comes back until the server closes the connection.
// Host-only.
using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace ZramEmbedded.UnitTests.Host.Terminal
{
    internal sealed class ConsoleClient : IDisposable
    {
        private readonly Socket _socket;
        private readonly Thread _reader;
        private readonly StringBuilder _received = new StringBuilder();
        private bool _closed;

        private ConsoleClient(Socket socket)
        {
            _socket = socket;
            _reader = new Thread(ReadLoop) { IsBackground = true, Name = "console-client" };
            _reader.Start();
        }

        public static ConsoleClient Connect(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return new ConsoleClient(socket);
        }

        /// <summary>Everything received so far, one char per byte.</summary>
        public string Received { get { lock (_received) return _received.ToString(); } }

        /// <summary>True once the server has closed the connection.</summary>
        public bool Closed { get { lock (_received) return _closed; } }

        public void Send(string bytes)
        {
            byte[] data = new byte[bytes.Length];
            for (int i = 0; i < bytes.Length; i++) data[i] = checked((byte)bytes[i]);
            Send(data);
        }

        public void Send(byte[] data) => _socket.Send(data);

        /// <summary>Closes the sending side, as a piped `nc` does at the end of its input.</summary>
        public void EndInput() => _socket.Shutdown(SocketShutdown.Send);

        /// <summary>Waits until what was received contains the text (after position from); false on timeout.</summary>
        public bool WaitFor(string text, int timeoutMs, int from = 0)
        {
            DateTime end = DateTime.UtcNow.AddMilliseconds(timeoutMs);
            lock (_received)
            {
                while (true)
                {
                    if (_received.Length >= from && _received.ToString(from, _received.Length - from).Contains(text, StringComparison.Ordinal)) return true;
                    int left = (int)(end - DateTime.UtcNow).TotalMilliseconds;
                    if (left <= 0 || _closed) return false;
                    Monitor.Wait(_received, left);
                }
            }
        }

        /// <summary>Waits until the server closes the connection; false on timeout.</summary>
        public bool WaitForClose(int timeoutMs) => _reader.Join(timeoutMs);

        public void Dispose()
        {
            try { _socket.Close(); } catch (SocketException) { }
            _reader.Join(5000);
        }

        private void ReadLoop()
        {
            byte[] buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int n = _socket.Receive(buffer);
                    if (n <= 0) break;
                    lock (_received)
                    {
                        for (int i = 0; i < n; i++) _received.Append((char)buffer[i]);
                        Monitor.PulseAll(_received);
                    }
                }
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            lock (_received)
            {
                _closed = true;
                Monitor.PulseAll(_received);
            }
        }
    }
}
