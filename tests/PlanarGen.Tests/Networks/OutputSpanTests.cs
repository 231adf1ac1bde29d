using System;
using PlanarGen.Tests.LargeNetworks;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;

namespace PlanarGen.Tests.Networks
{
    // 64 outputs (the most a network may have), so that OutputCount x SampleCount passes int.MaxValue at 2^25 samples.
    [Network(Inputs = 1, Hidden = 1, Outputs = 64)]
    public partial struct ManyOutputs { }

    [Network(Inputs = 1, Hidden = 4, Outputs = 64)]
    public partial struct ManyOutputsLoop { }

    // One input and one output above the unrolling budget: the loop form's case of probabilities aliasing the features.
    [Network(Inputs = 1, Hidden = 160, Outputs = 1)]
    public partial struct OneToOneLoop { }

    /// <summary>The output span of PredictBatch (and of the baseline's methods): its size is computed without overflow, and
    /// it may not partly overlap the data it is computed from.</summary>
    public class OutputSpanTests
    {
        private const int M = 37;

        /// <summary>64 x 2^25 = 2^31 probabilities: one more than an int holds. The check reports the size as it is, not
        /// wrapped round to a negative number.</summary>
        [Fact]
        public void ExpectedSizeBeyondIntMaxValueIsReportedAsItIs()
        {
            const int m = 1 << 25;
            var x = new float[m];
            var probabilities = new float[16];

            var unrolled = new ManyOutputs();
            unrolled.Initialize(new NumPyRandom(2));
            var error = Assert.Throws<ArgumentException>(() => unrolled.PredictBatch(new DataSet<float>(x, m), probabilities));
            Assert.Equal("probabilities", error.ParamName);
            Assert.Contains("Expected probabilities to hold 2147483648 values", error.Message);
            Assert.Contains("but it has 16", error.Message);

            var loop = new ManyOutputsLoop();
            loop.Initialize(new NumPyRandom(2));
            error = Assert.Throws<ArgumentException>(() => loop.PredictBatch(new DataSet<float>(x, m), probabilities));
            Assert.Contains("Expected probabilities to hold 2147483648 values", error.Message);
        }

        public static TheoryData<string, int> PartialOverlaps()
        {
            var data = new TheoryData<string, int>();
            foreach (string net in new[] { nameof(FlowerNet), nameof(FlowerNet64), nameof(Tanh352), nameof(WideSigmoidNet), nameof(WideTanhNet64) })
                foreach (int shift in new[] { -5, 1, M, -1 }) data.Add(net, shift);   // -1: the last values of X
            return data;
        }

        /// <summary>Probabilities that start <paramref name="shift"/> values after the features (before them when negative;
        /// -1 means they start inside X's last row and run past its end): rejected, and nothing is written.</summary>
        [Theory]
        [MemberData(nameof(PartialOverlaps))]
        public void PredictBatchRejectsProbabilitiesThatPartlyOverlapTheFeatures(string network, int shift) =>
            NetworkCatalog.Run(typeof(OutputSpanTests), nameof(PartialOverlapCore), Find(network), shift);

        private static Type Find(string name) => name switch
        {
            nameof(WideSigmoidNet) => typeof(WideSigmoidNet),
            nameof(WideTanhNet64) => typeof(WideTanhNet64),
            _ => NetworkCatalog.Find(name),
        };

        private static void PartialOverlapCore<TNet, T>(int shift)
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, _) = Samples<T>(shape, M, seed: 41);
            int xLength = shape.Inputs * M, pLength = shape.Outputs * M;
            var buffer = new T[xLength + pLength + 10];
            int xStart = shift < 0 ? 10 : 0;
            int pStart = shift == -1 ? xLength - 3 : xStart + shift;
            x.CopyTo(buffer, xStart);
            T[] before = (T[])buffer.Clone();
            TNet net = Load<TNet, T>(Parameters<T>(shape, seed: 42));

            var error = Assert.Throws<ArgumentException>(() =>
                net.PredictBatch(new DataSet<T>(new ReadOnlySpan<T>(buffer, xStart, xLength), M), new Span<T>(buffer, pStart, pLength)));
            Assert.Equal("probabilities", error.ParamName);
            Assert.Contains("overlap", error.Message);
            Assert.Equal(before, buffer);
        }

        /// <summary>One input and one output: probabilities that are exactly the features' memory are allowed (each sample is
        /// read before it is written) and give the same bits as a separate span; both forms, both precisions.</summary>
        [Fact]
        public void PredictBatchAllowsProbabilitiesThatAreExactlyTheFeatures()
        {
            ExactAlias<Tiny111, float>();
            ExactAlias<Tiny111Double, double>();
            ExactAlias<OneToOneLoop, float>();
        }

        private static void ExactAlias<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, _) = Samples<T>(shape, M, seed: 43);
            TNet net = Load<TNet, T>(Parameters<T>(shape, seed: 44));
            var expected = new T[M];
            net.PredictBatch(new DataSet<T>(x, M), expected);
            net.PredictBatch(new DataSet<T>(x, M), x);
            Assert.Equal(expected, x);
        }

        /// <summary>One-sample Predict reads every input before it writes an output, so overlapping spans are harmless there and
        /// accepted: the same bits as separate spans, unrolled and loop form.</summary>
        [Fact]
        public void OneSamplePredictGivesTheSameResultWithOverlappingSpans()
        {
            OverlappingPredict<FlowerNet, float>();
            OverlappingPredict<Tanh352Double, double>();
            OverlappingPredict<WideTanhNet64, double>();
        }

        private static void OverlappingPredict<TNet, T>()
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            NetworkShape shape = NetworkShape.Of(typeof(TNet));
            (T[] x, _) = Samples<T>(shape, 1, seed: 45);
            TNet net = Load<TNet, T>(Parameters<T>(shape, seed: 46));
            var expected = new T[shape.Outputs];
            net.Predict(x, expected);
            var buffer = new T[shape.Inputs + shape.Outputs];
            x.CopyTo(buffer, 0);
            net.Predict(new ReadOnlySpan<T>(buffer, 0, shape.Inputs), new Span<T>(buffer, shape.Inputs - 1, shape.Outputs));
            Assert.Equal(expected, buffer.AsSpan(shape.Inputs - 1, shape.Outputs).ToArray());
        }

        [Fact]
        public void LogisticRegressionRejectsOutputsThatOverlapItsData()
        {
            var x = new double[3 * M + 10];
            var y = new double[M];
            for (int k = 0; k < 2 * M; k++) x[k] = Math.Sin(k);
            for (int k = 0; k < M; k++) y[k] = k % 2;
            var model = new LogisticRegression(2);

            DataSet<double> Data() => new DataSet<double>(new ReadOnlySpan<double>(x, 0, 2 * M), y, M);
            var error = Assert.Throws<ArgumentException>(() => model.PredictBatch(Data(), new Span<double>(x, M + 3, M)));
            Assert.Equal("probabilities", error.ParamName);
            error = Assert.Throws<ArgumentException>(() => model.Gradient(Data(), new Span<double>(x, 2 * M - 1, 3)));
            Assert.Equal("gradient", error.ParamName);
            error = Assert.Throws<ArgumentException>(() => model.Gradient(Data(), new Span<double>(y, 0, 3)));
            Assert.Equal("gradient", error.ParamName);
        }
    }
}
