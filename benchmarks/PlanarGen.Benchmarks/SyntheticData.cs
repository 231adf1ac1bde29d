namespace PlanarGen.Benchmarks
{
    /// <summary>Seeded synthetic classification data: labels from random hyperplanes through the origin.</summary>
    public static class SyntheticData
    {
        public static PlanarData<float> Make(int features, int outputs, int samples, uint seed)
        {
            var random = new NumPyRandom(seed);
            var x = new float[features * samples];
            var y = new float[outputs * samples];
            var planes = new double[outputs * features];
            random.Randn(planes);
            for (int k = 0; k < x.Length; k++) x[k] = (float)random.Randn();
            for (int o = 0; o < outputs; o++)
                for (int s = 0; s < samples; s++)
                {
                    double dot = 0;
                    for (int f = 0; f < features; f++) dot += planes[o * features + f] * x[f * samples + s];
                    y[o * samples + s] = dot > 0 ? 1f : 0f;
                }
            return new PlanarData<float>(x, y, samples);
        }
    }
}
