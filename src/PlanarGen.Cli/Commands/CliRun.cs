using System;

namespace PlanarGen.Cli.Commands
{
    /// <summary>Turns errors into one line on stderr and exit code 1, never a stack trace.</summary>
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
                context.Error.WriteLine($"error: {FirstLine(e.Message)}");
                return Cli.UsageError;
            }
            catch (Exception e)
            {
                // A bug rather than a user error: still one line, naming the exception type so it can be reported.
                context.Error.WriteLine($"error: internal error ({e.GetType().Name}): {FirstLine(e.Message)}");
                return Cli.UsageError;
            }
        }

        private static string FirstLine(string message) => message.Split('\n')[0].TrimEnd();
    }
}
