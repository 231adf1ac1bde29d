using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Options shared by the training commands, with the notebook's defaults.</summary>
    internal static class CliOptions
    {
        public static Option<bool> Exact() => new("--exact")
        {
            Description = "Use the exact NumPy-order double path, which reproduces the notebook bit for bit (any hidden size).",
        };

        public static Option<string> Precision(string defaultValue = "double") => new("--precision")
        {
            Description = defaultValue == "double"
                ? "Precision of the generated network on the fast path: single or double (default double, closest to the notebook)."
                : $"Precision of the generated network on the fast path: single or double (default {defaultValue}).",
            DefaultValueFactory = _ => defaultValue,
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

        public static Option<string> Out() => new("--out")
        {
            Description = "Folder for the pictures (PNG); created if missing.",
            DefaultValueFactory = _ => "out",
        };

        public static Option<bool> Json() => new("--json")
        {
            Description = "Print one JSON object instead of text (no progress, no other text).",
        };

        public static Activation ParseActivation(string text) => text.ToLowerInvariant() switch
        {
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            "relu" => Activation.ReLU,
            "leaky-relu" or "leakyrelu" => Activation.LeakyReLU,
            _ => throw new CliException($"--activation must be tanh, sigmoid, relu or leaky-relu, but got '{text}'."),
        };

        public static string Name(Activation activation) => activation switch
        {
            Activation.Tanh => "tanh",
            Activation.Sigmoid => "sigmoid",
            Activation.ReLU => "relu",
            _ => "leaky-relu",
        };

        public static Precision ParsePrecision(string text) => text.ToLowerInvariant() switch
        {
            "single" or "float" => PlanarGen.Precision.Single,
            "double" => PlanarGen.Precision.Double,
            _ => throw new CliException($"--precision must be single or double, but got '{text}'."),
        };

        /// <summary>Parses a comma-separated list such as <c>1,2,3</c>.</summary>
        public static T[] ParseList<T>(string option, string text, Func<string, T?> parse) where T : struct
        {
            string[] parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) throw new CliException($"{option} needs at least one value, but got '{text}'.");
            var values = new T[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                values[i] = parse(parts[i]) ?? throw new CliException($"{option}: '{parts[i]}' is not a valid value in '{text}'.");
            return values;
        }

        public static int? ParseInt(string s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v : null;

        public static double? ParseDouble(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;

        public static void RequireHidden(int hidden)
        {
            if (hidden < 1) throw new CliException($"--hidden must be at least 1, but got {hidden}.");
        }

        public static void RequireIterations(int iterations)
        {
            if (iterations < 0) throw new CliException($"--iterations must be at least 0, but got {iterations}.");
        }

        public static void RequireLearningRate(double rate, string option = "--learning-rate")
        {
            if (!(rate > 0) || double.IsInfinity(rate))
                throw new CliException($"{option} must be finite and positive, but got {rate.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>The options every experiment accepts: --exact, --precision, --seed, --out, --json.</summary>
    internal sealed class CommonOptions
    {
        /// <param name="defaultPrecision">"double" (closest to the notebook) or "single" (fastest).</param>
        public CommonOptions(string defaultPrecision = "double") => Precision = CliOptions.Precision(defaultPrecision);

        public Option<bool> Exact { get; } = CliOptions.Exact();
        public Option<string> Precision { get; }
        public Option<uint> Seed { get; } = CliOptions.Seed();
        public Option<string> Out { get; } = CliOptions.Out();
        public Option<bool> Json { get; } = CliOptions.Json();

        public void AddTo(Command command)
        {
            command.Options.Add(Exact);
            command.Options.Add(Precision);
            command.Options.Add(Seed);
            command.Options.Add(Out);
            command.Options.Add(Json);
        }

        public Common Read(ParseResult result) => new(
            result.GetValue(Exact),
            CliOptions.ParsePrecision(result.GetValue(Precision)!),
            result.GetValue(Seed),
            result.GetValue(Out)!,
            result.GetValue(Json));
    }

    /// <summary>The values of <see cref="CommonOptions"/>.</summary>
    internal sealed record Common(bool Exact, Precision Precision, uint Seed, string OutDir, bool Json);

    /// <summary>A user error: printed as one line, exit code 1.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
