// The nanoFramework class libraries the device projects reference, built from their public sources the way their
// NuGet packages are: each .nfproj's Compile items (and the shared .projitems it imports) compiled with Roslyn,
// no standard library, against mscorlib 1.17.11 from NuGet and the libraries built before it, signed with the
// repository's key.snk and stamped with the version nf-build/NanoPackages.props pins (the packages get theirs from
// Nerdbank.GitVersioning; the .pe records it and nanoCLR binds references by it). Then each is converted to .pe.
// mscorlib itself is the package's own mscorlib.pe.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NanoBuild;

namespace NanoClr
{
    public sealed class Libraries
    {
        /// <summary>Repository, project inside it, the package whose version it carries; in dependency order.</summary>
        public static readonly (string Repo, string Project, string Package)[] Table =
        {
            ("nanoFramework.Runtime.Native", "nanoFramework.Runtime.Native/nanoFramework.Runtime.Native.nfproj", "nanoFramework.Runtime.Native"),
            ("nanoFramework.Runtime.Events", "nanoFramework.Runtime.Events/nanoFramework.Runtime.Events.nfproj", "nanoFramework.Runtime.Events"),
            ("nanoFramework.System.Text", "nanoFramework.System.Text/nanoFramework.System.Text.nfproj", "nanoFramework.System.Text"),
            ("System.IO.Streams", "System.IO.Streams/System.IO.Streams.nfproj", "nanoFramework.System.IO.Streams"),
            ("System.Math", "nanoFramework.System.Math/nanoFramework.System.Math.nfproj", "nanoFramework.System.Math"),
            ("System.Device.Gpio", "System.Device.Gpio/System.Device.Gpio.nfproj", "nanoFramework.System.Device.Gpio"),
            ("System.IO.Ports", "System.IO.Ports/System.IO.Ports.nfproj", "nanoFramework.System.IO.Ports"),
            ("System.IO.FileSystem", "System.IO.FileSystem/System.IO.FileSystem.nfproj", "nanoFramework.System.IO.FileSystem"),
            ("nanoFramework.TestFramework", "source/TestFramework/nanoFramework.TestFramework.nfproj", "nanoFramework.TestFramework"),
            ("nanoFramework.TestFramework", "source/UnitTestLauncher/nanoFramework.UnitTestLauncher.nfproj", "nanoFramework.TestFramework"),
        };

        private readonly Layout _layout;
        private readonly Sources _sources;
        private readonly MetadataProcessor _mdp;
        private readonly Action<string> _log;

        public Libraries(Layout layout, Sources sources, MetadataProcessor mdp, Action<string> log)
        {
            _layout = layout;
            _sources = sources;
            _mdp = mdp;
            _log = log;
        }

        /// <summary>Assembly name → .dll of every library (mscorlib included), after Build.</summary>
        public Dictionary<string, string> Dlls { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Assembly name → .pe of every library (mscorlib included), after Build.</summary>
        public Dictionary<string, string> Pes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        public void Build()
        {
            var packages = NanoPackages.Load(_layout.NfBuild);
            string mscorlib = NanoPackages.LibraryPath(packages["nanoFramework.CoreLibrary"], "mscorlib");
            Dlls["mscorlib"] = mscorlib;
            Pes["mscorlib"] = Path.ChangeExtension(mscorlib, ".pe");
            if (!File.Exists(Pes["mscorlib"])) throw new StepFailed(Pes["mscorlib"] + " is missing from the CoreLibrary package");

            var commits = Table.Select(t => t.Repo).Distinct().Select(r => r + "=" + _sources.Commit(r));
            string key = Shell.Key(commits.Concat(new[] { "libraries-v3" }),
                new[] { mscorlib, Path.Combine(_layout.NfBuild, NanoPackages.FileName), Path.Combine(_layout.Tool, "Libraries.cs") });
            string dir = _layout.CacheDir("lib-" + key);
            bool built = Layout.IsComplete(dir);
            if (!built)
            {
                if (Directory.Exists(dir)) Directory.Delete(dir, true);
                Directory.CreateDirectory(dir);
            }
            foreach (var (repo, project, package) in Table)
            {
                var p = NfProject.Load(Path.Combine(_sources.Get(repo), project));
                string dll = Path.Combine(dir, p.AssemblyName + (p.IsExe ? ".exe" : ".dll"));
                if (!built) Compile(p, packages[package].Version, dll);
                Dlls[p.AssemblyName] = dll;
            }
            if (!built) Layout.MarkComplete(dir);
            foreach (var (name, dll) in Dlls.ToList())
            {
                if (name == "mscorlib") continue;
                string pe = Path.ChangeExtension(dll, ".pe");
                _mdp.Convert(dll, pe, HintsFor(dll));
                Pes[name] = pe;
            }
        }

        /// <summary>Every assembly the given one references, mapped to a known .dll (for -loadHints).</summary>
        public Dictionary<string, string> HintsFor(string dll, IDictionary<string, string> more = null)
        {
            var hints = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string name in Assemblies.References(dll))
            {
                if (Dlls.TryGetValue(name, out string path) || (more != null && more.TryGetValue(name, out path))) hints[name] = path;
                else throw new StepFailed(Path.GetFileName(dll) + " references " + name + ", which is neither a built library nor a device assembly");
            }
            return hints;
        }

        /// <summary>
        /// The UnitTestLauncher made to run one test: the same source with two checks added, so that of the [TestClass]
        /// types only testClass runs (its [Setup] and [Cleanup] as usual) and of its test methods only testMethod.
        /// For heap runs of a single test; a suite always runs the launcher as built.
        /// </summary>
        public string OneTestLauncher(string testClass, string testMethod)
        {
            var (repo, project, package) = Table.Single(t => t.Project.EndsWith("nanoFramework.UnitTestLauncher.nfproj", StringComparison.Ordinal));
            var p = NfProject.Load(Path.Combine(_sources.Get(repo), project));
            string dir = _layout.CacheDir("launcher-" + Shell.Key(new[] { testClass, testMethod, _sources.Commit(repo), "one-test-v1" }));
            string dll = Path.Combine(dir, p.AssemblyName + ".exe");
            string pe = Path.ChangeExtension(dll, ".pe");
            if (!File.Exists(dll))
            {
                Directory.CreateDirectory(dir);
                const string classCheck = "if (typeof(TestClassAttribute) != typeAttrib.GetType())";
                const string methodCheck = "if (attribToRun != attrib.GetType())";
                string Edit(string path, string text)
                {
                    if (!path.EndsWith("Program.cs", StringComparison.Ordinal)) return text;
                    if (!text.Contains(classCheck) || !text.Contains(methodCheck))
                        throw new StepFailed(path + " no longer has the checks the one-test launcher extends");
                    return text
                        .Replace(classCheck, "if (type.FullName != \"" + testClass + "\") { continue; }\n" + classCheck)
                        .Replace(methodCheck, "if ((attribToRun == typeof(TestMethodAttribute) || attribToRun == typeof(DataRowAttribute)) && method.Name != \""
                            + testMethod + "\") { continue; }\n" + methodCheck);
                }
                Compile(p, NanoPackages.Load(_layout.NfBuild)[package].Version, dll, Edit);
            }
            _mdp.Convert(dll, pe, HintsFor(dll));
            return pe;
        }

        private void Compile(NfProject p, string version, string output, Func<string, string, string> edit = null)
        {
            _log("compiling " + p.AssemblyName + " " + version + " from source");
            // C# 10, not the SDK's latest: from C# 11 on the compiler adds RefSafetyRulesAttribute (and EmbeddedAttribute)
            // to every assembly. Their constructors sort first in the .pe's method table and shift every native method's
            // index past the interpreter's table (the checksum does not see it: it skips methods before the first native),
            // so a call lands on the wrong native or none (a jump to 0x1 in nanoCLR).
            var parse = new CSharpParseOptions(LanguageVersion.CSharp10, DocumentationMode.None, SourceCodeKind.Regular, new[] { "TRACE" });
            var files = CompileItems(p.Path).ToList();
            files.AddRange(SharedItems(p.Path).Where(f => !files.Contains(f)));
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(edit == null ? File.ReadAllText(f) : edit(f, File.ReadAllText(f)), parse, f, Encoding.UTF8)).ToList();
            if (!trees.Any(t => t.ToString().Contains("AssemblyVersion(")))
                trees.Add(CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"" + version + ".0\")]\n", parse, "Version.g.cs"));

            var refs = new List<MetadataReference>();
            foreach (string name in p.References.Concat(p.ProjectReferences.Select(r => NfProject.Load(r).AssemblyName)).Distinct())
            {
                if (!Dlls.TryGetValue(name, out string path)) throw new StepFailed(p.AssemblyName + " references " + name + ", which is not built before it (Libraries.Table order)");
                refs.Add(MetadataReference.CreateFromFile(path));
            }
            CompileOutput built = Compiler.Compile(p.AssemblyName, trees, refs, p.IsExe, p.AllowUnsafe, debug: false, keyFile: KeyFile(p));
            if (!built.Success)
                throw new StepFailed("compiling " + p.AssemblyName + " failed:\n" + string.Join("\n", built.Errors.Take(20)));
            File.WriteAllBytes(output, built.Image);
        }

        private static string KeyFile(NfProject p)
        {
            string name = XDocument.Load(p.Path).Descendants().Where(e => e.Name.LocalName == "AssemblyOriginatorKeyFile").Select(e => e.Value.Trim()).LastOrDefault();
            if (string.IsNullOrEmpty(name)) return null;
            string path = Path.Combine(p.Directory, name.Replace('\\', '/'));
            return File.Exists(path) ? path : null;
        }

        /// <summary>The project's Compile items, each resolved the way Windows (where these projects are built) does: case
        /// does not matter (nanoFramework.Runtime.Native lists Rtc.cs for RTC.cs, which holds natives: skip it and the
        /// native checksum no longer matches the interpreter's). A listed file that does not exist is an error.</summary>
        private static IEnumerable<string> CompileItems(string nfproj)
        {
            string dir = Path.GetDirectoryName(nfproj);
            foreach (var c in XDocument.Load(nfproj).Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = (string)c.Attribute("Include");
                if (include == null) continue;
                string path = dir;
                foreach (string part in include.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
                {
                    string exact = Path.Combine(path, part);
                    path = File.Exists(exact) || Directory.Exists(exact) ? exact
                        : Directory.EnumerateFileSystemEntries(path).FirstOrDefault(e => string.Equals(Path.GetFileName(e), part, StringComparison.OrdinalIgnoreCase))
                          ?? throw new StepFailed(nfproj + " compiles " + include + ", which does not exist");
                }
                yield return path;
            }
        }

        /// <summary>Compile items of the shared projects (.projitems) a project imports ($(MSBuildThisFileDirectory) = their folder).</summary>
        private static IEnumerable<string> SharedItems(string nfproj)
        {
            string dir = Path.GetDirectoryName(nfproj);
            foreach (var import in XDocument.Load(nfproj).Descendants().Where(e => e.Name.LocalName == "Import"))
            {
                string project = ((string)import.Attribute("Project") ?? "").Replace('\\', '/');
                if (!project.EndsWith(".projitems", StringComparison.OrdinalIgnoreCase)) continue;
                string items = Path.GetFullPath(Path.Combine(dir, project));
                string itemsDir = Path.GetDirectoryName(items) + "/";
                foreach (var c in XDocument.Load(items).Descendants().Where(e => e.Name.LocalName == "Compile"))
                {
                    string include = ((string)c.Attribute("Include") ?? "").Replace("$(MSBuildThisFileDirectory)", itemsDir).Replace('\\', '/');
                    string path = Path.GetFullPath(Path.IsPathRooted(include) ? include : Path.Combine(itemsDir, include));
                    if (File.Exists(path)) yield return path;
                }
            }
        }
    }
}
