using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PlanarGen.Deterministic
{
    /// <summary>
    /// Forward, cost, gradient and update of a one-hidden-layer network over its parameter span (notebook order W1, b1, W2, b2),
    /// with results that do not depend on the vector width: every sum over samples goes to one of
    /// <see cref="VirtualLanes"/> virtual lanes (sample s to lane s mod 16, in increasing s), and the lanes are combined in one
    /// fixed pairwise tree. A block of 16 samples is 16/W groups of W samples (W = 1, or <see cref="Vector{T}.Count"/> when it
    /// divides 16): group g feeds lanes gW .. gW + W - 1, so lane v sees the same operations in the same order on every host.
    /// Samples after the last full block go one at a time (W = 1) to lane s mod 16.
    /// </summary>
    /// <remarks>
    /// Per-thread scratch (<see cref="DeterministicScratch{T}"/>) holds the 16 lanes of every gradient sum, so a network of any
    /// size trains without allocating after the first call on a thread.
    /// </remarks>
    internal static class DeterministicKernel
    {
        /// <summary>Virtual lanes of every reduction over samples, whatever the hardware: 16 (the widest float vector, 512 bits).</summary>
        public const int VirtualLanes = 16;

        /// <summary>Where things live in the parameter span and in the scratch.</summary>
        private readonly struct Layout
        {
            public Layout(NetworkShape shape)
            {
                Inputs = shape.Inputs;
                Hidden = shape.Hidden;
                Outputs = shape.Outputs;
                Activation = shape.HiddenActivation;
                Output = shape.OutputActivation;
                Slope = shape.LeakySlope;
                B1 = shape.B1Offset;
                W2 = shape.W2Offset;
                B2 = shape.B2Offset;
                Parameters = shape.ParameterCount;
                Sums = 0;
                CostSums = Parameters * VirtualLanes;
                InputLanes = CostSums + VirtualLanes;
                HiddenLanes = InputLanes + Inputs * VirtualLanes;
                OutputLanes = HiddenLanes + Hidden * VirtualLanes;
                Updated = OutputLanes + Outputs * VirtualLanes;
                ScratchLength = Updated + Parameters;
            }

            public int Inputs { get; }
            public int Hidden { get; }
            public int Outputs { get; }
            public Activation Activation { get; }
            public Activation Output { get; }
            public double Slope { get; }
            public int B1 { get; }
            public int W2 { get; }
            public int B2 { get; }
            public int Parameters { get; }

            // Scratch regions: 16 lanes per parameter sum, 16 cost lanes, one group's inputs, hidden activations and output
            // values (W lanes each, room for 16), then the updated parameters before they are committed.
            public int Sums { get; }
            public int CostSums { get; }
            public int InputLanes { get; }
            public int HiddenLanes { get; }
            public int OutputLanes { get; }
            public int Updated { get; }
            public int ScratchLength { get; }
        }

        /// <summary>Whether full blocks run as vectors: hardware-accelerated <see cref="Vector{T}"/> whose width divides 16.</summary>
        private static bool UsesVectors<T>() where T : unmanaged =>
            Vector.IsHardwareAccelerated && Vector<T>.Count <= VirtualLanes && VirtualLanes % Vector<T>.Count == 0;

        /// <summary>
        /// One full-batch gradient-descent step. Returns false, leaving <paramref name="parameters"/> unchanged, when the step
        /// diverged by <see cref="DivergenceRule"/> (a pre-activation beyond the bound or NaN, an updated parameter or the cost,
        /// when computed, not finite).
        /// </summary>
        public static bool TrainStep<T, TS, TV>(Span<T> parameters, NetworkShape shape, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int m,
            T learningRate, bool withCost, out T cost)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            var layout = new Layout(shape);
            Span<T> scratch = DeterministicScratch<T>.Get(layout.ScratchLength);
            bool inBound = Accumulate<T, TS, TV>(parameters, layout, x, y, m, withCost, scratch);
            var one = default(TS);

            T invM = one.Divide(one.Constant(1), one.Constant(m));
            cost = withCost ? MeanCost<T, TS>(one, scratch, layout, invM) : one.Constant(0);
            // Update P - learningRate * ((1/m) * sum), each operation rounded; probe: x * 0 is NaN exactly when x is not finite.
            T probe = one.Multiply(cost, one.Constant(0));
            Span<T> updated = scratch.Slice(layout.Updated, layout.Parameters);
            for (int k = 0; k < layout.Parameters; k++)
            {
                T gradient = one.Multiply(invM, Combine<T, TS>(one, scratch, layout.Sums + k * VirtualLanes));
                T value = one.Subtract(parameters[k], one.Multiply(learningRate, gradient));
                updated[k] = value;
                probe = one.Add(probe, one.Multiply(value, one.Constant(0)));
            }
            if (!inBound || !one.AllWithin(probe, one.Constant(0))) return false;
            updated.CopyTo(parameters);
            return true;
        }

        /// <summary>
        /// The mean gradient <c>(1/m) * sum</c> of every parameter (notebook order) into <paramref name="gradient"/>, the same
        /// values <see cref="TrainStep{T, TS, TV}"/> subtracts, and the cost when asked. Returns whether every pre-activation
        /// was within the bound (the optimizers check the rest).
        /// </summary>
        public static bool Gradient<T, TS, TV>(ReadOnlySpan<T> parameters, NetworkShape shape, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int m,
            Span<T> gradient, bool withCost, out T cost)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            var layout = new Layout(shape);
            Span<T> scratch = DeterministicScratch<T>.Get(layout.ScratchLength);
            bool inBound = Accumulate<T, TS, TV>(parameters, layout, x, y, m, withCost, scratch);
            var one = default(TS);
            T invM = one.Divide(one.Constant(1), one.Constant(m));
            cost = withCost ? MeanCost<T, TS>(one, scratch, layout, invM) : one.Constant(0);
            for (int k = 0; k < layout.Parameters; k++) gradient[k] = one.Multiply(invM, Combine<T, TS>(one, scratch, layout.Sums + k * VirtualLanes));
            return inBound;
        }

        /// <summary>Forward and backward of every sample into the virtual-lane sums of the scratch; whether every pre-activation
        /// was within the bound.</summary>
        private static bool Accumulate<T, TS, TV>(ReadOnlySpan<T> parameters, Layout layout, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int m,
            bool withCost, Span<T> scratch)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            scratch.Slice(0, layout.InputLanes).Clear();
            bool inBound = true;
            int full = UsesVectors<T>() ? m / VirtualLanes * VirtualLanes : 0;
            var v = default(TV);
            for (int s = 0; s < full; s += v.Width)
                inBound &= TrainGroup<T, Vector<T>, TV>(v, parameters, layout, x, y, m, s, s % VirtualLanes, withCost, scratch);
            var one = default(TS);
            for (int s = full; s < m; s++)
                inBound &= TrainGroup<T, T, TS>(one, parameters, layout, x, y, m, s, s % VirtualLanes, withCost, scratch);
            return inBound;
        }

        /// <summary>The mean cross-entropy, softplus(z) - y z per sample and output, summed in the 16 virtual lanes.</summary>
        public static T Cost<T, TS, TV>(ReadOnlySpan<T> parameters, NetworkShape shape, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int m)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            var layout = new Layout(shape);
            Span<T> scratch = DeterministicScratch<T>.Get(layout.ScratchLength);
            scratch.Slice(layout.CostSums, VirtualLanes).Clear();
            int full = UsesVectors<T>() ? m / VirtualLanes * VirtualLanes : 0;
            var v = default(TV);
            for (int s = 0; s < full; s += v.Width) CostGroup<T, Vector<T>, TV>(v, parameters, layout, x, y, m, s, s % VirtualLanes, scratch);
            var one = default(TS);
            for (int s = full; s < m; s++) CostGroup<T, T, TS>(one, parameters, layout, x, y, m, s, s % VirtualLanes, scratch);
            return MeanCost<T, TS>(one, scratch, layout, one.Divide(one.Constant(1), one.Constant(m)));
        }

        /// <summary>The cost from its lane sums: (1/m) * sum, and for a linear output also / Outputs (the mean squared error
        /// over every output). The one place Cost, TrainStep and Gradient take it from, so they report the same value.</summary>
        private static T MeanCost<T, TS>(TS one, Span<T> scratch, Layout layout, T invM)
            where T : unmanaged where TS : struct, ILanes<T, T>
        {
            T mean = one.Multiply(Combine<T, TS>(one, scratch, layout.CostSums), invM);
            return layout.Output == Activation.Linear ? one.Divide(mean, one.Constant(layout.Outputs)) : mean;
        }

        /// <summary>Output probabilities of every sample into <paramref name="probabilities"/> (Outputs x m, row-major).</summary>
        public static void PredictBatch<T, TS, TV>(ReadOnlySpan<T> parameters, NetworkShape shape, ReadOnlySpan<T> x, int m, Span<T> probabilities)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            var layout = new Layout(shape);
            Span<T> scratch = DeterministicScratch<T>.Get(layout.ScratchLength);
            int full = UsesVectors<T>() ? m / VirtualLanes * VirtualLanes : 0;
            var v = default(TV);
            for (int s = 0; s < full; s += v.Width) PredictGroup<T, Vector<T>, TV>(v, parameters, layout, x, m, s, scratch, probabilities);
            var one = default(TS);
            for (int s = full; s < m; s++) PredictGroup<T, T, TS>(one, parameters, layout, x, m, s, scratch, probabilities);
        }

        /// <summary>Fraction of outputs whose probability is above 0.5 exactly when the label is 1.</summary>
        public static double Accuracy<T, TS, TV>(ReadOnlySpan<T> parameters, NetworkShape shape, ReadOnlySpan<T> x, ReadOnlySpan<T> y, int m)
            where T : unmanaged where TS : struct, ILanes<T, T> where TV : struct, ILanes<T, Vector<T>>
        {
            var layout = new Layout(shape);
            Span<T> scratch = DeterministicScratch<T>.Get(layout.ScratchLength);
            int full = UsesVectors<T>() ? m / VirtualLanes * VirtualLanes : 0;
            var v = default(TV);
            var one = default(TS);
            long correct = 0;
            for (int s = 0; s < full; s += v.Width)
            {
                Forward<T, Vector<T>, TV>(v, parameters, layout, x, m, s, scratch);
                correct += CountCorrect<T, TS>(one, layout, y, m, s, v.Width, scratch);
            }
            for (int s = full; s < m; s++)
            {
                Forward<T, T, TS>(one, parameters, layout, x, m, s, scratch);
                correct += CountCorrect<T, TS>(one, layout, y, m, s, 1, scratch);
            }
            return layout.Output == Activation.Softmax ? (double)correct / m : (double)correct / ((long)layout.Outputs * m);
        }

        /// <summary>
        /// The forward pass of the <c>o.Width</c> samples from <paramref name="s"/>: the group's inputs, hidden activations and
        /// output pre-activations Z2 are left in the scratch. Returns whether every pre-activation was within the divergence bound.
        /// Sums run in a fixed order: Z = (w_0 x_0 + w_1 x_1 + ...) + b.
        /// </summary>
        private static bool Forward<T, TLane, TOps>(TOps o, ReadOnlySpan<T> p, in Layout layout, ReadOnlySpan<T> x, int m, int s, Span<T> scratch)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            int width = o.Width;
            TLane bound = o.Constant(DivergenceRule.PreActivationBound);
            bool inBound = true;
            Span<T> inputs = scratch.Slice(layout.InputLanes, layout.Inputs * VirtualLanes);
            Span<T> hidden = scratch.Slice(layout.HiddenLanes, layout.Hidden * VirtualLanes);
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            for (int i = 0; i < layout.Inputs; i++) o.Store(inputs, i * width, o.Load(x, i * m + s));
            for (int h = 0; h < layout.Hidden; h++)
            {
                int row = h * layout.Inputs;
                TLane z = o.Multiply(o.Broadcast(p[row]), o.Load(inputs, 0));
                for (int i = 1; i < layout.Inputs; i++) z = o.Add(z, o.Multiply(o.Broadcast(p[row + i]), o.Load(inputs, i * width)));
                z = o.Add(z, o.Broadcast(p[layout.B1 + h]));
                inBound &= o.AllWithin(z, bound);
                o.Store(hidden, h * width, Activate<T, TLane, TOps>(o, layout, z));
            }
            for (int k = 0; k < layout.Outputs; k++)
            {
                int row = layout.W2 + k * layout.Hidden;
                TLane z = o.Multiply(o.Broadcast(p[row]), o.Load(hidden, 0));
                for (int h = 1; h < layout.Hidden; h++) z = o.Add(z, o.Multiply(o.Broadcast(p[row + h]), o.Load(hidden, h * width)));
                z = o.Add(z, o.Broadcast(p[layout.B2 + k]));
                inBound &= o.AllWithin(z, bound);
                o.Store(outputs, k * width, z);
            }
            return inBound;
        }

        /// <summary>Forward and backward of one group, adding its gradient (and cost) terms to lanes <paramref name="lane"/> ..
        /// <paramref name="lane"/> + o.Width - 1 of the sums.</summary>
        private static bool TrainGroup<T, TLane, TOps>(TOps o, ReadOnlySpan<T> p, in Layout layout, ReadOnlySpan<T> x, ReadOnlySpan<T> y,
            int m, int s, int lane, bool withCost, Span<T> scratch)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            bool inBound = Forward<T, TLane, TOps>(o, p, layout, x, m, s, scratch);
            int width = o.Width;
            Span<T> inputs = scratch.Slice(layout.InputLanes, layout.Inputs * VirtualLanes);
            Span<T> hidden = scratch.Slice(layout.HiddenLanes, layout.Hidden * VirtualLanes);
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            if (layout.Output != Activation.Sigmoid) OtherOutputDeltas<T, TLane, TOps>(o, layout, y, m, s, lane, withCost, scratch);
            // Output layer: sigmoid with cross-entropy gives dZ2 = A2 - Y (written over Z2); the cost term is softplus(z) - y z.
            // Softmax and linear outputs have their dZ2 there already.
            for (int k = 0; k < layout.Outputs; k++)
            {
                TLane dz;
                if (layout.Output == Activation.Sigmoid)
                {
                    TLane z = o.Load(outputs, k * width);
                    TLane label = o.Load(y, k * m + s);
                    if (withCost)
                    {
                        TLane term = o.Subtract(DeterministicFunctions.Softplus<T, TLane, TOps>(o, z), o.Multiply(label, z));
                        Accumulate<T, TLane, TOps>(o, scratch, layout.CostSums + lane, term);
                    }
                    dz = o.Subtract(DeterministicFunctions.Sigmoid<T, TLane, TOps>(o, z), label);
                    o.Store(outputs, k * width, dz);
                }
                else dz = o.Load(outputs, k * width);
                Accumulate<T, TLane, TOps>(o, scratch, Sum(layout.B2 + k, lane), dz);
                int row = layout.W2 + k * layout.Hidden;
                for (int h = 0; h < layout.Hidden; h++)
                    Accumulate<T, TLane, TOps>(o, scratch, Sum(row + h, lane), o.Multiply(dz, o.Load(hidden, h * width)));
            }
            // Hidden layer: dZ1 = (W2^T dZ2) g'(Z1), the sum over outputs in increasing order; g' from the activation itself.
            for (int h = 0; h < layout.Hidden; h++)
            {
                TLane d = o.Multiply(o.Broadcast(p[layout.W2 + h]), o.Load(outputs, 0));
                for (int k = 1; k < layout.Outputs; k++)
                    d = o.Add(d, o.Multiply(o.Broadcast(p[layout.W2 + k * layout.Hidden + h]), o.Load(outputs, k * width)));
                TLane dz = o.Multiply(d, Derivative<T, TLane, TOps>(o, layout, o.Load(hidden, h * width)));
                Accumulate<T, TLane, TOps>(o, scratch, Sum(layout.B1 + h, lane), dz);
                int row = h * layout.Inputs;
                for (int i = 0; i < layout.Inputs; i++)
                    Accumulate<T, TLane, TOps>(o, scratch, Sum(row + i, lane), o.Multiply(dz, o.Load(inputs, i * width)));
            }
            return inBound;
        }

        private static void CostGroup<T, TLane, TOps>(TOps o, ReadOnlySpan<T> p, in Layout layout, ReadOnlySpan<T> x, ReadOnlySpan<T> y,
            int m, int s, int lane, Span<T> scratch)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            Forward<T, TLane, TOps>(o, p, layout, x, m, s, scratch);
            if (layout.Output != Activation.Sigmoid)
            {
                OtherOutputDeltas<T, TLane, TOps>(o, layout, y, m, s, lane, withCost: true, scratch);
                return;
            }
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            for (int k = 0; k < layout.Outputs; k++)
            {
                TLane z = o.Load(outputs, k * o.Width);
                TLane term = o.Subtract(DeterministicFunctions.Softplus<T, TLane, TOps>(o, z), o.Multiply(o.Load(y, k * m + s), z));
                Accumulate<T, TLane, TOps>(o, scratch, layout.CostSums + lane, term);
            }
        }

        private static void PredictGroup<T, TLane, TOps>(TOps o, ReadOnlySpan<T> p, in Layout layout, ReadOnlySpan<T> x, int m, int s,
            Span<T> scratch, Span<T> probabilities)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            Forward<T, TLane, TOps>(o, p, layout, x, m, s, scratch);
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            if (layout.Output == Activation.Softmax) Softmax<T, TLane, TOps>(o, layout, outputs);
            for (int k = 0; k < layout.Outputs; k++)
            {
                TLane z = o.Load(outputs, k * o.Width);
                o.Store(probabilities, k * m + s, layout.Output == Activation.Sigmoid ? DeterministicFunctions.Sigmoid<T, TLane, TOps>(o, z) : z);
            }
        }

        /// <summary>Correct outputs among the <paramref name="width"/> samples whose Z2 the forward pass left in the scratch; the
        /// sigmoid of each lane is the scalar one, equal bit for bit to the vector one.</summary>
        private static long CountCorrect<T, TS>(TS one, in Layout layout, ReadOnlySpan<T> y, int m, int s, int width, Span<T> scratch)
            where T : unmanaged where TS : struct, ILanes<T, T>
        {
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            if (layout.Output == Activation.Softmax) return CountCorrectClasses<T, TS>(one, layout, y, m, s, width, outputs);
            T half = one.Constant(0.5);
            long correct = 0;
            for (int k = 0; k < layout.Outputs; k++)
                for (int j = 0; j < width; j++)
                {
                    T probability = DeterministicFunctions.Sigmoid<T, T, TS>(one, outputs[k * width + j]);
                    bool predicted = one.AllGreater(probability, half);
                    bool actual = one.AllGreater(y[k * m + s + j], half); // labels are 0 or 1
                    if (predicted == actual) correct++;
                }
            return correct;
        }

        /// <summary>Softmax and linear outputs of one group: Z2 in the scratch becomes dZ2 (softmax A2 - Y; linear
        /// 2 (A2 - Y) / Outputs), and with <paramref name="withCost"/> the cost term is added to lane <paramref name="lane"/>
        /// (softmax log(esum) - sum y (z - zmax); linear sum (z - y)^2), outputs in increasing order.</summary>
        private static void OtherOutputDeltas<T, TLane, TOps>(TOps o, in Layout layout, ReadOnlySpan<T> y, int m, int s, int lane,
            bool withCost, Span<T> scratch)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            int width = o.Width;
            Span<T> outputs = scratch.Slice(layout.OutputLanes, layout.Outputs * VirtualLanes);
            if (layout.Output == Activation.Linear)
            {
                TLane scale = o.Constant(2.0 / layout.Outputs);
                for (int k = 0; k < layout.Outputs; k++)
                {
                    TLane d = o.Subtract(o.Load(outputs, k * width), o.Load(y, k * m + s));
                    if (withCost) Accumulate<T, TLane, TOps>(o, scratch, layout.CostSums + lane, o.Multiply(d, d));
                    o.Store(outputs, k * width, o.Multiply(d, scale));
                }
                return;
            }
            TLane zmax = Max<T, TLane, TOps>(o, layout, outputs);
            if (withCost)
            {
                TLane dot = o.Multiply(o.Load(y, s), o.Subtract(o.Load(outputs, 0), zmax));
                for (int k = 1; k < layout.Outputs; k++)
                    dot = o.Add(dot, o.Multiply(o.Load(y, k * m + s), o.Subtract(o.Load(outputs, k * width), zmax)));
                TLane esum = ExpSum<T, TLane, TOps>(o, layout, outputs, zmax);
                Accumulate<T, TLane, TOps>(o, scratch, layout.CostSums + lane, o.Subtract(LogOfSum<T, TLane, TOps>(o, esum), dot));
            }
            Softmax<T, TLane, TOps>(o, layout, outputs);
            for (int k = 0; k < layout.Outputs; k++)
                o.Store(outputs, k * width, o.Subtract(o.Load(outputs, k * width), o.Load(y, k * m + s)));
        }

        /// <summary>The largest Z2 of each lane, outputs in increasing order (a selection, never a max instruction).</summary>
        private static TLane Max<T, TLane, TOps>(TOps o, in Layout layout, Span<T> outputs)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane max = o.Load(outputs, 0);
            for (int k = 1; k < layout.Outputs; k++)
            {
                TLane z = o.Load(outputs, k * o.Width);
                max = o.SelectGreater(z, max, z, max);
            }
            return max;
        }

        /// <summary>sum e^(z - zmax), outputs in increasing order; at least 1 (the largest term is e^0) and at most Outputs.</summary>
        private static TLane ExpSum<T, TLane, TOps>(TOps o, in Layout layout, Span<T> outputs, TLane zmax)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane sum = DeterministicFunctions.Exp<T, TLane, TOps>(o, o.Subtract(o.Load(outputs, 0), zmax));
            for (int k = 1; k < layout.Outputs; k++)
                sum = o.Add(sum, DeterministicFunctions.Exp<T, TLane, TOps>(o, o.Subtract(o.Load(outputs, k * o.Width), zmax)));
            return sum;
        }

        /// <summary>Z2 in the scratch becomes softmax(Z2): e^(z - zmax) / sum, each operation rounded.</summary>
        private static void Softmax<T, TLane, TOps>(TOps o, in Layout layout, Span<T> outputs)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            int width = o.Width;
            TLane zmax = Max<T, TLane, TOps>(o, layout, outputs);
            TLane sum = default;
            for (int k = 0; k < layout.Outputs; k++)
            {
                TLane e = DeterministicFunctions.Exp<T, TLane, TOps>(o, o.Subtract(o.Load(outputs, k * width), zmax));
                o.Store(outputs, k * width, e);
                sum = k == 0 ? e : o.Add(sum, e);
            }
            for (int k = 0; k < layout.Outputs; k++) o.Store(outputs, k * width, o.Divide(o.Load(outputs, k * width), sum));
        }

        /// <summary>log(sum) for a softmax sum in [1, 64] (at most 64 outputs): halved while at least 2 (exact), counting the
        /// halvings j, then j ln 2 + log(1 + (sum - 1)) with the deterministic log(1 + u) on u in [0, 1).</summary>
        private static TLane LogOfSum<T, TLane, TOps>(TOps o, TLane sum)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane two = o.Constant(2), half = o.Constant(0.5), one = o.Constant(1);
            TLane halvings = o.Constant(0);
            for (int j = 0; j < 7; j++)
            {
                halvings = o.SelectLess(sum, two, halvings, o.Add(halvings, one));
                sum = o.SelectLess(sum, two, sum, o.Multiply(sum, half));
            }
            TLane log = DeterministicFunctions.LogOnePlus<T, TLane, TOps>(o, o.Subtract(sum, one));
            return o.Add(o.Multiply(halvings, o.Constant(0.69314718055994530942)), log);
        }

        /// <summary>Correct samples of a softmax network among the <paramref name="width"/> whose probabilities are in
        /// <paramref name="outputs"/>: the first class with the largest probability is the label's one-hot class.</summary>
        private static long CountCorrectClasses<T, TS>(TS one, in Layout layout, ReadOnlySpan<T> y, int m, int s, int width, Span<T> outputs)
            where T : unmanaged where TS : struct, ILanes<T, T>
        {
            long correct = 0;
            for (int j = 0; j < width; j++)
            {
                // Sample j's probabilities as PredictBatch computes them (the scalar lane equals the vector lane), in two passes.
                T zmax = outputs[j];
                for (int k = 1; k < layout.Outputs; k++)
                {
                    T z = outputs[k * width + j];
                    zmax = one.SelectGreater(z, zmax, z, zmax);
                }
                T sum = DeterministicFunctions.Exp<T, T, TS>(one, one.Subtract(outputs[j], zmax));
                for (int k = 1; k < layout.Outputs; k++)
                    sum = one.Add(sum, DeterministicFunctions.Exp<T, T, TS>(one, one.Subtract(outputs[k * width + j], zmax)));
                int predicted = 0, labelled = 0;
                T best = one.Divide(DeterministicFunctions.Exp<T, T, TS>(one, one.Subtract(outputs[j], zmax)), sum);
                for (int k = 1; k < layout.Outputs; k++)
                {
                    T a = one.Divide(DeterministicFunctions.Exp<T, T, TS>(one, one.Subtract(outputs[k * width + j], zmax)), sum);
                    if (one.AllGreater(a, best))
                    {
                        best = a;
                        predicted = k;
                    }
                }
                for (int k = 0; k < layout.Outputs; k++)
                    if (one.AllGreater(y[k * m + s + j], one.Constant(0.5))) labelled = k;
                if (predicted == labelled) correct++;
            }
            return correct;
        }

        /// <summary>Index of virtual lane <paramref name="lane"/> of parameter <paramref name="parameter"/>'s sum.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Sum(int parameter, int lane) => parameter * VirtualLanes + lane;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Accumulate<T, TLane, TOps>(TOps o, Span<T> scratch, int index, TLane value)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane> =>
            o.Store(scratch, index, o.Add(o.Load(scratch, index), value));

        /// <summary>The 16 lanes from <paramref name="start"/> combined pairwise: ((l0 + l1) + (l2 + l3)) + ... in a fixed tree.</summary>
        private static T Combine<T, TS>(TS one, ReadOnlySpan<T> scratch, int start) where T : unmanaged where TS : struct, ILanes<T, T>
        {
            ReadOnlySpan<T> l = scratch.Slice(start, VirtualLanes);
            T a = one.Add(one.Add(one.Add(l[0], l[1]), one.Add(l[2], l[3])), one.Add(one.Add(l[4], l[5]), one.Add(l[6], l[7])));
            T b = one.Add(one.Add(one.Add(l[8], l[9]), one.Add(l[10], l[11])), one.Add(one.Add(l[12], l[13]), one.Add(l[14], l[15])));
            return one.Add(a, b);
        }

        /// <summary>The hidden activation: tanh and sigmoid by <see cref="DeterministicFunctions"/>; ReLU z &gt; 0 ? z : +0 and leaky
        /// ReLU z &gt; 0 ? z : slope z written as selections (defined for -0 and NaN, unlike a max instruction).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TLane Activate<T, TLane, TOps>(TOps o, in Layout layout, TLane z)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane zero = o.Constant(0);
            switch (layout.Activation)
            {
                case Activation.Tanh: return DeterministicFunctions.Tanh<T, TLane, TOps>(o, z);
                case Activation.Sigmoid: return DeterministicFunctions.Sigmoid<T, TLane, TOps>(o, z);
                case Activation.ReLU: return o.SelectGreater(z, zero, z, zero);
                default: return o.SelectGreater(z, zero, z, o.Multiply(o.Constant(layout.Slope), z));
            }
        }

        /// <summary>g'(Z1) from A1 = g(Z1): 1 - a^2 (tanh), a (1 - a) (sigmoid), a &gt; 0 ? 1 : 0 (ReLU), a &gt; 0 ? 1 : slope (leaky).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TLane Derivative<T, TLane, TOps>(TOps o, in Layout layout, TLane a)
            where T : unmanaged where TLane : struct where TOps : struct, ILanes<T, TLane>
        {
            TLane one = o.Constant(1), zero = o.Constant(0);
            switch (layout.Activation)
            {
                case Activation.Tanh: return o.Subtract(one, o.Multiply(a, a));
                case Activation.Sigmoid: return o.Multiply(a, o.Subtract(one, a));
                case Activation.ReLU: return o.SelectGreater(a, zero, one, zero);
                default: return o.SelectGreater(a, zero, one, o.Constant(layout.Slope));
            }
        }
    }
}
