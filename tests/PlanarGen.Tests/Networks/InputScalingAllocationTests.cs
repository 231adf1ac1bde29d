using System;
using System.Runtime.CompilerServices;
using PlanarGen.Tests.Sharing;
using Xunit;

namespace PlanarGen.Tests.Networks
{
    /// <summary>ScaleInputs and ScaleFeatures allocate nothing, with and without input scaling, in the unrolled and the loop
    /// form, struct and class, float and double.</summary>
    public class InputScalingAllocationTests
    {
        [Fact]
        public void UnrolledStructFloat() => Measure(new FlowerNet());

        [Fact]
        public void UnrolledStructDouble() => Measure(new FlowerNet64());

        [Fact]
        public void LoopClassFloat() => Measure(new LoopClass());

        [Fact]
        public void LoopClassDouble() => Measure(new LoopClassDouble());

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Measure<TNet>(TNet net) where TNet : INetwork<float>
            => MeasureCore<TNet, float>(net, 1.5f, 0.5f);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Measure(FlowerNet64 net) => MeasureCore<FlowerNet64, double>(net, 1.5, 0.5);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Measure(LoopClassDouble net) => MeasureCore<LoopClassDouble, double>(net, 1.5, 0.5);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void MeasureCore<TNet, T>(TNet net, T offset, T scale) where TNet : INetwork<T> where T : unmanaged
        {
            int inputs = net.Shape.Inputs, samples = 256;
            var raw = new T[inputs];
            var scaled = new T[inputs];
            var features = new T[inputs * samples];
            var scaledFeatures = new T[inputs * samples];
            var offsets = new T[inputs];
            var scales = new T[inputs];
            Array.Fill(offsets, offset);
            Array.Fill(scales, scale);
            for (int pass = 0; pass < 2; pass++)
            {
                if (pass == 1) net.SetInputScaling(offsets, scales);
                for (int i = 0; i < 100; i++)
                {
                    net.ScaleInputs(raw, scaled);
                    net.ScaleFeatures(features, scaledFeatures, samples);
                }
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 10_000; i++)
                {
                    net.ScaleInputs(raw, scaled);
                    net.ScaleFeatures(features, scaledFeatures, samples);
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(allocated == 0, $"{net.Shape} (scaling {pass == 1}) allocated {allocated} bytes.");
            }
        }
    }
}
