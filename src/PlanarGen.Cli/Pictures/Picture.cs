using System;
using System.Collections.Generic;
using System.IO;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Running;
using ScottPlot;
using SkiaSharp;

namespace PlanarGen.Cli.Pictures
{
    /// <summary>Draws the notebook's pictures with ScottPlot (headless PNG): data, decision boundaries, cost curves.</summary>
    internal static class Picture
    {
        /// <summary>One decision-boundary panel: a trained model over its data set.</summary>
        public sealed record Panel(string Title, PlanarData<double> Data, IPredictor Predictor);

        /// <summary>One cost curve: (iteration, cost) points; non-finite costs are left out.</summary>
        public sealed record Curve(string Label, IReadOnlyList<(int Iteration, double Cost)> Costs);

        public static string SaveData(string folder, string fileName, PlanarData<double> data, string title)
        {
            Plot plot = NewPlot(title);
            var limits = PictureStyle.Limits(data.X, data.SampleCount);
            AddPoints(plot, data);
            SetLimits(plot, limits);
            return Save(plot, folder, fileName, PictureStyle.Width, PictureStyle.Height);
        }

        public static string SaveBoundary(string folder, string fileName, Panel panel, double step = PictureStyle.GridStep)
        {
            Plot plot = BoundaryPlot(panel, step, BudgetedStep(new[] { panel }, step));
            return Save(plot, folder, fileName, PictureStyle.Width, PictureStyle.Height);
        }

        /// <summary>Several decision-boundary panels side by side in one PNG.</summary>
        public static string SavePanels(string folder, string fileName, IReadOnlyList<Panel> panels, int columns, double step)
        {
            const int panelWidth = 300, panelHeight = 260;
            columns = Math.Min(columns, panels.Count);
            int rows = (panels.Count + columns - 1) / columns;
            using var surface = SKSurface.Create(new SKImageInfo(columns * panelWidth, rows * panelHeight));
            surface.Canvas.Clear(SKColors.White);
            double used = BudgetedStep(panels, step);
            for (int i = 0; i < panels.Count; i++)
            {
                Plot plot = BoundaryPlot(panels[i], step, used, small: true);
                byte[] png = plot.GetImageBytes(panelWidth, panelHeight, ImageFormat.Png);
                using SKBitmap bitmap = SKBitmap.Decode(png);
                surface.Canvas.DrawBitmap(bitmap, (i % columns) * panelWidth, (i / columns) * panelHeight);
            }

            using SKImage image = surface.Snapshot();
            using SKData encoded = image.Encode(SKEncodedImageFormat.Png, 100);
            string path = PathIn(folder, fileName);
            AtomicFile.Write(path, encoded.SaveTo);
            return path;
        }

        public static string SaveCostCurves(string folder, string fileName, string title, IReadOnlyList<Curve> curves)
        {
            Plot plot = new Plot();
            plot.Title(title);
            plot.XLabel("iteration");
            plot.YLabel("cost");
            double yMax = 0;
            int xMax = 1;
            Color[] palette = { Colors.Blue, Colors.Red, Colors.Green, Colors.Orange, Colors.Purple, Colors.Brown, Colors.Black };
            for (int c = 0; c < curves.Count; c++)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                foreach ((int iteration, double cost) in curves[c].Costs)
                {
                    xMax = Math.Max(xMax, iteration);
                    if (!double.IsFinite(cost)) continue;
                    xs.Add(iteration);
                    ys.Add(cost);
                    yMax = Math.Max(yMax, cost);
                }

                var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
                line.LegendText = curves[c].Label;
                line.MarkerSize = 0;
                line.LineWidth = 2;
                line.Color = palette[c % palette.Length];
            }

            plot.ShowLegend(Alignment.UpperRight);
            // A diverging rate can shoot far above the others; keep the converging curves readable.
            plot.Axes.SetLimits(0, xMax, 0, Math.Min(Math.Max(yMax * 1.05, 0.1), 2.0));
            return Save(plot, folder, fileName, PictureStyle.Width, PictureStyle.Height);
        }

        /// <summary>The grid step that keeps the picture's work within <see cref="GridBudget.UnitEvaluationsPerPicture"/>.</summary>
        private static double BudgetedStep(IReadOnlyList<Panel> panels, double step)
        {
            var work = new List<((double, double, double, double), int)>();
            foreach (Panel panel in panels) work.Add((PictureStyle.Limits(panel.Data.X, panel.Data.SampleCount), panel.Predictor.UnitsPerPoint));
            return GridBudget.Step(work, step, GridBudget.UnitEvaluationsPerPicture);
        }

        /// <param name="step">The notebook's grid step for this picture.</param>
        /// <param name="used">The step actually used (wider than <paramref name="step"/> when the budget requires it).</param>
        private static Plot BoundaryPlot(Panel panel, double step, double used, bool small = false)
        {
            var limits = PictureStyle.Limits(panel.Data.X, panel.Data.SampleCount);
            // A widened grid is said in the title: the picture is then coarser than the notebook's.
            Plot plot = NewPlot(used > step ? $"{panel.Title} (grid step {used.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture)})" : panel.Title, small);
            AddRegions(plot, panel.Predictor, limits, used);
            AddPoints(plot, panel.Data, small ? 3 : 5);
            SetLimits(plot, limits);
            return plot;
        }

        /// <summary>The notebook's <c>plot_decision_boundary</c>: predict every point of a grid with step
        /// <paramref name="step"/> over the plot range and fill it with the class colour.</summary>
        private static void AddRegions(Plot plot, IPredictor predictor, (double XMin, double XMax, double YMin, double YMax) limits, double step)
        {
            int columns = GridBudget.Columns(limits, step);
            int rows = GridBudget.Rows(limits, step);
            var classes = new double[rows, columns];
            var x = new double[2 * columns];
            var p = new double[columns];
            for (int r = 0; r < rows; r++)
            {
                // Heatmap row 0 is drawn at the top, so row r holds the grid line at y = yMax - (r + 0.5) step.
                double y = limits.YMax - (r + 0.5) * step;
                for (int c = 0; c < columns; c++)
                {
                    x[c] = limits.XMin + (c + 0.5) * step;
                    x[columns + c] = y;
                }

                predictor.PredictProbabilities(x, columns, p);
                for (int c = 0; c < columns; c++) classes[r, c] = p[c] > 0.5 ? 1 : 0;
            }

            var heatmap = plot.Add.Heatmap(classes);
            heatmap.Colormap = new TwoClassColormap();
            heatmap.ManualRange = new ScottPlot.Range(0, 1);
            heatmap.Extent = new CoordinateRect(limits.XMin, limits.XMin + columns * step, limits.YMax - rows * step, limits.YMax);
        }

        private static void AddPoints(Plot plot, PlanarData<double> data, float size = 5)
        {
            for (int label = 0; label <= 1; label++)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                for (int i = 0; i < data.SampleCount; i++)
                {
                    if (data.Label(0, i) != label) continue;
                    xs.Add(data.Feature(0, i));
                    ys.Add(data.Feature(1, i));
                }

                var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
                points.Color = ToColor(label == 0 ? PictureStyle.Point0 : PictureStyle.Point1);
                points.MarkerSize = size;
            }
        }

        private static Plot NewPlot(string title, bool small = false)
        {
            var plot = new Plot();
            plot.Title(title, small ? 12 : 14);
            if (!small)
            {
                plot.XLabel("x1");
                plot.YLabel("x2");
                plot.Layout.Fixed(new PixelPadding(PictureStyle.PadLeft, PictureStyle.PadRight, PictureStyle.PadBottom, PictureStyle.PadTop));
            }

            return plot;
        }

        private static void SetLimits(Plot plot, (double XMin, double XMax, double YMin, double YMax) limits) =>
            plot.Axes.SetLimits(limits.XMin, limits.XMax, limits.YMin, limits.YMax);

        private static string Save(Plot plot, string folder, string fileName, int width, int height)
        {
            string path = PathIn(folder, fileName);
            byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
            AtomicFile.Write(path, stream => stream.Write(png));
            return path;
        }

        private static string PathIn(string folder, string fileName)
        {
            Directory.CreateDirectory(folder);
            return Path.Combine(folder, fileName);
        }

        private static Color ToColor((byte R, byte G, byte B) c) => new Color(c.R, c.G, c.B);

        /// <summary>Class 0 below 0.5, class 1 from 0.5: two flat colours, no gradient.</summary>
        private sealed class TwoClassColormap : IColormap
        {
            public string Name => "PlanarGen two classes";

            public Color GetColor(double position) =>
                ToColor(position >= 0.5 ? PictureStyle.Fill1 : PictureStyle.Fill0);
        }
    }
}
