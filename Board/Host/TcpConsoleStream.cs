// The console on a TCP port of 127.0.0.1, so a terminal program (nc, socat, telnet, PuTTY in raw mode) can
// attach as it would to a board's UART. One client at a time, and the newest one wins, as when a cable is
// replugged: a client that connects while another is attached gets the console, and the one before is told
// so and closed (so a client that reconnects at once is never refused because the server has not yet
// noticed the old connection close). When the client leaves, the firmware keeps running. A client that only
// closed its sending side (`printf ... | nc`) still receives the answers until the next client attaches.
// Output while nobody is attached is dropped, as on a UART with no cable. Echo is on and lines end in CR LF.
//
// Telnet commands (IAC ...) are removed before the line editor sees the bytes, and every one is bounded so
// that line noise costs at most the line it arrives in: a CR or LF always reaches the line editor and ends
// the command or subnegotiation it interrupts, IAC followed by a byte that is no command drops only the
// IAC, and a subnegotiation ends after MaxSubnegotiation bytes without IAC SE. Host-only.
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
                    if (_client != null)
                    {
                        if (!_clientInputEnded) TrySend(_client, "console taken over by a new client\r\n");
                        DropClient();
                    }
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
                    lock (_clientLock) if (_client != socket) break;   // taken over: its bytes are not the console's
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

        /// <summary>Longest telnet subnegotiation (IAC SB ... IAC SE) kept out of the input; real ones (window
        /// size, terminal type) are a few bytes to a few tens.</summary>
        public const int MaxSubnegotiation = 64;

        /// <summary>Removes telnet commands (IAC ...) from the byte stream, in place; state spans reads. Every
        /// command is bounded (see the file header).</summary>
        private sealed class TelnetFilter
        {
            private const byte Iac = 255, Sb = 250, Se = 240, Will = 251, Dont = 254, FirstCommand = 240;
            private const int Data = 0, AfterIac = 1, OptionByte = 2, InSub = 3, IacInSub = 4;
            private int _state;
            private int _subLength;

            public int Strip(byte[] data, int count)
            {
                int w = 0;
                for (int r = 0; r < count; r++)
                {
                    byte b = data[r];
                    if (_state != Data && (b == (byte)'\r' || b == (byte)'\n'))
                    {
                        _state = Data;               // a line end is never part of a command
                        data[w++] = b;
                        continue;
                    }
                    switch (_state)
                    {
                        case Data:
                            if (b == Iac) _state = AfterIac; else data[w++] = b;
                            break;
                        case AfterIac:
                            _state = Data;
                            if (b == Iac) data[w++] = b;                     // IAC IAC: a data byte 255
                            else if (b >= Will && b <= Dont) _state = OptionByte;
                            else if (b == Sb) { _state = InSub; _subLength = 0; }
                            else if (b < FirstCommand) data[w++] = b;       // not a command: only the IAC goes
                            break;
                        case OptionByte:
                            _state = Data;
                            break;
                        case InSub:
                        case IacInSub:
                            if (++_subLength > MaxSubnegotiation) { _state = Data; data[w++] = b; break; }
                            if (_state == IacInSub) _state = b == Se ? Data : InSub;
                            else if (b == Iac) _state = IacInSub;
                            break;
                    }
                }
                return w;
            }
        }
    }
}
