using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Xunit;
using PlanarGen.Testing;

namespace PlanarGen.Tests.Networks
{
    /// <summary>The shape of a test network, read back from its [Network] attribute.</summary>
    public sealed record NetworkShape(string Name, int Inputs, int Hidden, int Outputs, Activation HiddenActivation, double LeakySlope, bool IsSingle,
        Activation OutputActivation = Activation.Sigmoid)
    {
        public int ParameterCount => Hidden * Inputs + Hidden + Outputs * Hidden + Outputs;

        public ReferenceNetwork NewReference() =>
            new ReferenceNetwork(Inputs, Hidden, Outputs, ReferenceNetwork.ActivationNamed(HiddenActivation.ToString()), LeakySlope,
                ReferenceNetwork.ActivationNamed(OutputActivation.ToString()));

        /// <summary>Parameter groups in order: W1, b1, W2, b2 (start, length, name).</summary>
        public (int Start, int Length, string Name)[] Groups => new[]
        {
            (0, Hidden * Inputs, "W1"),
            (Hidden * Inputs, Hidden, "b1"),
            (Hidden * Inputs + Hidden, Outputs * Hidden, "W2"),
            (Hidden * Inputs + Hidden + Outputs * Hidden, Outputs, "b2"),
        };

        public static NetworkShape Of(Type type)
        {
            NetworkAttribute a = type.GetCustomAttribute<NetworkAttribute>()
                ?? throw new InvalidOperationException($"{type.Name} has no [Network] attribute.");
            return new NetworkShape(type.Name, a.Inputs, a.Hidden, a.Outputs, a.HiddenActivation, a.LeakySlope, a.Precision == Precision.Single,
                a.OutputActivation);
        }
    }

    /// <summary>Every network the generic tests run on, and the dispatch from a theory's name to a generic test body.</summary>
    public static class NetworkCatalog
    {
        public static readonly Type[] All =
        {
            typeof(FlowerNet), typeof(FlowerNet64), typeof(LeakyNet),
            typeof(Tanh352), typeof(Tanh352Double), typeof(Sigmoid352), typeof(Sigmoid352Double),
            typeof(Relu352), typeof(Relu352Double), typeof(Leaky352), typeof(Leaky352Double),
            typeof(Tiny111), typeof(Tiny111Double), typeof(Wide2151), typeof(Wide2151Double),
            typeof(Odd653), typeof(Odd653Double),
        };

        /// <summary>Sample counts: 1 and 3 are below one vector of any width (scalar tail only); 37 is prime, so it leaves
        /// a scalar tail for every Vector&lt;T&gt;.Count (2, 4, 8, 16) while still running several SIMD chunks.</summary>
        public static readonly int[] SampleCounts = { 1, 3, 37 };

        public static TheoryData<string> Names()
        {
            var data = new TheoryData<string>();
            foreach (Type t in All) data.Add(t.Name);
            return data;
        }

        public static TheoryData<string, int> NamesAndSampleCounts()
        {
            var data = new TheoryData<string, int>();
            foreach (Type t in All)
                foreach (int m in SampleCounts) data.Add(t.Name, m);
            return data;
        }

        /// <summary>The softmax and linear networks (Declarations.cs): every output x hidden activation x precision, unrolled
        /// (fused layer passes and plain), loop form and Deterministic. Kept apart from <see cref="All"/>, whose tests assume
        /// sigmoid outputs (accuracy, 0/1 labels).</summary>
        public static readonly Type[] OtherOutputs =
        {
            typeof(SoftmaxTanh353), typeof(SoftmaxTanh353Double), typeof(SoftmaxSigmoid353), typeof(SoftmaxSigmoid353Double),
            typeof(SoftmaxRelu353), typeof(SoftmaxRelu353Double), typeof(SoftmaxLeaky353), typeof(SoftmaxLeaky353Double),
            typeof(LinearTanh352), typeof(LinearTanh352Double), typeof(LinearSigmoid352), typeof(LinearSigmoid352Double),
            typeof(LinearRelu352), typeof(LinearRelu352Double), typeof(LinearLeaky352), typeof(LinearLeaky352Double),
            typeof(SoftmaxTanh383), typeof(LinearRelu382),
            typeof(SoftmaxTanhLoop), typeof(SoftmaxTanhLoopDouble), typeof(SoftmaxSigmoidLoop), typeof(SoftmaxSigmoidLoopDouble),
            typeof(SoftmaxReluLoop), typeof(SoftmaxReluLoopDouble), typeof(SoftmaxLeakyLoop), typeof(SoftmaxLeakyLoopDouble),
            typeof(LinearTanhLoop), typeof(LinearTanhLoopDouble), typeof(LinearSigmoidLoop), typeof(LinearSigmoidLoopDouble),
            typeof(LinearReluLoop), typeof(LinearReluLoopDouble), typeof(LinearLeakyLoop), typeof(LinearLeakyLoopDouble),
            typeof(SoftmaxDeterministic), typeof(SoftmaxDeterministicDouble), typeof(LinearDeterministic), typeof(LinearDeterministicDouble),
            typeof(SoftmaxLeakyDeterministic), typeof(LinearReluDeterministicDouble),
        };

        public static TheoryData<string, int> OtherOutputNamesAndSampleCounts()
        {
            var data = new TheoryData<string, int>();
            foreach (Type t in OtherOutputs)
                foreach (int m in SampleCounts) data.Add(t.Name, m);
            return data;
        }

        public static TheoryData<string> FloatNames() => Filter(single: true);

        public static TheoryData<string> DoubleNames() => Filter(single: false);

        private static TheoryData<string> Filter(bool single)
        {
            var data = new TheoryData<string>();
            foreach (Type t in All.Where(t => NetworkShape.Of(t).IsSingle == single)) data.Add(t.Name);
            return data;
        }

        public static Type Find(string name) => All.Concat(OtherOutputs).Single(t => t.Name == name);

        /// <summary>Calls <c>host.method&lt;TNet, T&gt;(args)</c> for the named network, without wrapping exceptions.</summary>
        public static void Run(Type host, string method, string network, params object[] args) =>
            Run(host, method, Find(network), args);

        /// <summary>Calls <c>host.method&lt;TNet, T&gt;(args)</c> for any network type (also those outside <see cref="All"/>).</summary>
        public static void Run(Type host, string method, Type net, params object[] args)
        {
            Type element = NetworkShape.Of(net).IsSingle ? typeof(float) : typeof(double);
            MethodInfo generic = host.GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                ?? throw new MissingMethodException(host.Name, method);
            generic.MakeGenericMethod(net, element).Invoke(null, BindingFlags.DoNotWrapExceptions, null, args, null);
        }
    }

    /// <summary>Seeded data and parameters, and conversions between T and double.</summary>
    public static class TestData
    {
        public static double D<T>(T value) where T : unmanaged, IBinaryFloatingPointIeee754<T> => double.CreateTruncating(value);

        public static T C<T>(double value) where T : unmanaged, IBinaryFloatingPointIeee754<T> => T.CreateTruncating(value);

        public static double[] ToDouble<T>(ReadOnlySpan<T> values) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var result = new double[values.Length];
            for (int k = 0; k < values.Length; k++) result[k] = D(values[k]);
            return result;
        }

        public static double Normal(Random random)
        {
            double u1 = 1.0 - random.NextDouble();
            double u2 = random.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }

        /// <summary>Features ~ N(0, 1) (features x m) and labels (outputs x m), both rounded to T: 0/1 for a sigmoid output,
        /// a random one-hot column for softmax, N(0, 1) values for linear.</summary>
        public static (T[] X, T[] Y) Samples<T>(NetworkShape shape, int m, int seed) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var random = new Random(seed);
            var x = new T[shape.Inputs * m];
            var y = new T[shape.Outputs * m];
            for (int k = 0; k < x.Length; k++) x[k] = C<T>(Normal(random));
            if (shape.OutputActivation == Activation.Softmax)
                for (int s = 0; s < m; s++) y[random.Next(shape.Outputs) * m + s] = T.One;
            else if (shape.OutputActivation == Activation.Linear)
                for (int k = 0; k < y.Length; k++) y[k] = C<T>(Normal(random));
            else
                for (int k = 0; k < y.Length; k++) y[k] = random.Next(2) == 0 ? T.Zero : T.One;
            return (x, y);
        }

        /// <summary>Parameters ~ scale * N(0, 1), rounded to T.</summary>
        public static T[] Parameters<T>(NetworkShape shape, int seed, double scale = 0.5) where T : unmanaged, IBinaryFloatingPointIeee754<T>
        {
            var random = new Random(seed);
            var p = new T[shape.ParameterCount];
            for (int k = 0; k < p.Length; k++) p[k] = C<T>(scale * Normal(random));
            return p;
        }

        /// <summary>A network of type TNet with the given parameters.</summary>
        public static TNet Load<TNet, T>(ReadOnlySpan<T> parameters)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            var net = new TNet();
            net.LoadParameters(parameters);
            return net;
        }

        public static T[] ParametersOf<TNet, T>(in TNet net, int count)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            var p = new T[count];
            TNet copy = net;
            copy.CopyParametersTo(p);
            return p;
        }

        /// <summary>Column <paramref name="s"/> of a features x m matrix.</summary>
        public static T[] Column<T>(T[] matrix, int rows, int m, int s)
        {
            var column = new T[rows];
            for (int r = 0; r < rows; r++) column[r] = matrix[r * m + s];
            return column;
        }
    }

    /// <summary>A struct observer that records into arrays allocated before training (so it allocates nothing).</summary>
    public struct RecordingObserver : ITrainingObserver
    {
        public RecordingObserver(int capacity)
        {
            Iterations = new int[capacity];
            Costs = new double[capacity];
            Count = 0;
        }

        public int[] Iterations { get; }
        public double[] Costs { get; }
        public int Count { get; private set; }

        public bool OnCost(int iteration, double cost)
        {
            if (Count == Iterations.Length) throw new InvalidOperationException($"More than {Iterations.Length} reports.");
            Iterations[Count] = iteration;
            Costs[Count] = cost;
            Count++;
            return true;
        }

        public void Reset() => Count = 0;
    }

    /// <summary>A struct observer that only counts (for allocation tests).</summary>
    public struct CountingObserver : ITrainingObserver
    {
        public int Count;
        public double Sum;

        public bool OnCost(int iteration, double cost)
        {
            Count++;
            Sum += cost;
            return true;
        }
    }

    /// <summary>Shared numeric assertions.</summary>
    public static class Check
    {
        /// <summary>|actual - expected| &lt;= tolerance * max(|expected_k|, max_j |expected_j|) for every k.</summary>
        public static void Close(double[] expected, double[] actual, double tolerance, string what)
        {
            Assert.Equal(expected.Length, actual.Length);
            double scale = MaxAbs(expected);
            for (int k = 0; k < expected.Length; k++)
            {
                double allowed = tolerance * Math.Max(Math.Abs(expected[k]), scale);
                Assert.True(Math.Abs(actual[k] - expected[k]) <= allowed,
                    $"{what}: [{k}] is {actual[k]:R}, expected {expected[k]:R} (difference {Math.Abs(actual[k] - expected[k]):E2}, allowed {allowed:E2}).");
            }
        }

        public static double MaxAbs(double[] values)
        {
            double max = 0;
            foreach (double v in values) max = Math.Max(max, Math.Abs(v));
            return max;
        }
    }
}
