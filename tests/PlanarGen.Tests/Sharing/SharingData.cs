using System;
using PlanarGen.Tests.LargeNetworks;

namespace PlanarGen.Tests.Sharing
{
    /// <summary>Labelled data sets of several sizes (full blocks, partial blocks and scalar tails for any vector width),
    /// in <typeparamref name="T"/>, and the exact comparisons the sharing tests make.</summary>
    internal sealed class SharingData<T> where T : unmanaged
    {
        public static readonly int[] Sizes = { 203, 64, 37 };

        public SharingData(int inputs, int outputs)
        {
            Inputs = inputs;
            Outputs = outputs;
            X = new T[Sizes.Length][];
            Y = new T[Sizes.Length][];
            for (int k = 0; k < Sizes.Length; k++)
            {
                var (x, y) = Synthetic.Make(inputs, outputs, Sizes[k], (uint)(11 + k));
                X[k] = Convert(x);
                Y[k] = Convert(y);
            }
        }

        public int Inputs { get; }
        public int Outputs { get; }
        public T[][] X { get; }
        public T[][] Y { get; }

        public DataSet<T> Set(int k) => new DataSet<T>(X[k], Y[k], Sizes[k]);

        public static T[] Convert(double[] values)
        {
            if (typeof(T) == typeof(double)) return (T[])(object)values;
            return (T[])(object)Array.ConvertAll(values, v => (float)v);
        }

        public static T FromDouble(double value) =>
            typeof(T) == typeof(double) ? (T)(object)value : (T)(object)(float)value;

        /// <summary>Every parameter of <paramref name="net"/>.</summary>
        public static T[] Parameters<TNet>(ref TNet net) where TNet : INetwork<T>
        {
            var p = new T[net.Shape.ParameterCount];
            net.CopyParametersTo(p);
            return p;
        }
    }
}
