using System;
using System.Runtime.InteropServices;

namespace PlanarGen.BudgetMeasurement
{
    /// <summary>CPU time of the calling thread in ms (Linux; wall time elsewhere): the machines this is run on are often
    /// shared and loaded, where wall time mostly measures the other tenants.</summary>
    internal static class ThreadCpu
    {
        public static double Milliseconds()
        {
            if (OperatingSystem.IsLinux() && clock_gettime(3 /* CLOCK_THREAD_CPUTIME_ID */, out TimeSpec t) == 0)
                return t.Seconds * 1e3 + t.Nanoseconds / 1e6;
            return Environment.TickCount64;
        }

        [DllImport("libc")]
        private static extern int clock_gettime(int clock, out TimeSpec time);

        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }
    }
}
