namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>One declared network of a compile-and-run batch.</summary>
    public sealed record NetworkCase(int Inputs, int Hidden, int Outputs, Activation Activation, Precision Precision)
    {
        public string Name => $"N{Inputs}x{Hidden}x{Outputs}_{Activation}_{Precision}";

        public int ParameterCount => Hidden * Inputs + Hidden + Outputs * Hidden + Outputs;

        public string Declaration =>
            $"    [Network(Inputs = {Inputs}, Hidden = {Hidden}, Outputs = {Outputs}, HiddenActivation = Activation.{Activation}, Precision = Precision.{Precision})]\n" +
            $"    public partial struct {Name} {{ }}\n";

        public override string ToString() => Name;
    }
}
