using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using PlanarGen.Cli.Running;

namespace PlanarGen.Cli.Output
{
    /// <summary>Prints a run as the notebook does, or as JSON with round-trip-exact doubles.</summary>
    internal static class ReportWriter
    {
        /// <summary>What follows the cost lines (which are printed as they are reached): divergence, accuracy.</summary>
        public static void WriteOutcome(TextWriter output, RunReport report)
        {
            if (report.Diverged) output.WriteLine(Text.DivergedLine(report));
            output.WriteLine(string.Format(CultureInfo.InvariantCulture, "Accuracy: {0:F2} %", report.Accuracy * 100));
        }

        /// <summary>Writes one JSON object (built by <paramref name="write"/>) and a newline to <paramref name="output"/>.</summary>
        public static void WriteJson(TextWriter output, Action<Utf8JsonWriter> write)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                write(json);
                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            output.Flush();
        }

        /// <summary>The run's members: costs, accuracy, divergedAtIteration (when it diverged), parameters.</summary>
        public static void WriteRun(Utf8JsonWriter json, RunReport report)
        {
            WriteCosts(json, "costs", report.Costs);
            WriteNumber(json, "accuracy", report.Accuracy);
            if (report.DivergedAtIteration >= 0) json.WriteNumber("divergedAtIteration", report.DivergedAtIteration);
            json.WritePropertyName("parameters");
            json.WriteStartObject();
            WriteMatrix(json, "W1", report.W1, report.Hidden, report.Inputs);
            WriteVector(json, "b1", report.B1);
            WriteMatrix(json, "W2", report.W2, report.Outputs, report.Hidden);
            WriteVector(json, "b2", report.B2);
            json.WriteEndObject();
        }

        public static void WriteCosts(Utf8JsonWriter json, string name, IEnumerable<(int Iteration, double Cost)> costs)
        {
            json.WriteStartArray(name);
            foreach ((int iteration, double cost) in costs)
            {
                json.WriteStartObject();
                json.WriteNumber("iteration", iteration);
                WriteNumber(json, "cost", cost);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (string v in values) json.WriteStringValue(v);
            json.WriteEndArray();
        }

        /// <summary>Writes a rows x columns matrix as nested arrays, row by row.</summary>
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

        public static void WriteVector(Utf8JsonWriter json, string name, double[] values)
        {
            json.WriteStartArray(name);
            foreach (double v in values) WriteValue(json, v);
            json.WriteEndArray();
        }

        // JSON has no NaN or infinity: a diverged cost is written as a string so the output stays valid JSON.
        public static void WriteNumber(Utf8JsonWriter json, string name, double value)
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
