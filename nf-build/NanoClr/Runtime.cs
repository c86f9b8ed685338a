// nanoCLR for Linux from nf-interpreter's targets/posix, with the project's patches (patches/*.patch, applied in name
// order; each says why in its own comment). Two builds: 64-bit (the default host build) and 32-bit (-m32), whose
// CLR_RT_HeapBlock is 12 bytes as on a Cortex-M, so heap sizes there are an MCU's. The managed heap size of a run is
// NANOCLR_HEAP_BYTES (patch 01); NANOCLR_GC_LOG=1 prints the live heap after every collection (patch 04).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NanoClr
{
    public sealed class Runtime
    {
        public const string ExeName = "nanoFramework.nanoCLR.test";
        private readonly Layout _layout;
        private readonly Sources _sources;
        private readonly Action<string> _log;

        public Runtime(Layout layout, Sources sources, Action<string> log)
        {
            _layout = layout;
            _sources = sources;
            _log = log;
        }

        public IEnumerable<string> Patches => Directory.GetFiles(Path.Combine(_layout.Tool, "patches"), "*.patch").OrderBy(p => p, StringComparer.Ordinal);

        /// <summary>The patched interpreter sources, keyed by commit and patch contents.</summary>
        public string PatchedSources()
        {
            string commit = _sources.Commit("nf-interpreter");
            string key = Shell.Key(new[] { commit }, Patches);
            string dir = _layout.CacheDir("nf-interpreter-patched-" + key);
            if (Layout.IsComplete(dir)) return dir;
            string src = _sources.Get("nf-interpreter");
            string tmp = dir + ".tmp";
            if (Directory.Exists(tmp)) Directory.Delete(tmp, true);
            Shell.Check("copying nf-interpreter", "cp", new[] { "-a", src, tmp });
            File.Delete(Path.Combine(tmp, ".complete"));
            // Several of the files have CRLF line ends and the patches LF: --ignore-whitespace matches their context.
            // The cache sits inside this repository's work tree: stop git looking above the copy, so that
            // `git apply` patches the copy as plain files.
            var env = new Dictionary<string, string> { ["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(tmp) };
            foreach (string patch in Patches)
            {
                _log("patching nf-interpreter: " + Path.GetFileName(patch));
                Shell.Check("applying " + Path.GetFileName(patch), "git", new[] { "apply", "--ignore-whitespace", "--whitespace=nowarn", patch }, tmp, env);
            }
            Shell.ReplaceDirectory(tmp, dir);
            Layout.MarkComplete(dir);
            return dir;
        }

        /// <summary>How to start a build: the executable itself, or, where the kernel runs no 32-bit programs (no IA-32
        /// emulation, as on some VMs), under qemu-i386 user-mode emulation (Debian: qemu-user), which only slows it.</summary>
        public string[] Command(int bits)
        {
            string exe = Build(bits);
            if (bits == 64) return new[] { exe };
            ProcessResult probe;
            try { probe = Shell.Run(exe, new string[0], Path.GetDirectoryName(exe), null, 60); }
            catch (StepFailed) { probe = null; }
            if (probe != null && probe.ExitCode != 126 && probe.Output.Contains("nanoCLR")) return new[] { exe };
            if (!Shell.OnPath("qemu-i386"))
                throw new StepFailed("this kernel does not run 32-bit programs; install qemu-user (Debian: apt-get install qemu-user) to run the 32-bit build under qemu-i386");
            _log("32-bit programs do not run on this kernel: running the 32-bit build under qemu-i386");
            return new[] { "qemu-i386", exe };
        }

        /// <summary>The nanoCLR executable for a 64- or 32-bit build, building it on first use (about 2 minutes on 2 cores).</summary>
        public string Build(int bits)
        {
            if (bits != 64 && bits != 32) throw new ArgumentOutOfRangeException(nameof(bits), "64 or 32");
            string sources = PatchedSources();
            string dir = _layout.CacheDir("nanoclr" + bits + "-" + Path.GetFileName(sources).Substring("nf-interpreter-patched-".Length));
            string exe = Path.Combine(dir, "bin", ExeName);
            if (Layout.IsComplete(dir) && File.Exists(exe)) return exe;
            foreach (string tool in new[] { "cmake", "ninja", "g++" })
                if (!Shell.OnPath(tool)) throw new StepFailed(tool + " is not installed (Debian: apt-get install cmake ninja-build g++)");
            var args = new List<string> { "-S", Path.Combine(sources, "targets", "posix"), "-B", dir, "-G", "Ninja",
                "-DCMAKE_BUILD_TYPE=Release", "-DNANO_POSIX_ENABLE_SMOKE=ON" };
            if (bits == 32)
            {
                if (!Directory.EnumerateDirectories("/usr/lib/gcc/x86_64-linux-gnu").Any(d => Directory.Exists(Path.Combine(d, "32"))))
                    throw new StepFailed("the 32-bit build needs gcc-multilib and g++-multilib (Debian: apt-get install gcc-multilib g++-multilib)");
                args.AddRange(new[] { "-DCMAKE_C_FLAGS=-m32", "-DCMAKE_CXX_FLAGS=-m32", "-DCMAKE_EXE_LINKER_FLAGS=-m32", "-DCMAKE_SHARED_LINKER_FLAGS=-m32" });
            }
            _log("building nanoCLR " + bits + "-bit (a few minutes)");
            Shell.Check("cmake configure (" + bits + "-bit)", "cmake", args);
            Shell.Check("cmake build (" + bits + "-bit)", "cmake", new[] { "--build", dir });
            if (!File.Exists(exe)) throw new StepFailed("the build gave no " + exe);
            Layout.MarkComplete(dir);
            return exe;
        }
    }
}
