using System;
using Xunit;

namespace PlanarGen.Tests.Kernels
{
    /// <summary>MatrixKernel, the loop form's products, against the definition computed here element by element: every element
    /// of C is its own sum in increasing depth order, so the kernel must agree to the last bit with that sum written out as
    /// scalar code (bias first and one multiply-add per term where fused; the plain sum of rounded products, bias last, where
    /// not), whatever tile, edge or vector width computed it. Shapes cover full 6-row tiles, leftover rows, 4-vector, 1-vector and
    /// scalar column edges, strides wider than the rows, transposed A, depth 0 and the network's 784 x 128 x 1024.</summary>
    public class MatrixKernelTests
    {
        public static TheoryData<int, int, int> Shapes => new()
        {
            { 1, 1, 1 },
            { 6, 5, 64 },
            { 7, 3, 65 },
            { 13, 9, 81 },
            { 5, 17, 15 },
            { 12, 1, 130 },
            { 10, 128, 256 },
            { 128, 0, 20 },
            { 3, 40, 200 },
        };

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MultiplyIsTheOrderedSumOfEachElement(int rows, int depth, int columns)
        {
            var random = new Random(rows * 1000 + depth * 10 + columns);
            int aStride = depth + 3, bStride = columns + 5, cStride = columns + 2;
            float[] a = Fill(random, rows * aStride), b = Fill(random, Math.Max(depth, 1) * bStride), bias = Fill(random, rows);
            float[] panel = new float[MatrixKernel.PanelLength(depth)];
            foreach (bool fused in new[] { true, false })
            {
                float[] c = Fill(random, rows * cStride);
                float[] before = (float[])c.Clone();
                MatrixKernel.Multiply(a, aStride, 1, b, bStride, c, cStride, rows, depth, columns, bias, fused, panel);
                for (int r = 0; r < rows; r++)
                {
                    for (int j = 0; j < cStride; j++)
                    {
                        float expected = j < columns ? Ordered(fused, bias[r], depth, k => a[r * aStride + k], k => b[k * bStride + j]) : before[r * cStride + j];
                        AssertBits(expected, c[r * cStride + j], $"C[{r}, {j}] fused={fused}");
                    }
                }
            }
        }

        [Theory]
        [MemberData(nameof(Shapes))]
        public void MultiplyAddTransposedAddsTheOrderedSum(int rows, int depth, int columns)
        {
            var random = new Random(rows * 7 + depth * 3 + columns);
            int aStride = depth + 1, bStride = depth + 4, cStride = columns + 3;
            double[] a = FillDouble(random, rows * aStride), b = FillDouble(random, columns * bStride);
            double[] panel = new double[MatrixKernel.PanelLength(depth)];
            foreach (bool fused in new[] { true, false })
            {
                double[] c = FillDouble(random, rows * cStride);
                double[] before = (double[])c.Clone();
                MatrixKernel.MultiplyAddTransposed(a, aStride, b, bStride, c, cStride, rows, depth, columns, fused, panel);
                for (int r = 0; r < rows; r++)
                {
                    for (int j = 0; j < columns; j++)
                    {
                        double sum = 0;
                        for (int k = 0; k < depth; k++)
                            sum = fused && MatrixKernel.DoubleRoundsOnce ? Math.FusedMultiplyAdd(a[r * aStride + k], b[j * bStride + k], sum) : sum + a[r * aStride + k] * b[j * bStride + k];
                        Assert.Equal(before[r * cStride + j] + sum, c[r * cStride + j]);
                    }
                    for (int j = columns; j < cStride; j++) Assert.Equal(before[r * cStride + j], c[r * cStride + j]);
                }
            }
        }

        [Fact]
        public void MultiplyReadsATransposedThroughItsStrides()
        {
            // A = W^T for W of 4 x 9 (rows 9, depth 4): A[r, k] = W[k * 9 + r], as the loop form's dA1 = W2^T dZ2.
            var random = new Random(5);
            double[] w = FillDouble(random, 4 * 9), b = FillDouble(random, 4 * 70), c = new double[9 * 70];
            MatrixKernel.Multiply(w, 1, 9, b, 70, c, 70, 9, 4, 70, default, false, new double[MatrixKernel.PanelLength(4)]);
            for (int r = 0; r < 9; r++)
                for (int j = 0; j < 70; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < 4; k++) sum += w[k * 9 + r] * b[k * 70 + j];
                    Assert.Equal(sum, c[r * 70 + j]);
                }
        }

        [Fact]
        public void NetworkSizedProductsMatchTheDoubleSum()
        {
            // Z1 = W1 X for 784-128 at 1024 samples, and dW1 = dZ1 X^T: within float rounding of the exact (double) sums.
            var random = new Random(11);
            float[] w = Fill(random, 128 * 784), x = Fill(random, 784 * 1024), z = new float[128 * 1024], g = new float[128 * 784];
            float[] panel = new float[MatrixKernel.PanelLength(1024)];
            MatrixKernel.Multiply(w, 784, 1, x, 1024, z, 1024, 128, 784, 1024, default, true, panel);
            MatrixKernel.MultiplyAddTransposed(z, 1024, x, 1024, g, 784, 128, 1024, 784, true, panel);
            for (int r = 0; r < 128; r += 9)
                for (int j = 0; j < 1024; j += 37)
                {
                    double sum = 0, magnitude = 0;
                    for (int k = 0; k < 784; k++)
                    {
                        sum += (double)w[r * 784 + k] * x[k * 1024 + j];
                        magnitude += Math.Abs((double)w[r * 784 + k] * x[k * 1024 + j]);
                    }
                    Assert.True(Math.Abs(sum - z[r * 1024 + j]) <= 784 * 6e-8 * magnitude, $"Z[{r}, {j}]: {z[r * 1024 + j]} against {sum}");
                }
            for (int r = 0; r < 128; r += 11)
                for (int i = 0; i < 784; i += 53)
                {
                    double sum = 0, magnitude = 0;
                    for (int s = 0; s < 1024; s++)
                    {
                        sum += (double)z[r * 1024 + s] * x[i * 1024 + s];
                        magnitude += Math.Abs((double)z[r * 1024 + s] * x[i * 1024 + s]);
                    }
                    Assert.True(Math.Abs(sum - g[r * 784 + i]) <= 1024 * 6e-8 * magnitude, $"G[{r}, {i}]: {g[r * 784 + i]} against {sum}");
                }
        }

        [Fact]
        public void ProductsDoNotAllocate()
        {
            float[] a = new float[20 * 30], b = new float[30 * 100], c = new float[20 * 100], bias = new float[20];
            float[] panel = new float[MatrixKernel.PanelLength(100)];
            for (int warm = 0; warm < 3; warm++) Run();
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run();
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

            void Run()
            {
                MatrixKernel.Multiply(a, 30, 1, b, 100, c, 100, 20, 30, 100, bias, true, panel);
                MatrixKernel.MultiplyAddTransposed(c, 100, b, 100, a, 30, 20, 100, 30, true, panel);
            }
        }

        [Fact]
        public void ShapesThatDoNotFitAreRejectedWithWhatWasExpected()
        {
            float[] a = new float[6], b = new float[6], c = new float[4], panel = new float[MatrixKernel.PanelLength(3)];
            var tooSmallC = Assert.Throws<ArgumentOutOfRangeException>(() => MatrixKernel.Multiply(a, 3, 1, b, 3, c, 2, 2, 3, 3, default, true, panel));
            Assert.Equal("cStride", tooSmallC.ParamName);
            var shortA = Assert.Throws<ArgumentException>(() => MatrixKernel.Multiply(a, 4, 1, b, 2, c, 2, 2, 3, 2, default, true, panel));
            Assert.Equal("a", shortA.ParamName);
            Assert.Contains("A holds 6 elements; 2 x 3 at strides 4, 1 need 7", shortA.Message, StringComparison.Ordinal);
            var shortPanel = Assert.Throws<ArgumentException>(() => MatrixKernel.Multiply(a, 3, 1, b, 2, c, 2, 2, 3, 2, default, true, new float[10]));
            Assert.Equal("panel", shortPanel.ParamName);
            Assert.Contains("depth 3 needs 192", shortPanel.Message, StringComparison.Ordinal);
            var badBias = Assert.Throws<ArgumentException>(() => MatrixKernel.Multiply(a, 3, 1, b, 2, c, 2, 2, 3, 2, new float[1], true, panel));
            Assert.Equal("bias", badBias.ParamName);
            var shortB = Assert.Throws<ArgumentException>(() => MatrixKernel.MultiplyAddTransposed(a, 3, b, 3, c, 3, 1, 3, 3, true, panel));
            Assert.Equal("b", shortB.ParamName);
            Assert.Throws<ArgumentOutOfRangeException>(() => MatrixKernel.PanelLength(-1));
        }

        /// <summary>The element's sum written out: bias first then one fused multiply-add per term, or the plain sum of the
        /// rounded products from zero with the bias last (float arithmetic throughout).</summary>
        private static float Ordered(bool fused, float bias, int depth, Func<int, float> a, Func<int, float> b)
        {
            float sum = fused ? bias : 0f;
            for (int k = 0; k < depth; k++) sum = fused ? VectorMath.MultiplyAdd(a(k), b(k), sum) : sum + a(k) * b(k);
            return fused ? sum : sum + bias;
        }

        private static void AssertBits(float expected, float actual, string what) =>
            Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"{what}: expected {expected:R}, got {actual:R}");

        private static float[] Fill(Random random, int length)
        {
            var values = new float[length];
            for (int i = 0; i < length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
            return values;
        }

        private static double[] FillDouble(Random random, int length)
        {
            var values = new double[length];
            for (int i = 0; i < length; i++) values[i] = random.NextDouble() * 2 - 1;
            return values;
        }
    }
}
