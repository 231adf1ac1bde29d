using System;
using System.Runtime.InteropServices;

namespace PlanarGen.GameLoop
{
    /// <summary>CPU time of the calling thread (Linux only): on a shared, loaded machine the wall time of a frame mostly
    /// measures when the scheduler let the thread run; the CPU time is the frame's own work. Allocation-free.</summary>
    internal static class ThreadCpu
    {
        public static bool Available { get; } = OperatingSystem.IsLinux() && clock_gettime(ThreadClock, out _) == 0;

        private const int ThreadClock = 3; // CLOCK_THREAD_CPUTIME_ID

        /// <summary>Nanoseconds of CPU time this thread has used, or 0 where unavailable.</summary>
        public static long Nanoseconds() =>
            Available && clock_gettime(ThreadClock, out TimeSpec t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;

        [DllImport("libc")]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
