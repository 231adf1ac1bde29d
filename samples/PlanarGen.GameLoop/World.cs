using System;

namespace PlanarGen.GameLoop
{
    /// <summary>Who chooses the agents' moves.</summary>
    internal enum Policy
    {
        /// <summary>The network (argmax of its outputs), learning from the teacher as it goes.</summary>
        Network,

        /// <summary>The teacher itself: the reference the network is measured against.</summary>
        Teacher,
    }

    /// <summary>
    /// The field: agents that move on the unit square, food that respawns where it is eaten, and hazards that send an agent
    /// that touches one back to a random place. Every array is allocated by the constructor; <see cref="Step"/> allocates
    /// nothing.
    /// </summary>
    internal sealed class World
    {
        /// <summary>Features per agent: the direction to the nearest food (unit vector), and the push away from the nearest
        /// hazard (unit vector times a threat that grows from 0 at <see cref="ThreatRange"/> to 1 at its edge).</summary>
        public const int FeatureCount = 4;

        /// <summary>Right, up, left, down.</summary>
        public const int ActionCount = 4;

        public const float StepsPerSecond = 60;
        public const float Speed = 0.3f;           // field widths a second
        public const float EatRadius = 0.02f;
        public const float HazardRadius = 0.06f;
        public const float ThreatRange = 0.12f;    // beyond a hazard's edge
        public const int FoodCount = 64;
        public const int HazardCount = 6;

        private static readonly float[] MoveX = { 1, 0, -1, 0 };
        private static readonly float[] MoveY = { 0, 1, 0, -1 };

        private readonly NumPyRandom _random;
        private readonly float[] _x, _y;
        private readonly float[] _features;       // FeatureCount x agents, row-major: what PredictBatch reads
        private readonly float[] _outputs;        // ActionCount x agents
        private readonly float[] _label = new float[ActionCount];
        private readonly float[] _sample = new float[FeatureCount];
        private int _nextLearner;

        public World(int agents, uint seed)
        {
            Agents = agents;
            _random = new NumPyRandom(seed);
            _x = new float[agents];
            _y = new float[agents];
            _features = new float[FeatureCount * agents];
            _outputs = new float[ActionCount * agents];
            FoodX = new float[FoodCount];
            FoodY = new float[FoodCount];
            HazardX = new float[HazardCount];
            HazardY = new float[HazardCount];
            for (int h = 0; h < HazardCount; h++)
            {
                HazardX[h] = 0.15f + 0.7f * (float)_random.Rand();
                HazardY[h] = 0.15f + 0.7f * (float)_random.Rand();
            }

            for (int f = 0; f < FoodCount; f++) PlaceFood(f);
            for (int a = 0; a < agents; a++) PlaceAgent(a);
        }

        public int Agents { get; }
        public float[] FoodX { get; }
        public float[] FoodY { get; }
        public float[] HazardX { get; }
        public float[] HazardY { get; }

        public float X(int agent) => _x[agent];
        public float Y(int agent) => _y[agent];

        /// <summary>One fixed 1/60 s step. The network predicts every agent at once; the teacher labels every agent; the
        /// agents move by <paramref name="policy"/>; <paramref name="learnersPerFrame"/> agents (in turn) add their sample
        /// to <paramref name="buffer"/>, if any.</summary>
        public FrameOutcome Step(ref Brain brain, Policy policy, ReplayBuffer<float>? buffer, int learnersPerFrame)
        {
            int agents = Agents;
            for (int a = 0; a < agents; a++) Sense(a);
            if (policy == Policy.Network) brain.PredictBatch(new DataSet<float>(_features, agents), _outputs);

            var outcome = default(FrameOutcome);
            for (int a = 0; a < agents; a++)
            {
                int teacher = Teacher(a);
                int action = policy == Policy.Network ? Chosen(a) : teacher;
                if (action == teacher) outcome.Agreements++;
                Move(a, action, ref outcome);
            }

            if (buffer != null)
            {
                for (int n = 0; n < learnersPerFrame; n++)
                {
                    int a = _nextLearner;
                    _nextLearner = (_nextLearner + 1) % agents;
                    AddSample(buffer, a);
                }
            }

            return outcome;
        }

        // The features were computed before the agents moved; the learner's sample pairs them with the teacher's action
        // in that same state. Agents that moved since are sensed again (cheap), so the pair stays consistent.
        private void AddSample(ReplayBuffer<float> buffer, int agent)
        {
            Sense(agent);
            for (int r = 0; r < FeatureCount; r++) _sample[r] = _features[r * Agents + agent];
            int teacher = Teacher(agent);
            for (int k = 0; k < ActionCount; k++) _label[k] = k == teacher ? 1 : 0;
            buffer.Add(_sample, _label);
        }

        private void Sense(int a)
        {
            float x = _x[a], y = _y[a];
            int food = Nearest(FoodX, FoodY, x, y);
            float fx = FoodX[food] - x, fy = FoodY[food] - y;
            float fd = MathF.Sqrt(fx * fx + fy * fy);
            if (fd > 0)
            {
                fx /= fd;
                fy /= fd;
            }

            int hazard = Nearest(HazardX, HazardY, x, y);
            float hx = x - HazardX[hazard], hy = y - HazardY[hazard];
            float hd = MathF.Sqrt(hx * hx + hy * hy);
            float threat = Math.Max(0, 1 - (hd - HazardRadius) / ThreatRange);
            threat = Math.Min(threat, 1);
            if (hd > 0)
            {
                hx = hx / hd * threat;
                hy = hy / hd * threat;
            }

            int m = Agents;
            _features[a] = fx;
            _features[m + a] = fy;
            _features[2 * m + a] = hx;
            _features[3 * m + a] = hy;
        }

        /// <summary>The teacher, a steering rule: head for the food, pushed away from a hazard twice as hard as drawn to the
        /// food, and, near a hazard, also pushed round it on the food's side (so food behind a hazard is reached by going
        /// round, never by stopping at the edge); the move closest to that direction.</summary>
        private int Teacher(int a)
        {
            int m = Agents;
            float foodX = _features[a], foodY = _features[m + a];
            float awayX = _features[2 * m + a], awayY = _features[3 * m + a];
            float side = awayX * foodY - awayY * foodX >= 0 ? 1 : -1;
            float dx = foodX + 2 * awayX - 1.5f * side * awayY;
            float dy = foodY + 2 * awayY + 1.5f * side * awayX;
            int best = 0;
            float bestDot = float.NegativeInfinity;
            for (int k = 0; k < ActionCount; k++)
            {
                float dot = dx * MoveX[k] + dy * MoveY[k];
                if (dot > bestDot)
                {
                    bestDot = dot;
                    best = k;
                }
            }

            return best;
        }

        private int Chosen(int a)
        {
            int m = Agents;
            int best = 0;
            for (int k = 1; k < ActionCount; k++)
                if (_outputs[k * m + a] > _outputs[best * m + a]) best = k;
            return best;
        }

        private void Move(int a, int action, ref FrameOutcome outcome)
        {
            const float step = Speed / StepsPerSecond;
            float x = Math.Clamp(_x[a] + MoveX[action] * step, 0, 1);
            float y = Math.Clamp(_y[a] + MoveY[action] * step, 0, 1);
            _x[a] = x;
            _y[a] = y;
            int food = Nearest(FoodX, FoodY, x, y);
            if (Distance2(FoodX[food], FoodY[food], x, y) < EatRadius * EatRadius)
            {
                outcome.FoodEaten++;
                PlaceFood(food);
            }

            int hazard = Nearest(HazardX, HazardY, x, y);
            if (Distance2(HazardX[hazard], HazardY[hazard], x, y) < HazardRadius * HazardRadius)
            {
                outcome.HazardHits++;
                PlaceAgent(a);
            }
        }

        private void PlaceFood(int f)
        {
            do
            {
                FoodX[f] = (float)_random.Rand();
                FoodY[f] = (float)_random.Rand();
            }
            while (InHazard(FoodX[f], FoodY[f], HazardRadius + ThreatRange));  // where an agent feels no push: always reachable
        }

        private void PlaceAgent(int a)
        {
            do
            {
                _x[a] = (float)_random.Rand();
                _y[a] = (float)_random.Rand();
            }
            while (InHazard(_x[a], _y[a], HazardRadius + ThreatRange));
        }

        private bool InHazard(float x, float y, float radius)
        {
            for (int h = 0; h < HazardCount; h++)
                if (Distance2(HazardX[h], HazardY[h], x, y) < radius * radius) return true;
            return false;
        }

        private static int Nearest(float[] xs, float[] ys, float x, float y)
        {
            int best = 0;
            float bestD = float.MaxValue;
            for (int i = 0; i < xs.Length; i++)
            {
                float d = Distance2(xs[i], ys[i], x, y);
                if (d < bestD)
                {
                    bestD = d;
                    best = i;
                }
            }

            return best;
        }

        private static float Distance2(float ax, float ay, float bx, float by) => (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
    }

    /// <summary>What happened in one frame.</summary>
    internal struct FrameOutcome
    {
        /// <summary>Agents whose move was the teacher's.</summary>
        public int Agreements;
        public int FoodEaten;
        public int HazardHits;
    }
}
