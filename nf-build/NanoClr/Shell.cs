// Runs the external programs the real-runtime path needs (tar, git, cmake, dotnet, nanoCLR) and hashes inputs for
// the cache keys. A failing step throws StepFailed with the program's output, so the command line can print it.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace NanoClr
{
    public sealed class StepFailed : Exception
    {
        public StepFailed(string message) : base(message) { }
    }

    public sealed class ProcessResult
    {
        public int ExitCode;
        public string Output;
        public bool TimedOut;
        public TimeSpan Elapsed;
    }

    public static class Shell
    {
        /// <summary>Runs a program to its end (or the timeout, then kills its process tree); stdout and stderr interleaved.</summary>
        public static ProcessResult Run(string file, IEnumerable<string> args, string workingDir = null,
            IDictionary<string, string> env = null, int timeoutSeconds = 3600, Action<string> onLine = null)
        {
            var psi = new ProcessStartInfo(file)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDir ?? Environment.CurrentDirectory,
            };
            foreach (string a in args) psi.ArgumentList.Add(a);
            if (env != null) foreach (var kv in env) psi.Environment[kv.Key] = kv.Value;
            var output = new StringBuilder();
            var clock = Stopwatch.StartNew();
            using var p = new Process { StartInfo = psi };
            DataReceivedEventHandler sink = (s, e) =>
            {
                if (e.Data == null) return;
                lock (output) output.Append(e.Data).Append('\n');
                onLine?.Invoke(e.Data);
            };
            p.OutputDataReceived += sink;
            p.ErrorDataReceived += sink;
            try { p.Start(); }
            catch (Exception e) { throw new StepFailed("cannot start " + file + ": " + e.Message); }
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
            bool done = p.WaitForExit(timeoutSeconds * 1000);
            if (!done)
            {
                try { p.Kill(true); } catch (InvalidOperationException) { }
                p.WaitForExit();
            }
            p.WaitForExit(); // drains the asynchronous readers
            lock (output)
                return new ProcessResult { ExitCode = done ? p.ExitCode : -1, Output = output.ToString(), TimedOut = !done, Elapsed = clock.Elapsed };
        }

        /// <summary>Runs a build step; throws StepFailed with its last lines when it does not exit 0.</summary>
        public static string Check(string what, string file, IEnumerable<string> args, string workingDir = null,
            IDictionary<string, string> env = null)
        {
            ProcessResult r = Run(file, args, workingDir, env);
            if (r.ExitCode != 0) throw new StepFailed(what + " failed (exit " + r.ExitCode + "):\n" + Tail(r.Output, 40));
            return r.Output;
        }

        public static string Tail(string text, int lines)
        {
            string[] all = text.TrimEnd().Split('\n');
            int from = Math.Max(0, all.Length - lines);
            return string.Join("\n", all, from, all.Length - from);
        }

        public static bool OnPath(string program)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
                if (dir.Length > 0 && File.Exists(Path.Combine(dir, program))) return true;
            return false;
        }

        /// <summary>SHA-256 over the given strings and files (names and contents), as 16 hex digits.</summary>
        public static string Key(IEnumerable<string> texts, IEnumerable<string> files = null)
        {
            using var sha = SHA256.Create();
            var all = new MemoryStream();
            void Add(byte[] b) { all.Write(BitConverter.GetBytes(b.Length)); all.Write(b); }
            foreach (string t in texts) Add(Encoding.UTF8.GetBytes(t ?? ""));
            if (files != null)
                foreach (string f in files)
                {
                    Add(Encoding.UTF8.GetBytes(Path.GetFileName(f)));
                    Add(File.ReadAllBytes(f));
                }
            return Convert.ToHexString(sha.ComputeHash(all.ToArray())).Substring(0, 16).ToLowerInvariant();
        }

        public static void ReplaceDirectory(string from, string to)
        {
            if (Directory.Exists(to)) Directory.Delete(to, true);
            Directory.Move(from, to);
        }
    }
}
