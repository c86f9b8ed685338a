// The one line editor of every console (device UART, PC stdin, TCP): bytes in, lines out.
//
// - CR, LF and CR LF each end exactly one line (an LF right after a CR is swallowed, also when the two
//   arrive in different reads); LF CR ends two lines (the second one empty).
// - Printable ASCII (0x20..0x7E) is kept and echoed; TAB counts as a space, so `led<TAB>on` works.
// - Backspace (0x08) and DEL (0x7F) erase the last character (echo "\b \b"); Ctrl-U erases the line;
//   Ctrl-C abandons the line (echo "^C") and ends it empty.
// - Other control bytes are dropped, never echoed. Escape sequences are dropped whole: ESC x, CSI
//   (ESC [ parameters final-byte, at most MaxEscapeLength bytes), SS3 (ESC O x) and the string sequences
//   OSC, DCS, APC, PM and SOS (ESC ] P _ ^ X, text, then BEL or ESC \, at most MaxStringLength bytes), so
//   arrow keys, function keys and title reports do nothing. Bytes 0x80..0xFF are dropped: the console
//   speaks ASCII.
// - Every sequence is bounded, so noise on the line costs at most the line it arrives in: a control byte
//   inside a sequence (CR and LF included) ends it and counts on its own, and a sequence longer than its
//   bound ends there (what follows is read as plain bytes).
// - A line holds at most MaxLength characters (128 unless configured). What is typed past that is
//   neither stored nor echoed; the line still ends at the next CR/LF, cut to MaxLength, and WasCut says so
//   (the console then prints a one-line notice).
// - State lives in the editor, not in a read call: bytes split across reads or read timeouts are never
//   lost. A key press that is not typed into a line (the key that stops `watch`) goes through SkipKey, so its
//   CR LF also ends one line end only. Feeding a byte allocates nothing (the buffer and the echo scratch are preallocated); only
//   TakeLine builds a string, once per line.
namespace ZramEmbedded.Board.Terminal
{
    public sealed class LineEditor
    {
        public const int DefaultMaxLength = 128;
        /// <summary>Longest escape sequence swallowed; after that the editor gives up and reads plain bytes.</summary>
        public const int MaxEscapeLength = 32;
        /// <summary>Longest string sequence (OSC, DCS, APC, PM, SOS) swallowed, its text included.</summary>
        public const int MaxStringLength = 256;

        private const byte Esc = 0x1B, Bel = 0x07;
        private const int StateText = 0, StateEsc = 1, StateCsi = 2, StateSs3 = 3, StateString = 4;

        private static readonly byte[] EraseOne = { 0x08, 0x20, 0x08 };
        private static readonly byte[] CtrlC = { (byte)'^', (byte)'C' };

        private readonly char[] _line;
        private readonly byte[] _echo = new byte[1];
        private readonly byte[] _newLine;
        private readonly IConsoleStream _out;
        private int _length;
        private int _overflow;
        private int _state;
        private int _escapeLength;
        private bool _afterCr;
        private bool _lineReady;
        private bool _cut;

        /// <param name="maxLength">Characters kept per line (1..4096).</param>
        /// <param name="echoTo">Where echo goes; null for no echo.</param>
        public LineEditor(int maxLength, IConsoleStream echoTo)
        {
            if (maxLength < 1 || maxLength > 4096) throw new System.ArgumentOutOfRangeException("maxLength");
            _line = new char[maxLength];
            _out = echoTo != null && echoTo.EchoInput ? echoTo : null;
            _newLine = _out == null ? null : Ascii(_out.NewLine);
        }

        public int MaxLength { get { return _line.Length; } }

        /// <summary>Characters of the line being typed.</summary>
        public int Length { get { return _length; } }

        /// <summary>True when a finished line waits for TakeLine; Feed must not be called until then.</summary>
        public bool LineReady { get { return _lineReady; } }

        /// <summary>True when the line last taken was longer than MaxLength and was cut.</summary>
        public bool WasCut { get { return _cut; } }

        /// <summary>Character i of the line being typed (for redrawing it after an event line).</summary>
        public char CharAt(int i)
        {
            if (i < 0 || i >= _length) throw new System.ArgumentOutOfRangeException("i");
            return _line[i];
        }

        /// <summary>Feeds one byte; returns true when it ended a line (then call TakeLine).</summary>
        public bool Feed(byte b)
        {
            if (_lineReady) throw new System.InvalidOperationException("take the finished line first");
            bool afterCr = _afterCr;
            _afterCr = false;
            switch (_state)
            {
                case StateEsc:
                    if (b == (byte)'[') { _state = StateCsi; _escapeLength = 0; return false; }
                    if (b == (byte)'O') { _state = StateSs3; return false; }
                    if (b == (byte)']' || b == (byte)'P' || b == (byte)'_' || b == (byte)'^' || b == (byte)'X')
                    {
                        _state = StateString;
                        _escapeLength = 0;
                        return false;
                    }
                    _state = StateText;
                    if (b >= 0x20) return false;       // ESC x (Alt-x): both dropped
                    break;                              // a control byte right after ESC counts on its own
                case StateCsi:
                    if (b >= 0x40 && b <= 0x7E) { _state = StateText; return false; }   // final byte
                    if (b >= 0x20 && b < 0x40 && ++_escapeLength < MaxEscapeLength) return false;
                    _state = StateText;
                    if (b >= 0x20) return false;
                    break;
                case StateSs3:
                    _state = StateText;
                    if (b >= 0x20) return false;
                    break;
                case StateString:
                    if (b == Bel) { _state = StateText; return false; }                  // terminator
                    if (b == Esc) { _state = StateEsc; return false; }                   // ESC \ (ST) ends it
                    if (b >= 0x20 && ++_escapeLength < MaxStringLength) return false;
                    _state = StateText;
                    if (b >= 0x20) return false;
                    break;
            }

            if (b == (byte)'\r') { _afterCr = true; return EndLine(); }
            if (b == (byte)'\n') return afterCr ? false : EndLine();
            if (b == (byte)'\t') b = (byte)' ';
            if (b >= 0x20 && b <= 0x7E) { Append((char)b); return false; }
            switch (b)
            {
                case 0x08:
                case 0x7F:
                    EraseLast();
                    return false;
                case 0x15:                              // Ctrl-U
                    while (_length > 0) EraseLast();
                    _overflow = 0;
                    return false;
                case 0x03:                              // Ctrl-C
                    if (_out != null) _out.Write(CtrlC, 0, CtrlC.Length);
                    _length = 0;
                    _overflow = 0;
                    return EndLine();
                case Esc:
                    _state = StateEsc;
                    return false;
                default:
                    return false;                       // other control bytes and 0x80..0xFF
            }
        }

        /// <summary>What SkipKey made of a byte.</summary>
        public const int KeyPart = 0, KeyEnd = 1, KeyNone = 2;

        /// <summary>
        /// Consumes a byte of a key press that is not typed into the line (nothing is stored or echoed; the line
        /// being typed stays). Returns KeyEnd for a line end (CR, or LF not right after a CR), KeyNone for an LF
        /// right after a CR (the rest of a line end already counted, also when the CR came in an earlier read or
        /// ended a line through Feed) and KeyPart for any other byte. A CR is remembered as Feed remembers it.
        /// </summary>
        public int SkipKey(byte b)
        {
            bool afterCr = _afterCr;
            _afterCr = b == (byte)'\r';
            if (b == (byte)'\r') return KeyEnd;
            if (b == (byte)'\n') return afterCr ? KeyNone : KeyEnd;
            return KeyPart;
        }

        /// <summary>Returns the finished line (without its end) and starts a new one.</summary>
        public string TakeLine()
        {
            if (!_lineReady) throw new System.InvalidOperationException("no finished line");
            string line = new string(_line, 0, _length);
            _cut = _overflow > 0;
            _length = 0;
            _overflow = 0;
            _lineReady = false;
            return line;
        }

        /// <summary>Ends the line being typed without a line end (the stream ended) and returns it.</summary>
        public string TakeLineAtEnd()
        {
            _state = StateText;
            _lineReady = true;
            return TakeLine();
        }

        /// <summary>Forgets the line being typed (nothing is echoed).</summary>
        public void Clear()
        {
            _length = 0;
            _overflow = 0;
            _state = StateText;
            _lineReady = false;
        }

        private bool EndLine()
        {
            if (_out != null) _out.Write(_newLine, 0, _newLine.Length);
            _state = StateText;
            _lineReady = true;
            return true;
        }

        private void Append(char c)
        {
            if (_length == _line.Length) { _overflow++; return; }
            _line[_length++] = c;
            if (_out != null)
            {
                _echo[0] = (byte)c;
                _out.Write(_echo, 0, 1);
            }
        }

        private void EraseLast()
        {
            if (_overflow > 0) { _overflow--; return; }
            if (_length == 0) return;
            _length--;
            if (_out != null) _out.Write(EraseOne, 0, EraseOne.Length);
        }

        /// <summary>ASCII bytes of a short constant string (setup only).</summary>
        internal static byte[] Ascii(string s)
        {
            byte[] bytes = new byte[s.Length];
            for (int i = 0; i < s.Length; i++) bytes[i] = (byte)s[i];
            return bytes;
        }
    }
}
