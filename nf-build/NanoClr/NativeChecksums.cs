// A library's .pe carries the checksum of its native method declarations (4 bytes at offset 20, computed by the
// MetadataProcessor); nanoCLR loads it only when that equals the checksum in the interpreter's native table
// (g_CLR_AssemblyNative_<name> = { "<name>", 0x..., ... }), else it exits with "Invalid native checksum" and no test
// runs. Checked here at build time, so a wrong library build is a clear error naming the library.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace NanoClr
{
    public static class NativeChecksums
    {
        private static readonly Regex Table = new Regex(@"(g_CLR_AssemblyNative_\w+)\s*=\s*\{\s*""([^""]+)""\s*,\s*(0x[0-9A-Fa-f]{1,8})", RegexOptions.Singleline);
        private static readonly Regex Linked = new Regex(@"&(g_CLR_AssemblyNative_\w+)");

        /// <summary>Assembly name → the checksums of the native tables nanoCLR for Linux links (posix_stubs.cpp lists them).</summary>
        public static Dictionary<string, HashSet<uint>> Interpreter(string interpreterSources)
        {
            var linked = new HashSet<string>(Linked.Matches(File.ReadAllText(Path.Combine(interpreterSources, "targets/posix/nanoCLR/posix_stubs.cpp")))
                .Select(m => m.Groups[1].Value), StringComparer.Ordinal);
            var result = new Dictionary<string, HashSet<uint>>(StringComparer.Ordinal);
            foreach (string dir in new[] { "src", "targets/posix" })
                foreach (string file in Directory.EnumerateFiles(Path.Combine(interpreterSources, dir), "*.cpp", SearchOption.AllDirectories))
                {
                    string text = File.ReadAllText(file);
                    if (!text.Contains("g_CLR_AssemblyNative_")) continue;
                    foreach (Match m in Table.Matches(text))
                    {
                        if (!linked.Contains(m.Groups[1].Value)) continue;
                        if (!result.TryGetValue(m.Groups[2].Value, out var set)) result[m.Groups[2].Value] = set = new HashSet<uint>();
                        set.Add(Convert.ToUInt32(m.Groups[3].Value, 16));
                    }
                }
            return result;
        }

        public static uint OfPe(string pe)
        {
            byte[] head = new byte[24];
            using (var f = File.OpenRead(pe)) f.ReadExactly(head);
            return BitConverter.ToUInt32(head, 20);
        }

        /// <summary>Checks every library with natives; returns notes for those nanoCLR for Linux has no native part for.</summary>
        public static List<string> Check(IDictionary<string, string> pes, string interpreterSources)
        {
            var table = Interpreter(interpreterSources);
            var notes = new List<string>();
            foreach (var (name, pe) in pes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                uint sum = OfPe(pe);
                if (sum == 0) continue;
                if (!table.TryGetValue(name, out var known)) { notes.Add(name + " has natives (0x" + sum.ToString("X8") + ") that nanoCLR for Linux does not implement: it loads, and a call into them fails"); continue; }
                if (!known.Contains(sum))
                    throw new StepFailed($"{name}: native checksum 0x{sum:X8} of the built .pe is not the interpreter's ({string.Join(", ", known.Select(k => "0x" + k.ToString("X8")))}): the library was not built as its package is");
            }
            return notes;
        }
    }
}
