using System;

namespace PlanarGen
{
    /// <summary>
    /// Marks a <c>partial struct</c> (a value: a copy is an independent network) or a <c>partial class</c> (a reference, as any
    /// class; <c>Clone()</c> makes an independent copy) as a fixed-size one-hidden-layer network. The PlanarGen generator
    /// emits the allocation-free forward, backward and update code for exactly this shape. A struct holds at most
    /// <see cref="NetworkLimits.MaxStructParameters"/> parameters; larger networks must be classes.
    /// </summary>
    /// <example><code>
    /// [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    /// public partial struct FlowerNet { }
    /// </code></example>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class NetworkAttribute : Attribute
    {
        /// <summary>Number of input features (rows of X).</summary>
        public int Inputs { get; set; }

        /// <summary>Number of hidden units.</summary>
        public int Hidden { get; set; }

        /// <summary>Number of outputs (rows of Y); each is an independent sigmoid with binary cross-entropy.</summary>
        public int Outputs { get; set; }

        /// <summary>Activation of the hidden layer. Default <see cref="Activation.Tanh"/>, as in the notebook.</summary>
        public Activation HiddenActivation { get; set; } = Activation.Tanh;

        /// <summary>Negative-side slope for <see cref="Activation.LeakyReLU"/>, in (0, 1). Default 0.01.</summary>
        public double LeakySlope { get; set; } = NetworkLimits.DefaultLeakySlope;

        /// <summary>Activation of the output layer. Only <see cref="Activation.Sigmoid"/> (with cross-entropy) is supported.</summary>
        public Activation OutputActivation { get; set; } = Activation.Sigmoid;

        /// <summary>Floating-point type of parameters and data. Default <see cref="PlanarGen.Precision.Single"/>.</summary>
        public Precision Precision { get; set; } = Precision.Single;

        /// <summary>
        /// File name of a PlanarGen JSON weights file to bake in at compile time (null, the default: none). The file must be
        /// an additional file of the project (<c>&lt;AdditionalFiles Include="flower.weights.json" /&gt;</c>; in Unity, named
        /// <c>flower.PlanarGen.Generators.additionalfile</c>); the generator then emits <c>public static TNetwork Pretrained</c>
        /// holding its parameters exactly, with no file read at run time. Rules and diagnostics (PGEN020-024): docs/weights.md.
        /// </summary>
        public string? Weights { get; set; }

        /// <summary>
        /// When true, training and prediction give the same bits on every host (x64 with any vector width or none, Arm64,
        /// Native AOT, the netstandard2.1 build for Unity): no fused operations, PlanarGen's own exp/tanh/sigmoid, and every sum
        /// over samples in 16 virtual lanes combined in a fixed order. Slower than the default fast mode. Default false.
        /// See docs/determinism.md.
        /// </summary>
        public bool Deterministic { get; set; }
    }
}
