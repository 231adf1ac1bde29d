using System;
using System.IO;
using ScottPlot;
using SkiaSharp;

namespace PlanarGen.GameLoop
{
    /// <summary>The sample's PNG: the learning curve (agreement with the teacher, food eaten per second, next to the
    /// teacher's own food rate) and the trails of a few agents over the last seconds. ScottPlot draws each panel headless,
    /// SkiaSharp puts them side by side, as the CLI's pictures do.</summary>
    internal static class Picture
    {
        private const int PanelWidth = 420, PanelHeight = 380;

        public static string Save(string path, Options options, Run run, Run teacher)
        {
            Plot[] panels = { Agreement(run), Food(run, teacher), Trails(run) };
            using var surface = SKSurface.Create(new SKImageInfo(panels.Length * PanelWidth, PanelHeight));
            surface.Canvas.Clear(SKColors.White);
            for (int i = 0; i < panels.Length; i++)
            {
                byte[] png = panels[i].GetImageBytes(PanelWidth, PanelHeight, ImageFormat.Png);
                using SKBitmap bitmap = SKBitmap.Decode(png);
                surface.Canvas.DrawBitmap(bitmap, i * PanelWidth, 0);
            }

            using SKImage image = surface.Snapshot();
            using SKData encoded = image.Encode(SKEncodedImageFormat.Png, 100);
            using (FileStream file = File.Create(path)) encoded.SaveTo(file);
            return path;
        }

        private static double[] SecondsAxis(int count)
        {
            var xs = new double[count];
            for (int i = 0; i < count; i++) xs[i] = i + 1;
            return xs;
        }

        /// <summary>The first 10 s frame by frame: learning is quick, so a per-second curve would hide it.</summary>
        private static Plot Agreement(Run run)
        {
            int frames = Math.Min(600, run.AgreementPerFrame.Length);
            var plot = new Plot();
            plot.Title($"Moves that agree with the teacher, first {frames / 60.0:F0} s", 13);
            plot.XLabel("simulated second");
            plot.YLabel("% of agent moves, frame by frame");
            var xs = new double[frames];
            var ys = new double[frames];
            for (int i = 0; i < frames; i++)
            {
                xs[i] = (i + 1) / 60.0;
                ys[i] = 100 * run.AgreementPerFrame[i];
            }

            var line = plot.Add.Scatter(xs, ys);
            line.MarkerSize = 0;
            line.LineWidth = 1.5f;
            line.Color = Colors.Blue;
            var chance = plot.Add.HorizontalLine(100.0 / World.ActionCount);
            chance.Color = Colors.Gray;
            chance.LinePattern = LinePattern.Dashed;
            chance.LegendText = "chance (1 move in 4)";
            plot.ShowLegend(Alignment.LowerRight);
            plot.Axes.SetLimits(0, frames / 60.0, 0, 100);
            return plot;
        }

        private static Plot Food(Run run, Run teacher)
        {
            var plot = new Plot();
            plot.Title("Food eaten per second", 13);
            plot.XLabel("simulated second");
            plot.YLabel("food / s (all agents)");
            double max = 1;
            foreach ((Run r, string label, Color color) in new[] { (run, "network (learning)", Colors.Green), (teacher, "teacher", Colors.Gray) })
            {
                var line = plot.Add.Scatter(SecondsAxis(r.Seconds), r.FoodPerSecond);
                line.MarkerSize = 0;
                line.LineWidth = 2;
                line.Color = color;
                line.LegendText = label;
                foreach (double v in r.FoodPerSecond) max = Math.Max(max, v);
            }

            plot.ShowLegend(Alignment.UpperRight);
            plot.Axes.SetLimits(0, run.Seconds + 1, 0, max * 1.1);
            return plot;
        }

        private static Plot Trails(Run run)
        {
            World world = run.FinalWorld!;
            var plot = new Plot();
            plot.Title($"Trails of {run.TrailX.GetLength(0)} agents, last {run.TrailX.GetLength(1) / 60.0:F0} s", 13);
            for (int h = 0; h < world.HazardX.Length; h++)
            {
                var circle = plot.Add.Circle(world.HazardX[h], world.HazardY[h], World.HazardRadius);
                circle.FillColor = Colors.Red.WithAlpha(0.35);
                circle.LineColor = Colors.Red;
            }

            var food = plot.Add.ScatterPoints(ToDouble(world.FoodX), ToDouble(world.FoodY));
            food.Color = Colors.Green;
            food.MarkerSize = 5;
            Color[] palette = { Colors.Blue, Colors.Orange, Colors.Purple, Colors.Brown, Colors.Teal, Colors.Magenta };
            for (int a = 0; a < run.TrailX.GetLength(0); a++)
            {
                int n = run.TrailX.GetLength(1);
                var xs = new double[n];
                var ys = new double[n];
                for (int f = 0; f < n; f++)
                {
                    xs[f] = run.TrailX[a, f];
                    ys[f] = run.TrailY[a, f];
                }

                // A respawn after a hazard jumps across the field: break the line there rather than draw the jump.
                int start = 0;
                for (int f = 1; f <= n; f++)
                {
                    if (f < n && Math.Abs(xs[f] - xs[f - 1]) + Math.Abs(ys[f] - ys[f - 1]) < 0.05) continue;
                    if (f - start > 1)
                    {
                        var line = plot.Add.Scatter(xs[start..f], ys[start..f]);
                        line.MarkerSize = 0;
                        line.LineWidth = 1.5f;
                        line.Color = palette[a % palette.Length];
                    }

                    start = f;
                }
            }

            plot.Axes.SetLimits(0, 1, 0, 1);
            plot.Axes.SquareUnits();
            return plot;
        }

        private static double[] ToDouble(float[] values)
        {
            var result = new double[values.Length];
            for (int i = 0; i < values.Length; i++) result[i] = values[i];
            return result;
        }
    }
}
