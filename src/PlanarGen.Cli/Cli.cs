using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PlanarGen.Cli.Commands;
using Spectre.Console;

namespace PlanarGen.Cli
{
    /// <summary>The <c>planargen</c> command line, runnable in-process: every command writes to the given writers and returns its exit code.</summary>
    public static class Cli
    {
        /// <summary>Exit code for a user error (bad option, unknown name).</summary>
        public const int UsageError = 1;

        /// <summary>Exit code when training diverged (a cost or parameter became non-finite).</summary>
        public const int Diverged = 2;

        /// <summary>Runs the command line; progress bars are never shown (the writers are not a terminal).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr, terminal: null));

        /// <summary>Runs the command line, drawing progress bars on <paramref name="terminal"/> (text still goes to <paramref name="stdout"/>).</summary>
        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IAnsiConsole terminal) => Run(args, new CliContext(stdout, stderr, terminal));

        internal static int Run(string[] args, CliContext context)
        {
            var root = new RootCommand("PlanarGen: the course notebook 'Planar data classification with one hidden layer', every cell as a command.")
            {
                FlowerCommand.Create(context),
                DatasetCommand.Create(context),
                SweepCommand.Create(context),
                DatasetsCommand.Create(context),
                ActivationsCommand.Create(context),
                LearningRatesCommand.Create(context),
                ZeroInitCommand.Create(context),
                SpiralCommand.Create(context),
                WeightsCommand.Create(context),
            };
            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                // One line, never the help screen: scripts grep stderr.
                context.Error.WriteLine($"error: {FirstError(root, parsed, args)}");
                return UsageError;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = context.Out, Error = context.Error });
        }

        /// <summary>The parser's first error, except that a missing or unknown command names the commands (the parser
        /// would say only "Required command was not provided.").</summary>
        private static string FirstError(RootCommand root, ParseResult parsed, string[] args)
        {
            if (parsed.CommandResult.Command != root) return parsed.Errors[0].Message;
            string commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
            if (args.Length == 0) return $"no command given; the commands are {commands} (planargen --help describes them).";
            return args[0].StartsWith('-')
                ? $"unknown option '{args[0]}' before the command; the commands are {commands} (planargen --help describes them)."
                : $"unknown command '{args[0]}'; the commands are {commands} (planargen --help describes them).";
        }
    }

    /// <summary>Where a command writes, and whether a progress bar may be drawn.</summary>
    internal sealed class CliContext
    {
        public CliContext(TextWriter output, TextWriter error, IAnsiConsole? terminal)
        {
            Out = output;
            Error = error;
            Terminal = terminal;
        }

        public TextWriter Out { get; }
        public TextWriter Error { get; }

        /// <summary>Where progress bars are drawn: the real console when stdout is not redirected, else null (plain lines).</summary>
        public IAnsiConsole? Terminal { get; }
    }
}
