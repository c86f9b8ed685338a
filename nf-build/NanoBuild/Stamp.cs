// Content stamps for the build cache: a SHA-256 over the tool's own identity, the options and every input file
// (path + bytes). An output is reused only when its stored stamp matches, so edits, renames, deleted files and a
// rebuilt tool all force a rebuild; timestamps are never trusted.
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace NanoBuild
{
    public sealed class Stamp
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>
        /// Identity of the tool's code: the source hashes stamped in at build time (NanoBuild.csproj), the same for
        /// its Debug and Release builds; falls back to the module id. Plus the Roslyn version.
        /// </summary>
        public static readonly string ToolId =
            (typeof(Stamp).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "NanoBuildSources")?.Value
             ?? typeof(Stamp).Assembly.ManifestModule.ModuleVersionId.ToString("N")) + "/" +
            typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version;

        public Stamp(string kind)
        {
            Add(ToolId);
            Add(kind);
        }

        public Stamp Add(string text)
        {
            byte[] b = Encoding.UTF8.GetBytes(text ?? "\0");
            _hash.AppendData(BitConverter.GetBytes(b.Length));
            _hash.AppendData(b);
            return this;
        }

        public Stamp AddFile(string displayPath, byte[] content)
        {
            Add(displayPath);
            _hash.AppendData(BitConverter.GetBytes(content.Length));
            _hash.AppendData(content);
            return this;
        }

        public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

        public static bool Matches(string stampFile, string stamp) =>
            File.Exists(stampFile) && File.ReadAllText(stampFile).Trim() == stamp;
    }
}
