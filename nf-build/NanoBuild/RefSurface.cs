// The nanoFramework 1.x reference surface, in the order of ref/assemblies.txt: the real assemblies of the packages
// NuGet serves (mscorlib from nanoFramework.CoreLibrary, restored by NanoBuild.csproj, version from
// NanoPackages.props), and for the packages it does not serve, declarations-only assemblies compiled from
// ref/<Name>/*.cs, cached in out/ref/<Name>.dll with a content stamp so warm builds just hash the sources.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NanoBuild
{
    public sealed class RefSurface
    {
        private readonly Dictionary<string, MetadataReference> _refs = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _stamps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _runtimeOnly = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public List<Finding> Errors { get; } = new List<Finding>();
        public List<string> Log { get; } = new List<string>();
        public bool Success => Errors.Count == 0;

        /// <summary>All compiled reference assemblies, for probes that may use any of them.</summary>
        public IEnumerable<MetadataReference> All => _refs.Values;
        public IEnumerable<string> Names => _refs.Keys;

        public bool IsRuntimeOnly(string name) => _runtimeOnly.Contains(name);
        public bool TryGet(string name, out MetadataReference reference) => _refs.TryGetValue(name, out reference);
        public string StampOf(string name) => _stamps.TryGetValue(name, out var s) ? s : "";

        /// <summary>Builds (or loads from the cache in <paramref name="outDir"/>, when given) every ref assembly.</summary>
        public static RefSurface Build(string nfBuildDir, string outDir)
        {
            var surface = new RefSurface();
            Dictionary<string, NanoPackage> packages = NanoPackages.Load(nfBuildDir);
            string refDir = Path.Combine(nfBuildDir, "ref");
            foreach (string raw in File.ReadAllLines(Path.Combine(refDir, "assemblies.txt")))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#")) continue;
                int eq = line.IndexOf('=');
                if (eq > 0)
                {
                    string what = line.Substring(0, eq).Trim();
                    string[] how = line.Substring(eq + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (how.Length == 1 && how[0] == "runtime-only") surface._runtimeOnly.Add(what);
                    else if (how.Length == 2 && how[0] == "package")
                    {
                        if (!packages.TryGetValue(how[1], out var package))
                            throw new InvalidDataException($"ref/assemblies.txt: {what} comes from package {how[1]}, which {NanoPackages.FileName} does not list");
                        surface.AddPackaged(what, package);
                    }
                    else throw new InvalidDataException("ref/assemblies.txt: bad line: " + line);
                    continue;
                }
                int colon = line.IndexOf(':');
                if (colon < 0) throw new InvalidDataException("ref/assemblies.txt: bad line: " + line);
                string name = line.Substring(0, colon).Trim();
                string[] deps = line.Substring(colon + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!surface.BuildOne(refDir, outDir, name, deps)) break;
            }
            return surface;
        }

        /// <summary>A real assembly from a restored package: referenced as is; its stamp is its content hash.</summary>
        private void AddPackaged(string name, NanoPackage package)
        {
            string dll = NanoPackages.LibraryPath(package, name);
            byte[] bytes = File.ReadAllBytes(dll);
            _stamps[name] = new Stamp("package").Add(package.Id).Add(package.Version).AddFile(name + ".dll", bytes).Finish();
            _refs[name] = MetadataReference.CreateFromImage(bytes, filePath: dll);
            Log.Add($"ref {name}: {package.Id} {package.Version} from NuGet");
        }

        private bool BuildOne(string refDir, string outDir, string name, string[] deps)
        {
            string srcDir = Path.Combine(refDir, name);
            var files = Directory.GetFiles(srcDir, "*.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var stamp = new Stamp("ref").Add(name);
            var refs = new List<MetadataReference>();
            foreach (string d in deps)
            {
                if (!_refs.TryGetValue(d, out var r)) throw new InvalidDataException($"ref/assemblies.txt: {name} depends on {d}, which is not built before it");
                refs.Add(r);
                stamp.Add(d).Add(_stamps[d]);
            }
            var contents = files.Select(f => (Path: "nf-build/ref/" + Path.GetRelativePath(refDir, f).Replace('\\', '/'), Bytes: File.ReadAllBytes(f))).ToList();
            foreach (var c in contents) stamp.AddFile(c.Path, c.Bytes);
            string s = stamp.Finish();
            _stamps[name] = s;

            string dll = outDir == null ? null : Path.Combine(outDir, "ref", name + ".dll");
            string stampFile = dll + ".stamp";
            if (dll != null && File.Exists(dll) && Stamp.Matches(stampFile, s))
            {
                _refs[name] = MetadataReference.CreateFromImage(File.ReadAllBytes(dll), filePath: dll);
                return true;
            }

            var trees = contents.Select(c => Compiler.Parse(System.Text.Encoding.UTF8.GetString(c.Bytes), c.Path, debug: false));
            var output = Compiler.Compile(name, trees, refs, exe: false, allowUnsafe: true, debug: false);
            if (!output.Success)
            {
                Errors.AddRange(output.Errors);
                return false;
            }
            if (dll != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(dll));
                DeviceBuild.AtomicWrite(dll, output.Image);
                DeviceBuild.AtomicWrite(stampFile, System.Text.Encoding.ASCII.GetBytes(s));
            }
            Log.Add("ref " + name + ": compiled");
            _refs[name] = MetadataReference.CreateFromImage(output.Image, filePath: dll ?? name + ".dll");
            return true;
        }
    }
}
