using System;
using System.Collections.Generic;

namespace PlanarGen.Cli.Running
{
    /// <summary>Trains a generated network (the fast, SIMD path) of element type <typeparamref name="T"/>.</summary>
    internal sealed class FastRunner<TNet, T> : IRunner
        where TNet : struct, INetwork<T>
        where T : unmanaged
    {
        public RunReport Run(PlanarData<double> data, RunSettings settings)
        {
            PlanarData<T> typed = typeof(T) == typeof(float) ? (PlanarData<T>)(object)data.ToSingle() : (PlanarData<T>)(object)data;
            var net = default(TNet);
            net.Initialize(new NumPyRandom(settings.Seed));
            var recorder = new CostRecorder(new List<(int, double)>());
            TrainingResult result = net.Train(typed.AsDataSet(),
                new TrainingOptions(settings.Iterations, settings.LearningRate, settings.PrintEvery), ref recorder);
            NetworkShape shape = net.Shape;
            var parameters = new T[shape.ParameterCount];
            net.CopyParametersTo(parameters);
            var values = new double[parameters.Length];
            for (int k = 0; k < values.Length; k++) values[k] = Convert.ToDouble(parameters[k]);
            string method = $"generated {typeof(TNet).Name} ({(typeof(T) == typeof(float) ? "float" : "double")}, SIMD)";
            return new RunReport(method, recorder.Costs, net.Accuracy(typed.AsDataSet()), shape.Inputs, shape.Hidden, shape.Outputs,
                values, result.DivergedAtIteration);
        }

        private readonly struct CostRecorder : ITrainingObserver
        {
            public CostRecorder(List<(int, double)> costs) => Costs = costs;

            public List<(int, double)> Costs { get; }

            public void OnCost(int iteration, double cost) => Costs.Add((iteration, cost));
        }
    }
}
