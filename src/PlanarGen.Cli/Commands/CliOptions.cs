using System;
using System.CommandLine;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Options shared by the training commands, with the notebook's defaults.</summary>
    internal static class CliOptions
    {
        public static Option<bool> Exact() => new("--exact")
        {
            Description = "Use the exact NumPy-order double path, which reproduces the notebook bit for bit (any hidden size).",
        };

        public static Option<string> Precision() => new("--precision")
        {
            Description = "Precision of the generated network on the fast path: single or double (default double, closest to the notebook).",
            DefaultValueFactory = _ => "double",
        };

        public static Option<int> Hidden() => new("--hidden")
        {
            Description = "Number of hidden units (the notebook: 4).",
            DefaultValueFactory = _ => 4,
        };

        public static Option<string> ActivationOption() => new("--activation")
        {
            Description = "Hidden activation: tanh, sigmoid, relu or leaky-relu.",
            DefaultValueFactory = _ => "tanh",
        };

        public static Option<int> Iterations(int defaultValue) => new("--iterations")
        {
            Description = $"Number of gradient-descent iterations (default {defaultValue}).",
            DefaultValueFactory = _ => defaultValue,
        };

        public static Option<double> LearningRate() => new("--learning-rate")
        {
            Description = "Gradient-descent step size (the notebook: 1.2).",
            DefaultValueFactory = _ => 1.2,
        };

        public static Option<int> PrintEvery() => new("--print-every")
        {
            Description = "Print the cost every N iterations (0: never).",
            DefaultValueFactory = _ => 1000,
        };

        public static Option<uint> Seed() => new("--seed")
        {
            Description = "NumPy seed for the weights (the notebook: 2).",
            DefaultValueFactory = _ => 2u,
        };

        public static Option<bool> Json() => new("--json")
        {
            Description = "Print one JSON object instead of text.",
        };

        public static Activation ParseActivation(string text) => text.ToLowerInvariant() switch
        {
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            "relu" => Activation.ReLU,
            "leaky-relu" or "leakyrelu" => Activation.LeakyReLU,
            _ => throw new CliException($"--activation must be tanh, sigmoid, relu or leaky-relu, but got '{text}'."),
        };

        public static Precision ParsePrecision(string text) => text.ToLowerInvariant() switch
        {
            "single" or "float" => PlanarGen.Precision.Single,
            "double" => PlanarGen.Precision.Double,
            _ => throw new CliException($"--precision must be single or double, but got '{text}'."),
        };
    }

    /// <summary>A user error: printed as one line, exit code 1.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
