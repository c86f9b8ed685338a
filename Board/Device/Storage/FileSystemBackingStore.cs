// A real board's backing store: a file on a mounted nanoFramework file system — the microSD card
// ("D:\", e.g. on the STM32F769I-DISCO) or internal flash storage ("I:\") — through System.IO.FileStream
// (nanoFramework.System.IO.FileSystem). Created if missing; the record format, superblock and restart
// behaviour are StreamBackingStore's. Mounting the card is the firmware's job (the target mounts it, or
// the app uses nanoFramework.System.IO.FileSystem.SDCard). Device-only, and in an assembly of its own
// (ZramEmbedded.Board.Storage, nf-build/device/Board.Storage): it is the only code that needs the FileSystem
// package, whose native part a firmware image may lack (a board without SD card or flash file system, such as
// the Pico, need not carry it): the firmware of a board that has one references this assembly and passes the
// store to DeviceBoard (nf-build/README.md, "Storage"); nothing else in the firmware or the tests depends on it.
using System;
using System.IO;

namespace ZramEmbedded.Board.Storage
{
    public static class FileSystemBackingStore
    {
        /// <summary>A file on the SD card (drive D: on nanoFramework targets).</summary>
        public const string SdCardPath = "D:\\zram-wb.bin";

        /// <summary>A file in internal flash storage (drive I:).</summary>
        public const string InternalPath = "I:\\zram-wb.bin";

        /// <summary>
        /// Opens or creates `path` as a backing store of recordCount records of recordSize bytes. The stream's
        /// own buffer is one sector: records are sector-aligned, so a larger buffer only copies more.
        /// </summary>
        public static StreamBackingStore Open(string path, int recordSize, int recordCount)
        {
            if (path == null || path.Length == 0) throw new ArgumentException("a backing file path is needed", "path");
            FileStream stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, StreamBackingStore.SectorSize);
            try
            {
                return new StreamBackingStore(stream, recordSize, recordCount);
            }
            catch (Exception)
            {
                stream.Dispose();
                throw;
            }
        }
    }
}
