// System.IO.Streams 1.1.96 (NuGet nanoFramework.System.IO.Streams): Stream, MemoryStream, SeekOrigin and the
// text reader/writer pair. Stream.Read(SpanByte) is abstract in 1.x.
[assembly: System.Reflection.AssemblyVersion("1.1.96.0")]

namespace System.IO
{
    public enum SeekOrigin { Begin = 0, Current = 1, End = 2 }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw null; } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw null; } set { } }
        public virtual int WriteTimeout { get { throw null; } set { } }
        public virtual void Close() { throw null; }
        public void CopyTo(Stream destination) { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public virtual int ReadByte() { throw null; }
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual void WriteByte(byte value) { throw null; }
    }

    public class MemoryStream : Stream
    {
        public MemoryStream() { }
        public MemoryStream(byte[] buffer) { }
        public MemoryStream(byte[] buffer, bool isWritable) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        protected override void Dispose(bool disposing) { throw null; }
        public override void Flush() { throw null; }
        public virtual byte[] GetBuffer() { throw null; }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public override int Read(SpanByte buffer) { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int ReadByte() { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { throw null; }
        public virtual byte[] ToArray() { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
        public override void WriteByte(byte value) { throw null; }
        public virtual void WriteTo(Stream stream) { throw null; }
    }

    public abstract class TextReader : MarshalByRefObject, IDisposable
    {
        protected TextReader() { }
        public virtual void Close() { throw null; }
        public void Dispose() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public virtual int Peek() { throw null; }
        public virtual int Read() { throw null; }
        public virtual int Read(char[] buffer, int index, int count) { throw null; }
        public virtual int ReadBlock(char[] buffer, int index, int count) { throw null; }
        public virtual string ReadLine() { throw null; }
        public virtual string ReadToEnd() { throw null; }
    }

    public abstract class TextWriter : MarshalByRefObject, IDisposable
    {
        protected char[] CoreNewLine;
        public abstract System.Text.Encoding Encoding { get; }
        public virtual string NewLine { get { throw null; } set { } }
        public virtual void Close() { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
        public void Dispose() { throw null; }
        public virtual void Flush() { throw null; }
        public virtual void Write(char value) { throw null; }
        public virtual void Write(char[] buffer) { throw null; }
        public virtual void Write(char[] buffer, int index, int count) { throw null; }
        public virtual void Write(bool value) { throw null; }
        public virtual void Write(int value) { throw null; }
        public virtual void Write(uint value) { throw null; }
        public virtual void Write(long value) { throw null; }
        public virtual void Write(ulong value) { throw null; }
        public virtual void Write(float value) { throw null; }
        public virtual void Write(double value) { throw null; }
        public virtual void Write(string value) { throw null; }
        public virtual void Write(object value) { throw null; }
        public virtual void WriteLine() { throw null; }
        public virtual void WriteLine(char value) { throw null; }
        public virtual void WriteLine(char[] buffer) { throw null; }
        public virtual void WriteLine(char[] buffer, int index, int count) { throw null; }
        public virtual void WriteLine(bool value) { throw null; }
        public virtual void WriteLine(int value) { throw null; }
        public virtual void WriteLine(uint value) { throw null; }
        public virtual void WriteLine(long value) { throw null; }
        public virtual void WriteLine(ulong value) { throw null; }
        public virtual void WriteLine(float value) { throw null; }
        public virtual void WriteLine(double value) { throw null; }
        public virtual void WriteLine(string value) { throw null; }
        public virtual void WriteLine(object value) { throw null; }
    }

    public class StreamReader : TextReader
    {
        public StreamReader(Stream stream, bool leaveOpen = false) { }
        public virtual Stream BaseStream { get { throw null; } }
        public virtual System.Text.Encoding CurrentEncoding { get { throw null; } }
        public bool EndOfStream { get { throw null; } }
    }

    public class StreamWriter : TextWriter
    {
        public StreamWriter(Stream stream, bool leaveOpen = false) { }
        public virtual Stream BaseStream { get { throw null; } }
        public override System.Text.Encoding Encoding { get { throw null; } }
    }
}
