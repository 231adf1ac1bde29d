using System;
using System.Globalization;
using PlanarGen.Generators.Weights;
using Xunit;

namespace PlanarGen.Generators.Tests.Weights
{
    /// <summary>The generator's decimal-to-binary conversion against .NET 10's <c>double.Parse</c>/<c>float.Parse</c>, which
    /// are correctly rounded (IEEE 754-2008 since .NET Core 3.0): random values printed with every digit count, random digit
    /// strings, halfway cases, subnormals and the overflow boundary.</summary>
    public class ExactDecimalTests
    {
        private static void Check(string text)
        {
            double d = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            float f = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            bool doubleOk = ExactDecimal.TryParse(text, 0, text.Length, single: false, out ulong doubleBits);
            bool singleOk = ExactDecimal.TryParse(text, 0, text.Length, single: true, out ulong singleBits);
            Assert.True(doubleOk == !double.IsInfinity(d), $"{text}: double overflow {!doubleOk}, .NET {d}");
            Assert.True(singleOk == !float.IsInfinity(f), $"{text}: float overflow {!singleOk}, .NET {f}");
            if (doubleOk) Assert.True((ulong)BitConverter.DoubleToInt64Bits(d) == doubleBits, $"{text}: double {doubleBits:X16}, .NET {BitConverter.DoubleToInt64Bits(d):X16}");
            if (singleOk) Assert.True((uint)BitConverter.SingleToInt32Bits(f) == singleBits, $"{text}: float {singleBits:X8}, .NET {BitConverter.SingleToInt32Bits(f):X8}");
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-0")]
        [InlineData("-0.0e5")]
        [InlineData("1")]
        [InlineData("0.1")]
        [InlineData("123456789012345678901234567890")]
        [InlineData("4.9406564584124654e-324")]   // smallest double subnormal
        [InlineData("2.4703282292062327e-324")]   // exactly half of it: ties to even, 0
        [InlineData("2.4703282292062328e-324")]   // just above half: the subnormal
        [InlineData("1.7976931348623157e308")]    // largest double
        [InlineData("1.7976931348623158e308")]    // rounds to the largest
        [InlineData("1.797693134862315807e308")]  // at the boundary: overflows
        [InlineData("3.4028234663852886e38")]     // largest float
        [InlineData("3.4028235677973366e38")]     // float overflow boundary region
        [InlineData("1.401298464324817e-45")]     // smallest float subnormal
        [InlineData("7.006492321624085e-46")]     // half of it
        [InlineData("1.1754942e-38")]             // below the smallest normal float
        [InlineData("16777217")]                  // float halfway 2^24 + 1: ties to even
        [InlineData("9007199254740993")]          // double halfway 2^53 + 1
        [InlineData("1e400")]
        [InlineData("1e-400")]
        [InlineData("-1E+39")]
        [InlineData("0.000000000000000000000000000000000000000000001")]
        [InlineData("1e99999999999999999999")]
        [InlineData("1e-99999999999999999999")]
        [InlineData("2.2250738585072011e-308")]   // the value that hung old parsers
        public void EdgeCases(string text) => Check(text);

        [Fact]
        public void RandomDoublesAtEveryPrecision()
        {
            var random = new Random(12);
            for (int k = 0; k < 20_000; k++)
            {
                double value = BitConverter.Int64BitsToDouble((long)(random.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF)) * (random.Next(2) == 0 ? 1 : -1);
                Check(value.ToString("E" + random.Next(0, 25), CultureInfo.InvariantCulture));
                if (!float.IsInfinity((float)value)) Check(((float)value).ToString("R", CultureInfo.InvariantCulture));
            }
        }

        [Fact]
        public void RandomDigitStrings()
        {
            var random = new Random(34);
            for (int k = 0; k < 20_000; k++)
            {
                var digits = new char[random.Next(1, 40)];
                for (int d = 0; d < digits.Length; d++) digits[d] = (char)('0' + random.Next(10));
                string mantissa = new string(digits);
                int point = random.Next(0, digits.Length);
                string text = (random.Next(2) == 0 ? "-" : "") + (point == 0 ? "0." + mantissa : mantissa.Substring(0, point).TrimStart('0').PadLeft(1, '0') + "." + mantissa.Substring(point))
                    + (random.Next(3) == 0 ? "" : "e" + random.Next(-340, 320).ToString(CultureInfo.InvariantCulture));
                Check(text);
            }
        }

        [Fact]
        public void HalfwayCasesBetweenNeighbouringFloats()
        {
            // The exact midpoint of two neighbouring values, written out in full, rounds to the even one; a digit more either way decides.
            var random = new Random(56);
            for (int k = 0; k < 2_000; k++)
            {
                float a = BitConverter.Int32BitsToSingle(random.Next(1, 0x7F7F_FFFF));
                float b = BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) + 1);
                decimal? mid = null;
                try { mid = ((decimal)(double)a + (decimal)(double)b) / 2; } catch (OverflowException) { }
                if (mid is decimal m && m != 0)
                {
                    string text = m.ToString(CultureInfo.InvariantCulture);
                    Check(text);
                }
                double da = a, db = b;
                Check(((da + db) / 2).ToString("E30", CultureInfo.InvariantCulture));
            }
        }
    }
}
