using System;
using System.Collections.Generic;
using Spectre.Console;

namespace PlanarGen.Cli.Output
{
    /// <summary>
    /// Runs a list of jobs: with a Spectre.Console progress bar on a terminal (then prints each job's line),
    /// or printing each job's line as it finishes when stdout is redirected; silent with --json.
    /// </summary>
    internal static class Progress
    {
        public static T[] Run<T>(CliContext context, bool json, string title, IReadOnlyList<string> labels, Func<int, T> work, Func<int, T, string> line)
        {
            var results = new T[labels.Count];
            if (json)
            {
                for (int i = 0; i < labels.Count; i++) results[i] = work(i);
                return results;
            }

            if (context.Terminal is IAnsiConsole terminal)
            {
                terminal.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .Start(progress =>
                    {
                        ProgressTask task = progress.AddTask(title, maxValue: labels.Count);
                        for (int i = 0; i < labels.Count; i++)
                        {
                            task.Description = $"{title}: {Markup.Escape(labels[i])}";
                            results[i] = work(i);
                            task.Increment(1);
                        }
                    });
                for (int i = 0; i < labels.Count; i++) context.Out.WriteLine(line(i, results[i]));
                return results;
            }

            for (int i = 0; i < labels.Count; i++)
            {
                results[i] = work(i);
                context.Out.WriteLine(line(i, results[i]));
                context.Out.Flush();
            }

            return results;
        }
    }
}
