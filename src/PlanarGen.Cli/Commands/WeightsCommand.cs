using System.CommandLine;
using System.Linq;
using PlanarGen.Cli.Output;

namespace PlanarGen.Cli.Commands
{
    /// <summary><c>planargen weights inspect|convert</c>: weights files without training (docs/weights.md, CLI).</summary>
    internal static class WeightsCommand
    {
        public static Command Create(CliContext context)
        {
            var command = new Command("weights", "Weights files: inspect what one holds, or convert it to another format.");
            command.Subcommands.Add(Inspect(context));
            command.Subcommands.Add(Convert(context));
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
            });

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
