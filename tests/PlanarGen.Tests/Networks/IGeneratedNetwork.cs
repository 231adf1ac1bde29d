using System;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// The public surface the generator emits for every network. Test networks declare it on their partial struct, so the
    /// generated members implement it implicitly and one generic test body (constrained to a struct, so no boxing and no
    /// allocation) covers every shape, activation and precision.
    /// </summary>
    public interface IGeneratedNetwork<T> where T : unmanaged
    {
        void Initialize(NumPyRandom random, double scale = 0.01);
        void InitializeZeros();
        void CopyParametersTo(Span<T> destination);
        void LoadParameters(ReadOnlySpan<T> source);
        void Predict(ReadOnlySpan<T> input, Span<T> probabilities);
        void PredictBatch(DataSet<T> data, Span<T> probabilities);
        T Cost(DataSet<T> data);
        double Accuracy(DataSet<T> data);
        T TrainStep(DataSet<T> data, T learningRate);
        TrainingResult Train(DataSet<T> data, TrainingOptions options);
        TrainingResult Train<TObserver>(DataSet<T> data, TrainingOptions options, ref TObserver observer)
            where TObserver : struct, ITrainingObserver;
    }
}
