// Reads the parts of a classic .nfproj the nano build needs: AssemblyName, OutputType, AllowUnsafeBlocks, IsTestProject,
// <Compile Include/Exclude> globs (relative to the .nfproj; bin/ and obj/ always excluded), <Reference Include>
// assembly names (the simple name before any ", Version=..."), and <ProjectReference> paths.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace NanoBuild
{
    public sealed class NfProject
    {
        public string Path { get; private set; }
        public string Directory { get; private set; }
        public string AssemblyName { get; private set; }
        public bool IsExe { get; private set; }
        public bool AllowUnsafe { get; private set; }
        /// <summary>A device test assembly (IsTestProject, or the TestContainer capability): NANO011 applies.</summary>
        public bool IsTestProject { get; private set; }
        public List<string> Sources { get; } = new List<string>();
        public List<string> References { get; } = new List<string>();
        public List<string> ProjectReferences { get; } = new List<string>();

        public static NfProject Load(string path)
        {
            var doc = XDocument.Load(path);
            var p = new NfProject { Path = System.IO.Path.GetFullPath(path) };
            p.Directory = System.IO.Path.GetDirectoryName(p.Path);
            string Prop(string name) => doc.Descendants().Where(e => e.Name.LocalName == name).Select(e => e.Value.Trim()).LastOrDefault();

            p.AssemblyName = Prop("AssemblyName") ?? System.IO.Path.GetFileNameWithoutExtension(path);
            string outputType = Prop("OutputType") ?? "Library";
            p.IsExe = outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase);
            p.AllowUnsafe = string.Equals(Prop("AllowUnsafeBlocks"), "true", StringComparison.OrdinalIgnoreCase);
            p.IsTestProject = string.Equals(Prop("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
                || doc.Descendants().Any(e => e.Name.LocalName == "ProjectCapability" && (string)e.Attribute("Include") == "TestContainer");

            foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "Compile"))
            {
                string include = (string)item.Attribute("Include");
                if (include == null) continue;
                string exclude = (string)item.Attribute("Exclude") ?? "";
                foreach (string f in Glob.Expand(p.Directory, include, exclude))
                    if (!p.Sources.Contains(f, StringComparer.OrdinalIgnoreCase)) p.Sources.Add(f);
            }
            foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "Reference"))
            {
                string include = (string)item.Attribute("Include");
                if (include != null) p.References.Add(include.Split(',')[0].Trim());
            }
            foreach (var item in doc.Descendants().Where(e => e.Name.LocalName == "ProjectReference"))
            {
                string include = (string)item.Attribute("Include");
                if (include != null)
                    p.ProjectReferences.Add(System.IO.Path.GetFullPath(System.IO.Path.Combine(p.Directory, include.Replace('\\', '/'))));
            }
            return p;
        }
    }
}
