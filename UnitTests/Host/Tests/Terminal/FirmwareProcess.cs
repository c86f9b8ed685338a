// Starts the real firmware exe (ZramEmbedded.Firmware.dll, built next to this test assembly's configuration)
// with `dotnet`, for the end-to-end tests. What a test starts, it kills: Start returns a Child whose Dispose
// kills the process (and its children) unless it has exited, so a failing test leaves nothing running or
// listening. Host-only.
using System;
using System.Diagnostics;
using System.IO;

namespace ZramEmbedded.UnitTests.Host.Terminal
{
    internal static class FirmwareProcess
    {
        /// <summary>Path of ZramEmbedded.Firmware.dll for this test run's configuration.</summary>
        internal static string DllPath()
        {
            string here = AppContext.BaseDirectory; // .../UnitTests/Host/Tests/bin/<Config>/net10.0/
            string config = new DirectoryInfo(here).Parent.Name;
            DirectoryInfo dir = new DirectoryInfo(here);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware", "Firmware.csproj"))) dir = dir.Parent;
            if (dir == null) throw new InvalidOperationException("repository root not found above " + here);
            string dll = Path.Combine(dir.FullName, "Firmware", "bin", config, "net10.0", "ZramEmbedded.Firmware.dll");
            if (!File.Exists(dll)) throw new InvalidOperationException("firmware not built: " + dll);
            return dll;
        }

        /// <summary>A started process that is killed when disposed, pass or fail.</summary>
        internal sealed class Child : IDisposable
        {
            public Child(Process process) { Process = process; }

            public Process Process { get; }

            public void Dispose()
            {
                try
                {
                    if (!Process.HasExited)
                    {
                        Process.Kill(entireProcessTree: true);
                        Process.WaitForExit(10000);
                    }
                }
                catch (InvalidOperationException) { }   // it exited meanwhile
                Process.Dispose();
            }
        }

        internal static Child Start(params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add(DllPath());
            foreach (string a in args) psi.ArgumentList.Add(a);
            return new Child(Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start"));
        }

        /// <summary>Runs to the end with stdin closed at once; returns (exit code, stdout, stderr).</summary>
        internal static int Run(out string stdout, out string stderr, params string[] args)
        {
            using Child child = Start(args);
            Process p = child.Process;
            p.StandardInput.Close();
            var err = p.StandardError.ReadToEndAsync();
            stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(120000)) throw new TimeoutException("firmware did not exit");
            stderr = err.Result;
            return p.ExitCode;
        }
    }
}
