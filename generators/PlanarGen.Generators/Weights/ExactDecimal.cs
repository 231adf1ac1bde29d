using System.Numerics;

namespace PlanarGen.Generators.Weights
{
    /// <summary>
    /// Decimal text to the nearest binary32 or binary64 value (ties to even), with integer arithmetic only: the generator
    /// may run on .NET Framework (Visual Studio), whose <c>double.Parse</c> is not always correctly rounded, and a baked
    /// parameter must be exactly the value the runtime's reader gives.
    /// </summary>
    internal static class ExactDecimal
    {
        /// <summary>Decimal exponents beyond this are clamped: with at most 128 digits the value is then far outside both formats.</summary>
        private const int ExponentClamp = 100_000;

        /// <summary>The IEEE bits of the JSON number <paramref name="text"/>[start, start + length) rounded to binary32
        /// (<paramref name="single"/>) or binary64; false when its magnitude rounds beyond the largest finite value.
        /// The token must already match the JSON number grammar.</summary>
        public static bool TryParse(string text, int start, int length, bool single, out ulong bits)
        {
            int significandBits = single ? 24 : 53;        // with the hidden bit
            int minExponent = single ? -149 : -1074;        // exponent of the last bit of the smallest subnormal
            int maxExponent = single ? 104 : 971;           // exponent of the last bit of the largest finite value
            int width = single ? 32 : 64;

            int end = start + length, pos = start;
            bool negative = text[pos] == '-';
            if (negative) pos++;
            var digits = new System.Text.StringBuilder(length);
            int exponent10 = 0;
            for (; pos < end && text[pos] >= '0' && text[pos] <= '9'; pos++) Append(digits, text[pos]);
            if (pos < end && text[pos] == '.')
                for (pos++; pos < end && text[pos] >= '0' && text[pos] <= '9'; pos++)
                {
                    Append(digits, text[pos]);
                    exponent10--;
                }
            if (pos < end && (text[pos] == 'e' || text[pos] == 'E'))
            {
                pos++;
                bool negativeExponent = pos < end && text[pos] == '-';
                if (pos < end && (text[pos] == '-' || text[pos] == '+')) pos++;
                int e = 0;
                for (; pos < end; pos++) e = e >= ExponentClamp ? ExponentClamp : e * 10 + (text[pos] - '0');
                exponent10 += negativeExponent ? -e : e;
            }

            ulong sign = negative ? 1UL << (width - 1) : 0;
            if (digits.Length == 0)
            {
                bits = sign;                                  // zero, with its sign
                return true;
            }
            // value = digits x 10^exponent10, and 10^(decimalExponent - 1) <= value < 10^decimalExponent.
            int decimalExponent = digits.Length + exponent10;
            if (decimalExponent > (single ? 40 : 310))
            {
                bits = 0;
                return false;                                 // at least 10^39 (10^309): beyond float (double)
            }
            if (decimalExponent < (single ? -47 : -326))
            {
                bits = sign;                                  // below half the smallest subnormal: rounds to zero
                return true;
            }

            BigInteger numerator = BigInteger.Parse(digits.ToString(), System.Globalization.CultureInfo.InvariantCulture);
            BigInteger denominator = BigInteger.One;
            if (exponent10 > 0) numerator *= BigInteger.Pow(10, exponent10);
            else denominator = BigInteger.Pow(10, -exponent10);

            // Find k with 2^(p-1) <= value / 2^k < 2^p (or k = minExponent for subnormals), then round the quotient.
            int k = BitLength(numerator) - BitLength(denominator) - significandBits;
            if (k < minExponent) k = minExponent;
            BigInteger low = BigInteger.One << (significandBits - 1), high = BigInteger.One << significandBits;
            BigInteger quotient, remainder, divisor;
            while (true)
            {
                BigInteger scaledNumerator = k < 0 ? numerator << -k : numerator;
                divisor = k > 0 ? denominator << k : denominator;
                quotient = BigInteger.DivRem(scaledNumerator, divisor, out remainder);
                if (quotient >= high) k++;
                else if (quotient < low && k > minExponent) k--;
                else break;
            }
            BigInteger twice = remainder << 1;
            if (twice > divisor || (twice == divisor && !quotient.IsEven)) quotient += 1;
            if (quotient == high)
            {
                quotient >>= 1;
                k++;
            }
            if (k > maxExponent)
            {
                bits = 0;
                return false;
            }
            ulong q = (ulong)quotient;
            ulong hidden = 1UL << (significandBits - 1);
            bits = q < hidden
                ? sign | q                                                                             // subnormal (k = minExponent)
                : sign | ((ulong)(k - minExponent + 1) << (significandBits - 1)) | (q - hidden);   // normal
            return true;
        }

        /// <summary>Significant digits only: leading zeros are dropped (the exponent already counts every fraction digit).</summary>
        private static void Append(System.Text.StringBuilder digits, char c)
        {
            if (digits.Length > 0 || c != '0') digits.Append(c);
        }

        private static int BitLength(BigInteger value)
        {
            byte[] bytes = value.ToByteArray();                // little-endian, two's complement; value > 0
            int top = bytes.Length - 1;
            while (top > 0 && bytes[top] == 0) top--;
            int bits = top * 8;
            for (int b = bytes[top]; b != 0; b >>= 1) bits++;
            return bits;
        }
    }
}
