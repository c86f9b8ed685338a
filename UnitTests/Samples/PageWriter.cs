// Appends ASCII text and little-endian integers into a byte range, silently stopping at the end of the
// range. The sample generator fills pages record by record and the last record is simply cut off, as a
// page boundary cuts a real buffer.
namespace ZramEmbedded.UnitTests.Samples
{
    public sealed class PageWriter
    {
        private readonly byte[] _buffer;
        private readonly int _end;
        private int _pos;

        public PageWriter(byte[] buffer, int offset, int length)
        {
            _buffer = buffer;
            _pos = offset;
            _end = offset + length;
        }

        public bool Full { get { return _pos >= _end; } }

        public void Byte(int value)
        {
            if (_pos < _end) _buffer[_pos++] = (byte)value;
        }

        public void Ascii(string text)
        {
            for (int i = 0; i < text.Length && _pos < _end; i++) _buffer[_pos++] = (byte)text[i];
        }

        /// <summary>Decimal digits of a non-negative or negative integer.</summary>
        public void Int(long value)
        {
            if (value < 0) { Byte('-'); value = -value; }
            long div = 1;
            while (value / div >= 10) div *= 10;
            while (div > 0)
            {
                Byte((int)('0' + (value / div) % 10));
                div /= 10;
            }
        }

        /// <summary>Fixed-point decimal: Fixed(2143, 2) writes "21.43".</summary>
        public void Fixed(long scaled, int decimals)
        {
            if (scaled < 0) { Byte('-'); scaled = -scaled; }
            long unit = 1;
            for (int i = 0; i < decimals; i++) unit *= 10;
            Int(scaled / unit);
            if (decimals == 0) return;
            Byte('.');
            long frac = scaled % unit;
            for (long d = unit / 10; d > 0; d /= 10) Byte((int)('0' + (frac / d) % 10));
        }

        /// <summary>Zero-padded decimal of exactly <paramref name="digits"/> digits.</summary>
        public void Padded(long value, int digits)
        {
            long div = 1;
            for (int i = 1; i < digits; i++) div *= 10;
            for (; div > 0; div /= 10) Byte((int)('0' + (value / div) % 10));
        }

        public void U16(int value)
        {
            Byte(value);
            Byte(value >> 8);
        }

        public void U32(uint value)
        {
            Byte((int)value);
            Byte((int)(value >> 8));
            Byte((int)(value >> 16));
            Byte((int)(value >> 24));
        }

        public void Zeros(int count)
        {
            for (int i = 0; i < count; i++) Byte(0);
        }
    }
}
