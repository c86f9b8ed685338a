// The nano build of the device projects: reads nf-build/device/*.nfproj, builds them in ProjectReference order
// against the reference surface, prints the compiler's own errors, runs the IL check on each output, and caches
// each good output (out/device/<AssemblyName>.dll + .stamp) so an unchanged project is not recompiled.
// The device test suite is several projects (one assembly's IL and string table must each stay under 64 KiB), and
// every one of them carries the assembly name the UnitTestLauncher loads, NFUnitTest. So test projects are told
// apart by project name: key NFUnitTest@<project>, output out/device/<project>/NFUnitTest.dll; each gets its own
// NANO011 check, and the build ends with a table of every device assembly's IL and string-table size against the limit
// (class libraries such as the two allocator assemblies, then the test assemblies).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NanoBuild
{
    public sealed class DeviceBuild
    {
        private readonly string _nfBuild;
        private readonly string _repoRoot;
        private readonly string _outDir;
        private readonly bool _debug;
        private readonly TextWriter _log;
        private readonly Dictionary<string, (MetadataReference Ref, string Stamp)> _built =
            new Dictionary<string, (MetadataReference, string)>(StringComparer.OrdinalIgnoreCase);
        /// <summary>Entry point and references of every built device assembly, for NANO011.</summary>
        private readonly Dictionary<string, EntryPointCheck.Node> _nodes =
            new Dictionary<string, EntryPointCheck.Node>(StringComparer.OrdinalIgnoreCase);
        /// <summary>IL and string-table sizes of every class library and test assembly that passed, for the closing table.</summary>
        private readonly List<(string Key, bool Test, long Il, long Strings)> _sizes = new List<(string, bool, long, long)>();
        /// <summary>Share of the 64 KiB limits above which the size table asks for a split (room to grow).</summary>
        public const double GrowthWarning = 0.80;

        public DeviceBuild(string nfBuildDir, TextWriter log, bool debug = true)
        {
            _nfBuild = Path.GetFullPath(nfBuildDir);
            _repoRoot = Path.GetDirectoryName(_nfBuild);
            _outDir = Path.Combine(_nfBuild, "out");
            _debug = debug;
            _log = log;
        }

        /// <summary>Runs the whole nano build; returns the process exit code (0 = everything built and passed).</summary>
        public int Run()
        {
            var clock = Stopwatch.StartNew();
            RefSurface refs;
            try { refs = RefSurface.Build(_nfBuild, _outDir); }
            catch (Exception e) { _log.WriteLine("nano build: error: " + e.Message); return 2; }
            foreach (string l in refs.Log) _log.WriteLine("nano build: " + l);
            if (!refs.Success)
            {
                foreach (var f in refs.Errors) _log.WriteLine(f);
                _log.WriteLine("nano build: FAILED: the reference surface (nf-build/ref) does not compile");
                return 1;
            }

            List<NfProject> projects;
            try { projects = Order(FindProjects(Path.Combine(_nfBuild, "device")).OrderBy(p => p, StringComparer.Ordinal).Select(NfProject.Load).ToList()); }
            catch (Exception e) { _log.WriteLine("nano build: error: " + e.Message); return 2; }

            int failed = 0;
            var byPath = projects.ToDictionary(p => p.Path, StringComparer.OrdinalIgnoreCase);
            foreach (var p in projects)
            {
                var missing = p.ProjectReferences.Where(r => !byPath.ContainsKey(r) || !_built.ContainsKey(KeyOf(byPath[r]))).ToList();
                if (missing.Count > 0)
                {
                    _log.WriteLine($"nano build: {KeyOf(p)}: skipped (depends on {string.Join(", ", missing.Select(Path.GetFileName))}, which failed or is missing)");
                    failed++;
                    continue;
                }
                if (!BuildProject(p, refs, byPath)) failed++;
            }
            WriteSizes();
            _log.WriteLine(failed == 0
                ? $"nano build: OK ({projects.Count} device projects, {clock.Elapsed.TotalSeconds:0.0} s)"
                : $"nano build: FAILED ({failed} of {projects.Count} device projects, {clock.Elapsed.TotalSeconds:0.0} s)");
            return failed == 0 ? 0 : 1;
        }

        /// <summary>Name a built project goes by here: its assembly name, plus the project name for test projects.</summary>
        public static string KeyOf(NfProject p) =>
            p.IsTestProject ? p.AssemblyName + "@" + Path.GetFileNameWithoutExtension(p.Path) : p.AssemblyName;

        /// <summary>Where a project's output is cached: test projects (all NFUnitTest) in a folder per project.</summary>
        private string OutputPath(NfProject p) => p.IsTestProject
            ? Path.Combine(_outDir, "device", Path.GetFileNameWithoutExtension(p.Path), p.AssemblyName + ".dll")
            : Path.Combine(_outDir, "device", p.AssemblyName + (p.IsExe ? ".exe" : ".dll"));

        /// <summary>One line per class library, then per test assembly: IL and string table against the 64 KiB limits.</summary>
        private void WriteSizes()
        {
            if (_sizes.Count == 0) return;
            _log.WriteLine($"nano build: device assemblies against the per-assembly limits (IL < {IlChecker.MaxTableBytes + 1} B, string table < {IlChecker.MaxTableBytes + 1} B):");
            int width = _sizes.Max(t => t.Key.Length);
            foreach (var t in _sizes.Where(t => !t.Test).Concat(_sizes.Where(t => t.Test)))
            {
                double il = (double)t.Il / (IlChecker.MaxTableBytes + 1), st = (double)t.Strings / (IlChecker.MaxTableBytes + 1);
                string note = il <= GrowthWarning && st <= GrowthWarning ? ""
                    : t.Test ? $"  over {GrowthWarning:P0}: move a test folder to another test project (CONTRIBUTING.md, \"Device test assemblies\")"
                    : $"  over {GrowthWarning:P0}: split the library by layer into another device assembly (nf-build/README.md)";
                _log.WriteLine($"nano build:   {t.Key.PadRight(width)}  IL {t.Il,6} B ({il,4:P0})  strings ~{t.Strings,6} B ({st,4:P0}){note}");
            }
        }

        private bool BuildProject(NfProject p, RefSurface refs, Dictionary<string, NfProject> byPath)
        {
            string key = KeyOf(p);
            string rel = Path.GetRelativePath(_repoRoot, p.Path).Replace('\\', '/');
            var references = new List<MetadataReference>();
            var stamp = new Stamp("device").Add(_debug ? "Debug" : "Release").Add(key)
                .Add(p.IsExe ? "exe" : "lib").Add(p.AllowUnsafe ? "unsafe" : "safe");
            foreach (string r in p.References)
            {
                if (refs.IsRuntimeOnly(r)) continue;
                if (!refs.TryGet(r, out var mr))
                {
                    _log.WriteLine($"{rel}: error NANO100: <Reference Include=\"{r}\"> has no reference surface in nf-build/ref (add ref/{r}/ and list it in ref/assemblies.txt)");
                    return false;
                }
                references.Add(mr);
                stamp.Add(r).Add(refs.StampOf(r));
            }
            foreach (string pr in p.ProjectReferences)
            {
                var built = _built[KeyOf(byPath[pr])];
                references.Add(built.Ref);
                stamp.Add(KeyOf(byPath[pr])).Add(built.Stamp);
            }
            var files = p.Sources.Select(f => (Path: Path.GetRelativePath(_repoRoot, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f))).ToList();
            foreach (var f in files) stamp.AddFile(f.Path, f.Bytes);
            string s = stamp.Finish();

            string dll = OutputPath(p);
            var projectRefNames = p.ProjectReferences.Select(pr => byPath[pr].AssemblyName).ToList();
            if (File.Exists(dll) && Stamp.Matches(dll + ".stamp", s))
            {
                byte[] cached = File.ReadAllBytes(dll);
                _nodes[key] = EntryPointCheck.Read(cached, projectRefNames);
                if (!PassesEntryPointCheck(p, rel)) return false;
                if (!p.IsExe)
                {
                    var sizes = IlChecker.Run(cached, p.AssemblyName);
                    _sizes.Add((key, p.IsTestProject, sizes.IlBytes, sizes.StringBytes));
                }
                _built[key] = (MetadataReference.CreateFromImage(cached, filePath: dll), s);
                _log.WriteLine($"nano build: {key}: up to date ({files.Count} files)");
                return true;
            }

            var trees = files.Select(f => Compiler.Parse(System.Text.Encoding.UTF8.GetString(f.Bytes), f.Path, _debug)).ToList();
            var output = Compiler.Compile(p.AssemblyName, trees, references, p.IsExe, p.AllowUnsafe, _debug);
            foreach (string w in output.Warnings) _log.WriteLine(w);
            if (!output.Success)
            {
                foreach (var e in output.Errors) _log.WriteLine(e);
                _log.WriteLine($"nano build: {key}: FAILED to compile ({output.Errors.Count} errors) [{rel}]");
                return false;
            }
            (List<Finding> Findings, long IlBytes, long StringBytes) check;
            try { check = IlChecker.Run(output.Image, p.AssemblyName); }
            catch (Exception e)
            {
                _log.WriteLine($"{key}: error NANO999: the IL check could not read the assembly: {e.Message}");
                return false;
            }
            foreach (var f in check.Findings) _log.WriteLine(f);
            if (check.Findings.Count > 0)
            {
                _log.WriteLine($"nano build: {key}: FAILED the IL check ({check.Findings.Count} findings) [{rel}]");
                return false;
            }
            _nodes[key] = EntryPointCheck.Read(output.Image, projectRefNames);
            if (!PassesEntryPointCheck(p, rel)) return false;
            if (!p.IsExe) _sizes.Add((key, p.IsTestProject, check.IlBytes, check.StringBytes));
            Directory.CreateDirectory(Path.GetDirectoryName(dll));
            AtomicWrite(dll, output.Image);
            AtomicWrite(dll + ".stamp", System.Text.Encoding.ASCII.GetBytes(s));
            _built[key] = (MetadataReference.CreateFromImage(output.Image, filePath: dll), s);
            _log.WriteLine($"nano build: {key}: compiled {files.Count} files, IL check passed (IL {check.IlBytes} B, strings ~{check.StringBytes} B)");
            return true;
        }

        /// <summary>NANO011 for test projects: no entry point (other than the launcher's) in what a test run deploys.</summary>
        private bool PassesEntryPointCheck(NfProject p, string rel)
        {
            if (!p.IsTestProject) return true;
            var findings = EntryPointCheck.Check(KeyOf(p), _nodes);
            foreach (var f in findings) _log.WriteLine(f);
            if (findings.Count == 0) return true;
            _log.WriteLine($"nano build: {KeyOf(p)}: FAILED the test-assembly check ({findings.Count} findings) [{rel}]");
            return false;
        }

        /// <summary>The device test projects (the parts of the device test suite), ordered by project name.</summary>
        public static List<NfProject> TestProjects(string nfBuildDir) =>
            FindProjects(Path.Combine(nfBuildDir, "device")).Select(NfProject.Load).Where(p => p.IsTestProject)
                .OrderBy(p => Path.GetFileNameWithoutExtension(p.Path), StringComparer.Ordinal).ToList();

        /// <summary>device/**/*.nfproj, skipping restored packages and build output.</summary>
        private static IEnumerable<string> FindProjects(string deviceDir) =>
            Directory.GetFiles(deviceDir, "*.nfproj", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(deviceDir, f).Replace('\\', '/').Split('/')
                    .Any(seg => seg.Equals("packages", StringComparison.OrdinalIgnoreCase) || seg.Equals("bin", StringComparison.OrdinalIgnoreCase) || seg.Equals("obj", StringComparison.OrdinalIgnoreCase)));

        internal static void AtomicWrite(string path, byte[] bytes)
        {
            string tmp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(tmp, bytes);
            File.Move(tmp, path, overwrite: true);
        }

        /// <summary>Orders projects so each comes after its ProjectReferences; rejects cycles.</summary>
        private static List<NfProject> Order(List<NfProject> projects)
        {
            var byPath = projects.ToDictionary(p => p.Path, StringComparer.OrdinalIgnoreCase);
            var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var visiting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = new List<NfProject>();
            void Visit(NfProject p)
            {
                if (done.Contains(p.Path)) return;
                if (!visiting.Add(p.Path)) throw new InvalidDataException("ProjectReference cycle through " + p.Path);
                foreach (string r in p.ProjectReferences)
                    if (byPath.TryGetValue(r, out var dep)) Visit(dep);
                visiting.Remove(p.Path);
                done.Add(p.Path);
                result.Add(p);
            }
            foreach (var p in projects) Visit(p);
            return result;
        }
    }
}
