using System;
using System.Collections.Generic;
using PlanarGen.Cli.Output;
using PlanarGen.Cli.Spiral;
using ScottPlot;

namespace PlanarGen.Cli.Pictures
{
    /// <summary>Decision regions of a multi-class model: every cell of a grid filled with the colour of the class the model
    /// picks there (argmax), the samples drawn on top in their label's darker colour.</summary>
    internal static class ClassRegions
    {
        /// <summary>Region fills and point colours per class (red, blue, green, then more for larger class counts).</summary>
        public static readonly (byte R, byte G, byte B)[] Fills =
        {
            PictureStyle.Fill0, PictureStyle.Fill1, (0xA6, 0xDB, 0xA0), (0xFE, 0xE0, 0x8B), (0xC2, 0xA5, 0xCF), (0xD9, 0xD9, 0xD9),
        };

        public static readonly (byte R, byte G, byte B)[] Points =
        {
            PictureStyle.Point0, PictureStyle.Point1, (0x1B, 0x78, 0x37), (0xB3, 0x58, 0x06), (0x76, 0x2A, 0x83), (0x40, 0x40, 0x40),
        };

        /// <summary>Saves the picture as <paramref name="fileName"/> in <paramref name="folder"/> (single-panel layout of
        /// <see cref="PictureStyle"/>, limits: the data's range widened by 1) and returns its path.</summary>
        public static string Save(string folder, string fileName, string title, PlanarData<double> data, IClassifier classifier, double step)
        {
            var limits = PictureStyle.Limits(data.X, data.SampleCount);
            var plot = new Plot();
            plot.Title(title, 14);
            plot.XLabel("x1");
            plot.YLabel("x2");
            plot.Layout.Fixed(new PixelPadding(PictureStyle.PadLeft, PictureStyle.PadRight, PictureStyle.PadBottom, PictureStyle.PadTop));

            int columns = GridBudget.Columns(limits, step);
            int rows = GridBudget.Rows(limits, step);
            var cells = new double[rows, columns];
            var x = new double[2 * columns];
            var classes = new int[columns];
            for (int r = 0; r < rows; r++)
            {
                // Heatmap row 0 is drawn at the top, so row r holds the grid line at y = yMax - (r + 0.5) step.
                double y = limits.YMax - (r + 0.5) * step;
                for (int c = 0; c < columns; c++)
                {
                    x[c] = limits.XMin + (c + 0.5) * step;
                    x[columns + c] = y;
                }

                classifier.Classify(x, columns, classes);
                for (int c = 0; c < columns; c++) cells[r, c] = classes[c];
            }

            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Colormap = new ClassColormap(data.OutputCount);
            heatmap.ManualRange = new ScottPlot.Range(0, data.OutputCount - 1);
            heatmap.Extent = new CoordinateRect(limits.XMin, limits.XMin + columns * step, limits.YMax - rows * step, limits.YMax);

            for (int k = 0; k < data.OutputCount; k++)
            {
                var xs = new List<double>();
                var ys = new List<double>();
                for (int i = 0; i < data.SampleCount; i++)
                {
                    if (data.Label(k, i) != 1) continue;
                    xs.Add(data.Feature(0, i));
                    ys.Add(data.Feature(1, i));
                }

                var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray());
                points.Color = ToColor(Points[k % Points.Length]);
                points.MarkerSize = 5;
                points.LegendText = $"class {k}";
            }

            plot.Axes.SetLimits(limits.XMin, limits.XMax, limits.YMin, limits.YMax);
            string path = System.IO.Path.Combine(folder, fileName);
            System.IO.Directory.CreateDirectory(folder);
            byte[] png = plot.GetImageBytes(PictureStyle.Width, PictureStyle.Height, ImageFormat.Png);
            AtomicFile.Write(path, stream => stream.Write(png));
            return path;
        }

        private static Color ToColor((byte R, byte G, byte B) c) => new Color(c.R, c.G, c.B);

        /// <summary>Class k (the heatmap value k, scaled to k / (classes - 1)) in its flat fill colour.</summary>
        private sealed class ClassColormap : IColormap
        {
            private readonly int _classes;

            public ClassColormap(int classes) => _classes = classes;

            public string Name => "PlanarGen classes";

            public Color GetColor(double position)
            {
                int k = (int)Math.Round(Math.Clamp(position, 0, 1) * (_classes - 1));
                return ToColor(Fills[k % Fills.Length]);
            }
        }
    }
}
