// What reading a record back found. Everything but Ok means the page in that record is lost (the store
// reports StoreResult.ReadFailed for the slots that used it and counts failed_reads); the kinds are kept
// apart for stats and tests.
namespace ZramEmbedded.Allocator.Backing
{
    public enum RecordStatus
    {
        /// <summary>The record is the one written for this page in this run, intact.</summary>
        Ok = 0,
        /// <summary>The device reported a read error.</summary>
        DeviceFailed = 1,
        /// <summary>No record there: wrong magic (never written, erased, or a write that did not happen).</summary>
        Missing = 2,
        /// <summary>Damaged: CRC mismatch (torn write, flipped bits) or impossible header fields.</summary>
        Corrupt = 3,
        /// <summary>A valid record, but not this one: an earlier run (epoch), an older write (generation) or another slot.</summary>
        Stale = 4,
    }

    /// <summary>Outcome of writing a page into a new record.</summary>
    public enum RecordWriteResult
    {
        Ok = 0,
        /// <summary>Every record is in use; nothing was written.</summary>
        NoSpace = 1,
        /// <summary>The device reported a write error; the record was released again.</summary>
        DeviceFailed = 2,
    }
}
