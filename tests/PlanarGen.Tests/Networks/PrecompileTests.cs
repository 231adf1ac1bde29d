using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace PlanarGen.Tests.Networks
{
    // Types used only here, so no other test has compiled their methods. Each measured type has a twin of the same shape
    // that runs the same calls first, so the runtime library's own methods (DataSet, validation, options) are compiled
    // before the measurement and only the network's methods are left to count.
    [Network(Inputs = 2, Hidden = 3, Outputs = 1)] public partial struct PrecompiledFloat { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1)] public partial struct ColdFloat { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1)] public partial struct WarmFloat { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, Precision = Precision.Double)] public partial struct PrecompiledDouble { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, Precision = Precision.Double)] public partial struct WarmDouble { }
    [Network(Inputs = 2, Hidden = 90, Outputs = 1)] public partial struct PrecompiledLoop { }     // 361 parameters: loop form
    [Network(Inputs = 2, Hidden = 90, Outputs = 1)] public partial struct WarmLoop { }

    /// <summary>
    /// <c>Precompile()</c> leaves nothing for the JIT at the first training and prediction calls (for the vectors this process
    /// chose: CI runs this class again with PLANARGEN_VECTOR512=1). Counted with <c>JitInfo.GetCompiledMethodCount</c> on
    /// this thread, not timed; the cold twin shows that the count does see those compilations.
    /// </summary>
    public class PrecompileTests
    {
        private static readonly PlanarData<float> Flower32 = PlanarDataSets.Flower().ToSingle();
        private static readonly PlanarData<double> Flower64 = PlanarDataSets.Flower();

        [Fact]
        public void UnrolledFloatNetworkCompilesNothingAtItsFirstCalls()
        {
            WarmUp<WarmFloat, float>(Flower32, 0.5f);
            PrecompiledFloat.Precompile();
            Assert.Equal(0, FirstCalls<PrecompiledFloat, float>(Flower32, 0.5f));
        }

        [Fact]
        public void WithoutPrecompileTheFirstCallsDoCompile()
        {
            WarmUp<WarmFloat, float>(Flower32, 0.5f);
            long compiled = FirstCalls<ColdFloat, float>(Flower32, 0.5f);
            Assert.True(compiled >= 8, $"only {compiled} methods compiled: the count should see StepCore, the batch kernels and the public methods");
        }

        [Fact]
        public void DoubleNetworkCompilesNothingAtItsFirstCalls()
        {
            WarmUp<WarmDouble, double>(Flower64, 0.5);
            PrecompiledDouble.Precompile();
            Assert.Equal(0, FirstCalls<PrecompiledDouble, double>(Flower64, 0.5));
        }

        [Fact]
        public void LoopFormNetworkCompilesNothingAtItsFirstCalls()
        {
            WarmUp<WarmLoop, float>(Flower32, 0.5f);
            PrecompiledLoop.Precompile();
            Assert.Equal(0, FirstCalls<PrecompiledLoop, float>(Flower32, 0.5f));
        }

        [Fact]
        public void PreparationNamesAMissingMethod()
        {
            var error = Assert.Throws<ArgumentException>(() => CodePreparation.Prepare(typeof(PrecompiledFloat), "NoSuchMethod"));
            Assert.Contains("PrecompiledFloat", error.Message);
            Assert.Contains("'NoSuchMethod'", error.Message);
        }

        /// <summary>The twin runs the same calls, compiling the runtime library methods they use (and this class's helper for the twin).</summary>
        private static void WarmUp<TWarm, T>(PlanarData<T> data, T rate) where TWarm : struct, INetwork<T> where T : unmanaged
        {
            var warm = new TWarm();
            warm.Initialize(new NumPyRandom(1));
            Calls(ref warm, data, rate, new T[2], new T[1], new T[data.SampleCount]);
        }

        /// <summary>How many methods this thread compiled during the first calls of a new network of type TNet. The measuring
        /// helpers are compiled for TNet beforehand, so only what the network's calls need is counted.</summary>
        private static long FirstCalls<TNet, T>(PlanarData<T> data, T rate) where TNet : struct, INetwork<T> where T : unmanaged
        {
            var net = new TNet();
            net.Initialize(new NumPyRandom(1));
            foreach (string helper in new[] { nameof(Measure), nameof(Calls) })
            {
                MethodInfo method = typeof(PrecompileTests).GetMethod(helper, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeof(TNet), typeof(T));
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
            T[] input = new T[2], output = new T[1], probabilities = new T[data.SampleCount];
            return Measure(ref net, data, rate, input, output, probabilities);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static long Measure<TNet, T>(ref TNet net, PlanarData<T> data, T rate, T[] input, T[] output, T[] probabilities)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            long before = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
            Calls(ref net, data, rate, input, output, probabilities);
            return System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - before;
        }

        /// <summary>The calls a game makes: every public training and prediction method once.</summary>
        private static void Calls<TNet, T>(ref TNet net, PlanarData<T> data, T rate, T[] input, T[] output, T[] probabilities)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            net.Predict(input, output);
            net.PredictBatch(data.AsDataSet(), probabilities);
            net.Cost(data.AsDataSet());
            net.Accuracy(data.AsDataSet());
            net.TrainStep(data.AsDataSet(), rate);
            net.Train(data.AsDataSet(), new TrainingOptions(3, 0.5));
        }
    }
}
