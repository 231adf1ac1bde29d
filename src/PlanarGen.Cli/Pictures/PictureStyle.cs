using System;

namespace PlanarGen.Cli.Pictures
{
    /// <summary>
    /// Sizes, colours and the coordinate-to-pixel mapping of every single-panel picture. The data area has a fixed
    /// padding and fixed axis limits, so a test can find the pixel of any data point without ScottPlot.
    /// </summary>
    public static class PictureStyle
    {
        public const int Width = 600;
        public const int Height = 450;
        public const int PadLeft = 60;
        public const int PadRight = 20;
        public const int PadBottom = 50;
        public const int PadTop = 35;

        /// <summary>The notebook's meshgrid step (<c>h = 0.01</c>).</summary>
        public const double GridStep = 0.01;

        /// <summary>Region the model classifies as 0 (light red, like the low end of matplotlib's Spectral map).</summary>
        public static readonly (byte R, byte G, byte B) Fill0 = (0xF4, 0xA5, 0x82);

        /// <summary>Region the model classifies as 1 (light blue).</summary>
        public static readonly (byte R, byte G, byte B) Fill1 = (0x92, 0xC5, 0xDE);

        /// <summary>Points labelled 0 (red) and 1 (blue).</summary>
        public static readonly (byte R, byte G, byte B) Point0 = (0xB2, 0x18, 0x2B);
        public static readonly (byte R, byte G, byte B) Point1 = (0x21, 0x66, 0xAC);

        /// <summary>The notebook's plot range: the data's range widened by 1 on each side.</summary>
        public static (double XMin, double XMax, double YMin, double YMax) Limits(ReadOnlySpan<double> x, int sampleCount)
        {
            double xMin = double.MaxValue, xMax = double.MinValue, yMin = double.MaxValue, yMax = double.MinValue;
            for (int i = 0; i < sampleCount; i++)
            {
                xMin = Math.Min(xMin, x[i]);
                xMax = Math.Max(xMax, x[i]);
                yMin = Math.Min(yMin, x[sampleCount + i]);
                yMax = Math.Max(yMax, x[sampleCount + i]);
            }

            return (xMin - 1, xMax + 1, yMin - 1, yMax + 1);
        }

        /// <summary>The pixel (column, row) of data point (x, y) in a single-panel picture with the given limits.</summary>
        public static (double Column, double Row) PixelOf(double x, double y, (double XMin, double XMax, double YMin, double YMax) limits)
        {
            double left = PadLeft, right = Width - PadRight, top = PadTop, bottom = Height - PadBottom;
            return (left + (x - limits.XMin) / (limits.XMax - limits.XMin) * (right - left),
                    bottom - (y - limits.YMin) / (limits.YMax - limits.YMin) * (bottom - top));
        }
    }
}
