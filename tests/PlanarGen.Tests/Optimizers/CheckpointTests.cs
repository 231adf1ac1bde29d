using System;
using System.IO;
using System.Linq;
using System.Numerics;
using PlanarGen.Tests.Networks;
using Xunit;
using static PlanarGen.Tests.Networks.TestData;
using TestShape = PlanarGen.Tests.Networks.NetworkShape;

namespace PlanarGen.Tests.Optimizers
{
    /// <summary>Save a checkpoint after N steps, load it into a fresh network, continue: bit for bit the run that never stopped.</summary>
    public class CheckpointTests
    {
        public static TheoryData<string, WeightsFormat> NetworksAndFormats()
        {
            var data = new TheoryData<string, WeightsFormat>();
            foreach (Type t in OptimizerStateTests.Everything)
                foreach (WeightsFormat f in new[] { WeightsFormat.Safetensors, WeightsFormat.Json }) data.Add(t.Name, f);
            return data;
        }

        [Theory]
        [MemberData(nameof(NetworksAndFormats))]
        public void ResumingFromACheckpointEqualsNeverStopping(string network, WeightsFormat format) =>
            NetworkCatalog.Run(typeof(CheckpointTests), nameof(ResumeCore), OptimizerStateTests.Everything.Single(t => t.Name == network), format);

        private static void ResumeCore<TNet, T>(WeightsFormat format) where TNet : INetwork<T>, new() where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var shape = TestShape.Of(typeof(TNet));
            (T[] x, T[] y) = Samples<T>(shape, 37, seed: 12);
            T[] p = Parameters<T>(shape, seed: 13, scale: 0.3);
            foreach (TrainingOptions options in new[]
            {
                new TrainingOptions(1, 0.01) { Optimizer = Optimizer.Adam, BatchSize = 6, Seed = 9, Beta2 = 0.99 },
                new TrainingOptions(1, 0.05) { Optimizer = Optimizer.Momentum, Momentum = 0.7 },
            })
            {
                var straight = new TNet();
                straight.LoadParameters(p);
                straight.Train(new DataSet<T>(x, y, 37), options with { Iterations = 30 });

                var first = new TNet();
                first.LoadParameters(p);
                first.Train(new DataSet<T>(x, y, 37), options with { Iterations = 17 });
                using var file = new MemoryStream();
                first.SaveCheckpoint(file, format);

                var resumed = new TNet();
                resumed.LoadWeights(new MemoryStream(file.ToArray()));
                Assert.Equal(first.TrainingState.Steps, resumed.TrainingState.Steps);
                Assert.Equal((first.TrainingState.Epoch, first.TrainingState.Position), (resumed.TrainingState.Epoch, resumed.TrainingState.Position));
                resumed.Train(new DataSet<T>(x, y, 37), options with { Iterations = 13 });
                Assert.True(Bits(straight).SequenceEqual(Bits(resumed)), $"{typeof(TNet).Name} {options.Optimizer} {format}: resumed run differs");

                // A plain weights file clears the state: the continuation then starts the optimizer afresh (and differs).
                using var plain = new MemoryStream();
                first.SaveWeights(plain, format);
                resumed.LoadWeights(new MemoryStream(plain.ToArray()));
                Assert.True(resumed.TrainingState.IsEmpty);
                resumed.Train(new DataSet<T>(x, y, 37), options with { Iterations = 13 });
                Assert.False(Bits(straight).SequenceEqual(Bits(resumed)), "a plain weights file should not resume the optimizer");
            }
        }

        [Fact]
        public void DamagedOrPartialCheckpointsAreRefusedAndLeaveTheNetworkUnchanged()
        {
            var shape = TestShape.Of(typeof(FlowerNet));
            (float[] x, float[] y) = Samples<float>(shape, 37, seed: 1);
            var net = Load<FlowerNet, float>(Parameters<float>(shape, seed: 2, scale: 0.3));
            net.Train(new DataSet<float>(x, y, 37), new TrainingOptions(5, 0.01) { Optimizer = Optimizer.Adam });
            using var file = new MemoryStream();
            net.SaveCheckpoint(file, WeightsFormat.Json);
            string json = System.Text.Encoding.UTF8.GetString(file.ToArray());
            Assert.Contains("\"planargen.training.steps\": \"5\"", json, StringComparison.Ordinal);
            Assert.Contains("optimizer.second", json, StringComparison.Ordinal);

            var target = Load<FlowerNet, float>(Parameters<float>(shape, seed: 3, scale: 0.3));
            ulong before = target.Fingerprint();
            string badSteps = json.Replace("\"planargen.training.steps\": \"5\"", "\"planargen.training.steps\": \"-5\"", StringComparison.Ordinal);
            var error = Assert.Throws<WeightsFormatException>(() => target.LoadWeights(System.Text.Encoding.UTF8.GetBytes(badSteps)));
            Assert.Contains("checkpoint: steps is \"-5\"; expected an integer from 0 to", error.Message, StringComparison.Ordinal);
            string noKeys = json.Replace("planargen.training.", "other.training.", StringComparison.Ordinal);
            error = Assert.Throws<WeightsFormatException>(() => target.LoadWeights(System.Text.Encoding.UTF8.GetBytes(noKeys)));
            Assert.Contains("expected the tensors optimizer.first and optimizer.second and the planargen.training.* keys together", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, target.Fingerprint());
        }

        [Fact]
        public void InspectListsACheckpointAndConvertWritesItsParametersOnly()
        {
            var shape = TestShape.Of(typeof(FlowerNet64));
            (double[] x, double[] y) = Samples<double>(shape, 37, seed: 1);
            var net = Load<FlowerNet64, double>(Parameters<double>(shape, seed: 2, scale: 0.3));
            net.Train(new DataSet<double>(x, y, 37), new TrainingOptions(4, 0.01) { Optimizer = Optimizer.Adam, BatchSize = 10 });
            string dir = Path.Combine(Path.GetTempPath(), "planargen-checkpoint-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string checkpoint = Path.Combine(dir, "c.safetensors"), converted = Path.Combine(dir, "c.json");
                net.SaveCheckpoint(checkpoint);
                WeightsInfo info = WeightsFile.Inspect(checkpoint);
                Assert.Equal(new[] { "W1", "b1", "W2", "b2", "optimizer.first", "optimizer.second" }, info.Tensors.Select(t => t.Name));
                Assert.Equal(WeightsChecksumStatus.Matches, info.ChecksumStatus);
                WeightsFile.Convert(checkpoint, converted);
                var plain = new FlowerNet64();
                plain.LoadWeights(converted);
                Assert.True(plain.TrainingState.IsEmpty);
                Assert.Equal(net.Fingerprint(), plain.Fingerprint());
                var resumed = new FlowerNet64();
                resumed.LoadWeights(checkpoint);
                Assert.Equal((4L, 1L, 0), (resumed.TrainingState.Steps, resumed.TrainingState.Epoch, resumed.TrainingState.Position));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private static double[] Bits<T>(INetwork<T> net) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var p = new T[net.Shape.ParameterCount];
            net.CopyParametersTo(p);
            return p.Select(v => double.CreateTruncating(v)).ToArray();
        }
    }
}
