// Starts the real firmware exe (ZramEmbedded.Firmware.dll, built next to this test assembly's configuration)
// with `dotnet`, for the end-to-end tests. Host-only.
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

        internal static Process Start(params string[] args)
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
            return Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        }

        /// <summary>Runs to the end with stdin closed at once; returns (exit code, stdout, stderr).</summary>
        internal static int Run(out string stdout, out string stderr, params string[] args)
        {
            using Process p = Start(args);
            p.StandardInput.Close();
            var err = p.StandardError.ReadToEndAsync();
            stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(120000)) { p.Kill(); throw new TimeoutException("firmware did not exit"); }
            stderr = err.Result;
            return p.ExitCode;
        }
    }
}
