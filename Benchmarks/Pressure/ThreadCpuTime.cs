// CPU time of the calling thread in milliseconds (Linux: clock_gettime(CLOCK_THREAD_CPUTIME_ID)), used to
// time reclaim calls in the `pressure` benchmark. On a shared, overloaded build machine the wall clock
// mostly measures how long the OS ran other processes in between; the thread's CPU time is what the call
// itself costs, which is what a device (one app, no other tenants) would see. Elsewhere: the wall clock.
using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ZramEmbedded.Benchmarks.Pressure
{
    internal static class ThreadCpuTime
    {
        private const int ClockThreadCpuTimeId = 3;

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clockId, out Timespec ts);

        private static readonly bool Available = Probe();

        /// <summary>True when the figures are thread CPU time, false when they fall back to the wall clock.</summary>
        public static bool IsCpuTime { get { return Available; } }

        private static bool Probe()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return false;
            try
            {
                Timespec ts;
                return ClockGetTime(ClockThreadCpuTimeId, out ts) == 0;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public static double NowMs()
        {
            if (Available)
            {
                Timespec ts;
                ClockGetTime(ClockThreadCpuTimeId, out ts);
                return ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6;
            }
            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }
    }
}
