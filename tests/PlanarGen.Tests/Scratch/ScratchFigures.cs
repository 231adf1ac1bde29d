using System;
using System.IO;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Xunit;

namespace PlanarGen.Tests
{
    public class ScratchFigures
    {
        static string H(double[] a) => Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(a.AsSpan()))).ToLowerInvariant();

        [Fact]
        public void Hashes()
        {
            using var w = new StreamWriter("/tmp/cs_hashes.txt");
            foreach (uint s in new uint[] { 1, 5 })
            {
                foreach (var (name, d) in new (string, PlanarData<double>)[] { ("circles", PlanarDataSets.NoisyCircles(s)), ("moons", PlanarDataSets.NoisyMoons(s)), ("blobs", PlanarDataSets.Blobs(s)), ("gq", PlanarDataSets.GaussianQuantiles(s)) })
                    w.WriteLine($"{name} {s} {H(d.X)} {H(d.Y)} {d.X[0]:R} {d.X[200]:R} {d.Y[0]}");
            }
            var f = LogisticRegression.FitLikeScikitLearn(PlanarDataSets.Flower(), out double[] scores);
            w.WriteLine($"flower C={f.C:R} w={f.Weights[0]:R},{f.Weights[1]:R} b={f.Bias:R} acc={f.Accuracy(PlanarDataSets.Flower().AsDataSet()):R} scores={string.Join(",", scores)}");
        }

        [Fact]
        public void Sweep()
        {
            string? which = Environment.GetEnvironmentVariable("SWEEP_SET");
            if (which is null) return;
            using var w = new StreamWriter($"/tmp/sweep_{which}.txt");
            for (uint s = 0; s < 12; s++)
            {
                PlanarData<double> d = which switch
                {
                    "circles" => PlanarDataSets.NoisyCircles(s),
                    "moons" => PlanarDataSets.NoisyMoons(s),
                    "blobs" => PlanarDataSets.Blobs(s),
                    "gq" => PlanarDataSets.GaussianQuantiles(s),
                    _ => PlanarDataSets.NoStructure(s),
                };
                var run = NotebookModel.NnModel(d, 4);
                var lr = LogisticRegression.FitLikeScikitLearn(d);
                w.WriteLine($"{which} seed {s}: nn {run.Model.Accuracy(d):R} lr {lr.Accuracy(d.AsDataSet()):R} C {lr.C:R} diverged {run.Diverged}");
                w.Flush();
            }
        }
    }
}
