using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>
    /// Files written by NumPy (np.savez, np.savez_compressed) and PyTorch (a trained nn.Sequential's state dict as
    /// safetensors), produced once by tools/fixtures/make_weights_fixtures.py, loaded into generated networks whose
    /// predictions are compared with the ones NumPy and PyTorch computed.
    /// </summary>
    /// <remarks>
    /// Tolerances (absolute, on probabilities in (0, 1)):
    /// double 1e-12: the double network and NumPy/PyTorch float64 evaluate the same formulas on the same (or exactly
    /// widened) parameters; they differ by summation order and tanh/exp kernels, a few ulp (~1e-16) through two small dot
    /// products, so 1e-12 leaves a wide margin and still catches a transposed or misplaced tensor (errors of 1e-2 or more).
    /// float 1e-5: the float network rounds every operation to binary32 (ulp 6e-8 near 1); a few dozen roundings give at
    /// most ~1e-6, and where the file holds float64 the parameters themselves are rounded to float first (relative 6e-8,
    /// times weights and inputs of a few units: ~1e-6).
    /// </remarks>
    public class WeightsFixtureTests
    {
        private static (double X0, double X1, double P)[] Predictions(string fixture) =>
            File.ReadAllLines(WeightsTestKit.Fixture("predictions.txt"))
                .Where(line => !line.StartsWith("#", StringComparison.Ordinal) && line.Length > 0)
                .Select(line => line.Split(' '))
                .Where(parts => parts[0] == fixture)
                .Select(parts => (Parse(parts[1]), Parse(parts[2]), Parse(parts[3])))
                .ToArray();

        private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

        [Theory]
        [InlineData("notebook_2-4-1.npz", "notebook_2-4-1.npz")]
        [InlineData("notebook_2-4-1_f32.npz", "notebook_2-4-1_f32.npz")]
        [InlineData("torch_2-4-1_f64.safetensors", "torch_2-4-1_f64.safetensors")]
        // The F32 PyTorch file, widened exactly into a double network, equals the PyTorch model converted with .double().
        [InlineData("torch_2-4-1.safetensors", "torch_2-4-1_f64.safetensors")]
        public void DoubleNetworkPredictsAsTheToolThatWroteTheFile(string file, string predictionsOf)
        {
            var net = new FlowerNet64();
            NetworkWeights.Load<FlowerNet64, double>(ref net, WeightsTestKit.Fixture(file));
            var expected = Predictions(predictionsOf);
            Assert.Equal(5, expected.Length);
            Span<double> p = stackalloc double[1];
            foreach (var (x0, x1, want) in expected)
            {
                net.Predict(new[] { x0, x1 }, p);
                Assert.True(Math.Abs(p[0] - want) <= 1e-12, $"{file} at ({x0}, {x1}): expected {want:R}, got {p[0]:R}");
            }
        }

        [Theory]
        [InlineData("notebook_2-4-1.npz")]
        [InlineData("notebook_2-4-1_f32.npz")]
        [InlineData("torch_2-4-1.safetensors")]
        [InlineData("torch_2-4-1_f64.safetensors")]
        public void FloatNetworkPredictsAsTheToolThatWroteTheFile(string file)
        {
            var net = new FlowerNet();
            NetworkWeights.Load<FlowerNet, float>(ref net, File.ReadAllBytes(WeightsTestKit.Fixture(file)).AsSpan());
            var expected = Predictions(file);
            Assert.Equal(5, expected.Length);
            Span<float> p = stackalloc float[1];
            foreach (var (x0, x1, want) in expected)
            {
                net.Predict(new[] { (float)x0, (float)x1 }, p);
                Assert.True(Math.Abs(p[0] - want) <= 1e-5, $"{file} at ({x0}, {x1}): expected {want:R}, got {p[0]:R}");
            }
        }

        [Fact]
        public void FixturesAreWhatTheScriptSays()
        {
            // np.savez stores its entries, np.savez_compressed deflates them; both hold W1 b1 W2 b2 .npy entries.
            using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(WeightsTestKit.Fixture("notebook_2-4-1.npz"))))
            {
                Assert.Equal(new[] { "W1.npy", "b1.npy", "W2.npy", "b2.npy" }, zip.Entries.Select(e => e.FullName));
                Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
            }
            using (var zip = new System.IO.Compression.ZipArchive(File.OpenRead(WeightsTestKit.Fixture("notebook_2-4-1_f32.npz"))))
                Assert.All(zip.Entries, e => Assert.True(e.CompressedLength < e.Length));
            string header = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(WeightsTestKit.Fixture("torch_2-4-1_f64.safetensors")));
            Assert.Contains("\"model.0.weight\":{\"dtype\":\"F64\",\"shape\":[4,2]", header);
            Assert.Contains("\"model.0.bias\":{\"dtype\":\"F64\",\"shape\":[4]", header);
        }

        [Fact]
        public void ForeignFileLoadedAndSavedKeepsItsValues()
        {
            var net = new FlowerNet64();
            NetworkWeights.Load<FlowerNet64, double>(ref net, WeightsTestKit.Fixture("notebook_2-4-1.npz"));
            double[] loaded = WeightsTestKit.ParametersOf<FlowerNet64, double>(net);
            var again = new FlowerNet64();
            NetworkWeights.Load<FlowerNet64, double>(ref again, WeightsTestKit.Save<FlowerNet64, double>(net, WeightsFormat.Json));
            WeightsTestKit.AssertSameBits(loaded, WeightsTestKit.ParametersOf<FlowerNet64, double>(again));
        }
    }
}
