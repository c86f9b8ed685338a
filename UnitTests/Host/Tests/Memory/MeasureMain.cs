// Entry point of the instrumented device-suite program (DeviceSuiteCompiler): runs every public [TestClass] of its
// own assembly the way the device's launcher does ([Setup] methods, the test methods in declaration order, one
// run per [DataRow], [Cleanup] methods; the class is never constructed) and prints one line per test:
//   PEAK <bytes> <samples> <Class.Method[#row]>      or      FAIL <Class.Method[#row]> <message>
// It runs in a process of its own so that each sample's full GC walks a small heap.
// This file is compiled into that program only, not into the host tests.
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ZramEmbedded.UnitTests.Host.Memory
{
    public static class MeasureMain
    {
        private const string Ns = "nanoFramework.TestFramework.";

        public static int Main(string[] args)
        {
            TextWriter report = Console.Out;
            Console.SetOut(TextWriter.Null); // OutputHelper and Console output of the tests
            var types = typeof(MeasureMain).Assembly.GetTypes()
                .Where(t => t.IsClass && t.IsPublic && Has(t, "TestClassAttribute")).OrderBy(t => t.FullName, StringComparer.Ordinal);
            foreach (Type type in types)
            {
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .OrderBy(m => m.MetadataToken).ToList();
                object target = RuntimeHelpers.GetUninitializedObject(type);
                PeakMemory.BeginClass();
                foreach (MethodInfo m in methods.Where(m => Has(m, "SetupAttribute"))) Call(m, target, null, type.Name + "." + m.Name, report);
                foreach (MethodInfo m in methods.Where(m => Has(m, "TestMethodAttribute") || Has(m, "DataRowAttribute")))
                {
                    var rows = m.GetCustomAttributes(false).Where(a => a.GetType().FullName == Ns + "DataRowAttribute")
                        .Select(a => (object[])a.GetType().GetProperty("MethodParameters").GetValue(a)).ToList();
                    bool numbered = rows.Count > 0;
                    if (!numbered) rows.Add(null);
                    for (int i = 0; i < rows.Count; i++)
                    {
                        string name = type.Name + "." + m.Name + (numbered ? "#" + i : "");
                        PeakMemory.BeginTest();
                        Call(m, target, rows[i], name, report);
                        long peak = PeakMemory.EndTest();
                        report.WriteLine("PEAK " + peak + " " + PeakMemory.Samples + " " + name);
                    }
                }
                foreach (MethodInfo m in methods.Where(m => Has(m, "CleanupAttribute"))) Call(m, target, null, type.Name + "." + m.Name, report);
                PeakMemory.Stop();
            }
            report.Flush();
            return 0;
        }

        private static void Call(MethodInfo m, object target, object[] args, string name, TextWriter report)
        {
            try { m.Invoke(m.IsStatic ? null : target, args); }
            catch (TargetInvocationException e) when (e.InnerException != null && e.InnerException.GetType().Name == "SkipTestException") { }
            catch (TargetInvocationException e)
            {
                Exception inner = e.InnerException ?? e;
                report.WriteLine("FAIL " + name + " " + inner.GetType().Name + ": " + inner.Message.Replace('\n', ' '));
            }
        }

        private static bool Has(MemberInfo member, string attributeName) =>
            member.GetCustomAttributes(false).Any(a => a.GetType().FullName == Ns + attributeName);
    }
}
