namespace PlanarGen.Tests.Weights
{
    // 2-4-1 networks that differ from FlowerNet only in the hidden activation or the leaky slope, for mismatch tests.
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.ReLU)]
    public partial struct Relu241 { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2)]
    public partial struct Leaky241Slope02 { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.3)]
    public partial struct Leaky241Slope03 { }
}

namespace PlanarGen.Tests.Weights
{
    // The fourth hidden activation for the ONNX export tests (tanh: FlowerNet; ReLU and leaky ReLU: above).
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Sigmoid)]
    public partial struct Sigmoid241 { }

    // Several outputs and a wider input, so the Gemm transposes and the row-major layouts are checked.
    [Network(Inputs = 5, Hidden = 7, Outputs = 3, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.125)]
    public partial struct Leaky573 { }
}
