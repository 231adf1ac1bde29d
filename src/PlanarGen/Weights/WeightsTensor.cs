using System;

namespace PlanarGen.Weights
{
    /// <summary>One named tensor of a weights file: element type, shape and its little-endian, row-major bytes.</summary>
    internal sealed class WeightsTensor
    {
        public WeightsTensor(string name, TensorType type, int[] shape, ReadOnlyMemory<byte> data)
        {
            Name = name;
            Type = type;
            Shape = shape;
            Data = data;
        }

        public string Name { get; }

        public TensorType Type { get; }

        public int[] Shape { get; }

        /// <summary>Exactly product(<see cref="Shape"/>) x the element size (the readers check this).</summary>
        public ReadOnlyMemory<byte> Data { get; }

        public int ElementCount => Data.Length / TensorTypes.Size(Type);

        public string ShapeText => ShapeToText(Shape);

        public static string ShapeToText(int[] shape) => "[" + string.Join(", ", shape) + "]";

        /// <summary>product(<paramref name="shape"/>) as a long, or -1 when it exceeds <paramref name="limit"/> (no overflow:
        /// each dimension is at most int.MaxValue and the running product stays at most the limit).</summary>
        public static long ElementCountOrMinusOne(int[] shape, long limit)
        {
            long product = 1;
            foreach (int d in shape)
            {
                if (d == 0) return 0;
                if (product > limit / d) return -1;
                product *= d;
            }
            return product;
        }
    }
}
