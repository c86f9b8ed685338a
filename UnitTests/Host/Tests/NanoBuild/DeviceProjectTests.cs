// The device project files drive the nano build: check that each compiles what it should (its root folder)
// and never host-only code (Host/ folders) or host build output (bin/, obj/), and that the references map onto
// the reference surface.
using System.IO;
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
            AssertSourcesUnder(Load("Firmware"), "Firmware");
            NfProject tests = Load("UnitTests");
            AssertSourcesUnder(tests, "UnitTests");
            Assert.IsTrue(tests.Sources.Count > 0, "the device test suite has no sources");
        }

        [TestMethod]
        public void ProjectKindsAndNamesMatchTheDeviceLayout()
        {
            Assert.AreEqual("ZramEmbedded.Allocator", Load("Allocator").AssemblyName);
            Assert.AreEqual("ZramEmbedded.Board", Load("Board").AssemblyName);
            NfProject firmware = Load("Firmware");
            Assert.AreEqual("ZramEmbedded.Firmware", firmware.AssemblyName);
            Assert.IsTrue(firmware.IsExe, "the firmware must be an application (it produces the .bin)");
            NfProject tests = Load("UnitTests");
            Assert.AreEqual("NFUnitTest", tests.AssemblyName, "the UnitTestLauncher loads the assembly named NFUnitTest");
            Assert.IsTrue(tests.References.Contains("nanoFramework.TestFramework"));
            Assert.IsTrue(tests.References.Contains("nanoFramework.UnitTestLauncher"));
            Assert.IsFalse(Load("Allocator").AllowUnsafe, "device code must not allow unsafe blocks");
        }
    }
}
