// The TestFrameworkShared part of nanoFramework.TestFramework 3.0.x: the attributes the launcher looks for,
// SkipTestException, Helper, and AssertFailedException (which lives in namespace TestFrameworkShared).
using System;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute) { throw null; }
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { }
        public object[] MethodParameters { get { throw null; } }
    }

    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null) { }
    }

    public static class Helper
    {
        public static object[] RemoveTestMethodIfDataRowExists(object[] attribs) { throw null; }
    }
}

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string msg, Exception ex) { }
        public AssertFailedException(string msg) { }
        public AssertFailedException() { }
    }
}
