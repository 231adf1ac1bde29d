using System;
using System.Collections.Generic;
using System.Globalization;

namespace PlanarGen.Cli.Running
{
    /// <summary>Trains a generated network (the fast, SIMD path) of element type <typeparamref name="T"/>.</summary>
    internal sealed class FastRunner<TNet, T> : IRunner
        where TNet : INetwork<T>, new()
        where T : unmanaged
    {
        public RunReport Run(PlanarData<double> data, RunSettings settings, Action<int, double>? onCost = null)
        {
            PlanarData<T> typed = typeof(T) == typeof(float) ? (PlanarData<T>)(object)data.ToSingle() : (PlanarData<T>)(object)data;
            var net = new TNet();
            if (settings.ZeroInit) net.InitializeZeros();
            else net.Initialize(new NumPyRandom(settings.Seed));
            var recorder = new CostRecorder(new List<(int, double)>(), onCost);
            if (settings.LoadFrom != null) return Loaded(net, typed, settings.LoadFrom, settings.SaveTo);
            TrainingResult result = net.Train(typed.AsDataSet(),
                new TrainingOptions(settings.Iterations, settings.LearningRate, settings.PrintEvery), ref recorder);
            if (result.Diverged && (recorder.Costs.Count == 0 || recorder.Costs[^1].Item1 != result.DivergedAtIteration))
                recorder.Costs.Add((result.DivergedAtIteration, double.NaN));
            int diverged = result.DivergedAtIteration;
            string? reason = null;
            if (diverged < 0)
                (diverged, reason) = Divergence.FindBlowUp(recorder.Costs, settings.Iterations, Convert.ToDouble(net.Cost(typed.AsDataSet()), CultureInfo.InvariantCulture));
            // A diverged network has non-finite parameters, which a weights file cannot hold: the report says it was not saved.
            string? savedTo = null;
            if (settings.SaveTo != null && diverged < 0)
            {
                NetworkWeights.Save<TNet, T>(net, settings.SaveTo);
                savedTo = settings.SaveTo;
            }
            return Report(net, typed, recorder.Costs, diverged, reason, result.IterationsCompleted, loadedFrom: null, savedTo);
        }

        /// <summary>The network loaded from <paramref name="path"/> instead of trained: no costs, no iterations; saved again
        /// when asked (so --load A --save B rewrites A's weights for this network, with PlanarGen metadata).</summary>
        private static RunReport Loaded(TNet net, PlanarData<T> typed, string path, string? saveTo)
        {
            NetworkWeights.Load<TNet, T>(ref net, path);
            if (saveTo != null) NetworkWeights.Save<TNet, T>(net, saveTo);
            return Report(net, typed, new List<(int, double)>(), -1, null, 0, loadedFrom: path, savedTo: saveTo);
        }

        private static RunReport Report(TNet net, PlanarData<T> typed, List<(int, double)> costs, int diverged, string? reason, int iterationsRun,
            string? loadedFrom, string? savedTo)
        {
            NetworkShape shape = net.Shape;
            var parameters = new T[shape.ParameterCount];
            net.CopyParametersTo(parameters);
            var values = new double[parameters.Length];
            for (int k = 0; k < values.Length; k++) values[k] = Convert.ToDouble(parameters[k], CultureInfo.InvariantCulture);
            bool isFloat = typeof(T) == typeof(float);
            string method = $"generated {typeof(TNet).Name} ({(isFloat ? "float" : "double")}, {VectorDescription.For()})";
            // A network with input scaling (loaded with its weights) sees the raw points through ScaleFeatures.
            double accuracy;
            if (net.HasInputScaling)
            {
                var scaled = new T[typed.X.Length];
                net.ScaleFeatures(typed.X, scaled, typed.SampleCount);
                accuracy = net.Accuracy(new DataSet<T>(scaled, typed.Y, typed.SampleCount));
            }
            else accuracy = net.Accuracy(typed.AsDataSet());
            return new RunReport(method, costs, accuracy, shape.Inputs, shape.Hidden, shape.Outputs,
                values, diverged, new NetworkPredictor(net), reason, iterationsRun)
            {
                LoadedFrom = loadedFrom,
                SavedTo = savedTo,
                InputScaling = net.HasInputScaling,
                Checksum = PlanarGen.Weights.WeightsMetadata.ChecksumText(net.Fingerprint()),
            };
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

        /// <summary>Predicts through the generated network's own <c>PredictBatch</c>.</summary>
        private sealed class NetworkPredictor : IPredictor
        {
            private readonly TNet _net;

            public NetworkPredictor(TNet net) => _net = net;

            public int UnitsPerPoint => _net.Shape.Hidden;

            public void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities)
            {
                var typedX = new T[x.Length];
                var typedP = new T[sampleCount];
                for (int i = 0; i < x.Length; i++) typedX[i] = FromDouble(x[i]);
                if (_net.HasInputScaling) _net.ScaleFeatures(typedX, typedX, sampleCount);
                _net.PredictBatch(new DataSet<T>(typedX, sampleCount), typedP);
                for (int i = 0; i < sampleCount; i++) probabilities[i] = Convert.ToDouble(typedP[i], CultureInfo.InvariantCulture);
            }

            private static T FromDouble(double value) =>
                typeof(T) == typeof(float) ? (T)(object)(float)value : (T)(object)value;
        }
    }
}
