using System;
using System.Threading;
using PlanarGen.Tests.LargeNetworks;
using Xunit;

namespace PlanarGen.Tests.Sharing
{
    /// <summary>
    /// A copy never shares mutable state: a struct network is a value (<c>var b = a;</c> is an independent network), and
    /// <c>Clone()</c> gives an independent copy of any network (the way to copy a class). Training or loading the copy leaves
    /// the original exactly as it was, and a network and its copy trained on two threads at once end exactly where
    /// sequential runs end. Before issue 15 a loop-form struct copy shared the parameter array with its original.
    /// </summary>
    public class CopyTests
    {
        [Fact]
        public void UnrolledStructCopiesAreIndependent() => CheckCopy<UnrolledStruct, float>(new UnrolledStruct(), n => n);

        [Fact]
        public void UnrolledStructDoubleCopiesAreIndependent() => CheckCopy<UnrolledStructDouble, double>(new UnrolledStructDouble(), n => n);

        [Fact]
        public void LoopStructCopiesAreIndependent() => CheckCopy<LoopStruct, float>(new LoopStruct(), n => n);

        [Fact]
        public void LoopStructDoubleCopiesAreIndependent() => CheckCopy<LoopStructDouble, double>(new LoopStructDouble(), n => n);

        [Fact]
        public void StructCloneIsAnIndependentCopy()
        {
            CheckCopy<LoopStruct, float>(new LoopStruct(), n => n.Clone());
            CheckCopy<UnrolledStruct, float>(new UnrolledStruct(), n => n.Clone());
        }

        [Fact]
        public void UnrolledClassCloneIsIndependent() => CheckCopy<UnrolledClass, float>(new UnrolledClass(), n => n.Clone());

        [Fact]
        public void LoopClassCloneIsIndependent() => CheckCopy<LoopClass, float>(new LoopClass(), n => n.Clone());

        [Fact]
        public void LoopClassDoubleCloneIsIndependent() => CheckCopy<LoopClassDouble, double>(new LoopClassDouble(), n => n.Clone());

        [Fact]
        public void LargeClassCloneIsIndependent() => CheckCopy<DigitNet, float>(new DigitNet(), n => n.Clone());

        [Fact]
        public void AClassNetworkHasReferenceSemanticsAndCloneCopiesUserFields()
        {
            var a = new LoopClass { Label = "a" };
            a.Initialize(new NumPyRandom(1));
            LoopClass alias = a;
            alias.InitializeZeros();
            Assert.All(SharingData<float>.Parameters(ref a), v => Assert.Equal(0f, v));

            a.Initialize(new NumPyRandom(1));
            LoopClass copy = a.Clone();
            Assert.NotSame(a, copy);
            Assert.IsType<LoopClass>(copy);
            Assert.Equal("a", copy.Label);
            Assert.Equal(SharingData<float>.Parameters(ref a), SharingData<float>.Parameters(ref copy));
        }

        [Fact]
        public void UnrolledStructTrainedWithItsCopyOnTwoThreads() => CheckTwoThreads<UnrolledStruct, float>(new UnrolledStruct(), n => n);

        [Fact]
        public void LoopStructTrainedWithItsCopyOnTwoThreads() => CheckTwoThreads<LoopStruct, float>(new LoopStruct(), n => n);

        [Fact]
        public void LoopStructDoubleTrainedWithItsCopyOnTwoThreads() => CheckTwoThreads<LoopStructDouble, double>(new LoopStructDouble(), n => n);

        [Fact]
        public void UnrolledClassTrainedWithItsCloneOnTwoThreads() => CheckTwoThreads<UnrolledClass, float>(new UnrolledClass(), n => n.Clone());

        [Fact]
        public void LoopClassTrainedWithItsCloneOnTwoThreads() => CheckTwoThreads<LoopClass, float>(new LoopClass(), n => n.Clone());

        [Fact]
        public void LoopClassDoubleTrainedWithItsCloneOnTwoThreads() => CheckTwoThreads<LoopClassDouble, double>(new LoopClassDouble(), n => n.Clone());

        /// <summary>The copy starts equal; training it (TrainStep and Train) or loading it leaves the original's parameters
        /// and predictions exactly as they were.</summary>
        private static void CheckCopy<TNet, T>(TNet original, Func<TNet, TNet> copyOf) where TNet : INetwork<T> where T : unmanaged
        {
            original.Initialize(new NumPyRandom(4), 0.5);
            NetworkShape shape = original.Shape;
            var data = new SharingData<T>(shape.Inputs, shape.Outputs);
            T[] before = SharingData<T>.Parameters(ref original);
            var probabilitiesBefore = new T[shape.Outputs * SharingData<T>.Sizes[0]];
            original.PredictBatch(data.Set(0), probabilitiesBefore);

            TNet trained = copyOf(original);
            Assert.Equal(before, SharingData<T>.Parameters(ref trained));
            trained.TrainStep(data.Set(0), SharingData<T>.FromDouble(0.5));
            trained.Train(data.Set(1), new TrainingOptions(5, 0.5, 1));
            Assert.NotEqual(before, SharingData<T>.Parameters(ref trained));
            Assert.Equal(before, SharingData<T>.Parameters(ref original));

            TNet loaded = copyOf(original);
            loaded.LoadParameters(new T[shape.ParameterCount]);
            TNet zeroed = copyOf(original);
            zeroed.InitializeZeros();
            TNet reinitialised = copyOf(original);
            reinitialised.Initialize(new NumPyRandom(9), 0.5);
            Assert.Equal(before, SharingData<T>.Parameters(ref original));
            Assert.Equal(new T[shape.ParameterCount], SharingData<T>.Parameters(ref loaded));

            var probabilitiesAfter = new T[probabilitiesBefore.Length];
            original.PredictBatch(data.Set(0), probabilitiesAfter);
            Assert.Equal(probabilitiesBefore, probabilitiesAfter);
        }

        /// <summary>A network and its copy, trained with different learning rates on two threads at once, end exactly where
        /// two sequential runs from the same start end: same results (no false divergence) and the same parameters.</summary>
        private static void CheckTwoThreads<TNet, T>(TNet network, Func<TNet, TNet> copyOf) where TNet : INetwork<T> where T : unmanaged
        {
            network.Initialize(new NumPyRandom(6), 0.5);
            NetworkShape shape = network.Shape;
            var data = new SharingData<T>(shape.Inputs, shape.Outputs);
            var slow = new TrainingOptions(150, 0.3, 10);
            var fast = new TrainingOptions(150, 1.2, 10);

            TNet sequentialA = copyOf(network), sequentialB = copyOf(network);
            TrainingResult expectedA = sequentialA.Train(data.Set(0), slow);
            TrainingResult expectedB = sequentialB.Train(data.Set(0), fast);
            Assert.Equal(-1, expectedA.DivergedAtIteration);
            Assert.Equal(-1, expectedB.DivergedAtIteration);

            for (int attempt = 0; attempt < 3; attempt++)
            {
                TNet a = copyOf(network);
                TNet b = copyOf(a);
                TrainingResult resultA = default, resultB = default;
                using var start = new Barrier(2);
                Exception? failure = null;
                var threadA = new Thread(() =>
                {
                    try { start.SignalAndWait(); resultA = a.Train(data.Set(0), slow); }
                    catch (Exception e) { failure = e; }
                });
                var threadB = new Thread(() =>
                {
                    try { start.SignalAndWait(); resultB = b.Train(data.Set(0), fast); }
                    catch (Exception e) { failure = e; }
                });
                threadA.Start();
                threadB.Start();
                threadA.Join();
                threadB.Join();
                Assert.Null(failure);
                Same(expectedA, resultA);
                Same(expectedB, resultB);
                Assert.Equal(SharingData<T>.Parameters(ref sequentialA), SharingData<T>.Parameters(ref a));
                Assert.Equal(SharingData<T>.Parameters(ref sequentialB), SharingData<T>.Parameters(ref b));
            }
        }

        private static void Same(TrainingResult expected, TrainingResult actual)
        {
            Assert.Equal(expected.DivergedAtIteration, actual.DivergedAtIteration);
            Assert.Equal(expected.IterationsCompleted, actual.IterationsCompleted);
            Assert.Equal(expected.LastCostIteration, actual.LastCostIteration);
            Assert.Equal(expected.LastCost, actual.LastCost);
        }
    }

    public partial class LoopClass
    {
        /// <summary>A field of the user's own, to check that Clone copies it.</summary>
        public string Label { get; set; } = "";
    }
}
