using PlanarGen;

namespace PlanarGen.Benchmarks
{
    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public partial struct Flower32 { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, Precision = Precision.Double)]
    public partial struct Flower64 { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1)]
    public partial struct Sweep50x32 { }

    [Network(Inputs = 16, Hidden = 64, Outputs = 4)]
    public partial struct Wide16x64x4 { }

    /// <summary>The tests' DigitNet shape (784-128-10, loop form), for TrainingOptions.Threads.</summary>
    [Network(Inputs = 784, Hidden = 128, Outputs = 10)]
    public partial class Digit784x128x10 { }
}
