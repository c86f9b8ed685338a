// An in-memory IBackingStore with fault injection, for tests and benchmarks (the benchmark links this
// file). Faults are armed one at a time and fire on the next matching device operation:
//   FailWrite  the next write returns false and stores nothing
//   TornWrite  the next write stores only a prefix (keepBytes) and returns true (a power cut mid-write)
//   LoseWrite  the next write returns true and stores nothing (the medium dropped it)
//   FailRead   the next read returns false (a transient read error; the data is still there)
//   FlipBit    before the next read, one stored bit of that record (inside what was last written to it)
//              flips, permanently (bit rot, a disturbed flash cell)
// When a fault fires, FaultCount goes up and LastFault* say where: the record and the (client, slot)
// that the record's header names (for writes, the header being written). Every write is also logged
// (record, client, slot) so a model can tell which page went to which record. Reopen() simulates a
// restart of the medium: same bytes, next epoch.
// Written in the nanoFramework subset: device tests use it too.
using System;
using ZramEmbedded.Allocator.Backing;

namespace ZramEmbedded.UnitTests.Backing
{
    public enum FaultKind
    {
        None = 0,
        FailWrite = 1,
        TornWrite = 2,
        LoseWrite = 3,
        FailRead = 4,
        FlipBit = 5,
    }

    public sealed class FaultyBackingStore : IBackingStore
    {
        private readonly byte[] _data;
        private readonly int[] _writtenLength;
        private readonly int _recordSize;
        private readonly int _recordCount;
        private uint _epoch;
        private FaultKind _armed;
        private int _armedParam;
        private readonly int[] _logRecord;
        private readonly int[] _logClient;
        private readonly int[] _logSlot;
        private int _logCount;

        public FaultyBackingStore(int recordSize, int recordCount, uint epoch, int writeLogCapacity)
        {
            if (recordSize < 1) throw new ArgumentOutOfRangeException("recordSize");
            if (recordCount < 1) throw new ArgumentOutOfRangeException("recordCount");
            _recordSize = recordSize;
            _recordCount = recordCount;
            _data = new byte[recordSize * recordCount];
            _writtenLength = new int[recordCount];
            _epoch = epoch;
            _logRecord = new int[writeLogCapacity];
            _logClient = new int[writeLogCapacity];
            _logSlot = new int[writeLogCapacity];
        }

        public int RecordSize { get { return _recordSize; } }
        public int RecordCount { get { return _recordCount; } }
        public uint Epoch { get { return _epoch; } }

        public long Writes, Reads, BytesWritten, BytesRead;
        public int FaultCount;
        public FaultKind LastFault;
        public int LastFaultRecord = -1, LastFaultClient = -1, LastFaultSlot = -1;

        public FaultKind Armed { get { return _armed; } }

        /// <summary>Arms one fault for the next matching operation (replaces an armed one). For TornWrite,
        /// param = bytes kept (clamped to 1..length-1); for FlipBit, param picks the bit (taken modulo the
        /// bits last written to the record).</summary>
        public void Arm(FaultKind kind, int param)
        {
            _armed = kind;
            _armedParam = param;
        }

        public void Disarm() { _armed = FaultKind.None; }

        /// <summary>A restart of the medium: the stored bytes stay, the epoch moves on.</summary>
        public void Reopen() { _epoch++; }

        /// <summary>Writes logged since ClearLog (at most the capacity; later ones are not logged).</summary>
        public int LogCount { get { return _logCount; } }
        public int LogRecord(int i) { return _logRecord[i]; }
        public int LogClient(int i) { return _logClient[i]; }
        public int LogSlot(int i) { return _logSlot[i]; }
        public void ClearLog() { _logCount = 0; }

        public bool TryWrite(int record, byte[] src, int offset, int length)
        {
            Check(record, src, offset, length);
            int client = length >= RecordCodec.HeaderSize ? RecordCodec.Client(src, offset) : -1;
            int slot = length >= RecordCodec.HeaderSize ? RecordCodec.Slot(src, offset) : -1;
            if (_logCount < _logRecord.Length)
            {
                _logRecord[_logCount] = record;
                _logClient[_logCount] = client;
                _logSlot[_logCount] = slot;
                _logCount++;
            }
            int keep = length;
            FaultKind k = _armed;
            if (k == FaultKind.FailWrite || k == FaultKind.TornWrite || k == FaultKind.LoseWrite)
            {
                _armed = FaultKind.None;
                Fired(k, record, client, slot);
                if (k == FaultKind.FailWrite) return false;
                keep = k == FaultKind.LoseWrite ? 0 : Clamp(_armedParam, 1, length - 1);
            }
            Array.Copy(src, offset, _data, record * _recordSize, keep);
            if (keep > 0) _writtenLength[record] = Max(_writtenLength[record], keep);
            Writes++;
            BytesWritten += length;
            return true;
        }

        public bool TryRead(int record, byte[] dst, int offset, int length)
        {
            Check(record, dst, offset, length);
            int at = record * _recordSize;
            FaultKind k = _armed;
            if (k == FaultKind.FailRead || k == FaultKind.FlipBit)
            {
                _armed = FaultKind.None;
                int client = RecordCodec.Client(_data, at);
                int slot = RecordCodec.Slot(_data, at);
                Fired(k, record, client, slot);
                if (k == FaultKind.FailRead) return false;
                int bits = Max(_writtenLength[record], 1) * 8;
                int bit = (int)((uint)_armedParam % (uint)bits);
                _data[at + bit / 8] ^= (byte)(1 << (bit % 8));
            }
            Array.Copy(_data, at, dst, offset, length);
            Reads++;
            BytesRead += length;
            return true;
        }

        /// <summary>Damages a stored record directly (tests of the record layer).</summary>
        public void FlipStoredBit(int record, int bit)
        {
            _data[record * _recordSize + bit / 8] ^= (byte)(1 << (bit % 8));
        }

        /// <summary>Copies one stored record over another (a misdirected write: a valid record in the wrong place).</summary>
        public void CopyRecord(int from, int to)
        {
            Array.Copy(_data, from * _recordSize, _data, to * _recordSize, _recordSize);
            _writtenLength[to] = _writtenLength[from];
        }

        private void Fired(FaultKind k, int record, int client, int slot)
        {
            FaultCount++;
            LastFault = k;
            LastFaultRecord = record;
            LastFaultClient = client;
            LastFaultSlot = slot;
        }

        private void Check(int record, byte[] buf, int offset, int length)
        {
            if (buf == null) throw new ArgumentNullException("buf");
            if (record < 0 || record >= _recordCount) throw new ArgumentOutOfRangeException("record");
            if (length < 1 || length > _recordSize) throw new ArgumentOutOfRangeException("length");
            if (offset < 0 || offset > buf.Length - length) throw new ArgumentOutOfRangeException("offset");
        }

        private static int Clamp(int v, int lo, int hi)
        {
            if (hi < lo) return lo;
            return v < lo ? lo : (v > hi ? hi : v);
        }

        private static int Max(int a, int b) { return a > b ? a : b; }
    }
}
