// Thrown when a handle is malformed, already freed (double free), stale (its entry was reused: the
// generation in the handle no longer matches) or belongs to no live object. The pool changes nothing
// before throwing, so a caller may catch it and carry on.
using System;

namespace ZramEmbedded.Allocator.Pool
{
    public class InvalidHandleException : Exception
    {
        public InvalidHandleException(string message) : base(message)
        {
        }
    }
}
