using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PlanarGen
{
    /// <summary>Argument checks shared by the generated networks, so each message is written once.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class NetworkValidation
    {
        /// <summary>Throws unless <paramref name="learningRate"/> is finite and positive.</summary>
        public static void RequireLearningRate(double learningRate)
        {
            if (!(learningRate > 0.0) || double.IsInfinity(learningRate))
                throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                    $"Expected a finite, positive learning rate, but got {learningRate.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        /// <summary>Throws unless <paramref name="requested"/>, rounded to <see cref="float"/> as
        /// <paramref name="converted"/>, is still finite and positive (1e39 overflows float, 1e-50 rounds to 0).</summary>
        public static void RequireLearningRate(double requested, float converted)
        {
            RequireLearningRate(requested);
            if (!(converted > 0f) || float.IsInfinity(converted))
                throw new ArgumentOutOfRangeException("learningRate", requested,
                    $"Expected a learning rate that is finite and positive as a float (about 1.2E-38 to 3.4E+38), but got {requested.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
        /// <remarks>Inlined, with the throw in a separate method: the check costs a compare in one-sample Predict, and the JIT then
        /// knows the span's length and drops its bounds checks.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void RequireLength(int actual, int expected, string argument, string what)
        {
            if (actual != expected) ThrowLength(actual, expected, argument, what);
        }

        /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>, a size computed as a product in
        /// <see cref="long"/> (such as OutputCount x SampleCount) so that it cannot overflow.</summary>
        public static void RequireLength(int actual, long expected, string argument, string what)
        {
            if (actual != expected) ThrowLength(actual, expected, argument, what);
        }

        // Throw helpers are left to the JIT, which does not inline a method that always throws and treats the call as
        // one that never returns: the caller's hot path then keeps no registers alive across it.
        private static void ThrowLength(int actual, long expected, string argument, string what) =>
            throw new ArgumentException($"Expected {argument} to hold {expected} values ({what}), but it has {actual}.", argument);

        /// <summary>Throws unless the data set has the network's feature and output counts.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void RequireShape(int features, int outputs, int expectedFeatures, int expectedOutputs, bool needsLabels, string network)
        {
            if (features == expectedFeatures && (outputs == expectedOutputs || (outputs == 0 && !needsLabels))) return;
            ThrowShape(features, outputs, expectedFeatures, expectedOutputs, needsLabels, network);
        }

        private static void ThrowShape(int features, int outputs, int expectedFeatures, int expectedOutputs, bool needsLabels, string network)
        {
            if (features != expectedFeatures)
                throw new ArgumentException(
                    $"Expected a data set with {expectedFeatures} features for {network}, but it has {features}.", "data");
            if (needsLabels && outputs == 0)
                throw new ArgumentException(
                    $"Expected a labelled data set with {expectedOutputs} label rows for {network}, but it has no labels.", "data");
            if (outputs != 0 && outputs != expectedOutputs)
                throw new ArgumentException(
                    $"Expected a data set with {expectedOutputs} label rows for {network}, but it has {outputs}.", "data");
        }

        /// <summary>The exception of Accuracy on a network with a linear output, which predicts values, not classes.</summary>
        public static InvalidOperationException AccuracyUndefined(string network) =>
            new InvalidOperationException(
                $"Accuracy is not defined for {network}: a linear output predicts values, not classes. Use Cost (the mean squared error) instead.");

        /// <summary>Throws for a sigmoid network's data set whose labels are not all 0 or 1 (<see cref="DataSet{T}.LabelsAreBinary"/>
        /// is false): the message names the first such label.</summary>
        public static void ThrowLabelsNotBinary<T>(ReadOnlySpan<T> y, int sampleCount, string network) where T : unmanaged
        {
            int bad = DataSetValidation.FirstNonBinary(y);
            if (bad < 0) throw new ArgumentException($"Expected a label that is not 0 or 1 in data.Y for {network}, but found none.", "data");
            throw new ArgumentException(
                $"Expected labels 0 or 1 in data.Y for {network} (a sigmoid output), but Y[{bad / sampleCount}, {bad % sampleCount}] (row {bad / sampleCount}, sample {bad % sampleCount}) is {DataSetValidation.Format(y, bad)}.",
                "data");
        }

        /// <summary>Throws for a softmax network's data set whose label columns are not all one-hot
        /// (<see cref="DataSet{T}.LabelsAreOneHot"/> is false): the message names the first such sample and its labels.</summary>
        public static void ThrowLabelsNotOneHot<T>(ReadOnlySpan<T> y, int sampleCount, string network) where T : unmanaged
        {
            int sample = -1;
            int rows = y.Length / sampleCount;
            for (int s = 0; s < sampleCount && sample < 0; s++)
            {
                int ones = 0;
                bool binary = true;
                for (int r = 0; r < rows; r++)
                {
                    string text = DataSetValidation.Format(y, r * sampleCount + s);
                    if (text == "1") ones++;
                    else if (text != "0" && text != "-0") binary = false;
                }
                if (!binary || ones != 1) sample = s;
            }
            if (sample < 0) throw new ArgumentException($"Expected a label column that is not one-hot in data.Y for {network}, but found none.", "data");
            var labels = new string[rows];
            for (int r = 0; r < rows; r++) labels[r] = DataSetValidation.Format(y, r * sampleCount + sample);
            throw new ArgumentException(
                $"Expected one-hot label columns in data.Y for {network} (a softmax output: one 1 and otherwise 0 per sample), but sample {sample} has the labels [{string.Join(", ", labels)}].",
                "data");
        }

        /// <summary>Throws for the first value of <paramref name="values"/> that is not finite (as <see cref="RequireFinite"/>
        /// would); the generated one-sample Predict calls it after one combined check of every input.</summary>
        public static void ThrowNotFinite(ReadOnlySpan<float> values, string argument)
        {
            for (int k = 0; k < values.Length; k++) RequireFinite(values[k], argument, k);
            throw new ArgumentException($"Expected a value in {argument} that is not finite, but found none.", argument);
        }

        /// <summary>Throws for the first value of <paramref name="values"/> that is not finite (as <see cref="RequireFinite"/>
        /// would); the generated one-sample Predict calls it after one combined check of every input.</summary>
        public static void ThrowNotFinite(ReadOnlySpan<double> values, string argument)
        {
            for (int k = 0; k < values.Length; k++) RequireFinite(values[k], argument, k);
            throw new ArgumentException($"Expected a value in {argument} that is not finite, but found none.", argument);
        }

        /// <summary>Throws unless <paramref name="value"/> is finite.</summary>
        public static void RequireFinite(double value, string argument, int index)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
                throw new ArgumentException(
                    $"Expected finite values in {argument}, but {argument}[{index}] is {value.ToString("R", CultureInfo.InvariantCulture)}.", argument);
        }

        /// <summary>The exception for a step that diverged by <see cref="DivergenceRule"/>.</summary>
        public static TrainingDivergedException Diverged(string network, double cost) =>
            new TrainingDivergedException(double.IsNaN(cost) || double.IsInfinity(cost)
                ? $"Training {network} diverged: the cost is {cost.ToString("R", CultureInfo.InvariantCulture)}; the parameters were left as they were before this step. Try a smaller learning rate."
                : $"Training {network} diverged: a pre-activation is beyond {DivergenceRule.PreActivationBound.ToString("R", CultureInfo.InvariantCulture)} in magnitude or not finite, or a gradient or updated parameter is not finite (cost before the step {cost.ToString("R", CultureInfo.InvariantCulture)}); the parameters were left as they were before this step. Try a smaller learning rate.");

        /// <summary>Throws unless <paramref name="scale"/> (Initialize's factor on each normal draw) is finite and positive.</summary>
        public static void RequireScale(double scale)
        {
            if (!(scale > 0.0) || double.IsInfinity(scale))
                throw new ArgumentOutOfRangeException(nameof(scale), scale,
                    $"Expected a finite, positive scale, but got {scale.ToString("R", CultureInfo.InvariantCulture)}.");
        }

        /// <summary>Throws unless every parameter Initialize drew (scale x a normal draw, rounded to float) is finite, so that
        /// the network is only changed when all of them are.</summary>
        public static void RequireFiniteDraws(ReadOnlySpan<float> parameters, double scale)
        {
            for (int k = 0; k < parameters.Length; k++)
                if (float.IsNaN(parameters[k]) || float.IsInfinity(parameters[k])) ThrowDraw(k, parameters[k], scale, "float");
        }

        /// <summary>Throws unless every parameter Initialize drew (scale x a normal draw) is finite, so that the network is only
        /// changed when all of them are.</summary>
        public static void RequireFiniteDraws(ReadOnlySpan<double> parameters, double scale)
        {
            for (int k = 0; k < parameters.Length; k++)
                if (double.IsNaN(parameters[k]) || double.IsInfinity(parameters[k])) ThrowDraw(k, parameters[k], scale, "double");
        }

        private static void ThrowDraw(int index, double value, double scale, string type) =>
            throw new ArgumentOutOfRangeException(nameof(scale), scale,
                $"Expected a scale that keeps every parameter finite as a {type}, but scale {scale.ToString("R", CultureInfo.InvariantCulture)} makes parameter {index} {value.ToString("R", CultureInfo.InvariantCulture)}; the network was left unchanged.");

        /// <summary>Throws if <paramref name="output"/> partly overlaps <paramref name="input"/> (the very same span is allowed):
        /// a kernel that writes outputs while it still reads inputs would read values it has already overwritten.</summary>
        public static void RequireSeparate(ReadOnlySpan<float> input, ReadOnlySpan<float> output, string inputName, string outputName)
        {
            if (input.Overlaps(output, out int offset) && !(offset == 0 && input.Length == output.Length))
                ThrowOverlap(offset, inputName, outputName);
        }

        /// <summary>Throws if <paramref name="output"/> partly overlaps <paramref name="input"/> (the very same span is allowed):
        /// a kernel that writes outputs while it still reads inputs would read values it has already overwritten.</summary>
        public static void RequireSeparate(ReadOnlySpan<double> input, ReadOnlySpan<double> output, string inputName, string outputName)
        {
            if (input.Overlaps(output, out int offset) && !(offset == 0 && input.Length == output.Length))
                ThrowOverlap(offset, inputName, outputName);
        }

        /// <summary>Throws if <paramref name="output"/> overlaps <paramref name="input"/> at all, for a method that clears its
        /// output before it reads its input.</summary>
        internal static void RequireDisjoint(ReadOnlySpan<double> input, ReadOnlySpan<double> output, string inputName, string outputName)
        {
            if (input.Overlaps(output, out int offset))
                throw new ArgumentException(
                    $"Expected {outputName} not to overlap {inputName}, but it starts {Math.Abs(offset)} values {(offset >= 0 ? "into it" : "before it")}.", outputName);
        }

        private static void ThrowOverlap(int offset, string inputName, string outputName) =>
            throw new ArgumentException(
                $"Expected {outputName} not to overlap {inputName} (or to be exactly the same memory), but it starts {Math.Abs(offset)} values " +
                (offset >= 0 ? "into it" : "before it") + " and overlaps it partly.", outputName);
    }
}
