using System;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Turns user errors into one line on stderr and exit code 1, never a stack trace.</summary>
    internal static class CliRun
    {
        public static int Guarded(CliContext context, Func<int> action)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (e is CliException or ArgumentException or NotSupportedException or System.IO.IOException or UnauthorizedAccessException)
            {
                context.Error.WriteLine($"error: {e.Message.Split('\n')[0].TrimEnd()}");
                return Cli.UsageError;
            }
        }
    }
}
