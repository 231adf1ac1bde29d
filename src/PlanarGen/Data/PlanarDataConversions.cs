namespace PlanarGen
{
    /// <summary>Precision conversions between <see cref="PlanarData{T}"/> instances.</summary>
    public static class PlanarDataConversions
    {
        /// <summary>Rounds every value to <see cref="float"/> (labels 0 and 1 stay exact).</summary>
        public static PlanarData<float> ToSingle(this PlanarData<double> data)
        {
            var x = new float[data.X.Length];
            var y = new float[data.Y.Length];
            for (int i = 0; i < x.Length; i++) x[i] = (float)data.X[i];
            for (int i = 0; i < y.Length; i++) y[i] = (float)data.Y[i];
            return new PlanarData<float>(x, y, data.SampleCount);
        }

        /// <summary>Widens every value to <see cref="double"/> (exact).</summary>
        public static PlanarData<double> ToDouble(this PlanarData<float> data)
        {
            var x = new double[data.X.Length];
            var y = new double[data.Y.Length];
            for (int i = 0; i < x.Length; i++) x[i] = data.X[i];
            for (int i = 0; i < y.Length; i++) y[i] = data.Y[i];
            return new PlanarData<double>(x, y, data.SampleCount);
        }
    }
}
