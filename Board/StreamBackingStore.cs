// IBackingStore over a seekable Stream: a file on the PC (Host/FileBackingStore) or on an SD card / internal
// flash file system of a device (Device/Storage/FileSystemBackingStore, assembly ZramEmbedded.Board.Storage), or a
// MemoryStream in tests. Compiles for both.
//
// Layout of the file: two 256-byte superblock copies (A at 0, B at 256), then the records from byte 512,
// record i at 512 + i * RecordSize (RecordSizeFor rounds to 512-byte sectors, so a record never shares a
// sector with another and a write touches only the sectors its header + payload need).
// Superblock: magic "ZWBS", version 1, record size, record count, epoch, CRC-32 of those 20 bytes.
//
// Open: a file of length 0 (just created) is formatted with epoch 1. Otherwise at least one copy must be
// valid, else the file is not ours and Open throws IOException without writing anything. The new epoch is
// the highest valid one + 1; it is written into the copy that does not hold that highest one, so a power
// failure while writing it leaves the other copy intact (the superblock itself is power-fail safe), then
// flushed. The geometry may change between runs (the file is resized; no record of a previous run is ever
// read as data, since its epoch is older). What survives a restart is therefore only the file and its
// epoch sequence: records are not reattached — the page store starts empty (as zram does after a reboot).
//
// I/O errors (IOException from the stream) become false results; records are not flushed one by one
// (within a run the stream is the source of truth; after a restart nothing is reattached).
using System;
using System.IO;
using ZramEmbedded.Allocator.Backing;

namespace ZramEmbedded.Board
{
    public sealed class StreamBackingStore : IBackingStore, IDisposable
    {
        public const int SuperblockCopySize = 256;
        public const int DataOffset = 2 * SuperblockCopySize;
        public const int SectorSize = 512;
        public const uint SuperblockMagic = 0x5342575A; // "ZWBS"
        private const int SuperblockBytes = 24;

        private readonly Stream _stream;
        private readonly int _recordSize;
        private readonly int _recordCount;
        private readonly uint _epoch;
        private bool _disposed;

        /// <summary>Record size for pages of pageSize bytes: header + page, rounded up to whole sectors.</summary>
        public static int RecordSizeFor(int pageSize)
        {
            if (pageSize < 1 || pageSize > RecordCodec.MaxLength) throw new ArgumentOutOfRangeException("pageSize");
            int need = RecordCodec.HeaderSize + pageSize;
            return (need + SectorSize - 1) / SectorSize * SectorSize;
        }

        /// <summary>Takes over `stream` (read/write/seek), formats or reopens it as described above.</summary>
        public StreamBackingStore(Stream stream, int recordSize, int recordCount)
        {
            if (stream == null) throw new ArgumentNullException("stream");
            if (!stream.CanRead || !stream.CanWrite || !stream.CanSeek) throw new ArgumentException("the stream must read, write and seek");
            if (recordSize < RecordCodec.HeaderSize + 1) throw new ArgumentOutOfRangeException("recordSize");
            if (recordCount < 1 || (long)recordSize * recordCount > 0x7FFFFFFFL - DataOffset) throw new ArgumentOutOfRangeException("recordCount");
            _stream = stream;
            _recordSize = recordSize;
            _recordCount = recordCount;

            byte[] sb = new byte[SuperblockBytes];
            uint epochA = 0, epochB = 0;
            bool validA = false, validB = false;
            if (stream.Length > 0)
            {
                validA = ReadSuperblock(0, sb, out epochA);
                validB = ReadSuperblock(SuperblockCopySize, sb, out epochB);
                if (!validA && !validB) throw new IOException("not a ZramEmbedded backing file (no valid superblock); refusing to overwrite it");
            }
            uint newest = validA && (!validB || epochA >= epochB) ? epochA : (validB ? epochB : 0);
            _epoch = newest == 0xFFFFFFFFu ? 1 : newest + 1;
            // Write into the copy that does not hold the newest epoch (A when the file is new).
            long target = validA && (!validB || epochA >= epochB) ? SuperblockCopySize : 0;
            long length = DataOffset + (long)recordSize * recordCount;
            if (stream.Length != length) stream.SetLength(length);
            WriteSuperblock(target, sb);
            stream.Flush();
        }

        public int RecordSize { get { return _recordSize; } }
        public int RecordCount { get { return _recordCount; } }
        public uint Epoch { get { return _epoch; } }

        public bool TryWrite(int record, byte[] src, int offset, int length)
        {
            CheckArgs(record, src, offset, length);
            try
            {
                _stream.Seek(DataOffset + (long)record * _recordSize, SeekOrigin.Begin);
                _stream.Write(src, offset, length);
                return true;
            }
            catch (IOException)
            {
                return false;
            }
        }

        public bool TryRead(int record, byte[] dst, int offset, int length)
        {
            CheckArgs(record, dst, offset, length);
            try
            {
                _stream.Seek(DataOffset + (long)record * _recordSize, SeekOrigin.Begin);
                return ReadFully(dst, offset, length);
            }
            catch (IOException)
            {
                return false;
            }
        }

        /// <summary>Pushes buffered writes to the medium (on shutdown; records are not flushed one by one).</summary>
        public void Flush()
        {
            if (_disposed) throw new ObjectDisposedException("StreamBackingStore");
            _stream.Flush();
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            try { _stream.Flush(); }
            finally { _stream.Dispose(); }
        }

        private void CheckArgs(int record, byte[] buf, int offset, int length)
        {
            if (_disposed) throw new ObjectDisposedException("StreamBackingStore");
            if (buf == null) throw new ArgumentNullException("buf");
            if (record < 0 || record >= _recordCount) throw new ArgumentOutOfRangeException("record");
            if (length < 1 || length > _recordSize) throw new ArgumentOutOfRangeException("length");
            if (offset < 0 || offset > buf.Length - length) throw new ArgumentOutOfRangeException("offset");
        }

        private bool ReadFully(byte[] dst, int offset, int length)
        {
            while (length > 0)
            {
                int n = _stream.Read(dst, offset, length);
                if (n <= 0) return false;
                offset += n;
                length -= n;
            }
            return true;
        }

        private bool ReadSuperblock(long position, byte[] sb, out uint epoch)
        {
            epoch = 0;
            if (_stream.Length < position + SuperblockBytes) return false;
            _stream.Seek(position, SeekOrigin.Begin);
            if (!ReadFully(sb, 0, SuperblockBytes)) return false;
            if (RecordCodec.Get32(sb, 0) != SuperblockMagic || RecordCodec.Get32(sb, 4) != 1) return false;
            if (Crc32.Compute(sb, 0, 20) != RecordCodec.Get32(sb, 20)) return false;
            epoch = RecordCodec.Get32(sb, 16);
            return epoch != 0;
        }

        private void WriteSuperblock(long position, byte[] sb)
        {
            RecordCodec.Put32(sb, 0, SuperblockMagic);
            RecordCodec.Put32(sb, 4, 1);
            RecordCodec.Put32(sb, 8, (uint)_recordSize);
            RecordCodec.Put32(sb, 12, (uint)_recordCount);
            RecordCodec.Put32(sb, 16, _epoch);
            RecordCodec.Put32(sb, 20, Crc32.Compute(sb, 0, 20));
            _stream.Seek(position, SeekOrigin.Begin);
            _stream.Write(sb, 0, SuperblockBytes);
        }
    }
}
