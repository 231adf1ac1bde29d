using System;
using PlanarGen.Deterministic;

namespace PlanarGen
{
    /// <summary>
    /// The training and prediction kernels of networks declared with <c>[Network(Deterministic = true)]</c>: the generated
    /// members call these over the network's parameters (notebook order W1, b1, W2, b2). The results are the same bits on
    /// every host: x64 with any vector width or none, Arm64, Native AOT, and the netstandard2.1 build (Unity). See
    /// docs/determinism.md for the rules that make it so. Each method allocates nothing after a thread's first call.
    /// </summary>
    public static class DeterministicNetwork
    {
        /// <summary>One full-batch gradient-descent step over <paramref name="parameters"/>. Returns false, leaving them
        /// unchanged, when the step diverged by <see cref="DivergenceRule"/>; <paramref name="cost"/> is the cost before the
        /// update when <paramref name="withCost"/>, else 0.</summary>
        public static bool TrainStep(Span<float> parameters, NetworkShape shape, DataSet<float> data, float learningRate, bool withCost, out float cost)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            return DeterministicKernel.TrainStep<float, SingleLane, SingleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount, learningRate, withCost, out cost);
        }

        /// <inheritdoc cref="TrainStep(Span{float}, NetworkShape, DataSet{float}, float, bool, out float)"/>
        public static bool TrainStep(Span<double> parameters, NetworkShape shape, DataSet<double> data, double learningRate, bool withCost, out double cost)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            return DeterministicKernel.TrainStep<double, DoubleLane, DoubleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount, learningRate, withCost, out cost);
        }

        /// <summary>The mean gradient (notebook order) into <paramref name="gradient"/> and, when asked, the cost; whether every
        /// pre-activation was within <see cref="DivergenceRule"/>'s bound. The optimizers' step (docs/training.md).</summary>
        public static bool Gradient(ReadOnlySpan<float> parameters, NetworkShape shape, DataSet<float> data, Span<float> gradient, bool withCost, out float cost)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            NetworkValidation.RequireLength(gradient.Length, parameters.Length, nameof(gradient), "one value per parameter");
            return DeterministicKernel.Gradient<float, SingleLane, SingleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount, gradient, withCost, out cost);
        }

        /// <inheritdoc cref="Gradient(ReadOnlySpan{float}, NetworkShape, DataSet{float}, Span{float}, bool, out float)"/>
        public static bool Gradient(ReadOnlySpan<double> parameters, NetworkShape shape, DataSet<double> data, Span<double> gradient, bool withCost, out double cost)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            NetworkValidation.RequireLength(gradient.Length, parameters.Length, nameof(gradient), "one value per parameter");
            return DeterministicKernel.Gradient<double, DoubleLane, DoubleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount, gradient, withCost, out cost);
        }

        /// <summary>The mean cross-entropy cost over a labelled data set.</summary>
        public static float Cost(ReadOnlySpan<float> parameters, NetworkShape shape, DataSet<float> data)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            return DeterministicKernel.Cost<float, SingleLane, SingleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount);
        }

        /// <inheritdoc cref="Cost(ReadOnlySpan{float}, NetworkShape, DataSet{float})"/>
        public static double Cost(ReadOnlySpan<double> parameters, NetworkShape shape, DataSet<double> data)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            return DeterministicKernel.Cost<double, DoubleLane, DoubleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount);
        }

        /// <summary>Fraction of outputs predicted correctly (sigmoid: probability above 0.5 exactly when the label is 1), or of
        /// samples whose largest probability is the label's class (softmax).</summary>
        /// <exception cref="InvalidOperationException">The shape has a linear output, for which accuracy is not defined.</exception>
        public static double Accuracy(ReadOnlySpan<float> parameters, NetworkShape shape, DataSet<float> data)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            if (shape.OutputActivation == Activation.Linear) throw NetworkValidation.AccuracyUndefined(shape.ToString());
            return DeterministicKernel.Accuracy<float, SingleLane, SingleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount);
        }

        /// <inheritdoc cref="Accuracy(ReadOnlySpan{float}, NetworkShape, DataSet{float})"/>
        public static double Accuracy(ReadOnlySpan<double> parameters, NetworkShape shape, DataSet<double> data)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: true);
            if (shape.OutputActivation == Activation.Linear) throw NetworkValidation.AccuracyUndefined(shape.ToString());
            return DeterministicKernel.Accuracy<double, DoubleLane, DoubleVectorLanes>(parameters, shape, data.X, data.Y, data.SampleCount);
        }

        /// <summary>Output probabilities of every sample (Outputs x SampleCount, row-major).</summary>
        public static void PredictBatch(ReadOnlySpan<float> parameters, NetworkShape shape, DataSet<float> data, Span<float> probabilities)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: false);
            NetworkValidation.RequireLength(probabilities.Length, (long)shape.Outputs * data.SampleCount, nameof(probabilities), "Outputs x SampleCount values");
            DeterministicKernel.PredictBatch<float, SingleLane, SingleVectorLanes>(parameters, shape, data.X, data.SampleCount, probabilities);
        }

        /// <inheritdoc cref="PredictBatch(ReadOnlySpan{float}, NetworkShape, DataSet{float}, Span{float})"/>
        public static void PredictBatch(ReadOnlySpan<double> parameters, NetworkShape shape, DataSet<double> data, Span<double> probabilities)
        {
            Require(parameters.Length, shape, data.FeatureCount, data.OutputCount, labels: false);
            NetworkValidation.RequireLength(probabilities.Length, (long)shape.Outputs * data.SampleCount, nameof(probabilities), "Outputs x SampleCount values");
            DeterministicKernel.PredictBatch<double, DoubleLane, DoubleVectorLanes>(parameters, shape, data.X, data.SampleCount, probabilities);
        }

        /// <summary>Output probabilities of one sample; the same bits as that sample's column of <c>PredictBatch</c>.</summary>
        public static void Predict(ReadOnlySpan<float> parameters, NetworkShape shape, ReadOnlySpan<float> input, Span<float> probabilities)
        {
            Require(parameters.Length, shape, input.Length, 0, labels: false);
            NetworkValidation.RequireLength(probabilities.Length, shape.Outputs, nameof(probabilities), "one value per output");
            DeterministicKernel.PredictBatch<float, SingleLane, SingleVectorLanes>(parameters, shape, input, 1, probabilities);
        }

        /// <inheritdoc cref="Predict(ReadOnlySpan{float}, NetworkShape, ReadOnlySpan{float}, Span{float})"/>
        public static void Predict(ReadOnlySpan<double> parameters, NetworkShape shape, ReadOnlySpan<double> input, Span<double> probabilities)
        {
            Require(parameters.Length, shape, input.Length, 0, labels: false);
            NetworkValidation.RequireLength(probabilities.Length, shape.Outputs, nameof(probabilities), "one value per output");
            DeterministicKernel.PredictBatch<double, DoubleLane, DoubleVectorLanes>(parameters, shape, input, 1, probabilities);
        }

        /// <summary>The parameter count and the data's rows must match the shape (the generated callers check the data first,
        /// with their own messages; this guards direct callers).</summary>
        private static void Require(int parameterCount, NetworkShape shape, int features, int outputs, bool labels)
        {
            if (shape.Inputs < 1 || shape.Hidden < 1 || shape.Outputs < 1)
                throw new ArgumentException($"Expected a shape with at least one input, hidden unit and output; got {shape}.", nameof(shape));
            if (shape.OutputActivation != Activation.Sigmoid && shape.OutputActivation != Activation.Linear
                && !(shape.OutputActivation == Activation.Softmax && shape.Outputs >= 2 && shape.Outputs <= NetworkLimits.MaxOutputs))
                throw new ArgumentException($"Expected a Sigmoid, Linear or Softmax (2 to {NetworkLimits.MaxOutputs} outputs) output activation; got {shape}.", nameof(shape));
            NetworkValidation.RequireLength(parameterCount, shape.ParameterCount, "parameters", "the parameters W1, b1, W2, b2 of the shape");
            if (features != shape.Inputs)
                throw new ArgumentException($"Expected {shape.Inputs} input features; got {features}.", "data");
            if (labels && outputs != shape.Outputs)
                throw new ArgumentException($"Expected {shape.Outputs} label rows; got {outputs}.", "data");
        }
    }
}
