using System;
using System.Numerics;
using System.Runtime.Intrinsics;
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
    }
}
