// The device project files drive the nano build: check that each compiles what it should (its root folder)
// and never host-only code (Host/ folders) or host build output (bin/, obj/), and that the references map onto
// the reference surface.
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
            AssertSourcesUnder(Load("Board"), "Board");
            AssertSourcesUnder(Load("FirmwareCore"), "Firmware/Core");
            NfProject firmware = Load("Firmware");
            AssertSourcesUnder(firmware, "Firmware");
            foreach (string f in firmware.Sources)
                Assert.AreEqual("Program.cs", Path.GetFileName(f), "the firmware exe holds Program.Main only; move " + f + " to Firmware/Core");
            NfProject tests = Load("UnitTests");
            AssertSourcesUnder(tests, "UnitTests");
            Assert.IsTrue(tests.Sources.Count > 0, "the device test suite has no sources");
            NfProject system = Load("SystemTests");
            AssertSourcesUnder(system, "UnitTests");
            Assert.IsTrue(system.Sources.Count > 0, "the second part of the device test suite has no sources");
        }

        [TestMethod]
        public void EveryDeviceTestClassIsInExactlyOnePartOfTheSuite()
        {
            // The device suite is two assemblies (each under the 64 KiB IL limit): a test class must be in one of
            // them, and in only one (helpers such as Samples may be in both).
            string repo = Path.GetDirectoryName(Probe.FindNfBuild());
            var parts = new[] { Load("UnitTests"), Load("SystemTests") };
            foreach (string f in Directory.GetFiles(Path.Combine(repo, "UnitTests"), "*.cs", SearchOption.AllDirectories))
            {
                string rel = Path.GetRelativePath(repo, f).Replace('\\', '/');
                if (rel.Contains("/Host/") || rel.Contains("/bin/") || rel.Contains("/obj/")) continue;
                if (!File.ReadAllText(f).Contains("[TestClass]")) continue;
                int count = parts.Count(p => p.Sources.Any(s => Path.GetFullPath(s) == Path.GetFullPath(f)));
                Assert.AreEqual(1, count, rel + " must be compiled by exactly one device test project");
            }
        }

        [TestMethod]
        public void ProjectKindsAndNamesMatchTheDeviceLayout()
        {
            Assert.AreEqual("ZramEmbedded.Allocator", Load("Allocator").AssemblyName);
            Assert.AreEqual("ZramEmbedded.Board", Load("Board").AssemblyName);
            NfProject firmware = Load("Firmware");
            Assert.AreEqual("ZramEmbedded.Firmware", firmware.AssemblyName);
            Assert.IsTrue(firmware.IsExe, "the firmware must be an application (it produces the .bin)");
            NfProject core = Load("FirmwareCore");
            Assert.AreEqual("ZramEmbedded.Firmware.Core", core.AssemblyName);
            Assert.IsFalse(core.IsExe, "the firmware core is a class library (tests reference it)");
            NfProject tests = Load("UnitTests");
            Assert.AreEqual("NFUnitTest", tests.AssemblyName, "the UnitTestLauncher loads the assembly named NFUnitTest");
            Assert.AreEqual("NFUnitTest", Load("SystemTests").AssemblyName, "every device test project is named NFUnitTest");
            Assert.IsTrue(Load("SystemTests").References.Contains("nanoFramework.UnitTestLauncher"));
            Assert.IsTrue(tests.References.Contains("nanoFramework.TestFramework"));
            Assert.IsTrue(tests.References.Contains("nanoFramework.UnitTestLauncher"));
            Assert.IsFalse(Load("Allocator").AllowUnsafe, "device code must not allow unsafe blocks");
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
