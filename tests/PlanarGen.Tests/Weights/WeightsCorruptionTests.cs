using System;
using System.IO;
using System.Linq;
using PlanarGen.Tests.Networks;
using Xunit;
using Xunit.Abstractions;

namespace PlanarGen.Tests.Weights
{
    /// <summary>
    /// Every truncation and every single-byte change (eight patterns) of a file in each format, plus random garbage: each
    /// input is either rejected with <see cref="WeightsFormatException"/>, leaving the network exactly as it was, or loads
    /// exactly the original parameters. Any other exception, or different parameters without an error, fails the test.
    /// The counts are printed (dotnet test --logger "console;verbosity=detailed") and written to weights-corruption.txt
    /// beside the test assembly.
    /// </summary>
    public class WeightsCorruptionTests
    {
        private readonly ITestOutputHelper _output;

        public WeightsCorruptionTests(ITestOutputHelper output) => _output = output;

        private static readonly Func<byte, byte>[] Patterns =
        {
            b => (byte)(b ^ 0x01), b => (byte)(b ^ 0x02), b => (byte)(b ^ 0x10), b => (byte)(b ^ 0x80),
            b => (byte)(b ^ 0xFF), _ => 0x00, _ => (byte)' ', _ => (byte)'0',
        };

        public static TheoryData<string> Cases => new TheoryData<string>
        {
            "safetensors float", "safetensors double", "json float", "json double", "npz stored f8", "npz deflated f4",
            "safetensors float scaled", "json double scaled", "npz stored f8 scaled",
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void EveryTruncationAndByteChangeIsRejectedOrHarmless(string name)
        {
            var counts = name switch
            {
                "safetensors float" => Run<FlowerNet, float>(Saved<FlowerNet, float>(WeightsFormat.Safetensors)),
                "safetensors double" => Run<Leaky352Double, double>(Saved<Leaky352Double, double>(WeightsFormat.Safetensors)),
                "json float" => Run<FlowerNet, float>(Saved<FlowerNet, float>(WeightsFormat.Json)),
                "json double" => Run<Leaky352Double, double>(Saved<Leaky352Double, double>(WeightsFormat.Json)),
                "npz stored f8" => Run<FlowerNet64, double>(File.ReadAllBytes(WeightsTestKit.Fixture("notebook_2-4-1.npz"))),
                "safetensors float scaled" => Run<FlowerNet, float>(Saved<FlowerNet, float>(WeightsFormat.Safetensors, scaled: true)),
                "json double scaled" => Run<Leaky352Double, double>(Saved<Leaky352Double, double>(WeightsFormat.Json, scaled: true)),
                "npz stored f8 scaled" => Run<FlowerNet64, double>(File.ReadAllBytes(WeightsTestKit.Fixture("notebook_2-4-1_scaled.npz"))),
                _ => Run<FlowerNet, float>(File.ReadAllBytes(WeightsTestKit.Fixture("notebook_2-4-1_f32.npz"))),
            };
            string line = $"{name}: {counts.Bytes} bytes, tried {counts.Tried}, rejected {counts.Rejected}, harmless {counts.Harmless}";
            _output.WriteLine(line);
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "weights-corruption.txt"), line + Environment.NewLine);
            Assert.Equal(counts.Tried, counts.Rejected + counts.Harmless);
            Assert.True(counts.Rejected > counts.Tried / 2, line);
        }

        [Fact]
        public void RandomGarbageIsRejected()
        {
            var random = new Random(1234);
            int tried = 0;
            var sentinel = TestData.Load<FlowerNet, float>(WeightsTestKit.Values241());
            double[] before = WeightsTestKit.ParametersOf<FlowerNet, float>(sentinel);
            for (int k = 0; k < 3000; k++)
            {
                var bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
                // Some inputs start like each format, so the parsers get past their first check.
                switch (k % 4)
                {
                    case 1 when bytes.Length >= 9:
                        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)random.Next(0, bytes.Length - 8));
                        bytes[8] = (byte)'{';
                        break;
                    case 2 when bytes.Length >= 2:
                        bytes[0] = (byte)'P';
                        bytes[1] = (byte)'K';
                        break;
                    case 3 when bytes.Length >= 1:
                        bytes[0] = (byte)'{';
                        break;
                }
                tried++;
                var net = sentinel;
                Assert.Throws<WeightsFormatException>(() => NetworkWeights.Load<FlowerNet, float>(ref net, bytes));
                WeightsTestKit.AssertSameBits(before, WeightsTestKit.ParametersOf<FlowerNet, float>(net));
            }
            _output.WriteLine($"random garbage: tried {tried}, rejected {tried}");
            File.AppendAllText(Path.Combine(AppContext.BaseDirectory, "weights-corruption.txt"), $"random garbage: tried {tried}, rejected {tried}" + Environment.NewLine);
        }

        private static byte[] Saved<TNet, T>(WeightsFormat format, bool scaled = false)
            where TNet : struct, INetwork<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
        {
            var shape = Networks.NetworkShape.Of(typeof(TNet));
            T[] p = TestData.Parameters<T>(shape, seed: 5);
            TNet net = TestData.Load<TNet, T>(p);
            if (scaled)
            {
                // Offsets and scales of either sign with many significant bits, so a changed byte changes a value.
                T[] values = TestData.Parameters<T>(shape, seed: 6);
                var offsets = new T[shape.Inputs];
                var scales = new T[shape.Inputs];
                for (int i = 0; i < shape.Inputs; i++)
                {
                    offsets[i] = values[i] * T.CreateChecked(10);
                    scales[i] = T.CreateChecked(0.75) + values[shape.Inputs + i] * values[shape.Inputs + i];
                }
                net.SetInputScaling(offsets, scales);
            }
            return WeightsTestKit.Save<TNet, T>(net, format);
        }

        private static (int Bytes, int Tried, int Rejected, int Harmless) Run<TNet, T>(byte[] file)
            where TNet : struct, INetwork<T> where T : unmanaged
        {
            var original = new TNet();
            NetworkWeights.Load<TNet, T>(ref original, file);
            double[] expected = WeightsTestKit.StateOf<TNet, T>(original);

            // The network each attempt starts from: parameters different from the file's, so a partial load shows.
            var sentinel = new TNet();
            sentinel.Initialize(new NumPyRandom(99), 1.0);
            // Input scaling unlike any file's, so a partial load shows and a file without scaling must clear it.
            T[] Filled(double value) => Enumerable.Repeat(typeof(T) == typeof(float) ? (T)(object)(float)value : (T)(object)value, sentinel.Shape.Inputs).ToArray();
            sentinel.SetInputScaling(Filled(3), Filled(-2));
            double[] sentinelValues = WeightsTestKit.StateOf<TNet, T>(sentinel);
            Assert.False(WeightsTestKit.SameBits(expected, sentinelValues));

            int tried = 0, rejected = 0, harmless = 0;
            void Attempt(byte[] input, string what)
            {
                tried++;
                TNet net = sentinel;
                try
                {
                    NetworkWeights.Load<TNet, T>(ref net, input);
                }
                catch (WeightsFormatException)
                {
                    rejected++;
                    Assert.True(WeightsTestKit.SameBits(sentinelValues, WeightsTestKit.StateOf<TNet, T>(net)), $"{what}: rejected, but the network changed");
                    return;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{what}: threw {e.GetType().Name}: {e.Message}");
                }
                Assert.True(WeightsTestKit.SameBits(expected, WeightsTestKit.StateOf<TNet, T>(net)), $"{what}: loaded different parameters or input scaling without an error");
                harmless++;
            }

            for (int length = 0; length < file.Length; length++) Attempt(file[..length], $"truncated to {length} bytes");
            for (int at = 0; at < file.Length; at++)
            {
                for (int p = 0; p < Patterns.Length; p++)
                {
                    byte changed = Patterns[p](file[at]);
                    if (changed == file[at]) continue;
                    byte[] copy = (byte[])file.Clone();
                    copy[at] = changed;
                    Attempt(copy, $"byte {at} changed from 0x{file[at]:X2} to 0x{changed:X2}");
                }
            }
            return (file.Length, tried, rejected, harmless);
        }
    }
}
