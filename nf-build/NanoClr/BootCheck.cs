// The firmware boot check (nf-build/device/BootCheck): the firmware booted with a board profile on nanoCLR at an
// MCU-sized heap, its demo workload run in batch mode, 0 mismatches required. The device project's BootCheck.exe
// (PICO_RP2040, 120 s) is used as built; another profile or time is compiled here from the same source with those
// two constants changed. The footprint comes from the live heap of the collections the check forces (before
// the boot, after it, after the workload) and from the GC log (the most live heap after any collection).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NanoBuild;

namespace NanoClr
{
    public sealed class BootResult
    {
        public string Profile;
        public int Seconds;
        public long HeapBytes;
        public int Bits;
        /// <summary>Live heap after the first collection once booted, and the most after any collection (whole run, and
        /// up to the end of the workload); -1 when no collection happened.</summary>
        public long LiveBooted = -1, PeakLive = -1, PeakWorkload = -1;
        public int Collections;
        public long Mismatches = -1;
        public int ExitCode = -1;
        public string Abnormal;
        public string Output;
        public string Log;
        public TimeSpan Elapsed;

        public bool Ok => Abnormal == null && Mismatches == 0 && ExitCode == 0;
    }

    public static class BootCheck
    {
        public const string Assembly = "ZramEmbedded.BootCheck";
        public const string DefaultProfile = "PICO_RP2040";
        public const int DefaultSeconds = 120;
        private static readonly Regex Mark = new Regex(@"^boot check: (before boot|booted|after the workload)$");
        private static readonly Regex End = new Regex(@"^boot check: (\d+) mismatches, exit code (-?\d+)");

        public static BootResult Run(Chain chain, string[] nanoclr, int bits, string profile, int seconds, long heapBytes, int timeoutSeconds)
        {
            chain.Assemblies();
            var (dll, pe) = Build(chain, profile, seconds);
            var deployment = chain.Device.Deployment(dll, pe);
            string log = SuiteRun.LogPath("boot-" + profile + "-" + seconds + "s", bits, heapBytes);
            ProcessResult p = SuiteRun.Execute(nanoclr, deployment, heapBytes, true, timeoutSeconds, log);
            var r = new BootResult { Log = log, Profile = profile, Seconds = seconds, HeapBytes = heapBytes, Bits = bits, Output = p.Output, Elapsed = p.Elapsed };
            string phase = "loading";
            foreach (string raw in p.Output.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                Match m;
                if ((m = SuiteRun.GcLine.Match(line)).Success)
                {
                    long used = long.Parse(m.Groups[1].Value);
                    r.PeakLive = Math.Max(r.PeakLive, used);
                    r.Collections++;
                    if (phase == "booted" && r.LiveBooted < 0) r.LiveBooted = used;
                    if (phase != "after the workload") r.PeakWorkload = Math.Max(r.PeakWorkload, used);
                }
                else if ((m = Mark.Match(line)).Success) phase = m.Groups[1].Value;
                else if ((m = End.Match(line)).Success) { r.Mismatches = long.Parse(m.Groups[1].Value); r.ExitCode = int.Parse(m.Groups[2].Value); }
            }
            if (p.TimedOut) r.Abnormal = "timed out after " + timeoutSeconds + " s";
            else if (p.ExitCode != 0) r.Abnormal = "nanoCLR exited with " + p.ExitCode;
            else if (r.ExitCode < 0) r.Abnormal = "the firmware did not finish its run (out of memory, or an exception)";
            return r;
        }

        /// <summary>The boot check for a profile and time: the nano build's own when they are the defaults, else compiled here.</summary>
        private static (string Dll, string Pe) Build(Chain chain, string profile, int seconds)
        {
            if (profile == DefaultProfile && seconds == DefaultSeconds)
                return (chain.Device.Dlls[Assembly], chain.Device.Pes[Assembly]);
            string sourcePath = Path.Combine(chain.Layout.NfBuild, "device", "BootCheck", "BootCheck.cs");
            string source = File.ReadAllText(sourcePath);
            string changed = source.Replace("ProfileName = \"" + DefaultProfile + "\"", "ProfileName = \"" + profile + "\"")
                .Replace("WorkloadSeconds = " + DefaultSeconds + ";", "WorkloadSeconds = " + seconds + ";");
            if (changed == source || !changed.Contains("WorkloadSeconds = " + seconds + ";"))
                throw new StepFailed(sourcePath + " no longer declares ProfileName = \"" + DefaultProfile + "\" and WorkloadSeconds = " + DefaultSeconds + ";");
            string dir = chain.Layout.CacheDir("device/bootcheck-" + profile + "-" + seconds);
            Directory.CreateDirectory(dir);
            string dll = Path.Combine(dir, Assembly + ".exe");
            // What the nano build compiles the device projects against: mscorlib, the reference surface, the class libraries.
            var refs = new[] { chain.Libraries.Dlls["mscorlib"] }
                .Concat(Directory.GetFiles(Path.Combine(chain.Layout.NfBuild, "out", "ref"), "*.dll"))
                .Concat(chain.Device.Dlls.Values.Where(d => d.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
            CompileOutput output = Compiler.Compile(Assembly, new[] { Compiler.Parse(changed, sourcePath, true) }, refs, exe: true, allowUnsafe: false, debug: true);
            if (!output.Success) throw new StepFailed("compiling the boot check for " + profile + " failed:\n" + string.Join("\n", output.Errors));
            File.WriteAllBytes(dll, output.Image);
            string pe = Path.ChangeExtension(dll, ".pe");
            chain.Mdp.Convert(dll, pe, chain.Libraries.HintsFor(dll, chain.Device.Dlls));
            return (dll, pe);
        }

        public static void Print(BootResult r, TextWriter o)
        {
            string Kib(long b) => b < 0 ? "?" : (b / 1024.0).ToString("F1") + " KiB";
            o.WriteLine($"nanoclr: boot check {r.Profile}, {r.Seconds} s of workload, {r.Bits}-bit, {r.HeapBytes / 1024} KiB heap: "
                + (r.Ok ? "passed" : "FAILED") + $" ({r.Mismatches} mismatches, exit code {r.ExitCode}; {r.Elapsed.TotalSeconds:F0} s)");
            o.WriteLine($"  live heap after a collection ({r.Collections} in the run): {Kib(r.LiveBooted)} at the first after the boot, "
                + $"{Kib(r.PeakWorkload)} at most during the workload, {Kib(r.PeakLive)} at most in the run");
            o.WriteLine("  the firmware's console and the GC log: " + r.Log);
            if (!r.Ok)
            {
                o.WriteLine("  " + (r.Abnormal ?? "the run reported mismatches") + "; its last lines:");
                foreach (string l in Shell.Tail(string.Join("\n", r.Output.Split('\n').Where(l => !l.StartsWith("nanoclr-gc:"))), 15).Split('\n')) o.WriteLine("    " + l);
            }
        }
    }
}
