using System;
using PlanarGen.Parallel;

namespace PlanarGen
{
    /// <summary>
    /// Splits a batch's gradient sums across threads (<see cref="TrainingOptions.Threads"/>): contiguous sample ranges, one per
    /// thread, each summed into its own buffer by the network's <see cref="IGradientRange{T}"/>, then added in range order
    /// (range 0's buffer is the caller's; then range 1's, range 2's ...). The result depends on the number of ranges, which
    /// depends only on the thread count, the sample count and the parameter count: the same inputs give the same bits.
    /// Batches too small to pay for waking threads run on the calling thread alone (docs/training.md, "Threads").
    /// </summary>
    public static class GradientSplit
    {
        /// <summary>Every range but the first starts at a multiple of this many samples (the widest SIMD chunk, 16 floats).</summary>
        public const int RangeAlignment = 16;

        /// <summary>Fewest samples a thread is given (four chunks of the widest vectors).</summary>
        public const int MinSamplesPerThread = 64;

        /// <summary>Least work a thread is given, in samples x parameters (about 25 us of training on one core; measured in
        /// docs/training.md: waking a worker and adding its sums costs a few microseconds).</summary>
        public const long MinWorkPerThread = 1L << 18;

        /// <summary>How many ranges a batch of <paramref name="sampleCount"/> samples of a network with
        /// <paramref name="parameterCount"/> parameters is split into with <paramref name="threads"/> threads (1: not split).</summary>
        public static int RangesFor(int threads, int sampleCount, int parameterCount)
        {
            if (threads <= 1) return 1;
            long work = (long)sampleCount * parameterCount;
            long ranges = Math.Min(Math.Min(threads, work / MinWorkPerThread), sampleCount / MinSamplesPerThread);
            return (int)Math.Max(1, ranges);
        }

        /// <summary>The first sample of range <paramref name="range"/> of <paramref name="ranges"/> (the sample count for
        /// <paramref name="range"/> = <paramref name="ranges"/>).</summary>
        public static int RangeStart(int range, int ranges, int sampleCount) =>
            range >= ranges ? sampleCount : (int)((long)sampleCount * range / ranges / RangeAlignment * RangeAlignment);

        /// <summary>
        /// The gradient sums of every sample into <paramref name="gradient"/> (and the cost terms' sum when asked), split across
        /// up to <paramref name="threads"/> threads when the batch is large enough. Returns whether every pre-activation was within
        /// <see cref="DivergenceRule"/>'s bound. The batch is pinned for the call; workers read it through pointers. An exception
        /// of any range is rethrown here after every range has finished. Allocates nothing after a thread's first split call.
        /// </summary>
        public static bool Sums<T, TRange>(ReadOnlySpan<T> parameters, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int sampleCount,
            Span<T> gradient, int threads, bool withCost, out T cost)
            where T : unmanaged where TRange : struct, IGradientRange<T>
        {
            int ranges = RangesFor(threads, sampleCount, parameters.Length);
            if (ranges == 1) return default(TRange).Sums(parameters, x, y, sampleCount, 0, sampleCount, gradient, withCost, out cost);
            return GradientJob<T, TRange>.ForThisThread().Run(ranges, parameters, x, y, sampleCount, gradient, withCost, out cost);
        }
    }
}
