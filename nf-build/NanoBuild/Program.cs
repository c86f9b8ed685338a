// Command line of the nano build: `NanoBuild [--release] [nf-build-dir]`. Without a directory it finds nf-build
// upwards from the working directory. Exit code 0 = all device projects compiled and passed the IL check.
using System;

namespace NanoBuild
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool debug = true;
            string dir = null;
            foreach (string a in args)
            {
                if (a == "--release") debug = false;
                else if (a == "--debug") debug = true;
                else if (a.StartsWith("-")) { Console.Error.WriteLine("usage: NanoBuild [--debug|--release] [nf-build-dir]"); return 2; }
                else dir = a;
            }
            try { dir ??= Probe.FindNfBuild(); }
            catch (Exception e) { Console.Error.WriteLine("nano build: error: " + e.Message); return 2; }
            try { return new DeviceBuild(dir, Console.Out, debug).Run(); }
            catch (Exception e)
            {
                Console.Error.WriteLine("nano build: internal error: " + e);
                return 3;
            }
        }
    }
}
