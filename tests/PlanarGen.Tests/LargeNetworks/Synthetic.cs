namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>Seeded synthetic data: features uniform in [-1, 1), labels from a fixed nonlinear rule.</summary>
    internal static class Synthetic
    {
        public static (double[] X, double[] Y) Make(int features, int outputs, int samples, uint seed)
        {
            var random = new NumPyRandom(seed);
            var x = new double[features * samples];
            for (int k = 0; k < x.Length; k++) x[k] = 2 * random.Rand() - 1;
            var y = new double[outputs * samples];
            for (int o = 0; o < outputs; o++)
                for (int s = 0; s < samples; s++)
                {
                    double sum = 0;
                    for (int i = o % features; i < features; i += 1 + o) sum += x[i * samples + s] * ((i & 1) == 0 ? 1 : -1);
                    y[o * samples + s] = sum * x[s] > 0 ? 1 : 0;
                }
            return (x, y);
        }
    }
}
