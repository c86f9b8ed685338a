// The virtual board's backing store: a file on the PC, path from the command line, created (with its
// folder) if missing. The record format, superblock and restart behaviour are StreamBackingStore's.
// Host-only.
using System;
using System.IO;

namespace ZramEmbedded.Board.Host
{
    public static class FileBackingStore
    {
        /// <summary>Opens or creates `path` as a backing store of recordCount records of recordSize bytes.</summary>
        public static StreamBackingStore Open(string path, int recordSize, int recordCount)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("a backing file path is needed", nameof(path));
            string full = Path.GetFullPath(path);
            string dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.RandomAccess);
            try
            {
                return new StreamBackingStore(stream, recordSize, recordCount);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }
}
