using System;
using System.IO;
using System.Numerics;
using System.Reflection;
using System.Runtime.Intrinsics;
using System.Runtime.Loader;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Networks
{
    /// <summary>The run-time choice between the generated float networks' Vector512 and Vector&lt;T&gt; kernels.</summary>
    public class SimdPathTests
    {
        private readonly ITestOutputHelper _output;

        public SimdPathTests(ITestOutputHelper output) => _output = output;

        [Theory]
        [InlineData(null, true, 8, true)]       // AVX-512 machine, Vector<T> at its default 256 bits
        [InlineData(null, true, 16, false)]     // DOTNET_MaxVectorTBitWidth=512: Vector<T> is already as wide
        [InlineData(null, false, 8, false)]     // AVX2 only
        [InlineData(null, false, 4, false)]     // Arm64
        [InlineData("", true, 8, true)]
        [InlineData(" Auto ", true, 8, true)]
        [InlineData("auto", false, 8, false)]
        [InlineData("1", false, 8, true)]       // forced: runs in software where not accelerated
        [InlineData("1", true, 16, true)]
        [InlineData("0", true, 8, false)]       // pinned off, e.g. to train with the same bits as a 256-bit machine
        public void DecidesFromTheSettingAndTheHardware(string? setting, bool accelerated, int vectorLanes, bool expected) =>
            Assert.Equal(expected, SimdPath.Decide(setting, accelerated, vectorLanes));

        [Theory]
        [InlineData("yes")]
        [InlineData("2")]
        [InlineData("true")]
        [InlineData("bogus")]
        public void RejectsOtherSettingsWithAMessageThatNamesTheVariable(string setting)
        {
            var error = Assert.Throws<InvalidOperationException>(() => SimdPath.Decide(setting, true, 8));
            Assert.Contains(SimdPath.Vector512Variable, error.Message);
            Assert.Contains($"'{setting}'", error.Message);
            Assert.Contains("auto, 1", error.Message);
        }

        /// <summary>The process's choice follows its environment: CI runs the suite again with PLANARGEN_VECTOR512=1, and this
        /// test makes sure that pass really runs the 512-bit kernels.</summary>
        [Fact]
        public void ThisProcessUsesTheChoiceItsEnvironmentAsksFor()
        {
            string? setting = Environment.GetEnvironmentVariable(SimdPath.Vector512Variable);
            _output.WriteLine($"{SimdPath.Vector512Variable}={setting ?? "(unset)"}, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, " +
                $"Vector<float>.Count = {Vector<float>.Count}, UsesVector512 = {SimdPath.UsesVector512}");
            // Spelled out here rather than through Decide, so a wrong rule in SimdPath cannot agree with itself.
            bool expected = setting == "1" || (setting != "0" && Vector512.IsHardwareAccelerated && Vector<float>.Count < 16);
            Assert.Equal(expected, SimdPath.UsesVector512);
        }

        /// <summary>
        /// A bad PLANARGEN_VECTOR512, end to end: a fresh copy of PlanarGen (and of this assembly's networks) in its own load
        /// context reads the variable again. The first batch method of a float network and of a double network (which has no
        /// 512-bit kernels, but must not ignore a typo) both throw an InvalidOperationException that names the variable and its
        /// values (not a TypeInitializationException), at every call; with a good value nothing throws, and a second PredictBatch
        /// allocates nothing in steady state.
        /// </summary>
        [Fact]
        public void ABadSettingIsReportedByFloatAndDoubleNetworksWithTheVariablesName()
        {
            string[] bad = RunInFreshContext("bogus");
            foreach (string? outcome in bad) _output.WriteLine(outcome ?? "(not measured)");
            string expected = $"System.InvalidOperationException: Expected the environment variable {SimdPath.Vector512Variable} to be unset, auto, 1";
            Assert.StartsWith(expected, bad[0]);     // float PredictBatch
            Assert.Contains("'bogus'", bad[0]);
            Assert.StartsWith(expected, bad[1]);     // float PredictBatch again: still the same exception
            Assert.StartsWith(expected, bad[2]);     // double PredictBatch
            Assert.StartsWith(expected, bad[3]);     // double Train

            foreach (string good in new[] { "1", " 0 ", "AUTO" })
            {
                string[] outcomes = RunInFreshContext(good);
                Assert.Equal(new[] { "ok", "ok", "ok", "ok", "0 bytes" }, outcomes);
            }
        }

        /// <summary>Runs <see cref="SimdPathProbe.Run"/> in a new load context with the variable set to <paramref name="value"/>,
        /// then restores it. This class's tests are the only ones that read the variable, and xunit does not run them in
        /// parallel with each other; this process's own SimdPath has made its choice before the variable changes.</summary>
        private static string[] RunInFreshContext(string value)
        {
            _ = SimdPath.UsesVector512;
            string? saved = Environment.GetEnvironmentVariable(SimdPath.Vector512Variable);
            var context = new FreshContext();
            try
            {
                Environment.SetEnvironmentVariable(SimdPath.Vector512Variable, value);
                Assembly tests = context.LoadFromAssemblyPath(typeof(SimdPathTests).Assembly.Location);
                MethodInfo run = tests.GetType(typeof(SimdPathProbe).FullName!)!.GetMethod(nameof(SimdPathProbe.Run))!;
                return (string[])run.Invoke(null, null)!;
            }
            finally
            {
                Environment.SetEnvironmentVariable(SimdPath.Vector512Variable, saved);
                context.Unload();
            }
        }

        /// <summary>Loads PlanarGen and this test assembly afresh (so their statics start over); everything else is shared.</summary>
        private sealed class FreshContext : AssemblyLoadContext
        {
            public FreshContext() : base(isCollectible: true)
            {
            }

            protected override Assembly? Load(AssemblyName name) =>
                name.Name is "PlanarGen" or "PlanarGen.Tests"
                    ? LoadFromAssemblyPath(Path.Combine(Path.GetDirectoryName(typeof(SimdPathTests).Assembly.Location)!, name.Name + ".dll"))
                    : null;
        }
    }

    /// <summary>What the first uses of a float and a double network do, run inside <c>SimdPathTests.FreshContext</c>.</summary>
    public static class SimdPathProbe
    {
        public static string[] Run()
        {
            var x = new float[2 * 37];
            var xd = new double[2 * 37];
            var y = new double[37];
            var p = new float[37];
            var pd = new double[37];
            var flower = new FlowerNet();
            flower.Initialize(new NumPyRandom(2));
            var flower64 = new FlowerNet64();
            flower64.Initialize(new NumPyRandom(2));
            var outcomes = new string[5];
            outcomes[0] = Outcome(() => flower.PredictBatch(new DataSet<float>(x, 37), p));
            outcomes[1] = Outcome(() => flower.PredictBatch(new DataSet<float>(x, 37), p));
            outcomes[2] = Outcome(() => flower64.PredictBatch(new DataSet<double>(xd, 37), pd));
            outcomes[3] = Outcome(() => flower64.Train(new DataSet<double>(xd, y, 37), new TrainingOptions(1, 1.2)));
            if (outcomes[0] == "ok")
            {
                // Warmed up and measured as AllocationTests does (tiering may allocate during the first calls).
                for (int i = 0; i < 100; i++) flower.PredictBatch(new DataSet<float>(x, 37), p);
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 2_000; i++) flower.PredictBatch(new DataSet<float>(x, 37), p);
                outcomes[4] = $"{GC.GetAllocatedBytesForCurrentThread() - before} bytes";
            }
            return outcomes;
        }

        private static string Outcome(Action action)
        {
            try
            {
                action();
                return "ok";
            }
            catch (Exception e)
            {
                return $"{e.GetType().FullName}: {e.Message}";
            }
        }
    }
}
