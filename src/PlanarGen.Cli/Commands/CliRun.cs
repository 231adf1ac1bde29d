using System;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Turns user errors into one line on stderr and a non-zero exit code, never a stack trace.</summary>
    internal static class CliRun
    {
        public static int Guarded(Func<int> action)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (e is CliException or ArgumentException or NotSupportedException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        }
    }
}
