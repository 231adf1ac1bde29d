using System.Globalization;

namespace PlanarGen.Generators.Emit
{
    /// <summary>The type names and literal spellings of one precision, so the emitter is written once for both.</summary>
    internal sealed class NumericNames
    {
        private NumericNames(bool single)
        {
            IsSingle = single;
            T = single ? "float" : "double";
            Vec = $"{KnownNames.Vector}<{T}>";
            Mask = single ? $"{KnownNames.Vector}<int>" : $"{KnownNames.Vector}<long>";
            MaskElement = single ? "int" : "long";
        }

        public static readonly NumericNames Single = new NumericNames(true);
        public static readonly NumericNames Double = new NumericNames(false);

        public static NumericNames For(Precision precision) => precision == Precision.Single ? Single : Double;

        public bool IsSingle { get; }

        /// <summary>The element type keyword: float or double.</summary>
        public string T { get; }

        /// <summary>global::System.Numerics.Vector&lt;T&gt;.</summary>
        public string Vec { get; }

        /// <summary>The comparison-mask vector type for T (Vector&lt;int&gt; or Vector&lt;long&gt;).</summary>
        public string Mask { get; }

        public string MaskElement { get; }

        /// <summary>The VectorMath tanh the unrolled networks call: the rational TanhFast for float (absolute error 3.5e-7,
        /// no exponential), the accurate Tanh for double (which must track the exact NumPy path to about 1e-9).</summary>
        public string TanhKernel => IsSingle ? "TanhFast" : "Tanh";

        /// <summary>The VectorMath sigmoid of the unrolled networks: SigmoidFast (0.5 + 0.5 tanh(x/2)) for float, Sigmoid for double.</summary>
        public string SigmoidKernel => IsSingle ? "SigmoidFast" : "Sigmoid";

        /// <summary>
        /// <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>: through VectorMath.MultiplyAdd for float (fused,
        /// rounded once, on every .NET target; its scalar, Vector4 and Vector&lt;float&gt; overloads agree bit for bit), and as
        /// the plain two-step expression for double, whose networks must keep tracking the exact NumPy path.
        /// </summary>
        public string MulAdd(string a, string b, string c) =>
            IsSingle ? $"{KnownNames.VectorMath}.MultiplyAdd({a}, {b}, {c})" : $"{a} * {b} + {c}";

        /// <summary>left(0) * right(0) + ... + left(count-1) * right(count-1) + addend (addend may be null). Float: a chain of
        /// multiply-adds from the first term (the addend is the innermost); double: the plain sum in the same term order.</summary>
        public string SumOfProducts(int count, System.Func<int, string> left, System.Func<int, string> right, string? addend)
        {
            if (!IsSingle)
            {
                var terms = new string[count];
                for (int k = 0; k < count; k++) terms[k] = $"{left(k)} * {right(k)}";
                string sum = string.Join(" + ", terms);
                return addend is null ? sum : $"{sum} + {addend}";
            }
            int first = addend is null ? 1 : 0;
            string acc = addend ?? $"{left(0)} * {right(0)}";
            for (int k = first; k < count; k++) acc = MulAdd(left(k), right(k), acc);
            return acc;
        }

        /// <summary>A statement that adds <paramref name="a"/> * <paramref name="b"/> to <paramref name="target"/>.</summary>
        public string Accumulate(string target, string a, string b) =>
            IsSingle ? $"{target} = {MulAdd(a, b, target)};" : $"{target} += {a} * {b};";

        /// <summary>A literal of type T, written round-trip exact under the invariant culture.</summary>
        public string Lit(double value)
        {
            if (IsSingle) return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
        }

        /// <summary>An expression that is true when <paramref name="expression"/> is NaN.</summary>
        public string IsNaN(string expression) => $"{T}.IsNaN({expression})";
    }
}
