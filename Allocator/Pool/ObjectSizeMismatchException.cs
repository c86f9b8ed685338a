// Thrown when Write or Read is asked to copy a byte count different from the object's size (objects
// are written and read whole; a short read or long write is a caller bug). Nothing is copied.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public class ObjectSizeMismatchException : Exception
    {
        public ObjectSizeMismatchException(string message) : base(message)
        {
        }
    }
}
