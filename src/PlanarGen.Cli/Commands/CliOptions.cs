using System;
using System.CommandLine;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Options shared by the training commands, with the notebook's defaults.</summary>
    internal static class CliOptions
    {
        public static Option<bool> Exact() => new("--exact")
        {
            Description = $"Use the exact NumPy-order double path, which reproduces the notebook bit for bit (1 to {ExactLimits.MaxHidden} hidden units).",
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
            Description = $"Number of hidden units (the notebook: 4; --exact takes 1 to {ExactLimits.MaxHidden}).",
            DefaultValueFactory = _ => 4,
            CustomParser = result => Whole("--hidden", result),
        };

        public static Option<string> ActivationOption() => new("--activation")
        {
            Description = "Hidden activation: tanh, sigmoid, relu or leaky-relu.",
            DefaultValueFactory = _ => "tanh",
        };

        public static Option<int> Iterations(int defaultValue) => new("--iterations")
        {
            Description = $"Number of gradient-descent iterations (default {defaultValue}; 0 trains nothing).",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Whole("--iterations", result),
        };

        public static Option<double> LearningRate() => new("--learning-rate")
        {
            Description = "Gradient-descent step size (the notebook: 1.2).",
            DefaultValueFactory = _ => 1.2,
            CustomParser = result => Real("--learning-rate", result),
        };

        public static Option<int> PrintEvery() => new("--print-every")
        {
            Description = "Print the cost every N iterations (0: never).",
            DefaultValueFactory = _ => 1000,
            CustomParser = result => Whole("--print-every", result),
        };

        public static Option<uint> Seed() => new("--seed")
        {
            Description = "NumPy seed for the weights (the notebook: 2).",
            DefaultValueFactory = _ => 2u,
            CustomParser = result =>
            {
                if (NumberText.TryUInt("--seed", result.Tokens[0].Value, out uint value, out string error)) return value;
                result.AddError(error);
                return 0;
            },
        };

        public static Option<string> Out() => new("--out")
        {
            Description = "Folder for the pictures (PNG); created if missing, checked to be writable before any training.",
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

        /// <summary>Parses a comma-separated list such as <c>1,2,3</c> (spaces around the commas are fine, empty entries are not).</summary>
        public static T[] ParseList<T>(string option, string text, NumberReader<T> parse)
        {
            string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
            if (parts.All(p => p.Length == 0)) throw new CliException($"{option} needs at least one value, but got '{text}'.");
            var values = new T[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (parts[i].Length == 0) throw new CliException($"{option}: value {i + 1} of '{text}' is empty.");
                if (!parse(option, parts[i], out values[i], out string error))
                    throw new CliException(parts.Length == 1 ? error : $"{error.TrimEnd('.')} (in the list '{text}').");
            }

            return values;
        }

        /// <summary>The shape of the <see cref="NumberText"/> readers.</summary>
        public delegate bool NumberReader<T>(string option, string text, out T value, out string error);

        private static int Whole(string option, System.CommandLine.Parsing.ArgumentResult result)
        {
            if (NumberText.TryInt(option, result.Tokens[0].Value, out int value, out string error)) return value;
            result.AddError(error);
            return 0;
        }

        private static double Real(string option, System.CommandLine.Parsing.ArgumentResult result)
        {
            if (NumberText.TryDouble(option, result.Tokens[0].Value, out double value, out string error)) return value;
            result.AddError(error);
            return 0;
        }

        /// <param name="option">The option the size came from: --hidden, or --sizes for the sweep.</param>
        public static void RequireHidden(int hidden, bool exact, string option = "--hidden")
        {
            if (hidden < 1) throw new CliException($"{option} must be at least 1, but got {hidden}.");
            if (exact && hidden > ExactLimits.MaxHidden) throw new CliException($"{option} {hidden} is above the exact path's limit: {ExactLimits.Why}");
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
    internal sealed record Common(bool Exact, Precision Precision, uint Seed, string OutDir, bool Json)
    {
        /// <summary>Creates the --out folder and checks it takes a file; call it after the other options are checked, before any training.</summary>
        public void PrepareOut() => OutputFolder.Prepare(OutDir);
    }

    /// <summary>A user error: printed as one line, exit code 1.</summary>
    internal sealed class CliException : Exception
    {
        public CliException(string message) : base(message)
        {
        }
    }
}
