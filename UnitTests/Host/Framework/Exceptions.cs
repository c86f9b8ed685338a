// The two exceptions of the TestFramework: a failed assertion (namespace TestFrameworkShared, as on the
// device) and a skipped test.
using System;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException() { }
        public AssertFailedException(string message) : base(message) { }
        public AssertFailedException(string message, Exception inner) : base(message, inner) { }
    }
}

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException() { }
        public SkipTestException(string message) : base(message) { }
        public SkipTestException(string message, Exception inner) : base(message, inner) { }
    }
}
