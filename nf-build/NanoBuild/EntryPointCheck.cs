// NANO011: a test assembly must not deploy a second entry point. A device test run deploys the test assembly and
// everything it references; the nanoCLR starts the Main of the last assembly it resolves, so an application (an
// assembly with an entry point) anywhere in the test assembly's closure can start instead of the test launcher,
// and then 0 tests run. The only entry point allowed in the closure is the launcher's (nanoFramework.UnitTestLauncher).
// The closure follows both edges a deployment follows: project references (deployed even when no type is used)
// and metadata AssemblyRefs.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NanoBuild
{
    public static class EntryPointCheck
    {
        public const string Code = "NANO011";
        /// <summary>The test run's own entry point: the launcher that finds and runs the [TestClass]es.</summary>
        public const string Launcher = "nanoFramework.UnitTestLauncher";

        /// <summary>One assembly of the graph: whether it has an entry point and the assemblies it references.</summary>
        public sealed class Node
        {
            public Node(bool hasEntryPoint, IEnumerable<string> references)
            {
                HasEntryPoint = hasEntryPoint;
                References = references.ToList();
            }

            public bool HasEntryPoint { get; }
            public List<string> References { get; }
        }

        /// <summary>The entry point and metadata AssemblyRefs of a compiled image.</summary>
        public static Node Read(byte[] image, IEnumerable<string> projectReferences = null)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            MetadataReader md = pe.GetMetadataReader();
            var refs = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
            if (projectReferences != null) refs.AddRange(projectReferences);
            bool entry = pe.PEHeaders.CorHeader != null && pe.PEHeaders.CorHeader.EntryPointTokenOrRelativeVirtualAddress != 0;
            return new Node(entry, refs.Distinct(StringComparer.OrdinalIgnoreCase));
        }

        /// <summary>
        /// One finding per assembly with an entry point reachable from <paramref name="testAssembly"/>, naming the
        /// reference chain. Assemblies missing from <paramref name="graph"/> (runtime-only ones) are not followed.
        /// </summary>
        public static List<Finding> Check(string testAssembly, IReadOnlyDictionary<string, Node> graph)
        {
            var findings = new List<Finding>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { testAssembly };
            var queue = new Queue<List<string>>();
            queue.Enqueue(new List<string> { testAssembly });
            while (queue.Count > 0)
            {
                List<string> path = queue.Dequeue();
                if (!graph.TryGetValue(path[path.Count - 1], out Node node)) continue;
                foreach (string r in node.References)
                {
                    if (!seen.Add(r) || r.Equals(Launcher, StringComparison.OrdinalIgnoreCase)) continue;
                    var next = new List<string>(path) { r };
                    if (graph.TryGetValue(r, out Node target) && target.HasEntryPoint)
                        findings.Add(new Finding(Code, testAssembly, null, null,
                            $"test assembly references {r}, an assembly with an entry point ({string.Join(" -> ", next)}): "
                            + "a device test run deploys it and the nanoCLR may start its Main instead of the test launcher (0 tests run); "
                            + "move what the tests need into a class library and reference that"));
                    queue.Enqueue(next);
                }
            }
            return findings;
        }
    }
}
