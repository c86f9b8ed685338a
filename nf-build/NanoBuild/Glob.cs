// MSBuild-style item globs for <Compile Include/Exclude>: `**` spans folders, `*` and `?` stay within one path
// segment, separators may be \ or /, matching is case-insensitive (as MSBuild on Windows). Enough for the
// patterns our .nfproj files use. Below a wildcard root, bin/ and obj/ (host build output) are always skipped.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace NanoBuild
{
    public static class Glob
    {
        /// <summary>Files under <paramref name="baseDir"/> matching the ;-separated include list minus the excludes.</summary>
        public static List<string> Expand(string baseDir, string includes, string excludes)
        {
            var result = new List<string>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ex = ToRegexes(baseDir, excludes);
            foreach (string pattern in Split(includes))
            {
                string full = Path.GetFullPath(Path.Combine(baseDir, pattern.Replace('\\', '/')));
                if (full.IndexOfAny(new[] { '*', '?' }) < 0)
                {
                    if (File.Exists(full) && !IsExcluded(full, ex) && seen.Add(full)) result.Add(full);
                    continue;
                }
                string root = FixedPrefixDirectory(full);
                if (!Directory.Exists(root)) continue;
                var rx = ToRegex(full);
                var files = new List<string>(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories));
                files.Sort(StringComparer.Ordinal);
                foreach (string f in files)
                {
                    string n = f.Replace('\\', '/');
                    if (IsBuildOutput(n.Substring(root.Length))) continue;
                    if (rx.IsMatch(n) && !IsExcluded(n, ex) && seen.Add(n)) result.Add(n);
                }
            }
            return result;
        }

        /// <summary>bin/ and obj/ below a wildcard root hold host build output (generated AssemblyInfo etc.).</summary>
        private static bool IsBuildOutput(string relative)
        {
            foreach (string seg in relative.Split('/'))
                if (seg.Equals("bin", StringComparison.OrdinalIgnoreCase) || seg.Equals("obj", StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        private static bool IsExcluded(string path, List<Regex> ex)
        {
            foreach (var r in ex) if (r.IsMatch(path.Replace('\\', '/'))) return true;
            return false;
        }

        private static IEnumerable<string> Split(string list)
        {
            if (string.IsNullOrWhiteSpace(list)) yield break;
            foreach (string p in list.Split(';'))
                if (p.Trim().Length > 0) yield return p.Trim();
        }

        private static List<Regex> ToRegexes(string baseDir, string list)
        {
            var r = new List<Regex>();
            foreach (string p in Split(list))
                r.Add(ToRegex(Path.GetFullPath(Path.Combine(baseDir, p.Replace('\\', '/')))));
            return r;
        }

        private static string FixedPrefixDirectory(string fullPattern)
        {
            int wild = fullPattern.IndexOfAny(new[] { '*', '?' });
            int slash = fullPattern.LastIndexOf('/', wild);
            return slash <= 0 ? "/" : fullPattern.Substring(0, slash);
        }

        public static Regex ToRegex(string fullPattern)
        {
            string p = fullPattern.Replace('\\', '/');
            var sb = new StringBuilder("^");
            for (int i = 0; i < p.Length; i++)
            {
                char c = p[i];
                if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
                {
                    // "**/" matches zero or more whole folders; a trailing "**" matches everything below.
                    bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                    sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                    i += slashAfter ? 2 : 1;
                }
                else if (c == '*') sb.Append("[^/]*");
                else if (c == '?') sb.Append("[^/]");
                else sb.Append(Regex.Escape(c.ToString()));
            }
            sb.Append('$');
            return new Regex(sb.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
    }
}
