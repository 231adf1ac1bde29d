using System;

namespace PlanarGen.Deterministic
{
    /// <summary>
    /// Per-thread scratch of the deterministic kernels (the 16 virtual lanes of every gradient sum and one group's activations):
    /// allocated on a thread's first call, regrown only for a larger network, then reused, so steady-state calls allocate nothing.
    /// Never part of a network's state: its contents are overwritten before being read by every call.
    /// </summary>
    internal static class DeterministicScratch<T> where T : unmanaged
    {
        [ThreadStatic]
        private static T[]? _buffer;

        public static Span<T> Get(int length)
        {
            T[]? buffer = _buffer;
            if (buffer == null || buffer.Length < length) _buffer = buffer = new T[length];
            return new Span<T>(buffer, 0, length);
        }
    }
}
