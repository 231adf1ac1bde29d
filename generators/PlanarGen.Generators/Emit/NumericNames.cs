using System.Globalization;

namespace PlanarGen.Generators.Emit
{
    /// <summary>The type names and literal spellings of one precision, so the emitter is written once for both.</summary>
    internal sealed class NumericNames
    {
        private NumericNames(bool single, bool fused, bool wide = false)
        {
            IsSingle = single;
            Fused = fused;
            IsVector512 = wide;
            T = single ? "float" : "double";
            VecStatic = wide ? KnownNames.Vector512 : KnownNames.Vector;
            Vec = $"{VecStatic}<{T}>";
            MaskElement = single ? "int" : "long";
            Mask = $"{VecStatic}<{MaskElement}>";
        }

        public static readonly NumericNames Single = new NumericNames(true, fused: false);
        public static readonly NumericNames SingleFused = new NumericNames(true, fused: true);
        public static readonly NumericNames Double = new NumericNames(false, fused: false);
        private static readonly NumericNames SingleVector512 = new NumericNames(true, fused: false, wide: true);
        private static readonly NumericNames SingleFusedVector512 = new NumericNames(true, fused: true, wide: true);

        /// <summary>Most parameters of an unrolled float network that fuses its multiply-adds.</summary>
        public const int FusedParameterBudget = 40;

        /// <summary>The names for a network of this shape. Float networks fuse their multiply-adds (VectorMath.MultiplyAdd) when
        /// small (at most <see cref="FusedParameterBudget"/> parameters: 2-4-1 and the sweep's sizes up to 2-9-1) or written as
        /// loops. Larger unrolled ones do not: past about 100 inlined helper calls in StepCore the JIT stops inlining them and
        /// training becomes 3-4x slower (measured, 5,000 iterations: 2-10-1 16 ms, 2-12-1 52 ms fused; 2-16-1 116 ms fused
        /// against 42 ms plain; 2-50-1 481 ms against 109 ms). Decided by the shape alone, so both forms of one shape round alike.</summary>
        public static NumericNames For(Precision precision, int inputs, int hidden, int outputs)
        {
            if (precision != Precision.Single) return Double;
            bool small = Parsing.NetworkRules.ParameterCount(inputs, hidden, outputs) <= FusedParameterBudget;
            return small || !Parsing.NetworkRules.IsUnrolled(inputs, hidden, outputs) ? SingleFused : Single;
        }

        public bool IsSingle { get; }

        /// <summary>Whether these names spell the Vector512 twin of a kernel (see <see cref="Vector512Twin"/>).</summary>
        public bool IsVector512 { get; }

        /// <summary>
        /// The same names with System.Runtime.Intrinsics.Vector512 in place of System.Numerics.Vector, for the 512-bit twins of
        /// the batch kernels (compiled on .NET 8 and later, chosen at run time by PlanarGen.SimdPath); null where a network has
        /// none. Only float networks have them (unrolled and loop form): their kernels (TanhFast, SigmoidFast, MultiplyAdd) have
        /// 512-bit forms in the runtime, while the double kernels (Exp-based Tanh, Sigmoid) do not.
        /// </summary>
        public NumericNames? Vector512Twin => !IsSingle || IsVector512 ? null : Fused ? SingleFusedVector512 : SingleVector512;

        /// <summary>The suffix of the kernel methods written with these names: "" or "512".</summary>
        public string Suffix => IsVector512 ? "512" : "";

        /// <summary>The static vector class: global::System.Numerics.Vector or global::System.Runtime.Intrinsics.Vector512.</summary>
        public string VecStatic { get; }

        /// <summary>A vector with every lane <paramref name="value"/>.</summary>
        public string Broadcast(string value) => IsVector512 ? $"{VecStatic}.Create({value})" : $"new {Vec}({value})";

        /// <summary>A comparison result as the integer mask type: Vector&lt;T&gt; comparisons already return it, Vector512 ones
        /// return T lanes.</summary>
        public string AsMask(string comparison) => IsVector512 ? $"{VecStatic}.AsInt32({comparison})" : comparison;

        /// <summary>The chunk count of a batch kernel: Vector&lt;T&gt; kernels run chunks only with hardware SIMD (else every
        /// sample takes the scalar path); the 512-bit ones run only where SimdPath chose them.</summary>
        public string ChunkCount(string vectors) => IsVector512 ? vectors : $"{KnownNames.Vector}.IsHardwareAccelerated ? {vectors} : 0";

        /// <summary>Whether products and sums go through VectorMath.MultiplyAdd (rounded once), see <see cref="For"/>.</summary>
        public bool Fused { get; }

        /// <summary>The element type keyword: float or double.</summary>
        public string T { get; }

        /// <summary>global::System.Numerics.Vector&lt;T&gt; (or Vector512&lt;T&gt; for the 512-bit twins).</summary>
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
        /// <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/>: through VectorMath.MultiplyAdd when <see cref="Fused"/>
        /// (rounded once on every .NET target; its scalar, Vector4 and Vector&lt;float&gt; overloads agree bit for bit), else the
        /// plain two-step expression (double networks, which must keep tracking the exact NumPy path, and wide float ones).
        /// </summary>
        public string MulAdd(string a, string b, string c) =>
            Fused ? $"{KnownNames.VectorMath}.MultiplyAdd({a}, {b}, {c})" : $"{a} * {b} + {c}";

        /// <summary>left(0) * right(0) + ... + left(count-1) * right(count-1) + addend (addend may be null). Fused: a chain of
        /// multiply-adds from the first term (the addend is the innermost); else the plain sum in the same term order.</summary>
        public string SumOfProducts(int count, System.Func<int, string> left, System.Func<int, string> right, string? addend)
        {
            if (!Fused)
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
            Fused ? $"{target} = {MulAdd(a, b, target)};" : $"{target} += {a} * {b};";

        /// <summary>A literal of type T, written round-trip exact under the invariant culture.</summary>
        public string Lit(double value)
        {
            if (IsSingle) return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
        }

        /// <summary>PlanarGen.DivergenceRule.PreActivationBound as a T expression (a constant).</summary>
        public string PreActivationBound => IsSingle ? $"(float){KnownNames.PreActivationBound}" : KnownNames.PreActivationBound;

        /// <summary>A mask with every lane true (all bits set), of the type <see cref="AsMask"/> returns.</summary>
        public string AllLanes => AsMask($"{VecStatic}.Equals({Vec}.Zero, {Vec}.Zero)");

        /// <summary>An expression that is true when <paramref name="expression"/> is NaN.</summary>
        public string IsNaN(string expression) => $"{T}.IsNaN({expression})";
    }
}
