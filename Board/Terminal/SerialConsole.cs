// A line console over any byte stream: the line editor for input, printable-ASCII output with the stream's
// line ending, a non-blocking TryReadLine for the firmware's main loop, key polling for `watch`, and
// event lines (LED changes, kills) that do not mangle a half-typed command: the prompt and the typed
// characters are drawn again below the event.
//
// Output is made printable on the way out: characters outside 0x20..0x7E (other than '\n', which becomes
// the stream's line ending) are sent as '?'. Output goes through one preallocated buffer, so writing does not
// allocate either (the strings written are the caller's).
using System.Threading;

namespace ZramEmbedded.Board.Terminal
{
    public sealed class SerialConsole : IConsolePort
    {
        private const int ReadBufferSize = 64;
        private const int WriteBufferSize = 64;

        private readonly IConsoleStream _stream;
        private readonly LineEditor _editor;
        private readonly byte[] _rx = new byte[ReadBufferSize];
        private readonly byte[] _tx = new byte[WriteBufferSize];
        private readonly byte[] _newLine;
        private readonly object _writeLock = new object();
        private int _rxPos;
        private int _rxLen;
        private int _txLen;
        private bool _closed;
        private bool _outAtLineStart = true;

        public SerialConsole(IConsoleStream stream) : this(stream, LineEditor.DefaultMaxLength) { }

        public SerialConsole(IConsoleStream stream, int maxLineLength)
        {
            if (stream == null) throw new System.ArgumentNullException("stream");
            _stream = stream;
            _editor = new LineEditor(maxLineLength, stream);
            _newLine = LineEditor.Ascii(stream.NewLine);
            Prompt = "";
        }

        public IConsoleStream Stream { get { return _stream; } }

        public int MaxLineLength { get { return _editor.MaxLength; } }

        /// <summary>The prompt the shell shows; redrawn after an event line.</summary>
        public string Prompt { get; set; }

        /// <summary>True once the stream has ended and every line in it was read.</summary>
        public bool IsClosed { get { return _closed && _rxPos == _rxLen && !_editor.LineReady; } }

        /// <summary>True when the last line read was longer than the limit and was cut.</summary>
        public bool LastLineWasCut { get { return _editor.WasCut; } }

        /// <summary>
        /// Returns true with the next line when one is complete; false (line = null) when not yet, or when the
        /// stream ended (see IsClosed; a half-typed last line is returned as a line first).
        /// </summary>
        public bool TryReadLine(out string line)
        {
            while (true)
            {
                while (_rxPos < _rxLen)
                {
                    byte b = _rx[_rxPos++];
                    if (_editor.Feed(b))
                    {
                        line = _editor.TakeLine();
                        _outAtLineStart = true; // the line end was echoed (or the terminal showed it)
                        if (_editor.WasCut)
                        {
                            WriteLine("! input longer than " + _editor.MaxLength.ToString() + " characters: cut");
                        }
                        return true;
                    }
                }
                if (!Fill())
                {
                    if (_closed && _editor.Length > 0)
                    {
                        line = _editor.TakeLineAtEnd();
                        return true;
                    }
                    line = null;
                    return false;
                }
            }
        }

        /// <summary>Blocks (polling every 10 ms) until a line arrives; null when the stream has ended.</summary>
        public string ReadLine()
        {
            string line;
            while (true)
            {
                if (TryReadLine(out line)) return line;
                if (IsClosed) return null;
                Thread.Sleep(10);
            }
        }

        /// <summary>
        /// True when a key was pressed since the last call (used by `watch`). The key is consumed together with
        /// what arrived with it up to and including the first line end; later bytes stay for the next line, so
        /// piped input that sends an empty line to stop `watch` loses nothing else. Line ends go through the
        /// line editor's CR-then-LF state: the LF of a CR LF is no key and no empty line later, whichever read
        /// it arrives in.
        /// </summary>
        public bool PollKey()
        {
            if (_rxPos == _rxLen && !Fill()) return false;
            bool key = false;
            while (_rxPos < _rxLen)
            {
                int k = _editor.SkipKey(_rx[_rxPos++]);
                if (k == LineEditor.KeyNone) continue;
                key = true;
                if (k == LineEditor.KeyEnd) break;
            }
            return key;
        }

        public void Write(string text)
        {
            lock (_writeLock)
            {
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (c == '\n')
                    {
                        NewLineOut();
                        continue;
                    }
                    if (_txLen == _tx.Length) Flush();
                    _tx[_txLen++] = c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
                }
                Flush();
            }
        }

        public void WriteLine(string text)
        {
            lock (_writeLock)
            {
                Write(text);
                NewLineOut();
            }
        }

        /// <summary>
        /// Prints a line that is not the answer to a command (an LED change, a kill). When the cursor is not at
        /// the start of a line (a prompt, perhaps with a half-typed command, is on screen), the event goes on a
        /// line of its own and the prompt with what was typed is drawn again below it.
        /// </summary>
        public void WriteEvent(string text)
        {
            lock (_writeLock)
            {
                bool redraw = !_outAtLineStart || _editor.Length > 0;
                if (redraw) NewLineOut();
                WriteLine(text);
                if (!redraw) return;
                Write(Prompt);
                for (int i = 0; i < _editor.Length; i++)
                {
                    if (_txLen == _tx.Length) Flush();
                    _tx[_txLen++] = (byte)_editor.CharAt(i);
                }
                Flush();
            }
        }

        private void NewLineOut()
        {
            Flush();
            _stream.Write(_newLine, 0, _newLine.Length);
            _outAtLineStart = true;
        }

        private void Flush()
        {
            if (_txLen == 0) return;
            _stream.Write(_tx, 0, _txLen);
            _txLen = 0;
            _outAtLineStart = false;
        }

        /// <summary>Reads what the stream has; false when nothing arrived (or it ended).</summary>
        private bool Fill()
        {
            if (_closed) return false;
            int n = _stream.Read(_rx, 0, _rx.Length);
            if (n < 0) { _closed = true; _rxPos = 0; _rxLen = 0; return false; }
            _rxPos = 0;
            _rxLen = n;
            return n > 0;
        }
    }
}
