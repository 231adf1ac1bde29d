using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PlanarGen.Cli.Pictures;
using SkiaSharp;
using Xunit;

namespace PlanarGen.Cli.Tests
{
    /// <summary>Opens the PNGs and checks what they show against the model's own predictions.</summary>
    public sealed class PictureTests : IClassFixture<ExactFlowerJson>
    {
        private readonly ExactFlowerJson _run;

        public PictureTests(ExactFlowerJson run) => _run = run;

        [Fact]
        public void FlowerPicturesHaveTheDocumentedSize()
        {
            foreach (string name in new[] { "flower-data.png", "flower-logistic.png", "flower-boundary.png" })
            {
                using SKBitmap bitmap = Open(Path.Combine(_run.Folder, name));
                Assert.Equal(PictureStyle.Width, bitmap.Width);
                Assert.Equal(PictureStyle.Height, bitmap.Height);
            }
        }

        [Fact]
        public void BoundaryFillMatchesTheNetworksPredictions()
        {
            JsonElement p = _run.Result.Json.GetProperty("parameters");
            double[] w1 = FlowerCommandTests.Matrix(p.GetProperty("W1"), 4, 2);
            double[] b1 = FlowerCommandTests.Vector(p.GetProperty("b1"), 4);
            double[] w2 = FlowerCommandTests.Matrix(p.GetProperty("W2"), 1, 4);
            double b2 = FlowerCommandTests.Vector(p.GetProperty("b2"), 1)[0];
            int Predict(double x1, double x2)
            {
                double z2 = b2;
                for (int j = 0; j < 4; j++) z2 += w2[j] * Math.Tanh(w1[2 * j] * x1 + w1[2 * j + 1] * x2 + b1[j]);
                return z2 > 0 ? 1 : 0;
            }

            PlanarData<double> data = PlanarDataSets.Flower();
            var limits = PictureStyle.Limits(data.X, data.SampleCount);
            using SKBitmap bitmap = Open(Path.Combine(_run.Folder, "flower-boundary.png"));

            int checkedPoints = 0;
            var seen = new bool[2];
            // Grid points well inside a region (same class 0.15 around) and away from every data point (markers sit on top).
            for (double x = limits.XMin + 0.3; x < limits.XMax - 0.3; x += 0.37)
            {
                for (double y = limits.YMin + 0.3; y < limits.YMax - 0.3; y += 0.41)
                {
                    int label = Predict(x, y);
                    bool interior = new[] { (0.15, 0.0), (-0.15, 0.0), (0.0, 0.15), (0.0, -0.15), (0.1, 0.1), (-0.1, -0.1), (0.1, -0.1), (-0.1, 0.1) }
                        .All(d => Predict(x + d.Item1, y + d.Item2) == label);
                    bool clear = Enumerable.Range(0, data.SampleCount)
                        .All(i => Math.Abs(data.Feature(0, i) - x) > 0.25 || Math.Abs(data.Feature(1, i) - y) > 0.25);
                    if (!interior || !clear) continue;
                    (double column, double row) = PictureStyle.PixelOf(x, y, limits);
                    SKColor pixel = bitmap.GetPixel((int)Math.Round(column), (int)Math.Round(row));
                    var expected = label == 1 ? PictureStyle.Fill1 : PictureStyle.Fill0;
                    Assert.True(Close(pixel, expected), $"({x:F2}, {y:F2}) predicted {label}: pixel {pixel} at ({column:F0}, {row:F0})");
                    seen[label] = true;
                    checkedPoints++;
                }
            }

            Assert.True(seen[0] && seen[1], "both classes were checked");
            Assert.True(checkedPoints > 50, $"only {checkedPoints} points checked");
        }

        [Fact]
        public void LogisticPictureHasBothFillsAndTheDataPictureHasNone()
        {
            using SKBitmap logistic = Open(Path.Combine(_run.Folder, "flower-logistic.png"));
            using SKBitmap points = Open(Path.Combine(_run.Folder, "flower-data.png"));

            Assert.True(Count(logistic, PictureStyle.Fill0) > 10_000);
            Assert.True(Count(logistic, PictureStyle.Fill1) > 10_000);
            Assert.Equal(0, Count(points, PictureStyle.Fill0));
            Assert.True(Count(points, PictureStyle.Point0) > 200);
            Assert.True(Count(points, PictureStyle.Point1) > 200);
        }

        [Fact]
        public void SweepPictureHasAPanelPerSize()
        {
            string folder = CliHarness.NewFolder("sweep-picture");
            CliResult result = CliHarness.Run("sweep", "--sizes", "1,2,3,4,5", "--iterations", "300", "--out", folder);

            Assert.Equal(0, result.ExitCode);
            using SKBitmap bitmap = Open(Path.Combine(folder, "sweep.png"));
            Assert.Equal(4 * 300, bitmap.Width); // 4 columns of 300 x 260 panels, 2 rows
            Assert.Equal(2 * 260, bitmap.Height);
            Assert.True(Count(bitmap, PictureStyle.Fill1) > 5_000);
        }

        private static SKBitmap Open(string path)
        {
            Assert.True(File.Exists(path), path);
            SKBitmap? bitmap = SKBitmap.Decode(path);
            Assert.NotNull(bitmap);
            return bitmap!;
        }

        private static int Count(SKBitmap bitmap, (byte R, byte G, byte B) colour)
        {
            int n = 0;
            for (int y = 0; y < bitmap.Height; y++)
                for (int x = 0; x < bitmap.Width; x++)
                    if (Close(bitmap.GetPixel(x, y), colour)) n++;
            return n;
        }

        private static bool Close(SKColor pixel, (byte R, byte G, byte B) c) =>
            Math.Abs(pixel.Red - c.R) <= 3 && Math.Abs(pixel.Green - c.G) <= 3 && Math.Abs(pixel.Blue - c.B) <= 3;
    }
}
