// In-process probe API for the guard tests: compiles a C# snippet exactly as the nano build compiles a device
// project (C# 9.0, NoStdLib, against every assembly of the reference surface) and runs the IL check on the
// result. The reference surface is built once per process (reusing nf-build/out when it is current).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoBuild
{
    public sealed class ProbeResult
    {
        public ProbeResult(bool compiled, IReadOnlyList<Finding> findings)
        {
            Compiled = compiled;
            Findings = findings;
        }

        /// <summary>True when the snippet compiled (it may still have IL-check findings).</summary>
        public bool Compiled { get; }
        public IReadOnlyList<Finding> Findings { get; }
        /// <summary>True when the nano build would accept the snippet: it compiled and the IL check found nothing.</summary>
        public bool Accepted => Compiled && Findings.Count == 0;
        public string Text => string.Join(Environment.NewLine, Findings.Select(f => f.ToString()));
        public override string ToString() => Accepted ? "accepted" : Text;
    }

    public static class Probe
    {
        private static readonly Lazy<RefSurface> Surface = new Lazy<RefSurface>(() =>
        {
            string nf = FindNfBuild();
            var s = RefSurface.Build(nf, Path.Combine(nf, "out"));
            if (!s.Success) throw new InvalidOperationException("nf-build/ref does not compile:\n" + string.Join("\n", s.Errors));
            return s;
        });

        /// <summary>Compiles <paramref name="source"/> as a device library and IL-checks it.</summary>
        public static ProbeResult Check(string source, bool allowUnsafe = false, string assemblyName = "Probe")
        {
            var tree = Compiler.Parse(source, "probe.cs", debug: true);
            var output = Compiler.Compile(assemblyName, new[] { tree }, Surface.Value.All, exe: false, allowUnsafe, debug: true);
            if (!output.Success) return new ProbeResult(false, output.Errors);
            return new ProbeResult(true, IlChecker.Check(output.Image, assemblyName));
        }

        /// <summary>
        /// Compiles <paramref name="dependencies"/> in order (each may reference earlier ones by name) and then a test
        /// assembly NFUnitTest that references <paramref name="testReferences"/>, IL-checks every one and runs the
        /// test-assembly check (NANO011) over the result, as the nano build does for each device test project.
        /// </summary>
        public static ProbeResult CheckTestAssembly(string testSource, string[] testReferences,
            params (string Name, string Source, bool Exe, string[] References)[] dependencies)
        {
            var images = new Dictionary<string, MetadataReferenceAndNode>(StringComparer.OrdinalIgnoreCase);
            var findings = new List<Finding>();
            var all = dependencies.Concat(new[] { (Name: "NFUnitTest", Source: testSource, Exe: false, References: testReferences) });
            foreach (var a in all)
            {
                var refs = Surface.Value.All.Concat(a.References.Select(r => images[r].Reference)).ToList();
                var tree = Compiler.Parse(a.Source, a.Name + ".cs", debug: true);
                var output = Compiler.Compile(a.Name, new[] { tree }, refs, a.Exe, allowUnsafe: false, debug: true);
                if (!output.Success) return new ProbeResult(false, output.Errors);
                findings.AddRange(IlChecker.Check(output.Image, a.Name));
                images[a.Name] = new MetadataReferenceAndNode(
                    Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(output.Image, filePath: a.Name + (a.Exe ? ".exe" : ".dll")),
                    EntryPointCheck.Read(output.Image, a.References));
            }
            findings.AddRange(EntryPointCheck.Check("NFUnitTest", images.ToDictionary(kv => kv.Key, kv => kv.Value.Node, StringComparer.OrdinalIgnoreCase)));
            return new ProbeResult(true, findings);
        }

        private sealed class MetadataReferenceAndNode
        {
            public MetadataReferenceAndNode(Microsoft.CodeAnalysis.MetadataReference reference, EntryPointCheck.Node node)
            {
                Reference = reference;
                Node = node;
            }

            public Microsoft.CodeAnalysis.MetadataReference Reference { get; }
            public EntryPointCheck.Node Node { get; }
        }

        /// <summary>The nf-build folder: from NANO_BUILD_DIR, else searched upwards from the working and base directories.</summary>
        public static string FindNfBuild()
        {
            string env = Environment.GetEnvironmentVariable("NANO_BUILD_DIR");
            if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
            foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    string candidate = Path.Combine(d.FullName, "nf-build");
                    if (File.Exists(Path.Combine(candidate, "ref", "assemblies.txt"))) return candidate;
                    if (File.Exists(Path.Combine(d.FullName, "ref", "assemblies.txt"))) return d.FullName;
                }
            }
            throw new DirectoryNotFoundException("nf-build/ref/assemblies.txt not found above " + Directory.GetCurrentDirectory());
        }
    }
}
