// The public nanoFramework sources at the commits sources.txt pins. From a snapshot folder (the git archive of each
// commit as <name>.tar.gz; its embedded commit id is checked against the pin) or, without one, from a clone of
// github.com/nanoframework/<name> at the pinned commit. Unpacked once into the cache as <name>@<commit>.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoClr
{
    public sealed class Sources
    {
        private readonly Layout _layout;
        private readonly string _snapshots;
        private readonly Action<string> _log;

        public Sources(Layout layout, string snapshots, Action<string> log)
        {
            _layout = layout;
            _snapshots = snapshots;
            _log = log;
            Commits = Read(Path.Combine(layout.Tool, "sources.txt"));
        }

        /// <summary>Repository name → pinned commit (40 hex digits).</summary>
        public Dictionary<string, string> Commits { get; }

        public string Origin => _snapshots != null ? "snapshots in " + _snapshots : "clones of github.com/nanoframework";

        public static Dictionary<string, string> Read(string path)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string raw in File.ReadAllLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#")) continue;
                string[] parts = line.Split((char[])null, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2 || parts[1].Length != 40 || !parts[1].All(Uri.IsHexDigit))
                    throw new InvalidDataException(path + ": expected '<name> <40-digit commit>', got: " + raw);
                result.Add(parts[0], parts[1].ToLowerInvariant());
            }
            return result;
        }

        public string Commit(string name)
        {
            if (!Commits.TryGetValue(name, out string commit)) throw new InvalidDataException("sources.txt does not pin " + name);
            return commit;
        }

        /// <summary>The root of the repository's sources at its pinned commit, unpacking or cloning it on first use.</summary>
        public string Get(string name)
        {
            string commit = Commit(name);
            string dir = _layout.CacheDir("src/" + name + "@" + commit.Substring(0, 12));
            if (Layout.IsComplete(dir)) return dir;
            string tmp = dir + ".tmp";
            if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
            Directory.CreateDirectory(tmp);
            if (_snapshots != null)
            {
                string archive = Path.Combine(_snapshots, name + ".tar.gz");
                if (!File.Exists(archive)) throw new StepFailed(archive + " is missing (or use --sources clone to clone the pinned commits)");
                string id = Shell.Check("reading the commit of " + archive, "sh", new[] { "-c", "gzip -dc \"$0\" 2>/dev/null | git get-tar-commit-id", archive }).Trim();
                if (!string.Equals(id, commit, StringComparison.OrdinalIgnoreCase))
                    throw new StepFailed(archive + " is commit " + id + ", sources.txt pins " + commit);
                _log("unpacking " + name + " @ " + commit.Substring(0, 12));
                Shell.Check("unpacking " + archive, "tar", new[] { "-xzf", archive, "-C", tmp });
                string inner = Path.Combine(tmp, name);
                if (!Directory.Exists(inner)) throw new StepFailed(archive + " does not unpack to " + name + "/");
                Directory.Move(inner, dir + ".unpacked");
                Directory.Delete(tmp, true);
                Shell.ReplaceDirectory(dir + ".unpacked", dir);
            }
            else
            {
                _log("cloning nanoframework/" + name + " @ " + commit.Substring(0, 12));
                Shell.Check("git clone " + name, "git", new[] { "clone", "-q", "--no-checkout", "https://github.com/nanoframework/" + name, tmp });
                Shell.Check("git checkout " + commit, "git", new[] { "-C", tmp, "-c", "advice.detachedHead=false", "checkout", "-q", commit });
                Directory.Delete(Path.Combine(tmp, ".git"), true);
                Shell.ReplaceDirectory(tmp, dir);
            }
            Layout.MarkComplete(dir);
            return dir;
        }
    }
}
