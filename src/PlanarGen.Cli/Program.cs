using System.CommandLine;
using PlanarGen.Cli.Commands;

namespace PlanarGen.Cli
{
    internal static class Program
    {
        private static int Main(string[] args)
        {
            var root = new RootCommand("PlanarGen: the course notebook 'Planar data classification with one hidden layer', reproduced and made fast.")
            {
                FlowerCommand.Create(),
                DatasetCommand.Create(),
            };
            return root.Parse(args).Invoke();
        }
    }
}
