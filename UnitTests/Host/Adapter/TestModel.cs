// Finds the tests of an assembly written against nanoFramework.TestFramework: public [TestClass] types,
// their [Setup], [TestMethod] (one test per method, or one per [DataRow]) and [Cleanup] methods, in
// declaration order - the order the device's UnitTestLauncher uses.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ZramEmbedded.TestAdapter
{
    internal sealed class TestClassInfo
    {
        public Type Type;
        public List<MethodInfo> Setups = new List<MethodInfo>();
        public List<MethodInfo> Cleanups = new List<MethodInfo>();
        public List<TestInfo> Tests = new List<TestInfo>();
    }

    internal sealed class TestInfo
    {
        public TestClassInfo Owner;
        public MethodInfo Method;
        /// <summary>Arguments of a [DataRow], or null for a plain test method.</summary>
        public object[] Row;
        public int RowIndex;
        public string FullyQualifiedName;
        public string DisplayName;
    }

    internal static class TestModel
    {
        private const string Ns = "nanoFramework.TestFramework.";

        public static List<TestClassInfo> Load(Assembly assembly)
        {
            var classes = new List<TestClassInfo>();
            foreach (Type type in assembly.GetTypes().Where(t => t.IsClass && t.IsPublic && Has(t, "TestClassAttribute")).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var info = new TestClassInfo { Type = type };
                var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .OrderBy(m => m.MetadataToken);
                foreach (MethodInfo m in methods)
                {
                    if (Has(m, "SetupAttribute")) info.Setups.Add(m);
                    if (Has(m, "CleanupAttribute")) info.Cleanups.Add(m);
                    if (!Has(m, "TestMethodAttribute") && !Has(m, "DataRowAttribute")) continue;
                    string baseName = type.FullName + "." + m.Name;
                    var rows = m.GetCustomAttributes(false).Where(a => a.GetType().FullName == Ns + "DataRowAttribute").ToList();
                    if (rows.Count == 0)
                    {
                        info.Tests.Add(new TestInfo { Owner = info, Method = m, FullyQualifiedName = baseName, DisplayName = type.Name + "." + m.Name });
                        continue;
                    }
                    for (int i = 0; i < rows.Count; i++)
                    {
                        object[] args = (object[])rows[i].GetType().GetProperty("MethodParameters").GetValue(rows[i]);
                        string shown = string.Join(", ", (args ?? new object[0]).Select(a => a is null ? "null" : a is string s ? "\"" + s + "\"" : a.ToString()));
                        info.Tests.Add(new TestInfo
                        {
                            Owner = info, Method = m, Row = args ?? new object[0], RowIndex = i,
                            FullyQualifiedName = baseName + "." + i,
                            DisplayName = type.Name + "." + m.Name + "(" + shown + ")",
                        });
                    }
                }
                if (info.Tests.Count > 0) classes.Add(info);
            }
            return classes;
        }

        private static bool Has(MemberInfo member, string attributeName) =>
            member.GetCustomAttributes(false).Any(a => a.GetType().FullName == Ns + attributeName);
    }
}
