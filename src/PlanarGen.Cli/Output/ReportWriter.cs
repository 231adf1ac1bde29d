using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Output
{
    /// <summary>Prints a run as the notebook does, or as one JSON object with round-trip-exact doubles.</summary>
    internal static class ReportWriter
    {
        public static void WriteText(TextWriter output, RunReport report)
        {
            foreach ((int iteration, double cost) in report.Costs)
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Cost after iteration {0}: {1:F6}", iteration, cost));
            if (report.DivergedAtIteration >= 0)
                output.WriteLine($"Training diverged at iteration {report.DivergedAtIteration}: the cost or an update became non-finite; the parameters from before that iteration were kept. Try a smaller --learning-rate.");
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Accuracy: {0:F2} %", report.Accuracy * 100));
        }

        public static void WriteJson(Stream output, RunReport report)
        {
            using var json = new Utf8JsonWriter(output);
            json.WriteStartObject();
            json.WriteStartArray("costs");
            foreach ((int iteration, double cost) in report.Costs)
            {
                json.WriteStartObject();
                json.WriteNumber("iteration", iteration);
                WriteNumber(json, "cost", cost);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteNumber(json, "accuracy", report.Accuracy);
            if (report.DivergedAtIteration >= 0) json.WriteNumber("divergedAtIteration", report.DivergedAtIteration);
            json.WritePropertyName("parameters");
            json.WriteStartObject();
            WriteMatrix(json, "W1", report.W1, report.Hidden, report.Inputs);
            WriteVector(json, "b1", report.B1);
            WriteMatrix(json, "W2", report.W2, report.Outputs, report.Hidden);
            WriteVector(json, "b2", report.B2);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');
        }

        /// <summary>Writes a features x samples matrix as nested arrays, row by row.</summary>
        public static void WriteMatrix(Utf8JsonWriter json, string name, ReadOnlySpan<double> values, int rows, int columns)
        {
            json.WriteStartArray(name);
            for (int r = 0; r < rows; r++)
            {
                json.WriteStartArray();
                for (int c = 0; c < columns; c++) WriteValue(json, values[r * columns + c]);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }

        private static void WriteVector(Utf8JsonWriter json, string name, double[] values)
        {
            json.WriteStartArray(name);
            foreach (double v in values) WriteValue(json, v);
            json.WriteEndArray();
        }

        // JSON has no NaN or infinity: a diverged cost is written as a string so the output stays valid JSON.
        private static void WriteNumber(Utf8JsonWriter json, string name, double value)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }

        private static void WriteValue(Utf8JsonWriter json, double value)
        {
            if (double.IsFinite(value)) json.WriteNumberValue(value);
            else json.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }
}
