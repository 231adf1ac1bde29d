using PlanarGen;

namespace PlanarGen.Tests.LargeNetworks
{
    /// <summary>Above the unrolling budget: the generator emits the loop form.</summary>
    [Network(Inputs = 784, Hidden = 128, Outputs = 10)]
    public partial class DigitNet { }

    [Network(Inputs = 12, Hidden = 200, Outputs = 3, Precision = Precision.Double, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.1)]
    public partial struct WideLeakyNet64 { }

    [Network(Inputs = 12, Hidden = 200, Outputs = 3, Precision = Precision.Double, HiddenActivation = Activation.Tanh)]
    public partial struct WideTanhNet64 { }

    [Network(Inputs = 9, Hidden = 300, Outputs = 2, HiddenActivation = Activation.Sigmoid)]
    public partial struct WideSigmoidNet { }
}
