using System;

namespace PlanarGen
{
    /// <summary>
    /// Per-thread working memory of the optimizer path (gradient, candidate parameters and moments, a gathered mini-batch):
    /// allocated on a thread's first call, regrown only for a larger need, then reused, so steady-state training allocates
    /// nothing. Never carries anything from one training step to the next (a nested Train in an observer may overwrite it).
    /// </summary>
    internal static class TrainingScratch<T> where T : unmanaged
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
