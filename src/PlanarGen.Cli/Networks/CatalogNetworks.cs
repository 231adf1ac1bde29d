// The fixed networks the CLI can train on the fast path: hidden sizes of the notebook's sweep plus a few more,
// every hidden activation, both precisions. Any other size runs with --exact. This is the only list: the generator's
// registry (asked for below) hands every one of them to NetworkCatalog.
[assembly: PlanarGen.NetworkRegistry]

namespace PlanarGen.Cli.Networks
{
    [Network(Inputs = 2, Hidden = 1, Outputs = 1)] internal partial struct Planar1TanhF32 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar1TanhF64 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar1SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar1SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar1ReluF32 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar1ReluF64 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar1LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 1, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar1LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1)] internal partial struct Planar2TanhF32 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar2TanhF64 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar2SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar2SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar2ReluF32 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar2ReluF64 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar2LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 2, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar2LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1)] internal partial struct Planar3TanhF32 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar3TanhF64 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar3SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar3SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar3ReluF32 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar3ReluF64 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar3LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 3, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar3LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1)] internal partial struct Planar4TanhF32 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar4TanhF64 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar4SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar4SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar4ReluF32 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar4ReluF64 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar4LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar4LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1)] internal partial struct Planar5TanhF32 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar5TanhF64 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar5SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar5SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar5ReluF32 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar5ReluF64 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar5LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar5LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1)] internal partial struct Planar10TanhF32 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar10TanhF64 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar10SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar10SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar10ReluF32 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar10ReluF64 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar10LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 10, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar10LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1)] internal partial struct Planar20TanhF32 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar20TanhF64 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar20SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar20SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar20ReluF32 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar20ReluF64 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar20LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 20, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar20LeakyReluF64 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1)] internal partial struct Planar50TanhF32 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, Precision = Precision.Double)] internal partial struct Planar50TanhF64 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.Sigmoid)] internal partial struct Planar50SigmoidF32 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)] internal partial struct Planar50SigmoidF64 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.ReLU)] internal partial struct Planar50ReluF32 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.ReLU, Precision = Precision.Double)] internal partial struct Planar50ReluF64 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.LeakyReLU)] internal partial struct Planar50LeakyReluF32 { }
    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)] internal partial struct Planar50LeakyReluF64 { }
}
