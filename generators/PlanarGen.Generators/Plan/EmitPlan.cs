using PlanarGen.Generators.Model;

namespace PlanarGen.Generators.Plan
{
    /// <summary>The two ways a network's code is written.</summary>
    internal enum CodeForm
    {
        /// <summary>One field per parameter, one local per activation and gradient sum (at most
        /// <see cref="EmitPlan.UnrolledParameterBudget"/> parameters).</summary>
        Unrolled,

        /// <summary>Loops over one parameter span (inline storage in a struct, an array in a class).</summary>
        Loops,
    }

    /// <summary>
    /// How products and sums are rounded. The place for a new arithmetic mode: add a member here, decide when it applies in
    /// <see cref="EmitPlan.For"/>, and spell it in <c>Emit.Spelling</c> (MulAdd, SumOfProducts, Accumulate, the tanh
    /// derivative); the emitter reads nothing else.
    /// </summary>
    internal enum Arithmetic
    {
        /// <summary>a * b + c in two roundings, the plain C# expression.</summary>
        Plain,

        /// <summary>a * b + c rounded once through VectorMath.MultiplyAdd (the same bits on every .NET target and width).</summary>
        Fused,

        /// <summary>[Network(Deterministic = true)]: nothing computed in generated text; every training and prediction member
        /// calls the runtime's PlanarGen.DeterministicNetwork kernels (no fused operations, PlanarGen's own exp/tanh/sigmoid,
        /// sums in 16 virtual lanes; docs/determinism.md), over the loop form's parameter storage.</summary>
        Deterministic,
    }

    /// <summary>
    /// Every decision about how one network's code is written, computed once from the model by <see cref="For"/>; the emitter
    /// only reads it. Tests build variants directly, e.g. <c>EmitPlan.For(spec) with { Form = CodeForm.Loops }</c>.
    /// </summary>
    /// <param name="Form">Unrolled or loops.</param>
    /// <param name="Arithmetic">Fused or plain multiply-adds (see <see cref="For"/>).</param>
    /// <param name="Vector512Twins">Whether the batch and training kernels get Vector512 twins (every network but Deterministic ones).</param>
    /// <param name="LayerPasses">Whether the unrolled batch kernels and StepCore work layer by layer over blocks of
    /// <see cref="PassBlockChunks"/> chunks (unrolled networks of at most <see cref="FusedParameterBudget"/> parameters, float or
    /// double) instead of one pass per chunk.</param>
    /// <param name="FastKernels">Whether tanh and sigmoid are VectorMath.TanhFast/SigmoidFast (float) rather than the
    /// accurate Tanh/Sigmoid (double, which must track the exact NumPy path).</param>
    /// <param name="PredictByFour">Whether the unrolled Predict computes the hidden layer four units per Vector4 (float tanh).</param>
    internal sealed record EmitPlan(CodeForm Form, Arithmetic Arithmetic, bool Vector512Twins, bool LayerPasses, bool FastKernels, bool PredictByFour)
    {
        /// <summary>Above this many parameters the generator emits the loop form. Measured (docs/unrolling-budget.md,
        /// benchmarks/PlanarGen.BudgetMeasurement and benchmarks/compile-cost.sh): the unrolled form trains 1.5-2x faster
        /// than the loops up to about 120 parameters and slower from 2-31-1 on (see <see cref="UnrolledLocalsLimit"/>), but
        /// its source grows by about 9 KB per hidden unit (both SIMD widths of four batch kernels), and a project with the
        /// networks 2-1-1 ... 2-50-1 must compile in under 20 s and 1 GB: 64 keeps the unrolled form where it is fastest
        /// and that project within the limits.</summary>
        public const int UnrolledParameterBudget = 64;

        /// <summary>Estimated IL locals of the unrolled StepCore (<see cref="EstimatedUnrolledLocals"/>) up to which it is
        /// known to train faster than the loop form (measured: 2-30-1, 471 locals, 2x faster unrolled; 2-31-1, 486 locals,
        /// 1.3x slower; the JIT tracks 1,024 locals, its own temporaries included; both 7 more since the cost joined the
        /// gradient pass). Not a rule of its own: every shape within <see cref="UnrolledParameterBudget"/> stays below it
        /// (at most about 400, a test checks it).</summary>
        public const int UnrolledLocalsLimit = 477;

        /// <summary>Most parameters of an unrolled float network that fuses its multiply-adds.</summary>
        public const int FusedParameterBudget = 40;

        /// <summary>Chunks per block of the unrolled layer passes. Only networks of at most 40 parameters use them, so at most
        /// 13 hidden units: a block keeps at most 8 x (2 x 13 + 1) = 216 vectors (7 KB of stack at
        /// 256-bit vectors, 14 KB in the Vector512 twins).</summary>
        public int PassBlockChunks { get; init; } = 8;

        /// <summary>Samples the loop form processes together (a multiple of 16, so whole chunks of every vector width): one
        /// block's layers are matrix products of PlanarGen.MatrixKernel, feature-major in the per-thread scratch. 256 keeps a
        /// block's activations of a 128-unit hidden layer at 128 KB (float) and pays the kernel's per-call packing and the
        /// horizontal sums of the biases' gradients once per 256 samples.</summary>
        public int LoopSampleBlock { get; init; } = 256;

        public bool Unrolled => Form == CodeForm.Unrolled;

        public bool Fused => Arithmetic == Arithmetic.Fused;

        /// <summary>
        /// The plan of a network. Float networks fuse their multiply-adds when small (at most <see cref="FusedParameterBudget"/>
        /// parameters: 2-4-1 and the sweep's sizes up to 2-9-1) or written as loops. Larger unrolled ones do not: past about 100
        /// inlined helper calls in StepCore the JIT stops inlining them and training becomes 3-4x slower (measured, 5,000
        /// iterations: 2-10-1 16 ms, 2-12-1 52 ms fused; 2-16-1 116 ms fused against 42 ms plain; 2-50-1 481 ms against 109 ms).
        /// Decided by the shape alone, so both forms of one shape round alike. Double networks stay plain: they track the exact
        /// NumPy path, and fused multiply-adds measured no faster for them (flower double, Vector512: 55-58 ms plain against
        /// 55-57 ms fused in one loaded run; docs/performance.md). Small networks, float or double, work in layer passes: their
        /// few hidden units leave the CPU idle behind each chunk's tanh/sigmoid chain (2-4-1 float: 19 ms in one pass, 15 ms in
        /// passes; double: 72-81 ms, 55 ms).
        /// </summary>
        public static EmitPlan For(NetworkSpec spec)
        {
            bool single = spec.Precision == Precision.Single;
            if (spec.Deterministic)
                return new EmitPlan(CodeForm.Loops, Arithmetic.Deterministic, Vector512Twins: false, LayerPasses: false,
                    FastKernels: false, PredictByFour: false);
            bool unrolled = IsUnrolled(spec.ParameterCount);
            bool fused = single && (spec.ParameterCount <= FusedParameterBudget || !unrolled);
            return new EmitPlan(
                Form: unrolled ? CodeForm.Unrolled : CodeForm.Loops,
                Arithmetic: fused ? Arithmetic.Fused : Arithmetic.Plain,
                // Every kernel the generated code calls has a 512-bit form in the runtime, float and double.
                Vector512Twins: true,
                LayerPasses: fused || (unrolled && spec.ParameterCount <= FusedParameterBudget),
                FastKernels: single,
                PredictByFour: single && spec.HiddenActivation == Activation.Tanh);
        }

        /// <summary>Whether a network of <paramref name="parameterCount"/> parameters is written unrolled (else as loops).</summary>
        public static bool IsUnrolled(int parameterCount) => parameterCount <= UnrolledParameterBudget;

        /// <summary>IL locals of the unrolled StepCore in the plain form that every network above
        /// 40 parameters gets (one fused pass per chunk), exact within 1 for the 12 shapes measured from
        /// 2-12-1 to 16-12-4: a gradient vector, a horizontal sum and a broadcast per parameter, z1/a1/dz1 per hidden unit,
        /// the input rows and labels, and the cost summed in the same pass (6 + Outputs more since issue 14: exact for the 7
        /// shapes of LargeNetworkCompileTests). (Networks of at most 40 parameters have fewer than 200 locals.)</summary>
        public static int EstimatedUnrolledLocals(int inputs, int hidden, int outputs) =>
            3 * ParameterLayout.Of(inputs, hidden, outputs).Count + 3 * hidden + 3 * inputs + 6 * outputs + 13;
    }
}
