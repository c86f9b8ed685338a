// The console on a TCP port of 127.0.0.1, so a terminal program (nc, socat, telnet, PuTTY in raw mode) can
// attach as it would to a board's UART. One client at a time (a second one is told so and closed); when
// the client leaves, the firmware keeps running and the next client gets the console. A client that only
// closed its sending side (`printf ... | nc`) still receives the answers until the next client attaches. Output while nobody
// is attached is dropped, as on a UART with no cable. Telnet negotiation (IAC sequences) is removed before
// the line editor sees the bytes. Echo is on and lines end in CR LF, as on a UART. Host-only.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Host
{
    public sealed class TcpConsoleStream : IConsoleStream, IDisposable
    {
        private readonly TcpListener _listener;
        private readonly ByteQueue _input = new ByteQueue(64 * 1024);
        private readonly object _clientLock = new object();
        private readonly string _greeting;
        private Socket _client;
        private bool _clientInputEnded;
        private volatile bool _disposed;

        /// <param name="port">TCP port on 127.0.0.1; 0 picks a free one (see Port).</param>
        /// <param name="greeting">Line sent to each client when it attaches.</param>
        public TcpConsoleStream(int port, string greeting)
        {
            _greeting = greeting;
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            new Thread(AcceptLoop) { IsBackground = true, Name = "tcp-console" }.Start();
        }

        public int Port { get; }

        /// <summary>Raised (on the accept thread) after a client attached and got the greeting, e.g. to show the prompt.</summary>
        public event Action Attached;
        public bool EchoInput => true;
        public string NewLine => "\r\n";

        /// <summary>True while a client is attached.</summary>
        public bool HasClient { get { lock (_clientLock) return _client != null; } }

        public int Read(byte[] buffer, int offset, int count) => _input.Take(buffer, offset, count);

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_clientLock)
            {
                if (_client == null) return;
                try { _client.Send(buffer, offset, count, SocketFlags.None); }
                catch (SocketException) { DropClient(); }
                catch (ObjectDisposedException) { DropClient(); }
            }
        }

        public void Dispose()
        {
            _disposed = true;
            _listener.Stop();
            lock (_clientLock) DropClient();
            _input.End();
        }

        private void DropClient()
        {
            if (_client == null) return;
            try { _client.Close(); } catch (SocketException) { }
            _client = null;
        }

        private void AcceptLoop()
        {
            while (!_disposed)
            {
                Socket socket;
                try { socket = _listener.AcceptSocket(); }
                catch (SocketException) { return; }
                catch (ObjectDisposedException) { return; }
                lock (_clientLock)
                {
                    if (_client != null && !_clientInputEnded)
                    {
                        TrySend(socket, "console busy: another client is attached\r\n");
                        socket.Close();
                        continue;
                    }
                    DropClient();
                    _client = socket;
                    _clientInputEnded = false;
                    socket.NoDelay = true;
                    TrySend(socket, _greeting + "\r\n");
                }
                Attached?.Invoke();
                new Thread(() => ReadLoop(socket)) { IsBackground = true, Name = "tcp-console-client" }.Start();
            }
        }

        private static void TrySend(Socket socket, string text)
        {
            try { socket.Send(Encoding.ASCII.GetBytes(text)); } catch (SocketException) { }
        }

        private void ReadLoop(Socket socket)
        {
            var filter = new TelnetFilter();
            byte[] buffer = new byte[1024];
            try
            {
                while (true)
                {
                    int n = socket.Receive(buffer);
                    if (n <= 0) break;
                    n = filter.Strip(buffer, n);
                    if (n > 0) _input.Add(buffer, 0, n);
                }
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            lock (_clientLock)
            {
                // Keep sending to it (it may only have shut down its side) until a write fails or another
                // client attaches.
                if (_client == socket) _clientInputEnded = true;
            }
        }

        /// <summary>Removes telnet commands (IAC ...) from the byte stream, in place; state spans reads.</summary>
        private sealed class TelnetFilter
        {
            private const byte Iac = 255, Sb = 250, Se = 240, Will = 251, Dont = 254;
            private int _state;   // 0 data, 1 after IAC, 2 option byte, 3 in subnegotiation, 4 IAC in subnegotiation

            public int Strip(byte[] data, int count)
            {
                int w = 0;
                for (int r = 0; r < count; r++)
                {
                    byte b = data[r];
                    switch (_state)
                    {
                        case 0:
                            if (b == Iac) _state = 1; else data[w++] = b;
                            break;
                        case 1:
                            if (b == Iac) { data[w++] = b; _state = 0; }
                            else if (b >= Will && b <= Dont) _state = 2;
                            else if (b == Sb) _state = 3;
                            else _state = 0;
                            break;
                        case 2:
                            _state = 0;
                            break;
                        case 3:
                            if (b == Iac) _state = 4;
                            break;
                        case 4:
                            _state = b == Se ? 0 : 3;
                            break;
                    }
                }
                return w;
            }
        }
    }
}
