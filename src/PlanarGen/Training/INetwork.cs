using System;
using System.IO;

namespace PlanarGen
{
    /// <summary>
    /// What every generated network implements, so generic code can train any shape without boxing:
    /// write <c>void Run&lt;TNet&gt;(ref TNet net) where TNet : struct, INetwork&lt;float&gt;</c> and the JIT
    /// specialises it per network. Members are documented on the generated struct.
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    public interface INetwork<T> where T : unmanaged
    {
        /// <summary>The network's sizes, activation and precision.</summary>
        NetworkShape Shape { get; }

        /// <summary>Notebook initialisation: W1 then W2 from <paramref name="random"/> times <paramref name="scale"/>, biases zero.</summary>
        void Initialize(NumPyRandom random, double scale = 0.01);

        /// <summary>Sets every parameter to zero.</summary>
        void InitializeZeros();

        /// <summary>Copies the parameters in the notebook's order (W1, b1, W2, b2).</summary>
        void CopyParametersTo(Span<T> destination);

        /// <summary>Loads parameters in the notebook's order (W1, b1, W2, b2).</summary>
        void LoadParameters(ReadOnlySpan<T> source);

        /// <summary>A stable hash of the parameters' bits (XXH64, notebook order); see <see cref="NetworkFingerprint"/>.</summary>
        ulong Fingerprint();

        /// <summary>Writes the parameters as safetensors (the default) or PlanarGen JSON (see <see cref="NetworkWeights"/>).</summary>
        void SaveWeights(Stream destination, WeightsFormat format = WeightsFormat.Safetensors);

        /// <summary>Writes the parameters to a <c>.safetensors</c> or <c>.json</c> file, replacing it atomically.</summary>
        void SaveWeights(string path);

        /// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz stream; the network is unchanged on error.</summary>
        void LoadWeights(Stream source);

        /// <summary>Loads parameters from a safetensors, PlanarGen JSON or NumPy .npz file; the network is unchanged on error.</summary>
        void LoadWeights(string path);

        /// <summary>Loads parameters from safetensors, PlanarGen JSON or NumPy .npz bytes in memory; the network is unchanged on error.</summary>
        void LoadWeights(ReadOnlySpan<byte> content);

        /// <summary>Whether the network carries input scaling, <c>x' = (x - offset) * scale</c> per input (set by
        /// <see cref="SetInputScaling"/> or by loading a weights file that has it; docs/weights.md#input-scaling).
        /// <see cref="Predict"/> and training never apply it: call <see cref="ScaleInputs"/> or <see cref="ScaleFeatures"/> first.</summary>
        bool HasInputScaling { get; }

        /// <summary>Copies the input offsets and scales out and returns true, or returns false (writing nothing) when the network has none.</summary>
        /// <exception cref="ArgumentException">A span's length is not the input count.</exception>
        bool TryGetInputScaling(Span<T> offsets, Span<T> scales);

        /// <summary>Sets the input scaling: one finite offset and one finite, non-zero scale per input. The network is unchanged on error.</summary>
        /// <exception cref="ArgumentException">A length is not the input count, a value is not finite, or a scale is zero.</exception>
        void SetInputScaling(ReadOnlySpan<T> offsets, ReadOnlySpan<T> scales);

        /// <summary>Removes the input scaling; <see cref="ScaleInputs"/> and <see cref="ScaleFeatures"/> then copy their input unchanged.</summary>
        void ClearInputScaling();

        /// <summary>One raw sample (Inputs values) to the network's input space: <c>(raw[i] - offset[i]) * scale[i]</c> in T
        /// (two roundings), or a copy when the network has no input scaling. <paramref name="raw"/> and <paramref name="scaled"/>
        /// may be the same span. Allocation-free.</summary>
        /// <exception cref="ArgumentException">A length is not the input count.</exception>
        void ScaleInputs(ReadOnlySpan<T> raw, Span<T> scaled);

        /// <summary>A feature matrix in <see cref="DataSet{T}"/> layout (Inputs rows of <paramref name="sampleCount"/> values,
        /// feature-major) scaled per feature, or copied when the network has no input scaling. The spans may be the same.
        /// Allocation-free.</summary>
        /// <exception cref="ArgumentException">A length is not Inputs x <paramref name="sampleCount"/>.</exception>
        void ScaleFeatures(ReadOnlySpan<T> features, Span<T> scaled, int sampleCount);

        /// <summary>Predicts one sample.</summary>
        void Predict(ReadOnlySpan<T> input, Span<T> probabilities);

        /// <summary>Predicts every sample of a data set.</summary>
        void PredictBatch(DataSet<T> data, Span<T> probabilities);

        /// <summary>The cross-entropy cost over a labelled data set.</summary>
        T Cost(DataSet<T> data);

        /// <summary>Fraction of outputs predicted correctly.</summary>
        double Accuracy(DataSet<T> data);

        /// <summary>One full-batch gradient-descent step; returns the cost before the update.</summary>
        T TrainStep(DataSet<T> data, T learningRate);

        /// <summary>Many gradient-descent steps.</summary>
        TrainingResult Train(DataSet<T> data, TrainingOptions options);

        /// <summary>Many gradient-descent steps, reporting the cost to a struct observer.</summary>
        TrainingResult Train<TObserver>(DataSet<T> data, TrainingOptions options, ref TObserver observer)
            where TObserver : struct, ITrainingObserver;

        /// <summary>As many training steps as fit in <paramref name="budget"/> (at least one; at most Iterations when above 0).</summary>
        TrainingResult TrainFor(DataSet<T> data, TrainingOptions options, TimeSpan budget);

        /// <summary>As many training steps as fit in <paramref name="budget"/>, reporting the cost to a struct observer that may stop them.</summary>
        TrainingResult TrainFor<TObserver>(DataSet<T> data, TrainingOptions options, TimeSpan budget, ref TObserver observer)
            where TObserver : struct, ITrainingObserver;

        /// <summary>The optimizer and mini-batch state carried between training calls (docs/training.md).</summary>
        TrainingState TrainingState { get; }

        /// <summary>Forgets the optimizer and mini-batch state; the next training call starts them afresh.</summary>
        void ResetOptimizer();

        /// <summary>Writes a checkpoint (weights plus training state) as safetensors or JSON; LoadWeights restores both.</summary>
        void SaveCheckpoint(Stream destination, WeightsFormat format = WeightsFormat.Safetensors);

        /// <summary>Writes a checkpoint to a <c>.safetensors</c> or <c>.json</c> file, replacing it atomically.</summary>
        void SaveCheckpoint(string path);

        /// <summary>Sets the training state and the optimizer moments (2 x ParameterCount values), as loading a checkpoint does.</summary>
        void RestoreTrainingState(TrainingState state, ReadOnlySpan<T> moments);
    }
}
