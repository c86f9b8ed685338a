// The nanoFramework package versions of the device projects, read from nf-build/NanoPackages.props (the one place
// they are written), and where the restored ones are: NanoBuild.csproj restores every package marked
// Restore="true" into the NuGet cache and stamps this tool with the cache folder of that restore (NanoPackageRoot).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;

namespace NanoBuild
{
    public sealed class NanoPackage
    {
        public NanoPackage(string id, string version, bool restore)
        {
            Id = id;
            Version = version;
            Restore = restore;
        }

        public string Id { get; }
        public string Version { get; }
        /// <summary>True when the nano build restores this package from NuGet and compiles against its lib/.</summary>
        public bool Restore { get; }
    }

    public static class NanoPackages
    {
        public const string FileName = "NanoPackages.props";

        /// <summary>Every &lt;NanoPackage&gt; of nf-build/NanoPackages.props, by package id (case-insensitive).</summary>
        public static Dictionary<string, NanoPackage> Load(string nfBuildDir)
        {
            string path = Path.Combine(nfBuildDir, FileName);
            var result = new Dictionary<string, NanoPackage>(StringComparer.OrdinalIgnoreCase);
            foreach (XElement e in XDocument.Load(path).Descendants().Where(e => e.Name.LocalName == "NanoPackage"))
            {
                string id = (string)e.Attribute("Include");
                string version = (string)e.Attribute("Version");
                if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version))
                    throw new InvalidDataException(FileName + ": every NanoPackage needs Include and Version");
                if (result.ContainsKey(id)) throw new InvalidDataException(FileName + ": " + id + " is listed twice");
                bool restore = string.Equals((string)e.Attribute("Restore"), "true", StringComparison.OrdinalIgnoreCase);
                result.Add(id, new NanoPackage(id, version, restore));
            }
            return result;
        }

        /// <summary>
        /// The NuGet cache this tool's restore used: the stamped NanoPackageRoot, else NUGET_PACKAGES, else
        /// ~/.nuget/packages (NuGet's default).
        /// </summary>
        public static string PackageRoot()
        {
            string stamped = typeof(NanoPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NanoPackageRoot")?.Value;
            if (!string.IsNullOrEmpty(stamped)) return stamped;
            string env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (!string.IsNullOrEmpty(env)) return env;
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        /// <summary>lib/&lt;assembly&gt;.dll of a restored package; throws with the fix when it is not there.</summary>
        public static string LibraryPath(NanoPackage p, string assembly)
        {
            if (!p.Restore) throw new InvalidDataException(p.Id + " is not marked Restore=\"true\" in " + FileName);
            string path = Path.Combine(PackageRoot(), p.Id.ToLowerInvariant(), p.Version.ToLowerInvariant(), "lib", assembly + ".dll");
            if (!File.Exists(path))
                throw new FileNotFoundException($"{p.Id} {p.Version} is not restored ({path} is missing): "
                    + "build the tool (bash nf-build/build.sh, or dotnet build nf-build/NanoBuild) so its restore fetches it");
            return path;
        }
    }
}
