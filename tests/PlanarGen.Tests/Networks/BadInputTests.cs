using System;
using System.Numerics;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    /// <summary>
    /// Every bad argument throws the documented exception type, names the argument, and says both what was expected and
    /// what was given. A rejected call leaves the network's parameters unchanged.
    /// </summary>
    public class BadInputTests
    {
        public static TheoryData<string> Networks => NetworkCatalog.Names();

        [Theory]
        [MemberData(nameof(Networks))]
        public void PredictRejectsWrongLengthsAndNonFiniteInputs(string network) => Run(nameof(PredictCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void ParameterCopiesRejectWrongLengthsAndNonFiniteValues(string network) => Run(nameof(ParametersCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void BatchMethodsRejectDataOfTheWrongShape(string network) => Run(nameof(ShapeCore), network);

        [Theory]
        [MemberData(nameof(Networks))]
        public void TrainingRejectsBadLearningRatesAndOptions(string network) => Run(nameof(LearningRateCore), network);

        private static void Run(string core, string network) => NetworkCatalog.Run(typeof(BadInputTests), core, network);

        private static string R(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static void AssertMessage(Exception e, string? parameter, params string[] parts)
        {
            if (parameter is not null) Assert.Equal(parameter, ((ArgumentException)e).ParamName);
            foreach (string part in parts) Assert.Contains(part, e.Message);
        }

        private static void PredictCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            TNet net = Load<TNet, T>(Parameters<T>(shape, seed: 1));
            var good = new T[shape.Inputs];
            var probabilities = new T[shape.Outputs];

            foreach (int length in new[] { 0, shape.Inputs + 1 })
            {
                var e = Assert.Throws<ArgumentException>(() => net.Predict(new T[length], probabilities));
                AssertMessage(e, "input", $"hold {shape.Inputs} values", $"it has {length}.");
            }
            foreach (int length in new[] { 0, shape.Outputs + 1 })
            {
                var e = Assert.Throws<ArgumentException>(() => net.Predict(good, new T[length]));
                AssertMessage(e, "probabilities", $"hold {shape.Outputs} values", $"it has {length}.");
            }
            int last = shape.Inputs - 1;
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var input = new T[shape.Inputs];
                input[last] = C<T>(bad);
                var e = Assert.Throws<ArgumentException>(() => net.Predict(input, probabilities));
                AssertMessage(e, "input", "Expected finite values", $"input[{last}] is {R(bad)}.");
            }
        }

        private static void ParametersCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            T[] p = Parameters<T>(shape, seed: 1);
            TNet net = Load<TNet, T>(p);
            int n = shape.ParameterCount;

            foreach (int length in new[] { n - 1, n + 1 })
            {
                var copy = Assert.Throws<ArgumentException>(() => net.CopyParametersTo(new T[length]));
                AssertMessage(copy, "destination", $"hold {n} values", $"it has {length}.");
                var load = Assert.Throws<ArgumentException>(() => net.LoadParameters(new T[length]));
                AssertMessage(load, "source", $"hold {n} values", $"it has {length}.");
            }
            foreach (double bad in new[] { double.NaN, double.PositiveInfinity })
            {
                var values = new T[n];
                values[n - 1] = C<T>(bad);
                var e = Assert.Throws<ArgumentException>(() => net.LoadParameters(values));
                AssertMessage(e, "source", "Expected finite values", $"source[{n - 1}] is {R(bad)}.");
            }
            // Nothing was loaded from the rejected spans (not even the finite values before the bad one).
            Assert.Equal(p, ParametersOf<TNet, T>(net, n));
        }

        private static void ShapeCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            T[] p = Parameters<T>(shape, seed: 1);
            TNet net = Load<TNet, T>(p);
            const int m = 5;
            var wideX = new T[(shape.Inputs + 1) * m];
            var goodX = new T[shape.Inputs * m];
            var goodY = new T[shape.Outputs * m];
            var tallY = new T[(shape.Outputs + 1) * m];
            var probabilities = new T[shape.Outputs * m];
            var options = new TrainingOptions(3, 0.1, 1);
            string features = $"with {shape.Inputs} features for {shape.Name} (";
            string rows = $"with {shape.Outputs} label rows for {shape.Name} (";

            // Wrong feature count: every batch entry point.
            var errors = new Exception[]
            {
                Assert.Throws<ArgumentException>(() => net.Cost(new DataSet<T>(wideX, goodY, m))),
                Assert.Throws<ArgumentException>(() => net.Accuracy(new DataSet<T>(wideX, goodY, m))),
                Assert.Throws<ArgumentException>(() => net.TrainStep(new DataSet<T>(wideX, goodY, m), C<T>(0.1))),
                Assert.Throws<ArgumentException>(() => net.Train(new DataSet<T>(wideX, goodY, m), options)),
                Assert.Throws<ArgumentException>(() => net.PredictBatch(new DataSet<T>(wideX, m), probabilities)),
            };
            foreach (Exception e in errors) AssertMessage(e, "data", features, $"but it has {shape.Inputs + 1}.");

            // Wrong number of label rows.
            errors = new Exception[]
            {
                Assert.Throws<ArgumentException>(() => net.Cost(new DataSet<T>(goodX, tallY, m))),
                Assert.Throws<ArgumentException>(() => net.Accuracy(new DataSet<T>(goodX, tallY, m))),
                Assert.Throws<ArgumentException>(() => net.TrainStep(new DataSet<T>(goodX, tallY, m), C<T>(0.1))),
                Assert.Throws<ArgumentException>(() => net.Train(new DataSet<T>(goodX, tallY, m), options)),
                Assert.Throws<ArgumentException>(() => net.PredictBatch(new DataSet<T>(goodX, tallY, m), probabilities)),
            };
            foreach (Exception e in errors) AssertMessage(e, "data", rows, $"but it has {shape.Outputs + 1}.");

            // Unlabelled data where labels are needed.
            errors = new Exception[]
            {
                Assert.Throws<ArgumentException>(() => net.Cost(new DataSet<T>(goodX, m))),
                Assert.Throws<ArgumentException>(() => net.Accuracy(new DataSet<T>(goodX, m))),
                Assert.Throws<ArgumentException>(() => net.TrainStep(new DataSet<T>(goodX, m), C<T>(0.1))),
                Assert.Throws<ArgumentException>(() => net.Train(new DataSet<T>(goodX, m), options)),
            };
            foreach (Exception e in errors)
                AssertMessage(e, "data", $"Expected a labelled data set with {shape.Outputs} label rows for {shape.Name} (", "but it has no labels.");

            // PredictBatch: probabilities must hold OutputCount x SampleCount values.
            foreach (int length in new[] { shape.Outputs * m - 1, shape.Outputs * m + 1 })
            {
                var e = Assert.Throws<ArgumentException>(() => net.PredictBatch(new DataSet<T>(goodX, m), new T[length]));
                AssertMessage(e, "probabilities", $"hold {shape.Outputs * m} values", $"it has {length}.");
            }
            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
        }

        private static void LearningRateCore<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            T[] p = Parameters<T>(shape, seed: 1);
            TNet net = Load<TNet, T>(p);
            const int m = 5;
            (T[] x, T[] y) = Samples<T>(shape, m, seed: 2);

            foreach (double bad in new[] { 0.0, -0.5, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            {
                var step = Assert.Throws<ArgumentOutOfRangeException>(() => net.TrainStep(new DataSet<T>(x, y, m), C<T>(bad)));
                AssertMessage(step, "learningRate", "Expected a finite, positive learning rate", $"but got {R(bad)}.");
                // Train takes its rate from TrainingOptions, whose constructor refuses the same values.
                var options = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(10, bad, 1));
                AssertMessage(options, "learningRate", "Expected a finite, positive learning rate", $"but got {R(bad)}.");
            }

            // default(TrainingOptions) bypasses the constructor: learning rate 0, which Train must refuse.
            var defaults = Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(new DataSet<T>(x, y, m), default));
            AssertMessage(defaults, "learningRate", "Expected a finite, positive learning rate", "but got 0.");
            var observer = new RecordingObserver(4);
            var withObserver = Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(new DataSet<T>(x, y, m), default, ref observer));
            AssertMessage(withObserver, "learningRate", "but got 0.");
            Assert.Equal(0, observer.Count);

            var iterations = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(-1, 0.1, 1));
            AssertMessage(iterations, "Iterations", "at least 0", "but got -1.");
            var every = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(10, 0.1, -3));
            AssertMessage(every, "ReportEvery", "at least 0", "but got -3.");

            Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));

            if (typeof(T) == typeof(float))
            {
                // A rate that is finite in double but not in float is refused too, before any update. (The message names
                // the rate after rounding to float, Infinity, not the 1E+39 the caller gave: see the report.)
                var overflow = Assert.Throws<ArgumentOutOfRangeException>(() => net.Train(new DataSet<T>(x, y, m), new TrainingOptions(3, 1e39)));
                Assert.Equal("learningRate", overflow.ParamName);
                Assert.Equal(p, ParametersOf<TNet, T>(net, shape.ParameterCount));
            }
        }
    }

    /// <summary>DataSet's checks at construction, for both element types.</summary>
    public class DataSetValidationTests
    {
        [Fact]
        public void DataSetRejectsBadSampleCountsAndLengths()
        {
            Check<float>();
            Check<double>();

            static void Check<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
            {
                foreach (int count in new[] { 0, -2 })
                {
                    var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataSet<T>(new T[6], new T[3], count));
                    Assert.Equal("sampleCount", e.ParamName);
                    Assert.Contains($"Expected at least 1 sample, but sampleCount is {count}.", e.Message);
                    var unlabelled = Assert.Throws<ArgumentOutOfRangeException>(() => new DataSet<T>(new T[6], count));
                    Assert.Contains($"sampleCount is {count}.", unlabelled.Message);
                }
                var x = Assert.Throws<ArgumentException>(() => new DataSet<T>(new T[7], new T[3], 3));
                Assert.Equal("x", x.ParamName);
                Assert.Contains("a positive multiple of 3 values), but it has 7 values.", x.Message);
                var y = Assert.Throws<ArgumentException>(() => new DataSet<T>(new T[6], new T[4], 3));
                Assert.Equal("y", y.ParamName);
                Assert.Contains("a positive multiple of 3 values), but it has 4 values.", y.Message);
                var empty = Assert.Throws<ArgumentException>(() => new DataSet<T>(System.Array.Empty<T>(), new T[3], 3));
                Assert.Contains("but it has 0 values.", empty.Message);
            }
        }

        [Fact]
        public void DataSetRejectsNonFiniteFeaturesAndLabels()
        {
            Check<float>();
            Check<double>();

            static void Check<T>() where T : unmanaged, IBinaryFloatingPointIeee754<T>
            {
                foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    var features = new T[6];
                    features[5] = T.CreateTruncating(bad);   // row 1, sample 2 of a 2 x 3 matrix
                    var e = Assert.Throws<ArgumentException>(() => new DataSet<T>(features, new T[3], 3));
                    Assert.Equal("x", e.ParamName);
                    Assert.Contains("Expected finite values in x", e.Message);
                    Assert.Contains($"x[1, 2] (row 1, sample 2) is {bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", e.Message);
                    var unlabelled = Assert.Throws<ArgumentException>(() => new DataSet<T>(features, 3));
                    Assert.Contains("x[1, 2]", unlabelled.Message);
                }
                // Labels need only be finite now (0/1 is the sigmoid networks' rule, OutputActivationTests).
                foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    var labels = new T[6];
                    labels[1] = T.CreateTruncating(bad);     // row 0, sample 1 of a 2 x 3 matrix
                    var e = Assert.Throws<ArgumentException>(() => new DataSet<T>(new T[3], labels, 3));
                    Assert.Equal("y", e.ParamName);
                    Assert.Contains("Expected finite values in y", e.Message);
                    Assert.Contains($"y[0, 1] (row 0, sample 1) is {bad.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", e.Message);
                }
            }
        }
    }
}
