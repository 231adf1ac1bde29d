using System;

namespace PlanarGen.Cli.Running
{
    /// <summary>The notebook's logistic-regression baseline (<c>LogisticRegressionCV</c>), as a predictor for pictures.</summary>
    internal sealed class Baseline : IPredictor
    {
        private readonly LogisticRegression _model;

        private Baseline(LogisticRegression model, double accuracy)
        {
            _model = model;
            Accuracy = accuracy;
        }

        /// <summary>Training accuracy as a fraction.</summary>
        public double Accuracy { get; }

        public static Baseline Fit(PlanarData<double> data)
        {
            LogisticRegression model = LogisticRegression.FitLikeScikitLearn(data);
            return new Baseline(model, model.Accuracy(data.AsDataSet()));
        }

        public int UnitsPerPoint => 1;

        public void PredictProbabilities(ReadOnlySpan<double> x, int sampleCount, Span<double> probabilities) =>
            _model.PredictBatch(new DataSet<double>(x, sampleCount), probabilities.Slice(0, sampleCount));
    }
}
