using PlanarGen;

namespace PlanarGen.Tests
{
    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial struct FlowerNet { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)]
    public partial struct FlowerNet64 { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.05)]
    public partial struct LeakyNet { }
}
