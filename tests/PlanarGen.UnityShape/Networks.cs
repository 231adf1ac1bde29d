using PlanarGen;

/// <summary>The notebook's network, in the global namespace (Unity scripts often have none).</summary>
[Network(Inputs = 2, Hidden = 4, Outputs = 1)]
public partial struct GlobalFlowerNet { }

namespace UnityShape
{
    /// <summary>Every hidden activation, in both precisions.</summary>
    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Tanh, Precision = Precision.Single)]
    public partial struct TanhSingle { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1, HiddenActivation = Activation.Tanh, Precision = Precision.Double)]
    public partial struct TanhDouble { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Single)]
    public partial struct SigmoidSingle { }

    [Network(Inputs = 3, Hidden = 5, Outputs = 2, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
    public partial struct SigmoidDouble { }

    [Network(Inputs = 4, Hidden = 8, Outputs = 3, HiddenActivation = Activation.ReLU, Precision = Precision.Single)]
    public partial struct ReLUSingle { }

    [Network(Inputs = 4, Hidden = 8, Outputs = 3, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
    public partial struct ReLUDouble { }

    [Network(Inputs = 1, Hidden = 1, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Single)]
    public partial struct LeakySingle { }

    [Network(Inputs = 2, Hidden = 50, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.2, Precision = Precision.Double)]
    public partial struct LeakyDouble { }

    /// <summary>The loop form as a struct (parameters inline, read through MemoryMarshal.CreateSpan) and as classes.</summary>
    [Network(Inputs = 2, Hidden = 64, Outputs = 1)]
    public partial struct LoopStructSingle { }

    [Network(Inputs = 2, Hidden = 64, Outputs = 1, Precision = Precision.Double)]
    public partial class LoopClassDouble { }

    [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
    public sealed partial class SmallClass { }

    /// <summary>A network nested in partial classes, as in a MonoBehaviour that owns its model.</summary>
    public partial class Agent
    {
        internal partial class Brain
        {
            [Network(Inputs = 6, Hidden = 9, Outputs = 3, HiddenActivation = Activation.ReLU)]
            public partial struct PolicyNet { }
        }

        /// <summary>Uses the generated API through the interface, as generic Unity code would.</summary>
        public static float Probability<TNet>(ref TNet net, float a, float b) where TNet : struct, INetwork<float>
        {
            System.Span<float> input = stackalloc float[2];
            input[0] = a;
            input[1] = b;
            System.Span<float> output = stackalloc float[1];
            net.Predict(input, output);
            return output[0];
        }
    }
}
