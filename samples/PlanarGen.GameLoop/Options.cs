using System;
using System.Globalization;

namespace PlanarGen.GameLoop
{
    /// <summary>The command line: <c>--frames N --agents N --out DIR --seed N</c>.</summary>
    internal sealed class Options
    {
        public const string Usage =
            "PlanarGen.GameLoop [--frames N] [--agents N] [--out DIR] [--seed N]\n"
            + "  --frames N   frames to simulate at 60 Hz (default 3600: 60 s), at least 2\n"
            + "  --agents N   agents on the field (default 256), 1 to 65536\n"
            + "  --out DIR    folder for game-loop.png (default out)\n"
            + "  --seed N     seed of the world, the weights and the batches (default 1)";

        public int Frames { get; private set; } = 3600;
        public int Agents { get; private set; } = 256;
        public string OutDir { get; private set; } = "out";
        public uint Seed { get; private set; } = 1;
        public bool Help { get; private set; }

        /// <summary>Samples added to the replay buffer each frame (agents take turns).</summary>
        public int LearnersPerFrame => Math.Min(Agents, 64);

        /// <summary>The replay buffer keeps the last 2 s of samples.</summary>
        public int BufferCapacity => LearnersPerFrame * 120;

        /// <exception cref="UsageException">An unknown option, a missing value or a value out of range.</exception>
        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (name is "--help" or "-h")
                {
                    options.Help = true;
                    continue;
                }

                if (i + 1 >= args.Length) throw new UsageException($"{name} needs a value (or is unknown); usage:\n{Usage}");
                string value = args[++i];
                switch (name)
                {
                    case "--frames": options.Frames = Whole(name, value, 2, int.MaxValue); break;
                    case "--agents": options.Agents = Whole(name, value, 1, 65536); break;
                    case "--seed": options.Seed = (uint)Whole(name, value, 0, int.MaxValue); break;
                    case "--out": options.OutDir = value.Length > 0 ? value : throw new UsageException("--out must name a folder, but got an empty string."); break;
                    default: throw new UsageException($"unknown option '{name}'; usage:\n{Usage}");
                }
            }

            return options;
        }

        private static int Whole(string name, string text, int min, int max)
        {
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) || value < min || value > max)
                throw new UsageException($"{name} must be a whole number from {min} to {max}, but got '{text}'.");
            return value;
        }
    }
}

namespace PlanarGen.GameLoop
{
    /// <summary>A bad command line: printed as one line, exit code 1.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message)
        {
        }
    }
}
