// The real MetadataProcessor (the .dll → .pe step of every nanoFramework build), built from its public sources by
// the projects in MetadataProcessor/ and run as `-loadHints <name> <dll>... -parse X.dll -compile X.pe false`.
// A .pe is cached beside its output by a key over the .dll, its hints and the processor build.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoClr
{
    public sealed class MetadataProcessor
    {
        private readonly Layout _layout;
        private readonly Sources _sources;
        private readonly Action<string> _log;
        private string _dll;

        public MetadataProcessor(Layout layout, Sources sources, Action<string> log)
        {
            _layout = layout;
            _sources = sources;
            _log = log;
        }

        /// <summary>Builds the processor on first use; returns its key (part of every .pe's key).</summary>
        public string Key { get; private set; }

        public string Build()
        {
            if (_dll != null) return _dll;
            string projects = Path.Combine(_layout.Tool, "MetadataProcessor");
            var inputs = Directory.GetFiles(projects, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/")).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Key = Shell.Key(new[] { _sources.Commit("metadata-processor") }, inputs);
            string dir = _layout.CacheDir("mdp-" + Key);
            string dll = Path.Combine(dir, "nanoFramework.MetadataProcessor.Console.dll");
            if (!Layout.IsComplete(dir) || !File.Exists(dll))
            {
                string src = _sources.Get("metadata-processor");
                _log("building the MetadataProcessor");
                Shell.Check("building the MetadataProcessor", "dotnet", new[] { "build",
                    Path.Combine(projects, "Console", "MetadataProcessor.Console.csproj"), "-c", "Release", "-nologo", "-v", "q",
                    "-clp:NoSummary", "-p:MdpSource=" + src, "-o", dir });
                Layout.MarkComplete(dir);
            }
            return _dll = dll;
        }

        /// <summary>Converts dll to pe (cached by content); hints map every referenced assembly name to its .dll.</summary>
        public void Convert(string dll, string pe, IDictionary<string, string> hints, bool isCoreLibrary = false)
        {
            string mdp = Build();
            string stamp = pe + ".stamp";
            var hintFiles = hints.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value).ToList();
            string key = Shell.Key(new[] { Key, isCoreLibrary.ToString() }.Concat(hints.Keys.OrderBy(k => k, StringComparer.Ordinal)),
                new[] { dll }.Concat(hintFiles));
            if (File.Exists(pe) && File.Exists(stamp) && File.ReadAllText(stamp) == key) return;
            var args = new List<string> { mdp };
            foreach (var h in hints.OrderBy(h => h.Key, StringComparer.Ordinal)) args.AddRange(new[] { "-loadHints", h.Key, h.Value });
            args.AddRange(new[] { "-parse", dll, "-compile", pe, isCoreLibrary ? "true" : "false" });
            Directory.CreateDirectory(Path.GetDirectoryName(pe));
            ProcessResult r = Shell.Run("dotnet", args);
            if (r.ExitCode != 0 || !File.Exists(pe))
                throw new StepFailed("MetadataProcessor on " + Path.GetFileName(dll) + " failed (exit " + r.ExitCode + "):\n" + Shell.Tail(r.Output, 30));
            File.WriteAllText(stamp, key);
        }
    }
}
