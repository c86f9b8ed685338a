// The PC's stdin/stdout as a console byte stream. A reader thread moves stdin into a queue so the firmware's
// main loop never blocks on input; end of input ends the stream (so `printf 'stats\n' | dotnet run` works).
// A terminal in cooked mode echoes and edits lines itself, so echo is on only when stdin is redirected
// (then the transcript shows each command after its prompt). Host-only.
using System;
using System.IO;
using System.Threading;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.Board.Host
{
    public sealed class StdioConsoleStream : IConsoleStream
    {
        private readonly ByteQueue _input = new ByteQueue(64 * 1024);
        private readonly Stream _stdout = System.Console.OpenStandardOutput();
        private readonly object _writeLock = new object();

        public StdioConsoleStream() : this(System.Console.OpenStandardInput(), System.Console.IsInputRedirected) { }

        public StdioConsoleStream(Stream input, bool echo)
        {
            EchoInput = echo;
            var reader = new Thread(() => Pump(input)) { IsBackground = true, Name = "stdin" };
            reader.Start();
        }

        public bool EchoInput { get; }
        public string NewLine => "\n";

        public int Read(byte[] buffer, int offset, int count) => _input.Take(buffer, offset, count);

        public void Write(byte[] buffer, int offset, int count)
        {
            lock (_writeLock)
            {
                _stdout.Write(buffer, offset, count);
                _stdout.Flush();
            }
        }

        private void Pump(Stream input)
        {
            byte[] buffer = new byte[4096];
            try
            {
                int n;
                while ((n = input.Read(buffer, 0, buffer.Length)) > 0) _input.Add(buffer, 0, n);
            }
            catch (IOException) { }
            catch (ObjectDisposedException) { }
            _input.End();
        }
    }
}
