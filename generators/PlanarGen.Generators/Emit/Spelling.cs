using System.Globalization;
using PlanarGen.Generators.Model;
using PlanarGen.Generators.Plan;

namespace PlanarGen.Generators.Emit
{
    /// <summary>How one kernel is spelled: the type names and literals of its precision, its vector width (Vector&lt;T&gt; or
    /// Vector512) and the multiply-adds of the plan's arithmetic. Decides nothing: <see cref="EmitPlan"/> does.</summary>
    internal sealed class Spelling
    {
        private Spelling(bool single, EmitPlan plan, bool wide)
        {
            IsSingle = single;
            Plan = plan;
            IsVector512 = wide;
            T = single ? "float" : "double";
            VecStatic = wide ? KnownNames.Vector512 : KnownNames.Vector;
            Vec = $"{VecStatic}<{T}>";
            MaskElement = single ? "int" : "long";
            Mask = $"{VecStatic}<{MaskElement}>";
        }

        /// <summary>The Vector&lt;T&gt; spelling of a network's kernels under <paramref name="plan"/>.</summary>
        public static Spelling For(Precision precision, EmitPlan plan) => new Spelling(precision == Precision.Single, plan, wide: false);

        /// <summary>The plan these names spell.</summary>
        public EmitPlan Plan { get; }

        public bool IsSingle { get; }

        /// <summary>Whether these names spell the Vector512 twin of a kernel (see <see cref="Vector512Twin"/>).</summary>
        public bool IsVector512 { get; }

        /// <summary>
        /// The same names with System.Runtime.Intrinsics.Vector512 in place of System.Numerics.Vector, for the 512-bit twins of
        /// the batch kernels (compiled on .NET 8 and later, chosen at run time by PlanarGen.SimdPath); null where a network has
        /// none (Deterministic ones). Every kernel they call (TanhFast, SigmoidFast, MultiplyAdd for float; the accurate Tanh,
        /// Sigmoid, Exp, Log and Softplus for double) has a 512-bit form in the runtime.
        /// </summary>
        public Spelling? Vector512Twin => !Plan.Vector512Twins || IsVector512 ? null : new Spelling(IsSingle, Plan, wide: true);

        /// <summary>The suffix of the kernel methods written with these names: "" or "512".</summary>
        public string Suffix => IsVector512 ? "512" : "";

        /// <summary>The static vector class: global::System.Numerics.Vector or global::System.Runtime.Intrinsics.Vector512.</summary>
        public string VecStatic { get; }

        /// <summary>A vector with every lane <paramref name="value"/>.</summary>
        public string Broadcast(string value) => IsVector512 ? $"{VecStatic}.Create({value})" : $"new {Vec}({value})";

        /// <summary>A comparison result as the integer mask type: Vector&lt;T&gt; comparisons already return it, Vector512 ones
        /// return T lanes.</summary>
        public string AsMask(string comparison) => IsVector512 ? $"{VecStatic}.As{(IsSingle ? "Int32" : "Int64")}({comparison})" : comparison;

        /// <summary>The chunk count of a batch kernel: Vector&lt;T&gt; kernels run chunks only with hardware SIMD (else every
        /// sample takes the scalar path); the 512-bit ones run only where SimdPath chose them.</summary>
        public string ChunkCount(string vectors) => IsVector512 ? vectors : $"{KnownNames.Vector}.IsHardwareAccelerated ? {vectors} : 0";

        /// <summary>Whether products and sums go through VectorMath.MultiplyAdd (rounded once): the plan's arithmetic.</summary>
        public bool Fused => Plan.Fused;

        /// <summary>The element type keyword: float or double.</summary>
        public string T { get; }

        /// <summary>global::System.Numerics.Vector&lt;T&gt; (or Vector512&lt;T&gt; for the 512-bit twins).</summary>
        public string Vec { get; }

        /// <summary>The comparison-mask vector type for T (Vector&lt;int&gt; or Vector&lt;long&gt;).</summary>
        public string Mask { get; }

        public string MaskElement { get; }

        /// <summary>The VectorMath tanh the unrolled networks call: the rational TanhFast for float (absolute error 3.5e-7,
        /// no exponential), the accurate Tanh for double (which must track the exact NumPy path to about 1e-9).</summary>
        public string TanhKernel => Plan.FastKernels ? "TanhFast" : "Tanh";

        /// <summary>The VectorMath sigmoid of the unrolled networks: SigmoidFast (0.5 + 0.5 tanh(x/2)) for float, Sigmoid for double.</summary>
        public string SigmoidKernel => Plan.FastKernels ? "SigmoidFast" : "Sigmoid";

        /// <summary>The softplus of the binary cross-entropy cost: VectorMath.SoftplusFast (short dependency chains, 4 ulp) for
        /// float networks, which compute it beside the gradient when a cost is reported; the accurate Softplus for double.</summary>
        public string SoftplusKernel => Plan.FastKernels ? "SoftplusFast" : "Softplus";

        /// <summary>
        /// <paramref name="a"/> * <paramref name="b"/> + <paramref name="c"/> rounded once through VectorMath.MultiplyAdd (the
        /// same bits on every .NET target; its scalar, Vector4 and Vector&lt;float&gt; overloads agree bit for bit). Only fused
        /// code calls it; plain sums are written by <see cref="SumOfProducts"/> and <see cref="Accumulate"/>.
        /// </summary>
        public string MulAdd(string a, string b, string c) =>
            $"{KnownNames.VectorMath}.MultiplyAdd({a}, {b}, {c})";

        /// <summary>The sum of products as one expression (see <see cref="Products"/>). Fused: a chain of multiply-adds from the
        /// first term (the addend is the innermost); else the plain sum in the same term order, the addend last.</summary>
        public string SumOfProducts(Products sum)
        {
            if (!Fused)
            {
                var terms = new string[sum.Count];
                for (int k = 0; k < sum.Count; k++) terms[k] = $"{sum.Left(k)} * {sum.Right(k)}";
                string plain = string.Join(" + ", terms);
                return sum.Addend is null ? plain : $"{plain} + {sum.Addend}";
            }
            int first = sum.Addend is null ? 1 : 0;
            string acc = sum.Addend ?? $"{sum.Left(0)} * {sum.Right(0)}";
            for (int k = first; k < sum.Count; k++) acc = MulAdd(sum.Left(k), sum.Right(k), acc);
            return acc;
        }

        /// <summary>
        /// Statements that declare <paramref name="target"/> as the sum of products. A fused chain of more than one multiply-add
        /// is written top-down as named partials (<c>var z = b; z = MultiplyAdd(w0, x0, z); z = MultiplyAdd(w1, x1, z);</c>),
        /// the same operations in the same order as the nested expression, so the same bits; anything else is one line.
        /// </summary>
        public System.Collections.Generic.IEnumerable<string> DeclareSum(string target, Products sum)
        {
            int multiplyAdds = sum.Count - (sum.Addend is null ? 1 : 0);
            if (!Fused || multiplyAdds < 2)
            {
                yield return $"var {target} = {SumOfProducts(sum)};";
                yield break;
            }
            int first = sum.Addend is null ? 1 : 0;
            yield return $"var {target} = {sum.Addend ?? $"{sum.Left(0)} * {sum.Right(0)}"};";
            for (int k = first; k < sum.Count; k++) yield return $"{target} = {MulAdd(sum.Left(k), sum.Right(k), target)};";
        }

        /// <summary>A statement that adds <paramref name="a"/> * <paramref name="b"/> to <paramref name="target"/>.</summary>
        public string Accumulate(string target, string a, string b) =>
            Fused ? $"{target} = {MulAdd(a, b, target)};" : $"{target} += {a} * {b};";

        /// <summary>A literal of type T, written round-trip exact under the invariant culture.</summary>
        public string Lit(double value) =>
            IsSingle ? ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f" : DoubleLiteral(value);

        /// <summary>A double literal, written round-trip exact under the invariant culture.</summary>
        public static string DoubleLiteral(double value)
        {
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

    /// <summary>left(0) * right(0) + ... + left(Count-1) * right(Count-1) + Addend (Addend may be null).</summary>
    internal sealed record Products(int Count, System.Func<int, string> Left, System.Func<int, string> Right, string? Addend);
}
