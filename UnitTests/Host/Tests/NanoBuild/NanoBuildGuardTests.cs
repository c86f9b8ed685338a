// Guard self-test of the nano build (issue 2, item 4): each construct nanoFramework 1.x lacks must be rejected
// with a clear message, either by the compiler against the reference surface (nf-build/ref) or by the IL check.
// Probes compile in-process through NanoBuild.Probe exactly as device projects do (C# 9.0, NoStdLib); the
// reference surface is compiled once per test run and shared by all probes.
using nanoFramework.TestFramework;
using NanoBuild;

namespace ZramEmbedded.UnitTests.Host.NanoBuildGuard
{
    [TestClass]
    public class NanoBuildGuardTests
    {
        private static ProbeResult Rejected(string source, bool compiles, string expectedCode, string expectedText, bool allowUnsafe = false)
        {
            ProbeResult r = Probe.Check(source, allowUnsafe);
            Assert.IsFalse(r.Accepted, "the nano build accepted a probe it must reject:\n" + source);
            Assert.AreEqual(compiles, r.Compiled, "probe should " + (compiles ? "compile and fail the IL check" : "fail to compile") + ":\n" + r);
            Assert.Contains("error " + expectedCode, r.Text, "expected " + expectedCode + " in:\n" + r);
            Assert.Contains(expectedText, r.Text, "expected '" + expectedText + "' in:\n" + r);
            return r;
        }

        [TestMethod]
        public void RejectsGenericList()
        {
            Rejected("using System.Collections.Generic;\npublic static class P { public static int M() { var l = new List<int>(); return l.Count; } }",
                compiles: false, "CS0246", "'List<>' could not be found");
        }

        [TestMethod]
        public void RejectsLinqCall()
        {
            Rejected("public static class P { public static int M(int[] a) { return System.Linq.Enumerable.Count(a); } }",
                compiles: false, "CS0234", "'Linq' does not exist in the namespace 'System'");
            Rejected("public static class P { public static int M(int[] a) { return a.Count(); } }",
                compiles: false, "CS1061", "does not contain a definition for 'Count'");
        }

        [TestMethod]
        public void RejectsSpanOfByte()
        {
            Rejected("public static class P { public static int M(byte[] a) { System.Span<byte> s = a; return s.Length; } }",
                compiles: false, "CS0234", "'Span<>' does not exist in the namespace 'System'");
        }

        [TestMethod]
        public void RejectsNullableInt()
        {
            Rejected("public static class P { public static int M() { int? x = 3; return x.Value; } }",
                compiles: false, "CS0518", "System.Nullable`1");
        }

        [TestMethod]
        public void RejectsBufferBlockCopy()
        {
            Rejected("public static class P { public static void M(byte[] a, byte[] b) { System.Buffer.BlockCopy(a, 0, b, 0, 4); } }",
                compiles: false, "CS0234", "'Buffer' does not exist in the namespace 'System'");
        }

        [TestMethod]
        public void RejectsUserGenericMethod()
        {
            ProbeResult r = Rejected("public static class P { public static T Id<T>(T x) { return x; } public static int M() { return Id(3); } }",
                compiles: true, "NANO002", "Probe: P::Id: error NANO002: generic method definition");
            Assert.Contains("P::M: error NANO003: calls generic method instantiation 'P.Id<Int32>'", r.Text);
        }

        [TestMethod]
        public void RejectsPointerLocal()
        {
            const string source = "public static class P { public static unsafe int M(byte[] a) { fixed (byte* p = a) { return *p; } } }";
            // Device projects do not allow unsafe code; if one did, the IL check still rejects the pointer local.
            Rejected(source, compiles: false, "CS0227", "Unsafe code may only appear if compiling with /unsafe");
            Rejected(source, compiles: true, "NANO004", "P::M: error NANO004: pointer-typed local", allowUnsafe: true);
        }

        [TestMethod]
        public void RejectsMultiDimensionalArray()
        {
            Rejected("public static class P { public static int M() { int[,] a = new int[2, 3]; return a.Length; } }",
                compiles: true, "NANO005", "P::M: error NANO005: multi-dimensional array 'Int32[,]'");
        }

        [TestMethod]
        public void RejectsMathMaxOfLongAssignedToLong()
        {
            // System.Math 1.x has Max(int,int), Max(float,float), Max(double,double) only: long binds to float.
            Rejected("public static class P { public static long M(long a, long b) { long m = System.Math.Max(a, b); return m; } }",
                compiles: false, "CS0266", "Cannot implicitly convert type 'float' to 'long'");
        }

        [TestMethod]
        public void RejectsApisAbsentFromTheStableSurface()
        {
            Rejected("public static class P { public static void M() { System.Console.WriteLine(42); } }", compiles: false, "CS1503", "cannot convert from 'int' to 'string'");
            Rejected("public static class P { public static string M(string[] a) { return string.Join(\",\", a); } }", compiles: false, "CS0117", "'Join'");
            Rejected("public static class P { public static string M(string a) { return a.Replace(\"a\", \"b\"); } }", compiles: false, "CS1061", "'Replace'");
            Rejected("public static class P { public static void M() { throw new System.OverflowException(); } }", compiles: false, "CS0234", "'OverflowException'");
            Rejected("public static class P { public static void M() { throw new System.DivideByZeroException(); } }", compiles: false, "CS0234", "'DivideByZeroException'");
            Rejected("public static class P { public static int M() { var t = (1, 2); return t.Item1; } }", compiles: false, "CS8179", "System.ValueTuple`2");
            Rejected("public static class P { public static int M(int[] a) { return a[^1]; } }", compiles: false, "CS0518", "System.Index");
            Rejected("public static class P { public static void M(ref long x) { System.Threading.Interlocked.Increment(ref x); } }", compiles: false, "CS1503", "ref long");
        }

        [TestMethod]
        public void AcceptsValidSubsetCode()
        {
            ProbeResult r = Probe.Check(@"
using System;
using System.Collections;
using System.Text;
using nanoFramework.TestFramework;
public interface IStore { int Get(int slot); }
public struct Entry { public int Handle; public ushort Size; }
public delegate void Changed(object sender, int slot);
public sealed class Store : IStore, IDisposable
{
    private readonly byte[] _arena = new byte[64];
    private readonly int[][] _jagged = new int[2][];
    private static readonly int[] Table = { 1, 2, 3, 4 };
    public event Changed OnChanged;
    public int Get(int slot) { lock (_arena) { return _arena[slot] + Table[slot & 3]; } }
    public void Move(int from, int to, int n) { Array.Copy(_arena, from, _arena, to, n); Array.Clear(_arena, from, n); OnChanged?.Invoke(this, to); }
    public static long Max(long a, long b) { return a > b ? a : b; }
    public string Describe(ulong bytes) { var sb = new StringBuilder(); sb.Append(bytes); switch (sb.Length) { case 1: return ""one""; } return $""{bytes} bytes "" + sb.ToString(); }
    public void Dispose() { }
}
[TestClass]
public class StoreTests
{
    private static Store s_store;
    [Setup] public void Setup() { s_store = new Store(); }
    [TestMethod] public void Works()
    {
        Assert.AreEqual(1, s_store.Get(0));
        Assert.AreEqual(5L, Store.Max(5, 3));
        Assert.ThrowsException(typeof(ArgumentException), () => { throw new ArgumentException(""x""); });
        var list = new ArrayList(); list.Add(1);
        foreach (object o in list) OutputHelper.WriteLine(o.ToString());
        Action a = () => s_store.Move(0, 1, 2); a();
        uint free = nanoFramework.Runtime.Native.GC.Run(false);
        long now = Environment.TickCount64;
        Assert.IsTrue(free > 0 || now >= 0);
    }
    [Cleanup] public void Cleanup() { s_store.Dispose(); }
}");
            Assert.IsTrue(r.Accepted, "valid nanoFramework subset code must pass the nano build:\n" + r);
        }

        [TestMethod]
        public void IlCheckRejectsSwitchOver255Targets()
        {
            Rejected(SwitchProbe(256), compiles: true, "NANO006", "IL switch with 256 targets");
            ProbeResult ok = Probe.Check(SwitchProbe(255));
            Assert.IsTrue(ok.Accepted, "a 255-target switch fits the nanoFramework switch table:\n" + ok);
        }

        [TestMethod]
        public void IlCheckRejectsTestClassInstanceField()
        {
            Rejected("using nanoFramework.TestFramework;\n[TestClass] public class T { private int _count; [TestMethod] public void A() { _count++; Assert.AreEqual(1, _count); } }",
                compiles: true, "NANO010", "T::_count: error NANO010: [TestClass] declares an instance field");
            ProbeResult ok = Probe.Check("using nanoFramework.TestFramework;\n[TestClass] public class T { private static int s_count; [TestMethod] public void A() { s_count++; Assert.AreEqual(1, s_count); } }");
            Assert.IsTrue(ok.Accepted, "static state in a [TestClass] is fine:\n" + ok);
        }

        [TestMethod]
        public void IlCheckRejectsStringLiteralHoldingNul()
        {
            // On the device a string ends at its first NUL: "h\0e" would be one char long there.
            Rejected("public static class P { public static int M() { return (\"h\\0\\x01\" + \"e\").Length; } }",
                compiles: true, "NANO012", "P::M: error NANO012: string literal holds U+0000 at index 1");
            ProbeResult ok = Probe.Check("public static class P { public static int M() { byte[] b = { (byte)'h', 0, 1 }; return (\"h\\x01e\").Length + b.Length; } }");
            Assert.IsTrue(ok.Accepted, "other control characters and zero bytes in a byte[] are fine:\n" + ok);
        }

        [TestMethod]
        public void IlCheckRejectsGenericDelegateInstantiation()
        {
            // mscorlib 1.x declares Action<T>, but generic instantiations do not run on a 1.x device.
            Rejected("public static class P { public static void M() { System.Action<int> a = x => { }; a(1); } }",
                compiles: true, "NANO003", "generic type 'System.Action<Int32>'");
        }

        [TestMethod]
        public void IlCheckRejectsMoreThan255StaticMethodsInOneType()
        {
            var sb = new System.Text.StringBuilder("public static class P {");
            for (int i = 0; i < 256; i++) sb.Append(" public static int M").Append(i).Append("() { return ").Append(i).Append("; }");
            sb.Append(" }");
            Rejected(sb.ToString(), compiles: true, "NANO007", "256 static methods in one type");
        }

        [TestMethod]
        public void RejectsVolatileField()
        {
            // The real mscorlib 1.x has no System.Runtime.CompilerServices.IsVolatile, the modreq a volatile field needs.
            Rejected("public sealed class P { private volatile bool _stop; public void Stop() { _stop = true; } public bool Stopped { get { return _stop; } } }",
                compiles: false, "CS0518", "System.Runtime.CompilerServices.IsVolatile");
            ProbeResult ok = Probe.Check("public sealed class P { private bool _stop; private readonly object _lock = new object(); public void Stop() { lock (_lock) { _stop = true; } } }");
            Assert.IsTrue(ok.Accepted, "a field guarded by lock is the nanoFramework way:\n" + ok);
        }

        private const string TestSource =
            "using nanoFramework.TestFramework;\n[TestClass] public class T { [TestMethod] public static void A() { Assert.AreEqual(3, Lib.Shell.Three()); } }";
        private const string LibSource = "namespace Lib { public static class Shell { public static int Three() { return 3; } } }";
        private const string AppSource = "namespace App { public static class Program { public static void Main() { } } }";

        [TestMethod]
        public void RejectsTestAssemblyReferencingAnExe()
        {
            // Directly: the shell lives in the application assembly, which has Main.
            ProbeResult direct = Probe.CheckTestAssembly(TestSource, new[] { "App" },
                ("App", AppSource + "\n" + LibSource, true, new string[0]));
            Assert.IsFalse(direct.Accepted, "a test assembly referencing an exe must be rejected");
            Assert.Contains("NFUnitTest: error NANO011: test assembly references App, an assembly with an entry point (NFUnitTest -> App)", direct.Text);
        }

        [TestMethod]
        public void RejectsTestAssemblyReachingAnExeThroughItsClosure()
        {
            // Through a library that references the application (the exe's type is used, so it is a metadata reference).
            ProbeResult closure = Probe.CheckTestAssembly(TestSource, new[] { "Lib" },
                ("App", AppSource + "\nnamespace App { public static class Version { public const int Major = 3; public static int Get() { return Major; } } }", true, new string[0]),
                ("Lib", "namespace Lib { public static class Shell { public static int Three() { return App.Version.Get(); } } }", false, new[] { "App" }));
            Assert.IsFalse(closure.Accepted, "an exe in the test assembly's closure must be rejected");
            Assert.Contains("error NANO011: test assembly references App, an assembly with an entry point (NFUnitTest -> Lib -> App)", closure.Text);

            // The fix the finding asks for: the shell in a library, Main alone in the exe that nothing test-side references.
            ProbeResult ok = Probe.CheckTestAssembly(TestSource, new[] { "Lib" },
                ("Lib", LibSource, false, new string[0]),
                ("App", AppSource, true, new[] { "Lib" }));
            Assert.IsTrue(ok.Accepted, "a test assembly over class libraries only must pass:\n" + ok);
        }

        private static string SwitchProbe(int cases)
        {
            var sb = new System.Text.StringBuilder("public static class P { public static int M(int x) { switch (x) {");
            for (int i = 0; i < cases; i++) sb.Append(" case ").Append(i).Append(": return ").Append(i * 7 + 1).Append(';');
            sb.Append(" default: return -1; } } }");
            return sb.ToString();
        }
    }
}
