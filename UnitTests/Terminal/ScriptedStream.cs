// A console byte stream for tests: input is a list of chunks, each returned by one Read (an empty chunk is a
// read that found nothing, like a UART read timeout); after the last chunk Read returns -1 (end of input),
// unless KeepOpen. Everything written is recorded as text. Nano subset (part of the device suite).
using System.Collections;
using ZramEmbedded.Board.Terminal;

namespace ZramEmbedded.UnitTests.Terminal
{
    public sealed class ScriptedStream : IConsoleStream
    {
        private readonly ArrayList _chunks = new ArrayList();
        private readonly System.Text.StringBuilder _output = new System.Text.StringBuilder();
        private int _next;
        private int _offsetInChunk;
        private readonly bool _echo;
        private readonly string _newLine;

        public ScriptedStream(bool echo, string newLine)
        {
            _echo = echo;
            _newLine = newLine;
        }

        /// <summary>When true, Read returns 0 instead of -1 after the last chunk.</summary>
        public bool KeepOpen;

        /// <summary>Reads per Read call at most this many bytes (0 = no limit) to split chunks further.</summary>
        public int MaxReadSize;

        public int ReadCalls;

        public bool EchoInput { get { return _echo; } }
        public string NewLine { get { return _newLine; } }

        public string Output { get { return _output.ToString(); } }

        public void ClearOutput() { _output.Clear(); }

        public ScriptedStream Add(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++) bytes[i] = (byte)text[i];
            _chunks.Add(bytes);
            return this;
        }

        public ScriptedStream Add(byte[] bytes)
        {
            _chunks.Add(bytes);
            return this;
        }

        /// <summary>A read that finds nothing (a timeout).</summary>
        public ScriptedStream Pause()
        {
            _chunks.Add(new byte[0]);
            return this;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            ReadCalls++;
            if (_next >= _chunks.Count) return KeepOpen ? 0 : -1;
            byte[] chunk = (byte[])_chunks[_next];
            int n = chunk.Length - _offsetInChunk;
            if (n > count) n = count;
            if (MaxReadSize > 0 && n > MaxReadSize) n = MaxReadSize;
            System.Array.Copy(chunk, _offsetInChunk, buffer, offset, n);
            _offsetInChunk += n;
            if (_offsetInChunk >= chunk.Length)
            {
                _next++;
                _offsetInChunk = 0;
            }
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++) _output.Append((char)buffer[offset + i]);
        }
    }
}
