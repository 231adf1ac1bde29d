using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PlanarGen
{
    /// <summary>
    /// The optimizer updates, written once for float and double as element-wise <see cref="Vector{T}"/> operations over the
    /// parameter span (the last partial vector goes through a zero-padded copy). Every operation is one IEEE multiply, add,
    /// subtract, divide or square root, never a fused multiply-add, so a lane computes exactly what scalar code would: the bits
    /// do not depend on the vector width, the CPU or the .NET version (the Deterministic networks use these kernels too).
    /// A runtime kernel rather than generated text because the update is the same few lines for every shape and the parameters
    /// are already a span (the loop form's storage, or the unrolled fields copied to the stack once per Train call).
    /// </summary>
    internal static class OptimizerKernel
    {
        /// <summary>One update rule on one vector of parameters: reads p, g and two moments, writes the new values in place.</summary>
        internal interface IRule<T> where T : unmanaged
        {
            void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> first, ref Vector<T> second);
        }

        /// <summary>P - lr * g, as the generated gradient-descent step.</summary>
        internal readonly struct GradientDescent<T> : IRule<T> where T : unmanaged
        {
            private readonly Vector<T> _rate;

            public GradientDescent(T rate) => _rate = new Vector<T>(rate);

            public void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> first, ref Vector<T> second) => p -= _rate * g;
        }

        /// <summary>PyTorch SGD with momentum (dampening 0, not Nesterov): buf = mu * buf + g (buf = g at the first step), p = p - lr * buf.</summary>
        internal readonly struct Momentum<T> : IRule<T> where T : unmanaged
        {
            private readonly Vector<T> _rate, _momentum;
            private readonly bool _first;

            public Momentum(T rate, T momentum, bool first)
            {
                _rate = new Vector<T>(rate);
                _momentum = new Vector<T>(momentum);
                _first = first;
            }

            public void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> first, ref Vector<T> second)
            {
                first = _first ? g : _momentum * first + g;
                p -= _rate * first;
            }
        }

        /// <summary>PyTorch Adam (no weight decay, no amsgrad), in its order of operations: m = b1 m + (1 - b1) g,
        /// v = b2 v + ((1 - b2) g) g, p = p - stepSize * (m / (sqrt(v) / sqrt(1 - b2^t) + eps)), stepSize = lr / (1 - b1^t).</summary>
        internal readonly struct Adam<T> : IRule<T> where T : unmanaged
        {
            private readonly Vector<T> _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _stepSize, _correction2Root, _epsilon;

            public Adam(T beta1, T oneMinusBeta1, T beta2, T oneMinusBeta2, T stepSize, T correction2Root, T epsilon)
            {
                _beta1 = new Vector<T>(beta1);
                _oneMinusBeta1 = new Vector<T>(oneMinusBeta1);
                _beta2 = new Vector<T>(beta2);
                _oneMinusBeta2 = new Vector<T>(oneMinusBeta2);
                _stepSize = new Vector<T>(stepSize);
                _correction2Root = new Vector<T>(correction2Root);
                _epsilon = new Vector<T>(epsilon);
            }

            public void Apply(ref Vector<T> p, Vector<T> g, ref Vector<T> first, ref Vector<T> second)
            {
                first = _beta1 * first + _oneMinusBeta1 * g;
                second = _beta2 * second + _oneMinusBeta2 * g * g;
                Vector<T> denominator = Vector.SquareRoot(second) / _correction2Root + _epsilon;
                p -= _stepSize * (first / denominator);
            }
        }

        /// <summary>
        /// Applies <paramref name="rule"/> to every parameter: reads <paramref name="parameters"/>, <paramref name="gradient"/> and
        /// the moments, writes the candidates to <paramref name="newParameters"/> and the new moments (all the same length).
        /// Returns whether every candidate is finite (probe: x * 0 is 0 exactly when x is finite).
        /// </summary>
        public static bool Run<T, TRule>(TRule rule, ReadOnlySpan<T> parameters, ReadOnlySpan<T> gradient, ReadOnlySpan<T> first,
            ReadOnlySpan<T> second, Span<T> newParameters, Span<T> newFirst, Span<T> newSecond)
            where T : unmanaged where TRule : struct, IRule<T>
        {
            int n = parameters.Length, width = Vector<T>.Count, whole = n / width * width;
            var probe = Vector<T>.Zero;
            ReadOnlySpan<Vector<T>> vp = MemoryMarshal.Cast<T, Vector<T>>(parameters.Slice(0, whole));
            ReadOnlySpan<Vector<T>> vg = MemoryMarshal.Cast<T, Vector<T>>(gradient.Slice(0, whole));
            ReadOnlySpan<Vector<T>> va = MemoryMarshal.Cast<T, Vector<T>>(first.Slice(0, whole));
            ReadOnlySpan<Vector<T>> vb = MemoryMarshal.Cast<T, Vector<T>>(second.Slice(0, whole));
            Span<Vector<T>> op = MemoryMarshal.Cast<T, Vector<T>>(newParameters.Slice(0, whole));
            Span<Vector<T>> oa = MemoryMarshal.Cast<T, Vector<T>>(newFirst.Slice(0, whole));
            Span<Vector<T>> ob = MemoryMarshal.Cast<T, Vector<T>>(newSecond.Slice(0, whole));
            for (int k = 0; k < vp.Length; k++)
            {
                Vector<T> p = vp[k], a = va[k], b = vb[k];
                rule.Apply(ref p, vg[k], ref a, ref b);
                op[k] = p;
                oa[k] = a;
                ob[k] = b;
                probe += p * Vector<T>.Zero + a * Vector<T>.Zero + b * Vector<T>.Zero;
            }
            if (whole < n)
            {
                // The last partial vector, zero-padded: a zero parameter, gradient and moments stay finite under every rule
                // (Adam's denominator is then eps > 0).
                Span<Vector<T>> tail = stackalloc Vector<T>[4];
                Span<T> lanes = MemoryMarshal.Cast<Vector<T>, T>(tail);
                lanes.Clear();
                int rest = n - whole;
                parameters.Slice(whole).CopyTo(lanes);
                gradient.Slice(whole).CopyTo(lanes.Slice(width));
                first.Slice(whole).CopyTo(lanes.Slice(2 * width));
                second.Slice(whole).CopyTo(lanes.Slice(3 * width));
                Vector<T> p = tail[0], a = tail[2], b = tail[3];
                rule.Apply(ref p, tail[1], ref a, ref b);
                probe += p * Vector<T>.Zero + a * Vector<T>.Zero + b * Vector<T>.Zero;
                tail[0] = p;
                tail[2] = a;
                tail[3] = b;
                lanes.Slice(0, rest).CopyTo(newParameters.Slice(whole));
                lanes.Slice(2 * width, rest).CopyTo(newFirst.Slice(whole));
                lanes.Slice(3 * width, rest).CopyTo(newSecond.Slice(whole));
            }
            return Vector.EqualsAll(probe, Vector<T>.Zero);
        }

        /// <summary><paramref name="value"/> rounded to <typeparamref name="T"/> (float or double).</summary>
        public static T Scalar<T>(double value) where T : unmanaged
        {
            if (typeof(T) == typeof(float))
            {
                float single = (float)value;
                return MemoryMarshal.Cast<float, T>(MemoryMarshal.CreateSpan(ref single, 1))[0];
            }
            return MemoryMarshal.Cast<double, T>(MemoryMarshal.CreateSpan(ref value, 1))[0];
        }
    }
}
