using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen weights inspect|convert|export-onnx</c>: weights files without training (docs/weights.md, CLI).</summary>
    internal static class WeightsCommand
    {
        public static Command Create(CliContext context)
        {
            var command = new Command("weights", "Weights files: inspect what one holds, convert it to another format, or export it as an ONNX model.");
            command.Subcommands.Add(Inspect(context));
            command.Subcommands.Add(Convert(context));
            command.Subcommands.Add(ExportOnnx(context));
            return command;
        }

        private static Command Inspect(CliContext context)
        {
            var path = new Argument<string>("PATH") { Description = "A weights file: safetensors, PlanarGen JSON or NumPy .npz (told from the content)." };
            var json = CliOptions.Json();
            var command = new Command("inspect", "Prints a weights file's format, tensors (name, dtype, shape), metadata and checksum status.") { path, json };
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                string file = result.GetValue(path)!;
                WeightsInfo info = WeightsFile.Inspect(file);
                if (result.GetValue(json)) WriteJson(context, file, info);
                else WriteText(context, file, info);
                return 0;
            }));
            return command;
        }

        private static Command Convert(CliContext context)
        {
            var input = new Argument<string>("IN") { Description = "The weights file to read: safetensors, PlanarGen JSON or NumPy .npz." };
            var output = new Argument<string>("OUT") { Description = "The file to write, in the format its extension names: .safetensors or .json." };
            var command = new Command("convert",
                "Rewrites a network's weights file in another format, bit for bit; PlanarGen metadata is kept (checksum recomputed), a foreign file gets none.")
            { input, output };
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                string from = result.GetValue(input)!, to = result.GetValue(output)!;
                WeightsFile.Convert(from, to);
                WeightsInfo written = WeightsFile.Inspect(to);
                context.Out.WriteLine($"Converted {from} to {to} ({FormatName(written.Format)}, {ChecksumText(written)}).");
                return 0;
            }));
            return command;
        }

        private static Command ExportOnnx(CliContext context)
        {
            var input = new Argument<string>("IN") { Description = "The weights file to read: safetensors, PlanarGen JSON or NumPy .npz." };
            var output = new Argument<string>("OUT") { Description = "The ONNX model to write (OUT.onnx)." };
            var activation = new Option<string>("--activation")
            {
                Description = "Hidden activation of a foreign file (no PlanarGen metadata): tanh, sigmoid, relu or leaky-relu. A PlanarGen file's metadata names it.",
            };
            var slope = new Option<double?>("--leaky-slope") { Description = "Leaky ReLU slope of a foreign file (default 0.01)." };
            var command = new Command("export-onnx",
                $"Writes the network as an ONNX model (IR {OnnxExport.IrVersion}, opset {OnnxExport.OpsetVersion}, float32): input x [N, Inputs], output y [N, Outputs], input scaling as Sub/Mul in front.")
            { input, output, activation, slope };
            command.SetAction(result => CliRun.Guarded(context, () =>
            {
                string from = result.GetValue(input)!, to = result.GetValue(output)!;
                string? named = result.GetValue(activation);
                OnnxExport.Export(from, to, named == null ? null : CliOptions.ParseActivation(named), result.GetValue(slope));
                context.Out.WriteLine($"Exported {from} to {to} (ONNX IR {OnnxExport.IrVersion}, opset {OnnxExport.OpsetVersion}, float32, {new System.IO.FileInfo(to).Length} bytes).");
                return 0;
            }));
            return command;
        }

        private static void WriteText(CliContext context, string file, WeightsInfo info)
        {
            var o = context.Out;
            o.WriteLine($"File: {file}");
            o.WriteLine($"Format: {FormatName(info.Format)}");
            o.WriteLine($"Tensors: {info.Tensors.Count}");
            foreach (WeightsTensorInfo t in info.Tensors) o.WriteLine($"  {t.Name}  {t.DType}  [{string.Join(", ", t.Shape)}]");
            o.WriteLine(info.Metadata.Count == 0 ? "Metadata: none" : $"Metadata: {info.Metadata.Count}");
            foreach (var entry in info.Metadata) o.WriteLine($"  {entry.Key} = {entry.Value}");
            o.WriteLine($"Checksum: {ChecksumText(info)}");
            // Only files with input scaling get these lines, so the report of every other file reads as before.
            if (info.InputOffsets is { } offsets && info.InputScales is { } scales && offsets.Count == scales.Count)
            {
                o.WriteLine($"Input scaling: x' = (x - offset) * scale, {offsets.Count} inputs");
                for (int i = 0; i < offsets.Count; i++)
                    o.WriteLine($"  input {i}: offset {Number(offsets[i])}, scale {Number(scales[i])}");
            }
            o.Flush();
        }

        private static void WriteJson(CliContext context, string file, WeightsInfo info) =>
            ReportWriter.WriteJson(context.Out, json =>
            {
                json.WriteString("file", file);
                json.WriteString("format", FormatName(info.Format));
                json.WriteStartArray("tensors");
                foreach (WeightsTensorInfo t in info.Tensors)
                {
                    json.WriteStartObject();
                    json.WriteString("name", t.Name);
                    json.WriteString("dtype", t.DType);
                    json.WriteStartArray("shape");
                    foreach (int d in t.Shape) json.WriteNumberValue(d);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartObject("metadata");
                foreach (var entry in info.Metadata) json.WriteString(entry.Key, entry.Value);
                json.WriteEndObject();
                json.WriteString("checksum", info.ChecksumStatus switch
                {
                    WeightsChecksumStatus.Matches => "matches",
                    WeightsChecksumStatus.DoesNotMatch => "does not match",
                    _ => "none",
                });
                json.WriteString("computedChecksum", info.ComputedChecksum);
                if (info.InputOffsets is { } offsets && info.InputScales is { } scales)
                {
                    json.WriteStartObject("inputScaling");
                    json.WriteStartArray("offsets");
                    foreach (double v in offsets) json.WriteNumberValue(v);
                    json.WriteEndArray();
                    json.WriteStartArray("scales");
                    foreach (double v in scales) json.WriteNumberValue(v);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else json.WriteNull("inputScaling");
            });

        private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        private static string FormatName(WeightsFormat format) => format switch
        {
            WeightsFormat.Safetensors => "safetensors",
            WeightsFormat.Json => "PlanarGen JSON",
            _ => "NumPy npz",
        };

        private static string ChecksumText(WeightsInfo info) => info.ChecksumStatus switch
        {
            WeightsChecksumStatus.Matches => $"matches ({info.StoredChecksum})",
            WeightsChecksumStatus.DoesNotMatch => $"does not match (stored {info.StoredChecksum}, data gives {info.ComputedChecksum}): the data was altered or damaged",
            _ => $"none: foreign file (data gives {info.ComputedChecksum})",
        };
    }
}
