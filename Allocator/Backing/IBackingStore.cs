// The slow storage that writeback moves pages to: a block device of RecordCount fixed-size records
// (a flash partition, a file on an SD card, a file on the PC, or memory in tests). Allocator defines it;
// Board implements it (Board/StreamBackingStore over a file; UnitTests' FaultyBackingStore in memory).
//
// Contract: a write stores `length` bytes (1..RecordSize) at the start of a record, a read returns the first
// `length` bytes of a record; both copy through caller buffers and allocate nothing. A device failure is a
// result (false), never an exception; what a failed write left in the record is undefined (the record layer
// detects it). A successful write may still have been torn or lost by the medium, and stored bits may flip:
// BackingRecords checks every record it reads back (magic, CRC-32, epoch, generation, owner).
// Misuse (record outside 0..RecordCount-1, null buffer, range outside the buffer or the record) throws
// ArgumentOutOfRangeException / ArgumentNullException and touches nothing.
// Epoch: a number that differs on every open of the medium (persisted by the medium, e.g. in a superblock),
// written into every record, so a record left over from an earlier run is never taken for current data.
namespace ZramEmbedded.Allocator.Backing
{
    public interface IBackingStore
    {
        /// <summary>Bytes per record (each record starts at a fixed position on the medium).</summary>
        int RecordSize { get; }

        /// <summary>Number of records (0..RecordCount-1).</summary>
        int RecordCount { get; }

        /// <summary>Differs on each open of the medium; records written in this run carry it.</summary>
        uint Epoch { get; }

        /// <summary>Writes src[offset..offset+length) to the start of the record. False: the device failed.</summary>
        bool TryWrite(int record, byte[] src, int offset, int length);

        /// <summary>Reads the record's first length bytes into dst[offset..). False: the device failed.</summary>
        bool TryRead(int record, byte[] dst, int offset, int length);
    }
}
