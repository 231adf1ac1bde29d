using System.Globalization;
using System.Linq;
using System.Threading;
using PlanarGen.Generators.Emit;
using PlanarGen.Generators.Tests.Infrastructure;
using Xunit;

namespace PlanarGen.Generators.Tests.Emit
{
    /// <summary>The emitter is a pure function of its model: same bytes on every call and under any current culture.</summary>
    public class DeterminismTests
    {
        // LeakyReLU with a fractional slope and double precision puts decimal literals (0.5, 0.125) in the output.
        private static Model.NetworkSpec Spec() =>
            Specs.Network(3, 6, 2, Activation.LeakyReLU, Precision.Double, name: "CultureNet", leakySlope: 0.125);

        private static Model.NetworkSpec SingleSpec() =>
            Specs.Network(2, 4, 1, Activation.LeakyReLU, Precision.Single, name: "CultureNet", leakySlope: 0.0625);

        [Fact]
        public void EmittingTwiceGivesIdenticalBytes()
        {
            byte[] first = Bytes(Spec());
            byte[] second = Bytes(Spec());
            Assert.Equal(first, second);
        }

        [Theory]
        [InlineData("fi-FI")]
        [InlineData("ar-SA")]
        [InlineData("de-DE")]
        [InlineData("tr-TR")]
        public void OutputDoesNotDependOnCurrentCulture(string cultureName)
        {
            byte[] invariant = InCulture(CultureInfo.InvariantCulture, () => Bytes(Spec()));
            byte[] invariantSingle = InCulture(CultureInfo.InvariantCulture, () => Bytes(SingleSpec()));
            var culture = new CultureInfo(cultureName);
            // Make sure the culture really differs from invariant formatting, or the test proves nothing.
            Assert.NotEqual((-1.5).ToString(CultureInfo.InvariantCulture), (-1.5).ToString(culture));

            Assert.Equal(invariant, InCulture(culture, () => Bytes(Spec())));
            Assert.Equal(invariantSingle, InCulture(culture, () => Bytes(SingleSpec())));
        }

        [Fact]
        public void DriverOutputDoesNotDependOnCurrentCulture()
        {
            string invariant = InCulture(CultureInfo.InvariantCulture, () => DriverText());
            Assert.Equal(invariant, InCulture(new CultureInfo("fi-FI"), () => DriverText()));
            Assert.Equal(invariant, InCulture(new CultureInfo("ar-SA"), () => DriverText()));
        }

        private static string DriverText() =>
            string.Join("\n", GeneratorHarness.Run(Sources.TwoNetworksInOneFile).Sources.Select(s => s.SourceText.ToString()));

        private static byte[] Bytes(Model.NetworkSpec spec)
        {
            var text = NetworkEmitter.Emit(spec, CancellationToken.None);
            return text.Encoding!.GetBytes(text.ToString());
        }

        private static T InCulture<T>(CultureInfo culture, System.Func<T> action)
        {
            CultureInfo culture0 = CultureInfo.CurrentCulture, ui0 = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                return action();
            }
            finally
            {
                CultureInfo.CurrentCulture = culture0;
                CultureInfo.CurrentUICulture = ui0;
            }
        }
    }
}
