// Upper bound on the peak live managed memory of one device test, measured on the host. The rewritten test code
// (DeviceSuiteCompiler) calls Before()/Size() at each allocation site that matters; at those points a full blocking
// GC measures exactly what is live (L_i), and GC.GetAllocatedBytesForCurrentThread counts exactly what the test's
// thread allocated since (ΔA_i). Between two samples nothing is known about what died, so the peak of a segment is
// bounded by L_i + ΔA_i (everything allocated in it counted as still live). The figure is the largest bound over
// the test's segments, minus what was live before the class's [Setup] ran: bytes the test needs on top of the
// runtime's own. Samples are taken before every array of at least SampleAtBytes and every object of the project's
// own types (its constructors allocate buffers), and whenever SampleAtBytes were allocated since the last one, so
// "drop the reference, then allocate the next arena" is seen as one arena, as on the device.
// This file is compiled into the instrumented device-suite program (DeviceSuiteCompiler), not into the host tests.
using System;

namespace ZramEmbedded.UnitTests.Host.Memory
{
    public static class PeakMemory
    {
        /// <summary>Allocations below this size (and runs of them below it in total) do not force a sample.</summary>
        public const long SampleAtBytes = 4096;

        private static bool s_active;
        private static long s_baseLive;      // live bytes before the class's [Setup]
        private static long s_live;          // live bytes at the last sample, above the base
        private static long s_allocatedAt;   // this thread's allocation counter at the last sample
        private static long s_peak;
        private static int s_samples;

        public static long Peak { get { return s_peak; } }
        public static int Samples { get { return s_samples; } }

        /// <summary>Before a test class's [Setup]: what is live now is the runtime's, not the tests'.</summary>
        public static void BeginClass()
        {
            s_active = false;
            s_baseLive = Collect();
            s_live = 0;
            s_allocatedAt = GC.GetAllocatedBytesForCurrentThread();
            s_active = true;
        }

        /// <summary>Before one test: the peak restarts from what is live now (the class's [Setup] state included).</summary>
        public static void BeginTest()
        {
            s_live = Collect() - s_baseLive;
            s_allocatedAt = GC.GetAllocatedBytesForCurrentThread();
            s_peak = s_live > 0 ? s_live : 0;
            s_samples = 1;
        }

        /// <summary>After one test: closes the last segment.</summary>
        public static long EndTest()
        {
            Close();
            return s_peak;
        }

        public static void Stop() { s_active = false; }

        /// <summary>Before a new object of one of the project's types: always a sample point.</summary>
        public static bool Before()
        {
            if (s_active) Sample();
            return true;
        }

        /// <summary>Before new T[length] (elements of elementBytes): a sample point when the array or the run before it is large.</summary>
        public static int Size(int length, int elementBytes)
        {
            if (s_active && ((long)length * elementBytes >= SampleAtBytes || GC.GetAllocatedBytesForCurrentThread() - s_allocatedAt >= SampleAtBytes))
                Sample();
            return length;
        }

        /// <summary>Before each statement: a sample point when SampleAtBytes were allocated since the last one.</summary>
        public static void Check()
        {
            if (s_active && GC.GetAllocatedBytesForCurrentThread() - s_allocatedAt >= SampleAtBytes) Sample();
        }

        /// <summary>Evaluates <paramref name="value"/> after the sample taken by its first argument.</summary>
        public static T Then<T>(bool sampled, T value) { return value; }

        private static void Sample()
        {
            Close();
            s_live = Collect() - s_baseLive;
            s_allocatedAt = GC.GetAllocatedBytesForCurrentThread();
            s_samples++;
            if (s_live > s_peak) s_peak = s_live;
        }

        private static void Close()
        {
            long bound = s_live + (GC.GetAllocatedBytesForCurrentThread() - s_allocatedAt);
            if (bound > s_peak) s_peak = bound;
        }

        private static long Collect()
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
            return GC.GetTotalMemory(false);
        }
    }
}
