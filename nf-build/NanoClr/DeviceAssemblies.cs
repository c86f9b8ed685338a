// The project's device assemblies as nanoCLR loads them: the nano build (nf-build/build.sh's compile, run here in
// process and cached as usual) gives the .dll files, the real MetadataProcessor converts them with the real libraries
// as hints. A deployment is an assembly with every assembly it references, directly or not, ordered the way the
// test adapter deploys (by file name, case-insensitive); the nanoCLR runs the last Main it resolves, and the only
// exe in a deployment is the one meant to run (the UnitTestLauncher for a suite).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoBuild;

namespace NanoClr
{
    public sealed class DeviceAssemblies
    {
        public const string Launcher = "nanoFramework.UnitTestLauncher";
        private readonly Layout _layout;
        private readonly Libraries _libraries;
        private readonly MetadataProcessor _mdp;

        public DeviceAssemblies(Layout layout, Libraries libraries, MetadataProcessor mdp)
        {
            _layout = layout;
            _libraries = libraries;
            _mdp = mdp;
        }

        /// <summary>Device class library or exe name → .dll / .pe.</summary>
        public Dictionary<string, string> Dlls { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, string> Pes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Test project name (UnitTests, UnitTests.Store, ...) → its NFUnitTest .dll and .pe.</summary>
        public SortedDictionary<string, (string Dll, string Pe)> Suites { get; } = new SortedDictionary<string, (string, string)>(StringComparer.Ordinal);

        /// <summary>Runs the nano build (fails as it fails), then converts every device assembly.</summary>
        public void Build(TextWriter log)
        {
            int code = new DeviceBuild(_layout.NfBuild, log, debug: true).Run();
            if (code != 0) throw new StepFailed("the nano build failed (exit " + code + ")");
            string built = Path.Combine(_layout.NfBuild, "out", "device");
            string target = _layout.CacheDir("device");
            foreach (string dll in Directory.GetFiles(built, "*.dll").Concat(Directory.GetFiles(built, "*.exe")))
                Dlls[Path.GetFileNameWithoutExtension(dll)] = dll;
            foreach (var (name, dll) in Dlls.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                string pe = Path.Combine(target, name + ".pe");
                _mdp.Convert(dll, pe, _libraries.HintsFor(dll, Dlls));
                Pes[name] = pe;
            }
            foreach (var project in DeviceBuild.TestProjects(_layout.NfBuild))
            {
                string name = Path.GetFileNameWithoutExtension(project.Path);
                string dll = Path.Combine(built, name, project.AssemblyName + ".dll");
                string pe = Path.Combine(target, name, project.AssemblyName + ".pe");
                _mdp.Convert(dll, pe, _libraries.HintsFor(dll, Dlls));
                Suites[name] = (dll, pe);
            }
        }

        /// <summary>A suite's deployment with its launcher replaced (the one-test launcher of Libraries.OneTestLauncher).</summary>
        public List<string> DeploymentWithLauncher(string rootDll, string rootPe, string launcherPe)
        {
            var list = Deployment(rootDll, rootPe, Launcher);
            int i = list.FindIndex(p => Path.GetFileNameWithoutExtension(p) == Launcher);
            list[i] = launcherPe;
            return list;
        }

        /// <summary>The .pe files to load for a root assembly (its closure), plus the extra ones, in deployment order.</summary>
        public List<string> Deployment(string rootDll, string rootPe, params string[] extra)
        {
            string rootName = Path.GetFileNameWithoutExtension(rootDll);
            var pes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Stack<string>();
            void Add(string name)
            {
                if (pes.ContainsKey(name)) return;
                bool root = string.Equals(name, rootName, StringComparison.OrdinalIgnoreCase);
                pes[name] = root ? rootPe : PeOf(name);
                pending.Push(root ? rootDll : DllOf(name));
            }
            Add(rootName);
            foreach (string name in extra) Add(name);
            while (pending.Count > 0)
                foreach (string r in Assemblies.References(pending.Pop())) Add(r);
            return pes.Values.OrderBy(p => Path.GetFileName(p), StringComparer.OrdinalIgnoreCase).ToList();
        }

        private string DllOf(string name) =>
            Dlls.TryGetValue(name, out string d) ? d : _libraries.Dlls.TryGetValue(name, out d) ? d : throw new StepFailed("no assembly " + name);

        private string PeOf(string name) =>
            Pes.TryGetValue(name, out string p) ? p : _libraries.Pes.TryGetValue(name, out p) ? p : throw new StepFailed("no .pe for " + name);
    }
}
