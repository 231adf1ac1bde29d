using System;
using System.Globalization;

namespace PlanarGen.Weights
{
    /// <summary>
    /// Writes numbers that parse back to the same bits on every host. "R" is the shortest round-trip form on .NET Core 3.0
    /// and later; older runtimes (.NET Framework, some Mono versions) could print a double "R" that does not round-trip,
    /// so each result is parsed back and, if it differs, replaced by "G17" (double) or "G9" (float), which always round-trip.
    /// </summary>
    internal static class NumberText
    {
        public static string Format(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double back)
                && BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(value))
                return text;
            return value.ToString("G17", CultureInfo.InvariantCulture);
        }

        public static string Format(float value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float back)
                && BitConverter.SingleToInt32Bits(back) == BitConverter.SingleToInt32Bits(value))
                return text;
            return value.ToString("G9", CultureInfo.InvariantCulture);
        }
    }
}
