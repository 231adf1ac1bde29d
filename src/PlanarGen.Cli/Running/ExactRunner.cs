using System;
using System.Collections.Generic;

namespace PlanarGen.Cli.Running
{
    /// <summary>Runs the exact NumPy-order double path (<see cref="NotebookModel"/>), which reproduces the notebook bit for bit.</summary>
    internal sealed class ExactRunner : IRunner
    {
        public RunReport Run(PlanarData<double> data, RunSettings settings, Action<int, double>? onCost = null)
        {
            var model = new NotebookModel(data.FeatureCount, settings.Hidden, data.OutputCount, settings.Activation, settings.LeakySlope);
            if (settings.ZeroInit) model.InitializeZeros();
            else model.Initialize(new NumPyRandom(settings.Seed)); // the same stream as nn_model's seed(3) then seed(2) when Seed is 2
            var costs = new List<(int, double)>();
            int diverged = -1;
            int run = 0;
            for (int i = 0; i < settings.Iterations; i++)
            {
                // The notebook's loop: forward, cost, backward, update; stop before an update from a non-finite cost.
                NotebookForward cache = model.Forward(data);
                double cost = NotebookModel.Cost(cache.A2, data.Y, data.SampleCount);
                bool report = settings.PrintEvery > 0 && i % settings.PrintEvery == 0;
                if (report || !double.IsFinite(cost))
                {
                    costs.Add((i, cost));
                    onCost?.Invoke(i, cost);
                }
                if (!double.IsFinite(cost))
                {
                    diverged = i;
                    break;
                }

                model.Update(model.Backward(cache, data.X, data.Y), settings.LearningRate);
                run++;
            }

            string? reason = null;
            if (diverged < 0) (diverged, reason) = Divergence.FindBlowUp(costs, settings.Iterations, model.Cost(data));
            var parameters = new double[model.ParameterCount];
            model.CopyParametersTo(parameters);
            return new RunReport("exact (NumPy order, double)", costs, model.Accuracy(data), model.InputCount, model.HiddenCount,
                model.OutputCount, parameters, diverged, new ExactPredictor(model), reason, run);
        }

        private sealed class ExactPredictor : IPredictor
        {
            private readonly NotebookModel _model;

            public ExactPredictor(NotebookModel model) => _model = model;

            public int UnitsPerPoint => _model.HiddenCount;

            public void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities) =>
                _model.Forward(x, sampleCount).A2.AsSpan(0, sampleCount).CopyTo(probabilities);
        }
    }
}
