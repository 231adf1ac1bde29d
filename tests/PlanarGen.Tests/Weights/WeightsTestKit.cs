using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Xunit;

namespace PlanarGen.Tests.Weights
{
    /// <summary>Helpers shared by the weights tests: parameters as bit patterns, fixture paths, hand-built files.</summary>
    internal static class WeightsTestKit
    {
        public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Weights", name);

        /// <summary>The network's parameters widened to double (exact for float), for bitwise comparison.</summary>
        public static double[] ParametersOf<TNet, T>(in TNet net)
            where TNet : INetwork<T> where T : unmanaged
        {
            int count = net.Shape.ParameterCount;
            var values = new T[count];
            net.CopyParametersTo(values);
            var result = new double[count];
            for (int k = 0; k < count; k++) result[k] = values[k] is float f ? f : (double)(object)values[k];
            return result;
        }

        /// <summary>The parameters, then 1 and the input offsets and scales when the network has input scaling, else 0: the
        /// whole state a load sets, widened to double.</summary>
        public static double[] StateOf<TNet, T>(in TNet net)
            where TNet : INetwork<T> where T : unmanaged
        {
            double[] parameters = ParametersOf<TNet, T>(net);
            int inputs = net.Shape.Inputs;
            var offsets = new T[inputs];
            var scales = new T[inputs];
            if (!net.TryGetInputScaling(offsets, scales)) return [.. parameters, 0];
            static double Widen(T v) => v is float f ? f : (double)(object)v;
            return [.. parameters, 1, .. Array.ConvertAll(offsets, Widen), .. Array.ConvertAll(scales, Widen)];
        }

        public static bool SameBits(double[] a, double[] b)
        {
            if (a.Length != b.Length) return false;
            for (int k = 0; k < a.Length; k++)
                if (BitConverter.DoubleToInt64Bits(a[k]) != BitConverter.DoubleToInt64Bits(b[k])) return false;
            return true;
        }

        public static void AssertSameBits(double[] expected, double[] actual)
        {
            Assert.Equal(expected.Length, actual.Length);
            for (int k = 0; k < expected.Length; k++)
                Assert.True(BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]),
                    $"parameter {k}: expected {expected[k]:R}, got {actual[k]:R}");
        }

        public static byte[] Save<TNet, T>(in TNet net, WeightsFormat format)
            where TNet : INetwork<T> where T : unmanaged
        {
            using var stream = new MemoryStream();
            NetworkWeights.Save<TNet, T>(net, stream, format);
            return stream.ToArray();
        }

        /// <summary>A safetensors file from a header text (written as given, no padding) and a data buffer.</summary>
        public static byte[] Safetensors(string header, byte[] data)
        {
            byte[] text = Encoding.UTF8.GetBytes(header);
            var file = new byte[8 + text.Length + data.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(file, (ulong)text.Length);
            text.CopyTo(file, 8);
            data.CopyTo(file, 8 + text.Length);
            return file;
        }

        /// <summary>Little-endian F32 bytes of the values.</summary>
        public static byte[] F32(params float[] values)
        {
            var bytes = new byte[values.Length * 4];
            for (int k = 0; k < values.Length; k++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(k * 4), BitConverter.SingleToInt32Bits(values[k]));
            return bytes;
        }

        /// <summary>The safetensors header of a foreign (no metadata) 2-4-1 F32 file with the notebook's names.</summary>
        public const string Foreign241Header =
            "{\"W1\":{\"dtype\":\"F32\",\"shape\":[4,2],\"data_offsets\":[0,32]},\"b1\":{\"dtype\":\"F32\",\"shape\":[4,1],\"data_offsets\":[32,48]}," +
            "\"W2\":{\"dtype\":\"F32\",\"shape\":[1,4],\"data_offsets\":[48,64]},\"b2\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[64,68]}}";

        /// <summary>17 distinct float parameters for a 2-4-1 network: 0.5, 1.5, ..., 16.5.</summary>
        public static float[] Values241()
        {
            var values = new float[17];
            for (int k = 0; k < values.Length; k++) values[k] = k + 0.5f;
            return values;
        }
    }
}
