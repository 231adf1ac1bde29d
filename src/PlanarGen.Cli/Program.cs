using System;
using Spectre.Console;

namespace PlanarGen.Cli
{
    internal static class Program
    {
        private static int Main(string[] args) =>
            Cli.Run(args, new CliContext(Console.Out, Console.Error, Console.IsOutputRedirected ? null : AnsiConsole.Console));
    }
}
