using System;
using System.Diagnostics;

namespace PlanarGen.GameLoop
{
    /// <summary>What a simulation records: frame times, per-second figures and a few agents' trails, in arrays sized before
    /// the loop so that recording allocates nothing.</summary>
    internal sealed class Run
    {
        private readonly int _frames;
        private readonly int _trailStart;
        private int _agreements, _food, _hazards, _agentsSeen;

        public Run(int frames, int trailAgents, int trailFrames)
        {
            _frames = frames;
            Seconds = Math.Max(1, frames / 60);
            FrameTicks = new long[frames];
            FrameCpuNanoseconds = new long[frames];
            AgreementPerFrame = new double[frames];
            AgreementPerSecond = new double[Seconds];
            FoodPerSecond = new double[Seconds];
            HazardsPerSecond = new double[Seconds];
            TrailX = new float[trailAgents, trailFrames];
            TrailY = new float[trailAgents, trailFrames];
            _trailStart = frames - trailFrames;
        }

        /// <summary>Whole seconds simulated (at least 1; a trailing partial second is not reported).</summary>
        public int Seconds { get; }

        public long[] FrameTicks { get; }

        /// <summary>The game thread's CPU time per frame (0 where <see cref="ThreadCpu"/> is unavailable).</summary>
        public long[] FrameCpuNanoseconds { get; }

        /// <summary>Fraction of the agents whose move was the teacher's, frame by frame.</summary>
        public double[] AgreementPerFrame { get; }
        public double[] AgreementPerSecond { get; }
        public double[] FoodPerSecond { get; }
        public double[] HazardsPerSecond { get; }

        /// <summary>Positions of the first agents over the last frames (agent, frame).</summary>
        public float[,] TrailX { get; }
        public float[,] TrailY { get; }

        /// <summary>GC.CollectionCount(0), (1) and (2) after warm-up minus before.</summary>
        public (int Gen0, int Gen1, int Gen2) Collections { get; set; }

        public int TotalCollections => Collections.Gen0 + Collections.Gen1 + Collections.Gen2;
        public long AllocatedBytes { get; set; }
        public int MeasuredFrames { get; set; }
        public World? FinalWorld { get; set; }

        public void Record(int frame, FrameOutcome outcome, World world)
        {
            AgreementPerFrame[frame] = (double)outcome.Agreements / world.Agents;
            _agreements += outcome.Agreements;
            _food += outcome.FoodEaten;
            _hazards += outcome.HazardHits;
            _agentsSeen += world.Agents;
            if ((frame + 1) % 60 == 0 || (frame + 1 == _frames && frame < 60))
            {
                int second = Math.Min(frame / 60, Seconds - 1);
                double length = Math.Min(60, frame + 1) / 60.0;
                AgreementPerSecond[second] = (double)_agreements / _agentsSeen;
                FoodPerSecond[second] = _food / length;
                HazardsPerSecond[second] = _hazards / length;
                _agreements = _food = _hazards = _agentsSeen = 0;
            }

            if (frame >= _trailStart)
            {
                for (int a = 0; a < TrailX.GetLength(0); a++)
                {
                    TrailX[a, frame - _trailStart] = world.X(a);
                    TrailY[a, frame - _trailStart] = world.Y(a);
                }
            }
        }

        /// <summary>The frame times (wall, or the thread's CPU time) after <paramref name="warmUp"/> frames, in
        /// milliseconds, sorted.</summary>
        public double[] FrameMilliseconds(int warmUp, bool cpu)
        {
            int skip = Math.Min(warmUp, _frames - 1);
            var ms = new double[_frames - skip];
            for (int i = 0; i < ms.Length; i++)
                ms[i] = cpu ? FrameCpuNanoseconds[skip + i] / 1e6 : FrameTicks[skip + i] * 1000.0 / Stopwatch.Frequency;
            Array.Sort(ms);
            return ms;
        }
    }
}
