// The device project files drive the nano build: check that each compiles what it should (its root folder)
// and never host-only code (Host/ folders) or host build output (bin/, obj/), and that the references map onto
// the reference surface. The device test suite is several projects (DeviceTestSuites), all assembly NFUnitTest:
// each top-level folder of UnitTests/ has exactly one owner (CONTRIBUTING.md, "Device test assemblies"), and the
// host project of each suite (UnitTests/<project>.csproj) compiles exactly the files its .nfproj compiles.
// The allocator is two device assemblies split by layer (each well under the 64 KiB IL limit): Allocator (Pool, Codec)
// and Allocator.Store (Store, Backing, Pressure), which references Allocator and never the other way round; together
// they compile every allocator source exactly once.
// Only Board.Storage may reference System.IO.FileSystem: nothing the firmware or a test suite deploys does, so they
// deploy on firmware images without the FileSystem native part.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using nanoFramework.TestFramework;
using NanoBuild;

namespace ZramEmbedded.UnitTests.Host.NanoBuildGuard
{
    [TestClass]
    public class DeviceProjectTests
    {
        private static NfProject Load(string name) =>
            NfProject.Load(Path.Combine(Probe.FindNfBuild(), "device", name, name + ".nfproj"));

        private static void AssertSourcesUnder(NfProject p, string root)
        {
            string repo = Path.GetDirectoryName(Probe.FindNfBuild());
            foreach (string f in p.Sources)
            {
                string rel = Path.GetRelativePath(repo, f).Replace('\\', '/');
                Assert.IsTrue(rel.StartsWith(root + "/"), p.AssemblyName + " compiles a file outside " + root + "/: " + rel);
                Assert.IsFalse(rel.Contains("/Host/"), p.AssemblyName + " compiles host-only code: " + rel);
                Assert.IsFalse(rel.Contains("/bin/") || rel.Contains("/obj/"), p.AssemblyName + " compiles build output: " + rel);
            }
        }

        [TestMethod]
        public void ProjectsCompileTheirFolderWithoutHostCode()
        {
            AssertSourcesUnder(Load("Allocator"), "Allocator");
            AssertSourcesUnder(Load("Allocator.Store"), "Allocator");
            NfProject board = Load("Board");
            AssertSourcesUnder(board, "Board");
            foreach (string f in board.Sources)
                Assert.IsFalse(Rel(f).StartsWith("Board/Device/Storage/"), "ZramEmbedded.Board compiles " + Rel(f) + ", which is Board.Storage's");
            NfProject storage = Load("Board.Storage");
            AssertSourcesUnder(storage, "Board/Device/Storage");
            Assert.IsTrue(storage.Sources.Count > 0, "Board.Storage compiles nothing");
            AssertSourcesUnder(Load("FirmwareCore"), "Firmware/Core");
            NfProject firmware = Load("Firmware");
            AssertSourcesUnder(firmware, "Firmware");
            foreach (string f in firmware.Sources)
                Assert.AreEqual("Program.cs", Path.GetFileName(f), "the firmware exe holds Program.Main only; move " + f + " to Firmware/Core");
            foreach (NfProject suite in DeviceTestSuites())
            {
                AssertSourcesUnder(suite, "UnitTests");
                Assert.IsTrue(suite.Sources.Count > 0, Path.GetFileName(suite.Path) + ": a device test project without sources");
            }
        }

        /// <summary>Top-level folders of Allocator/ per device assembly: the foundations, then the store layer.</summary>
        public static readonly string[] FoundationFolders = { "Pool", "Codec" };
        public static readonly string[] StoreLayerFolders = { "Store", "Backing", "Pressure" };

        [TestMethod]
        public void TheAllocatorAssembliesSplitItsFoldersByLayer()
        {
            NfProject foundations = Load("Allocator"), store = Load("Allocator.Store");
            Assert.AreEqual("ZramEmbedded.Allocator.Store", store.AssemblyName);
            Assert.IsFalse(store.IsExe || store.IsTestProject || store.AllowUnsafe, "Allocator.Store is a safe class library");
            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (NfProject p in new[] { foundations, store })
                foreach (string f in p.Sources)
                {
                    Assert.IsFalse(owner.ContainsKey(Rel(f)), Rel(f) + " is compiled by two allocator assemblies");
                    owner[Rel(f)] = p.AssemblyName;
                }
            var allocatorFiles = Directory.GetFiles(Path.Combine(Repo, "Allocator"), "*.cs", SearchOption.AllDirectories).Select(Rel)
                .Where(r => !r.Contains("/Host/") && !r.Contains("/bin/") && !r.Contains("/obj/")).ToList();
            Assert.IsTrue(allocatorFiles.Count > 20, "allocator sources not found");
            foreach (string f in allocatorFiles)
            {
                string folder = f.Split('/')[1];
                string expected = FoundationFolders.Contains(folder) ? foundations.AssemblyName
                    : StoreLayerFolders.Contains(folder) ? store.AssemblyName : null;
                Assert.IsNotNull(expected, f + ": a new allocator folder goes into the assembly of its layer (Allocator.nfproj + Allocator.csproj, or "
                    + "Allocator.Store.nfproj + Allocator/Store/Allocator.Store.csproj, and the lists here)");
                Assert.IsTrue(owner.ContainsKey(f), f + " is compiled by no device assembly (expected " + expected + ")");
                Assert.AreEqual(expected, owner[f], f + " is in the wrong allocator assembly");
            }
            // Dependency direction: the store layer builds on the foundations, which reference nothing of ours.
            Assert.AreEqual(0, foundations.ProjectReferences.Count, "ZramEmbedded.Allocator (Pool, Codec) must not reference another project");
            Assert.IsTrue(store.ProjectReferences.Contains(foundations.Path, StringComparer.OrdinalIgnoreCase), "Allocator.Store must reference Allocator");
            foreach (string name in DeviceProjectNames())
            {
                NfProject p = Load(name);
                if (p.ProjectReferences.Contains(store.Path, StringComparer.OrdinalIgnoreCase))
                    Assert.IsTrue(p.ProjectReferences.Contains(foundations.Path, StringComparer.OrdinalIgnoreCase),
                        name + " references Allocator.Store but not Allocator, whose types the store layer's API exposes");
                if (p.ProjectReferences.Contains(foundations.Path, StringComparer.OrdinalIgnoreCase) && name != "Allocator.Store")
                    Assert.IsTrue(p.ProjectReferences.Contains(store.Path, StringComparer.OrdinalIgnoreCase),
                        name + " references Allocator but not Allocator.Store (everything above the allocator uses the page store)");
            }
        }

        /// <summary>Every device test project (IsTestProject / TestContainer) under nf-build/device, by project name.</summary>
        private static List<NfProject> DeviceTestSuites() => DeviceBuild.TestProjects(Probe.FindNfBuild());

        private static string Repo => Path.GetDirectoryName(Probe.FindNfBuild());

        private static string Rel(string path) => Path.GetRelativePath(Repo, path).Replace('\\', '/');

        /// <summary>The device-suite sources: UnitTests/**/*.cs outside Host/, bin/ and obj/.</summary>
        private static List<string> DeviceSuiteFiles() =>
            Directory.GetFiles(Path.Combine(Repo, "UnitTests"), "*.cs", SearchOption.AllDirectories).Select(Rel)
                .Where(r => !r.StartsWith("UnitTests/Host/") && !r.Contains("/bin/") && !r.Contains("/obj/")).OrderBy(r => r, StringComparer.Ordinal).ToList();

        /// <summary>Folders compiled into every suite: helpers only, never a [TestClass].</summary>
        public static readonly string[] SharedFolders = { "Samples" };

        [TestMethod]
        public void EveryTestFolderHasExactlyOneDeviceTestProject()
        {
            var suites = DeviceTestSuites();
            Assert.IsTrue(suites.Count >= 2, "the device test suite is split into several projects");
            var compiled = suites.ToDictionary(s => Path.GetFileNameWithoutExtension(s.Path),
                s => new HashSet<string>(s.Sources.Select(Rel), StringComparer.OrdinalIgnoreCase));
            foreach (var folder in DeviceSuiteFiles().GroupBy(f => f.Split('/')[1]))
            {
                Assert.IsTrue(folder.All(f => f.Count(c => c == '/') >= 2), folder.First() + ": device-suite sources live in a folder of UnitTests/, not beside the projects");
                string name = "UnitTests/" + folder.Key + "/";
                // The owner compiles the whole folder; others may link single helper files of it.
                var owners = compiled.Where(kv => folder.All(f => kv.Value.Contains(f))).Select(kv => kv.Key).ToList();
                if (SharedFolders.Contains(folder.Key))
                {
                    Assert.AreEqual(suites.Count, owners.Count, name + " is shared: every device test project compiles all of it");
                    foreach (string f in folder)
                        Assert.IsFalse(File.ReadAllText(Path.Combine(Repo, f)).Contains("[TestClass]"), f + ": a shared folder holds helpers, not tests");
                    continue;
                }
                Assert.AreEqual(1, owners.Count, name + " must be owned by exactly one device test project (it is by "
                    + (owners.Count == 0 ? "none" : string.Join(", ", owners)) + "): add `UnitTests\\" + folder.Key
                    + "\\**\\*.cs` to the project of its layer, nf-build/device/<project>/<project>.nfproj and UnitTests/<project>.csproj (CONTRIBUTING.md, \"Device test assemblies\")");
                foreach (string f in folder)
                {
                    var users = compiled.Where(kv => kv.Value.Contains(f)).Select(kv => kv.Key).ToList();
                    if (users.Count > 1)
                        Assert.IsFalse(File.ReadAllText(Path.Combine(Repo, f)).Contains("[TestClass]"),
                            f + " holds a [TestClass] and is compiled by " + string.Join(", ", users) + ": a test runs in its owner's project only (link helpers, not tests)");
                }
            }
        }

        [TestMethod]
        public void TestProjectsSharingTheNameNFUnitTestAreToldApartByProjectName()
        {
            // The nano build keys built projects (cache file, NANO011 graph, size table) by KeyOf: two test projects
            // that are both NFUnitTest must not overwrite each other; class libraries keep their assembly name.
            string dir = Path.Combine(Path.GetTempPath(), "zram-keys-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            try
            {
                string Write(string project, bool test)
                {
                    string d = Path.Combine(dir, project);
                    Directory.CreateDirectory(d);
                    string f = Path.Combine(d, project + ".nfproj");
                    File.WriteAllText(f, "<Project><PropertyGroup><AssemblyName>" + (test ? "NFUnitTest" : "Lib") + "</AssemblyName>"
                        + (test ? "<IsTestProject>true</IsTestProject>" : "") + "</PropertyGroup></Project>");
                    return f;
                }
                NfProject a = NfProject.Load(Write("UnitTests", true)), b = NfProject.Load(Write("UnitTests.Store", true));
                Assert.AreEqual("NFUnitTest@UnitTests", DeviceBuild.KeyOf(a));
                Assert.AreEqual("NFUnitTest@UnitTests.Store", DeviceBuild.KeyOf(b));
                Assert.AreEqual("Lib", DeviceBuild.KeyOf(NfProject.Load(Write("Lib", false))));
            }
            finally { Directory.Delete(dir, true); }
        }

        [TestMethod]
        public void EachSuitesHostProjectCompilesTheSameFilesAsItsDeviceProject()
        {
            string sln = File.ReadAllText(Path.Combine(Repo, "ZramEmbedded.sln"));
            string deviceSln = File.ReadAllText(Path.Combine(Probe.FindNfBuild(), "device", "ZramEmbedded.Device.sln"));
            var names = new List<string>();
            foreach (NfProject suite in DeviceTestSuites())
            {
                string name = Path.GetFileNameWithoutExtension(suite.Path);
                names.Add(name);
                string csproj = Path.Combine(Repo, "UnitTests", name + ".csproj");
                Assert.IsTrue(File.Exists(csproj), "device test project " + name + " has no host project UnitTests/" + name + ".csproj (dotnet test would not run it)");
                NfProject host = NfProject.Load(csproj);
                var device = suite.Sources.Select(Rel).OrderBy(f => f, StringComparer.Ordinal).ToList();
                var hosted = host.Sources.Select(Rel).OrderBy(f => f, StringComparer.Ordinal).ToList();
                Assert.AreEqual(string.Join("\n", device), string.Join("\n", hosted), name + ".nfproj and UnitTests/" + name + ".csproj must compile the same files");
                Assert.IsTrue(host.IsTestProject, name + ".csproj must be a test project");
                Assert.Contains("\"UnitTests\\" + name + ".csproj\"", sln, "ZramEmbedded.sln must list UnitTests\\" + name + ".csproj so that dotnet test runs it");
                Assert.Contains("\"" + name + "\\" + name + ".nfproj\"", deviceSln, "ZramEmbedded.Device.sln must list " + name + ".nfproj");
            }
            foreach (string csproj in Directory.GetFiles(Path.Combine(Repo, "UnitTests"), "*.csproj"))
                Assert.IsTrue(names.Contains(Path.GetFileNameWithoutExtension(csproj)), Rel(csproj) + " has no device test project nf-build/device/<same name>/");
        }

        [TestMethod]
        public void ProjectKindsAndNamesMatchTheDeviceLayout()
        {
            Assert.AreEqual("ZramEmbedded.Allocator", Load("Allocator").AssemblyName);
            Assert.AreEqual("ZramEmbedded.Board", Load("Board").AssemblyName);
            NfProject storage = Load("Board.Storage");
            Assert.AreEqual("ZramEmbedded.Board.Storage", storage.AssemblyName);
            Assert.IsFalse(storage.IsExe || storage.IsTestProject, "Board.Storage is a class library");
            NfProject firmware = Load("Firmware");
            Assert.AreEqual("ZramEmbedded.Firmware", firmware.AssemblyName);
            Assert.IsTrue(firmware.IsExe, "the firmware must be an application (it produces the .bin)");
            NfProject core = Load("FirmwareCore");
            Assert.AreEqual("ZramEmbedded.Firmware.Core", core.AssemblyName);
            Assert.IsFalse(core.IsExe, "the firmware core is a class library (tests reference it)");
            Assert.IsTrue(Load("UnitTests").IsTestProject, "UnitTests.nfproj is a device test project");
            foreach (NfProject tests in DeviceTestSuites())
            {
                string name = Path.GetFileName(tests.Path);
                Assert.AreEqual("NFUnitTest", tests.AssemblyName, name + ": the UnitTestLauncher loads the assembly named NFUnitTest, so every device test project is named so");
                Assert.IsFalse(tests.IsExe, name + " is a test library");
                Assert.IsTrue(tests.References.Contains("nanoFramework.TestFramework"), name);
                Assert.IsTrue(tests.References.Contains("nanoFramework.UnitTestLauncher"), name);
                Assert.IsTrue(File.Exists(Path.Combine(tests.Directory, "nano.runsettings")), name + " has no nano.runsettings beside it");
                Assert.Contains("nano.runsettings", File.ReadAllText(tests.Path), name + " must point RunSettingsFilePath at its nano.runsettings");
            }
            Assert.IsFalse(Load("Allocator").AllowUnsafe, "device code must not allow unsafe blocks");
            Assert.IsFalse(Load("Allocator.Store").AllowUnsafe, "device code must not allow unsafe blocks");
        }

        public const string FileSystemAssembly = "System.IO.FileSystem";
        public const string FileSystemPackage = "nanoFramework.System.IO.FileSystem";

        /// <summary>The project and every project it reaches through ProjectReferences (what a deployment carries).</summary>
        private static List<NfProject> Closure(NfProject root)
        {
            var result = new List<NfProject>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var stack = new Stack<NfProject>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                NfProject p = stack.Pop();
                if (!seen.Add(p.Path)) continue;
                result.Add(p);
                foreach (string r in p.ProjectReferences)
                {
                    Assert.IsTrue(File.Exists(r), Rel(p.Path) + " references a missing project " + r);
                    stack.Push(NfProject.Load(r));
                }
            }
            return result;
        }

        /// <summary>Projects of the closure that reference the FileSystem assembly or pin its package.</summary>
        private static List<string> FileSystemUsers(NfProject root) =>
            Closure(root).Where(p => p.References.Contains(FileSystemAssembly, StringComparer.OrdinalIgnoreCase)
                    || XDocument.Load(Path.Combine(p.Directory, "packages.config")).Descendants("package").Any(e => (string)e.Attribute("id") == FileSystemPackage))
                .Select(p => Path.GetFileNameWithoutExtension(p.Path)).ToList();

        [TestMethod]
        public void OnlyTheStorageAssemblyNeedsTheFileSystemPackage()
        {
            // A firmware image without the FileSystem native part refuses to deploy an assembly set that references it.
            var roots = new List<NfProject> { Load("Firmware"), Load("FirmwareCore"), Load("Board") };
            roots.AddRange(DeviceTestSuites());
            foreach (NfProject root in roots)
            {
                var users = FileSystemUsers(root);
                Assert.AreEqual(0, users.Count, Path.GetFileName(root.Path) + " deploys " + string.Join(", ", users) + ", referencing "
                    + FileSystemAssembly + ": keep file-system code in Board.Storage (nf-build/README.md, \"Storage\")");
            }
            // The check can fail: from the storage assembly it finds exactly that one.
            Assert.AreEqual("Board.Storage", string.Join(", ", FileSystemUsers(Load("Board.Storage"))));
        }

        private static string[] DeviceProjectNames() =>
            Directory.GetFiles(Path.Combine(Probe.FindNfBuild(), "device"), "*.nfproj", SearchOption.AllDirectories)
                .Where(f => !f.Replace('\\', '/').Contains("/packages/"))
                .Select(f => Path.GetFileNameWithoutExtension(f)).OrderBy(n => n).ToArray();

        [TestMethod]
        public void EveryPackagesConfigPinsTheVersionsOfNanoPackagesProps()
        {
            // NanoPackages.props is the one place for versions; packages.config files (what Visual Studio restores)
            // and the restore of the nano build (NanoBuild.csproj's PackageDownload) must agree with it.
            var versions = NanoPackages.Load(Probe.FindNfBuild());
            Assert.IsTrue(versions.ContainsKey("nanoFramework.CoreLibrary") && versions["nanoFramework.CoreLibrary"].Restore,
                "the nano build must restore the real mscorlib (nanoFramework.CoreLibrary, Restore=\"true\")");
            string[] names = DeviceProjectNames();
            Assert.IsTrue(names.Length >= 5, "device projects not found");
            foreach (string name in names)
            {
                string config = Path.Combine(Probe.FindNfBuild(), "device", name, "packages.config");
                foreach (XElement e in XDocument.Load(config).Descendants("package"))
                {
                    string id = (string)e.Attribute("id"), version = (string)e.Attribute("version");
                    Assert.IsTrue(versions.ContainsKey(id), name + "/packages.config pins " + id + ", which NanoPackages.props does not list");
                    Assert.AreEqual(versions[id].Version, version, name + "/packages.config pins " + id + " " + version + ", NanoPackages.props says " + versions[id].Version);
                }
            }
        }

        [TestMethod]
        public void TheRestoredMscorlibIsTheOneTheProjectsReference()
        {
            // The nano build compiles against the package's own mscorlib.dll; its assembly version is what every
            // <Reference Include="mscorlib, Version=..."> must name.
            var core = NanoPackages.Load(Probe.FindNfBuild())["nanoFramework.CoreLibrary"];
            string dll = NanoPackages.LibraryPath(core, "mscorlib");
            System.Version real = System.Reflection.AssemblyName.GetAssemblyName(dll).Version;
            foreach (string name in DeviceProjectNames())
            {
                XElement r = XDocument.Load(Path.Combine(Probe.FindNfBuild(), "device", name, name + ".nfproj")).Descendants()
                    .First(e => e.Name.LocalName == "Reference" && ((string)e.Attribute("Include")).StartsWith("mscorlib,"));
                Assert.Contains("Version=" + real + ",", (string)r.Attribute("Include"), name + ".nfproj references another mscorlib than " + dll);
            }
            Assert.IsFalse(Directory.Exists(Path.Combine(Probe.FindNfBuild(), "ref", "mscorlib")), "nf-build/ref/mscorlib is replaced by the real one");
        }

        [TestMethod]
        public void EveryHintPathIsAPackagePinnedInPackagesConfig()
        {
            foreach (string name in DeviceProjectNames())
            {
                string dir = Path.Combine(Probe.FindNfBuild(), "device", name);
                var pinned = XDocument.Load(Path.Combine(dir, "packages.config")).Descendants("package")
                    .Select(e => (string)e.Attribute("id") + "." + (string)e.Attribute("version")).ToList();
                foreach (XElement e in XDocument.Load(Path.Combine(dir, name + ".nfproj")).Descendants().Where(e => e.Name.LocalName == "HintPath"))
                {
                    Match m = Regex.Match(e.Value, @"^\.\.\\packages\\([^\\]+)\\lib\\");
                    Assert.IsTrue(m.Success, name + ".nfproj: HintPath outside ..\\packages: " + e.Value);
                    Assert.IsTrue(pinned.Contains(m.Groups[1].Value), name + ".nfproj references " + m.Groups[1].Value + ", which its packages.config does not pin");
                }
            }
        }
    }
}
