using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PlanarGen.Generated;

namespace PlanarGen.Cli.Spiral
{
    // The networks `planargen spiral` trains: 2 inputs, one ReLU hidden layer, 3 outputs, float. Everything that says how
    // the spiral is learned is in this file: the declarations below and SpiralModel.Options.
    // Softmax outputs (categorical cross-entropy), Adam on shuffled mini-batches of 64 (docs/cli.md#spiral).
    [Network(Inputs = 2, Hidden = 10, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)] internal partial struct Spiral10 { }
    [Network(Inputs = 2, Hidden = 25, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)] internal partial struct Spiral25 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)] internal partial struct Spiral50 { }
    [Network(Inputs = 2, Hidden = 100, Outputs = 3, HiddenActivation = Activation.ReLU, OutputActivation = Activation.Softmax)] internal partial struct Spiral100 { }

    /// <summary>What one spiral run gives: the costs, the argmax accuracy, and the trained network as a classifier.</summary>
    internal sealed record SpiralReport(NetworkShape Shape, IReadOnlyList<(int Iteration, double Cost)> Costs, double Accuracy, int DivergedAtIteration,
        double[] Parameters, IClassifier Classifier)
    {
        public bool Diverged => DivergedAtIteration >= 0;
    }

    /// <summary>Predicts a class (argmax of the outputs) for each column of a features x samples matrix.</summary>
    internal interface IClassifier
    {
        int Hidden { get; }

        void Classify(ReadOnlySpan<double> x, int sampleCount, Span<int> classes);
    }

    /// <summary>The spiral networks by hidden size (from the generator's registry), and how they are trained.</summary>
    internal static class SpiralModel
    {
        public const int Classes = 3;

        private static readonly Dictionary<int, Func<ITrainer>> Table = Build();

        /// <summary>The hidden sizes with a spiral network, ascending.</summary>
        public static readonly int[] HiddenSizes = Table.Keys.OrderBy(h => h).ToArray();

        public static string Describe(int hidden) =>
            $"2-{hidden}-{Classes}, ReLU hidden, softmax outputs, float, Adam on mini-batches of {BatchSize}";

        /// <summary>The options of the Train call: the one place that says how the spiral is optimised.</summary>
        public static TrainingOptions Options(int iterations, double learningRate, int reportEvery, uint seed) =>
            new TrainingOptions(iterations, learningRate, reportEvery) { Optimizer = Optimizer.Adam, BatchSize = BatchSize, Seed = seed };

        /// <summary>Samples per Adam step; the 300 samples make an epoch of five steps (the last one of 44).</summary>
        public const int BatchSize = 64;

        /// <summary>Adam's usual step size, the command's default.</summary>
        public const double DefaultLearningRate = 0.01;

        public static SpiralReport Train(int hidden, PlanarData<double> data, int iterations, double learningRate, int reportEvery, uint seed,
            Action<int, double>? onCost) =>
            Table.TryGetValue(hidden, out Func<ITrainer>? make)
                ? make().Train(data, Options(iterations, learningRate, reportEvery, seed), seed, onCost)
                : throw new ArgumentException($"Expected a spiral network size ({string.Join(", ", HiddenSizes)}), but got {hidden}.", nameof(hidden));

        private static Dictionary<int, Func<ITrainer>> Build()
        {
            var builder = new TableBuilder(new Dictionary<int, Func<ITrainer>>());
            NetworkRegistry.Accept(ref builder);
            return builder.Table;
        }

        private interface ITrainer
        {
            SpiralReport Train(PlanarData<double> data, TrainingOptions options, uint seed, Action<int, double>? onCost);
        }

        /// <summary>Takes this assembly's 2-N-3 networks (the planar catalog takes the 2-N-1 ones).</summary>
        private readonly struct TableBuilder : INetworkVisitor
        {
            public TableBuilder(Dictionary<int, Func<ITrainer>> table) => Table = table;

            public Dictionary<int, Func<ITrainer>> Table { get; }

            public void Visit<TNetwork, T>(string name, NetworkShape shape)
                where TNetwork : INetwork<T>, new()
                where T : unmanaged
            {
                if (shape.Outputs != Classes) return;
                if (typeof(T) != typeof(float)) throw new InvalidOperationException($"{name} is {shape}; the spiral networks are float.");
                Table.Add(shape.Hidden, static () => new Trainer<TNetwork, T>());
            }
        }

        /// <summary>Trains one network type; <typeparamref name="T"/> is float (checked by the table builder).</summary>
        private sealed class Trainer<TNet, T> : ITrainer where TNet : INetwork<T>, new() where T : unmanaged
        {
            public SpiralReport Train(PlanarData<double> data, TrainingOptions options, uint seed, Action<int, double>? onCost)
            {
                var typed = (PlanarData<T>)(object)data.ToSingle();
                var net = new TNet();
                net.Initialize(new NumPyRandom(seed));
                var recorder = new CostRecorder(new List<(int, double)>(), onCost);
                TrainingResult result = net.Train(typed.AsDataSet(), options, ref recorder);
                var classifier = new Classifier(net);
                var parameters = new T[net.Shape.ParameterCount];
                net.CopyParametersTo(parameters);
                double[] values = parameters.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
                return new SpiralReport(net.Shape, recorder.Costs, classifier.Accuracy(data), result.DivergedAtIteration, values, classifier);
            }

            private sealed class Classifier : IClassifier
            {
                private readonly TNet _net;

                public Classifier(TNet net) => _net = net;

                public int Hidden => _net.Shape.Hidden;

                public void Classify(ReadOnlySpan<double> x, int sampleCount, Span<int> classes)
                {
                    var typed = new float[x.Length];
                    for (int i = 0; i < x.Length; i++) typed[i] = (float)x[i];
                    var outputs = new T[Classes * sampleCount];
                    _net.PredictBatch(new DataSet<T>(((T[])(object)typed).AsSpan(), sampleCount), outputs);
                    float[] p = (float[])(object)outputs;
                    for (int s = 0; s < sampleCount; s++)
                    {
                        int best = 0;
                        for (int k = 1; k < Classes; k++)
                            if (p[k * sampleCount + s] > p[best * sampleCount + s]) best = k;
                        classes[s] = best;
                    }
                }

                /// <summary>Fraction of samples whose argmax output is their label's row.</summary>
                public double Accuracy(PlanarData<double> data)
                {
                    var classes = new int[data.SampleCount];
                    Classify(data.X, data.SampleCount, classes);
                    int right = 0;
                    for (int s = 0; s < data.SampleCount; s++)
                        if (data.Label(classes[s], s) == 1) right++;
                    return (double)right / data.SampleCount;
                }
            }
        }

        private readonly struct CostRecorder : ITrainingObserver
        {
            private readonly Action<int, double>? _onCost;

            public CostRecorder(List<(int, double)> costs, Action<int, double>? onCost)
            {
                Costs = costs;
                _onCost = onCost;
            }

            public List<(int, double)> Costs { get; }

            public bool OnCost(int iteration, double cost)
            {
                Costs.Add((iteration, cost));
                _onCost?.Invoke(iteration, cost);
                return true;
            }
        }
    }
}
