// System.Diagnostics of mscorlib 1.17 and System.Console (string overloads only: Console.WriteLine(int) does not
// exist on the device, so it must not compile here). Debug.* is [Conditional("DEBUG")].
namespace System
{
    public static class Console
    {
        public static void Write(string value) { throw null; }
        public static void WriteLine() { throw null; }
        public static void WriteLine(string value) { throw null; }
    }
}

namespace System.Diagnostics
{
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class ConditionalAttribute : Attribute
    {
        public ConditionalAttribute(string conditionString) { }
        public string ConditionString { get { throw null; } }
    }

    public static class Debug
    {
        [Conditional("DEBUG")] public static void Assert(bool condition) { throw null; }
        [Conditional("DEBUG")] public static void Assert(bool condition, string message) { throw null; }
        [Conditional("DEBUG")] public static void Assert(bool condition, string message, string detailedMessage) { throw null; }
        [Conditional("DEBUG")] public static void Write(string message) { throw null; }
        [Conditional("DEBUG")] public static void WriteLine() { throw null; }
        [Conditional("DEBUG")] public static void WriteLine(string message) { throw null; }
    }

    public static class Debugger
    {
        public static bool IsAttached { get { throw null; } }
        public static void Break() { throw null; }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method, Inherited = false)]
    public sealed class DebuggerStepThroughAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerHiddenAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Constructor | AttributeTargets.Method | AttributeTargets.Property, Inherited = false)]
    public sealed class DebuggerNonUserCodeAttribute : Attribute { }

    public enum DebuggerBrowsableState { Never = 0, Collapsed = 2, RootHidden = 3 }

    [AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false)]
    public sealed class DebuggerBrowsableAttribute : Attribute
    {
        public DebuggerBrowsableAttribute(DebuggerBrowsableState state) { }
        public DebuggerBrowsableState State { get { throw null; } }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Delegate | AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class DebuggerDisplayAttribute : Attribute
    {
        public DebuggerDisplayAttribute(string value) { }
        public string Value { get { throw null; } }
    }
}
