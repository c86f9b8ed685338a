// Pages on the backing store: writes a page (as stored in the arena: compressed or raw) into a free record
// and reads it back with every check the record format allows, so a damaged, torn, lost or foreign record
// is reported for that page only (RecordStatus) and never returned as data.
//
// State: the device, a RecordAllocator (which records are in use, next-fit for wear spreading), the
// generation each used record must carry (uint per record, 0 = free; generations are unique per write in a
// run, so a record still holding an older write — a lost write — is Stale), one scratch buffer of
// header + largest payload, and counters. Everything is allocated in the constructor; no call allocates.
// The device is used through that one buffer: a write composes header and payload there and issues one
// device write of exactly header + payload bytes; a read issues a header read, then one read of header +
// payload, and the checks run on the second read only.
// Not thread-safe: the page store calls it under its own lock.
using System;

namespace ZramEmbedded.Allocator.Backing
{
    public sealed class BackingRecords
    {
        /// <summary>Instance fields on the device (12 B each in the metadata accounting; DeviceFieldCountTests checks it).</summary>
        public const int DeviceFields = 14;

        public const int NoRecord = -1;

        private readonly IBackingStore _device;
        private readonly RecordAllocator _records;
        private readonly uint[] _generation;
        private readonly byte[] _buffer;
        /// <summary>
        /// Most records one store manages: its generation array (4 B a record) stays within one 512 KiB
        /// nanoFramework array; 131,072 records of 4 KiB pages are 512 MiB of backing store.
        /// </summary>
        public const int MaxRecords = 131072;

        private readonly int _maxPayload;
        private uint _nextGeneration = 1;
        private long _writes, _reads, _bytesWritten, _failedWrites;
        private long _readsDeviceFailed, _readsMissing, _readsCorrupt, _readsStale;

        /// <param name="device">The backing store; its RecordSize must hold a header and maxPayload bytes.</param>
        /// <param name="maxPayload">Largest payload written (the page size: a raw page is the largest).</param>
        public BackingRecords(IBackingStore device, int maxPayload)
        {
            if (device == null) throw new ArgumentNullException("device");
            if (maxPayload < 1 || maxPayload > RecordCodec.MaxLength) throw new ArgumentOutOfRangeException("maxPayload");
            if (device.RecordSize < RecordCodec.HeaderSize + maxPayload) throw new ArgumentException("records of " + device.RecordSize.ToString() + " B cannot hold a " + maxPayload.ToString() + " B payload and its header");
            if (device.RecordCount < 1) throw new ArgumentException("the backing store has no records");
            if (device.RecordCount > MaxRecords) throw new ArgumentException("at most " + MaxRecords.ToString() + " records");
            _device = device;
            _maxPayload = maxPayload;
            _records = new RecordAllocator(device.RecordCount);
            _generation = new uint[device.RecordCount];
            _buffer = new byte[RecordCodec.HeaderSize + maxPayload];
        }

        public IBackingStore Device { get { return _device; } }
        public int MaxPayload { get { return _maxPayload; } }
        public int RecordCount { get { return _records.Count; } }
        public int UsedCount { get { return _records.UsedCount; } }
        public int FreeCount { get { return _records.FreeCount; } }

        /// <summary>True when the record holds a page (written and not freed).</summary>
        public bool IsInUse(int record) { return _records.IsUsed(record); }

        /// <summary>Managed bytes kept for the records (bitmap, generations, scratch), for metadata stats.</summary>
        public int MetadataBytes { get { return _records.MetadataBytes + _generation.Length * 4 + _buffer.Length; } }

        /// <summary>
        /// After an Ok TryRead: the buffer holding the payload at PayloadOffset (valid until the next call).
        /// </summary>
        public byte[] Buffer { get { return _buffer; } }
        public const int PayloadOffset = RecordCodec.HeaderSize;

        /// <summary>
        /// Writes src[offset..offset+length) as the payload of a new record owned by (client, slot).
        /// NoSpace: no free record, nothing written. DeviceFailed: the device refused the write; the record
        /// is free again and the caller keeps its page.
        /// </summary>
        public RecordWriteResult TryWrite(int client, int slot, byte[] src, int offset, int length, bool compressed,
            int originalLength, out int record)
        {
            record = NoRecord;
            if (src == null) throw new ArgumentNullException("src");
            if (length < 1 || length > _maxPayload) throw new ArgumentOutOfRangeException("length");
            if (offset < 0 || offset > src.Length - length) throw new ArgumentOutOfRangeException("offset");
            if (originalLength < 1 || originalLength > RecordCodec.MaxLength) throw new ArgumentOutOfRangeException("originalLength");
            if (client < 0 || client > 0xFFFF) throw new ArgumentOutOfRangeException("client");
            if (slot < 0) throw new ArgumentOutOfRangeException("slot");
            int r;
            if (!_records.TryAllocate(out r)) return RecordWriteResult.NoSpace;
            uint generation = _nextGeneration;
            _nextGeneration = _nextGeneration == 0xFFFFFFFFu ? 1 : _nextGeneration + 1; // 0 means "free"
            Array.Copy(src, offset, _buffer, RecordCodec.HeaderSize, length);
            int total = RecordCodec.Encode(_buffer, 0, _device.Epoch, generation, client, slot, compressed, length, originalLength);
            if (!_device.TryWrite(r, _buffer, 0, total))
            {
                _records.Free(r);
                _failedWrites++;
                return RecordWriteResult.DeviceFailed;
            }
            _generation[r] = generation;
            _writes++;
            _bytesWritten += total;
            record = r;
            return RecordWriteResult.Ok;
        }

        /// <summary>
        /// Reads record `record` (in use) back for (client, slot); client &lt; 0 skips the owner check (a
        /// merged page read for a slot other than the one that wrote it — the generation still identifies
        /// it). Ok: the payload is in Buffer at PayloadOffset, `length` bytes, compressed as flagged. Any
        /// other status: the page is lost; the record stays in use (the caller frees it with the slot).
        /// </summary>
        public RecordStatus TryRead(int record, int client, int slot, out int length, out bool compressed, out int originalLength)
        {
            length = 0;
            compressed = false;
            originalLength = 0;
            if (!_records.IsUsed(record)) throw new InvalidOperationException("record " + record.ToString() + " is not in use");
            RecordStatus s = ReadChecked(record, client, slot);
            switch (s)
            {
                case RecordStatus.Ok:
                    _reads++;
                    length = RecordCodec.PayloadLength(_buffer, 0);
                    compressed = RecordCodec.IsCompressed(_buffer, 0);
                    originalLength = RecordCodec.OriginalLength(_buffer, 0);
                    break;
                case RecordStatus.DeviceFailed: _readsDeviceFailed++; break;
                case RecordStatus.Missing: _readsMissing++; break;
                case RecordStatus.Corrupt: _readsCorrupt++; break;
                default: _readsStale++; break;
            }
            return s;
        }

        private RecordStatus ReadChecked(int record, int client, int slot)
        {
            int header = RecordCodec.HeaderSize;
            if (!_device.TryRead(record, _buffer, 0, header)) return RecordStatus.DeviceFailed;
            RecordStatus s = RecordCodec.CheckHeader(_buffer, 0, _maxPayload);
            if (s != RecordStatus.Ok) return s;
            int total = header + RecordCodec.PayloadLength(_buffer, 0);
            if (!_device.TryRead(record, _buffer, 0, total)) return RecordStatus.DeviceFailed;
            s = RecordCodec.Check(_buffer, 0, _maxPayload);
            if (s != RecordStatus.Ok) return s;
            if (RecordCodec.Epoch(_buffer, 0) != _device.Epoch) return RecordStatus.Stale;
            if (RecordCodec.Generation(_buffer, 0) != _generation[record]) return RecordStatus.Stale;
            if (client >= 0 && (RecordCodec.Client(_buffer, 0) != client || RecordCodec.Slot(_buffer, 0) != slot)) return RecordStatus.Stale;
            return RecordStatus.Ok;
        }

        /// <summary>Releases a record in use (the page was brought back, rewritten or discarded).</summary>
        public void Free(int record)
        {
            _records.Free(record); // throws on misuse before anything changes
            _generation[record] = 0;
        }

        /// <summary>Fills bd_count, bd_reads, bd_writes, bytes written and failures (the limit is the store's).</summary>
        public void GetStats(BdStat s)
        {
            if (s == null) throw new ArgumentNullException("s");
            s.BdCount = _records.UsedCount;
            s.BdReads = _reads;
            s.BdWrites = _writes;
            s.BytesWritten = _bytesWritten;
            s.FailedWrites = _failedWrites;
            s.ReadsDeviceFailed = _readsDeviceFailed;
            s.ReadsMissing = _readsMissing;
            s.ReadsCorrupt = _readsCorrupt;
            s.ReadsStale = _readsStale;
            s.RecordCount = _records.Count;
        }

        public void CheckInvariants()
        {
            _records.CheckInvariants();
            for (int r = 0; r < _generation.Length; r++)
            {
                if (_records.IsUsed(r) != (_generation[r] != 0))
                    throw new InvalidOperationException("record " + r.ToString() + ": in use and generation disagree");
            }
        }
    }
}
