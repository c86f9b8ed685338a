// Where things are: the repository's nf-build folder, this tool's folder (sources.txt, patches/, the
// MetadataProcessor projects) and the cache (nf-build/out/nanoclr, git-ignored). Every cached build sits in a
// folder named by the key of its inputs and is marked complete by a ".complete" file written last, so an
// interrupted build is redone and a changed input builds beside the old one.
using System;
using System.IO;

namespace NanoClr
{
    public sealed class Layout
    {
        public Layout(string nfBuild)
        {
            NfBuild = Path.GetFullPath(nfBuild);
            RepoRoot = Path.GetDirectoryName(NfBuild);
            Tool = Path.Combine(NfBuild, "NanoClr");
            Cache = Path.Combine(NfBuild, "out", "nanoclr");
            Directory.CreateDirectory(Cache);
        }

        public string NfBuild { get; }
        public string RepoRoot { get; }
        public string Tool { get; }
        public string Cache { get; }

        /// <summary>The snapshots folder of an offline machine: ../shared/nanoframework beside the repository.</summary>
        public string DefaultSnapshots => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "nanoframework"));

        public string CacheDir(string name) => Path.Combine(Cache, name);

        public static bool IsComplete(string dir) => File.Exists(Path.Combine(dir, ".complete"));

        public static void MarkComplete(string dir) => File.WriteAllText(Path.Combine(dir, ".complete"), DateTime.UtcNow.ToString("o") + "\n");
    }
}
