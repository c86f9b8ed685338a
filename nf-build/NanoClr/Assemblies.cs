// Reads what the run needs from a compiled assembly's metadata: its references, whether it has an entry point, and
// its tests as the UnitTestLauncher will run them (every method of a [TestClass] type carrying [Setup],
// [TestMethod], [DataRow] or [Cleanup]; one run per [DataRow], else one), so a test that never ran is caught.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NanoClr
{
    public static class Assemblies
    {
        public static List<string> References(string dll)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            var md = pe.GetMetadataReader();
            return md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        }

        public static bool HasEntryPoint(string dll)
        {
            using var pe = new PEReader(File.OpenRead(dll));
            return pe.PEHeaders.CorHeader.EntryPointTokenOrRelativeVirtualAddress != 0;
        }

        /// <summary>"Namespace.Type.Method" → how many times the launcher runs it.</summary>
        public static SortedDictionary<string, int> Tests(string dll) => Tests(dll, out _);

        /// <summary>As Tests(dll); fixtures receives the [Setup] and [Cleanup] methods among them.</summary>
        public static SortedDictionary<string, int> Tests(string dll, out HashSet<string> fixtures)
        {
            fixtures = new HashSet<string>(StringComparer.Ordinal);
            var result = new SortedDictionary<string, int>(StringComparer.Ordinal);
            using var pe = new PEReader(File.OpenRead(dll));
            var md = pe.GetMetadataReader();
            foreach (var th in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(th);
                if (!AttributeNames(md, type.GetCustomAttributes()).Contains("TestClassAttribute")) continue;
                string full = FullName(md, type);
                foreach (var mh in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(mh);
                    var names = AttributeNames(md, method.GetCustomAttributes());
                    int rows = names.Count(n => n == "DataRowAttribute");
                    int runs = rows > 0 ? rows : names.Count(n => n == "TestMethodAttribute" || n == "SetupAttribute" || n == "CleanupAttribute");
                    if (runs > 0) result[full + "." + md.GetString(method.Name)] = runs;
                    if (rows == 0 && !names.Contains("TestMethodAttribute") && runs > 0) fixtures.Add(full + "." + md.GetString(method.Name));
                }
            }
            return result;
        }

        private static string FullName(MetadataReader md, TypeDefinition type)
        {
            string name = md.GetString(type.Name);
            if (type.IsNested) return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        private static List<string> AttributeNames(MetadataReader md, CustomAttributeHandleCollection attributes)
        {
            var names = new List<string>();
            foreach (var ah in attributes)
            {
                var ctor = md.GetCustomAttribute(ah).Constructor;
                if (ctor.Kind == HandleKind.MemberReference)
                {
                    var parent = md.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                    if (parent.Kind == HandleKind.TypeReference) names.Add(md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name));
                }
                else if (ctor.Kind == HandleKind.MethodDefinition)
                    names.Add(md.GetString(md.GetTypeDefinition(md.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType()).Name));
            }
            return names;
        }
    }
}
