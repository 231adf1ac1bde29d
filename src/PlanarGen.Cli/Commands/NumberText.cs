using System.Globalization;

namespace PlanarGen.Cli.Commands
{
    /// <summary>
    /// Reads numbers from the command line the same way under every culture: digits, an optional sign, a dot for
    /// decimals and an exponent, nothing else. A comma or other group separator is an error, never silently dropped
    /// (<c>1,2</c> must not become 12), and so is any trailing text or space.
    /// </summary>
    internal static class NumberText
    {
        private const NumberStyles WholeStyle = NumberStyles.AllowLeadingSign;
        private const NumberStyles RealStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

        /// <summary>An int, or an error message naming <paramref name="option"/> and what was wrong.</summary>
        public static bool TryInt(string option, string text, out int value, out string error)
        {
            if (int.TryParse(text, WholeStyle, CultureInfo.InvariantCulture, out value))
            {
                error = "";
                return true;
            }

            error = IsDigits(text)
                ? $"{option}: '{text}' is out of range (at most {int.MaxValue})."
                : $"{option}: '{text}' is not a whole number; write digits only, without group separators (e.g. 10000).";
            return false;
        }

        /// <summary>A NumPy seed: 0 to 4294967295.</summary>
        public static bool TryUInt(string option, string text, out uint value, out string error)
        {
            if (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                error = "";
                return true;
            }

            error = IsDigits(text)
                ? $"{option}: '{text}' is out of range (0 to {uint.MaxValue})."
                : $"{option}: '{text}' is not a whole number from 0 to {uint.MaxValue}; write digits only, without group separators.";
            return false;
        }

        /// <summary>A double written with a dot for decimals (and optionally an exponent: 1e-3).</summary>
        public static bool TryDouble(string option, string text, out double value, out string error)
        {
            if (double.TryParse(text, RealStyle, CultureInfo.InvariantCulture, out value))
            {
                error = "";
                return true;
            }

            error = $"{option}: '{text}' is not a number; write it with a dot for decimals and without group separators (e.g. 1.2).";
            return false;
        }

        private static bool IsDigits(string text)
        {
            string digits = text.StartsWith('-') || text.StartsWith('+') ? text.Substring(1) : text;
            if (digits.Length == 0) return false;
            foreach (char c in digits)
                if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
