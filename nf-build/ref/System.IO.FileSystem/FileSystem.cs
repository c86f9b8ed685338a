// System.IO.FileSystem 1.1.93 (NuGet nanoFramework.System.IO.FileSystem, tag v1.1.93, built against
// CoreLibrary 1.17.11): the part the device backing store uses — FileStream with its constructors and Stream
// overrides, and the FileMode / FileAccess / FileShare enums with their published values — plus File.Exists /
// File.Delete. Declarations only. (SDCard mounting, Directory, Path and DriveInfo are not declared: unused.)
// FileStream.Read(SpanByte) throws NotImplementedException in 1.x; Write throws IOException when the
// native layer writes nothing.
[assembly: System.Reflection.AssemblyVersion("1.1.93.0")]

namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { }
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public string Name { get { throw null; } }
        public override void Close() { throw null; }
        protected override void Dispose(bool disposing) { throw null; }
        public override void Flush() { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int Read(SpanByte buffer) { throw null; }
        public override int ReadByte() { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
        public override void WriteByte(byte value) { throw null; }
    }

    public static class File
    {
        public static void Delete(string path) { throw null; }
        public static bool Exists(string path) { throw null; }
    }
}
