// nanoFramework.Runtime.Native 1.7.11: nanoFramework.Runtime.Native.GC.Run (forces a GC, returns FREE managed-heap
// bytes), SystemInfo, ExecutionConstraint, Power, Rtc, and the partial class System.Environment that adds
// TickCount64 (the 1.x mscorlib has no Environment class at all).
[assembly: System.Reflection.AssemblyVersion("1.7.11.0")]
[assembly: System.Reflection.AssemblyNativeVersion("100.0.10.0")]

namespace System
{
    public static partial class Environment
    {
        /// <summary>Milliseconds since boot.</summary>
        public static long TickCount64 { get { throw null; } }
    }
}

namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
        public static void EnableGCMessages(bool enable) { throw null; }
    }

    public static class SystemInfo
    {
        public static System.Version Version { get { throw null; } }
        public static string OEMString { get { throw null; } }
        public static byte OEM { get { throw null; } }
        public static byte Model { get { throw null; } }
        public static ushort SKU { get { throw null; } }
        public static string TargetName { get { throw null; } }
        public static string Platform { get { throw null; } }
        public static FloatingPoint FloatingPointSupport { get { throw null; } }

        public enum FloatingPoint
        {
            None = 0,
            SinglePrecisionSoftware = 1,
            SinglePrecisionHardware = 2,
            DoublePrecisionSoftware = 3,
            DoublePrecisionHardware = 4,
        }
    }

    public class ConstraintException : System.Exception
    {
    }

    public static class ExecutionConstraint
    {
        public static void Install(int timeoutMilliseconds, int priority) { throw null; }
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent { add { } remove { } }
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
    }

    public static class Rtc
    {
        public static bool SetSystemTime(System.DateTime time) { throw null; }
    }
}
