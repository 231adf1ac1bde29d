namespace PlanarGen.Tests.Deterministic
{
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Deterministic = true)]
    public partial struct DetFlower { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double, Deterministic = true)]
    public partial struct DetFlower64 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Precision = Precision.Double, Deterministic = true)]
    public partial struct DetLeaky352Double { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double, Deterministic = true)]
    public partial class DetSigmoid352Double { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.ReLU, Deterministic = true)]
    public partial class DetRelu2501 { }
}
