namespace PlanarGen.Generators
{
    /// <summary>Metadata names the parser looks for and <c>global::</c> names the emitter writes.</summary>
    internal static class KnownNames
    {
        public const string NetworkAttributeMetadataName = "PlanarGen.NetworkAttribute";
        public const string GeneratorName = "PlanarGen.Generators";

        public const string Span = "global::System.Span";
        public const string ReadOnlySpan = "global::System.ReadOnlySpan";
        public const string MemoryMarshal = "global::System.Runtime.InteropServices.MemoryMarshal";
        public const string Vector = "global::System.Numerics.Vector";
        public const string Vector512 = "global::System.Runtime.Intrinsics.Vector512";
        public const string SimdPathUsesVector512 = "global::PlanarGen.SimdPath.UsesVector512";

        /// <summary>The preprocessor symbol around the 512-bit kernels: Vector512 and PlanarGen.SimdPath exist from .NET 8.</summary>
        public const string Vector512Symbol = "NET8_0_OR_GREATER";
        public const string VectorMath = "global::PlanarGen.VectorMath";
        public const string MatrixKernel = "global::PlanarGen.MatrixKernel";
        public const string DataSet = "global::PlanarGen.DataSet";
        public const string NumPyRandom = "global::PlanarGen.NumPyRandom";
        public const string TrainingOptions = "global::PlanarGen.TrainingOptions";
        public const string TrainingResult = "global::PlanarGen.TrainingResult";
        public const string ITrainingObserver = "global::PlanarGen.ITrainingObserver";
        public const string NoTrainingObserver = "global::PlanarGen.NoTrainingObserver";
        public const string NetworkValidation = "global::PlanarGen.NetworkValidation";
        public const string PreActivationBound = "global::PlanarGen.DivergenceRule.PreActivationBound";
        public const string ArgumentNullException = "global::System.ArgumentNullException";
        public const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
        public const string MethodImpl = "global::System.Runtime.CompilerServices.MethodImpl";
        public const string MethodImplOptions = "global::System.Runtime.CompilerServices.MethodImplOptions";

        /// <summary>MethodImplOptions.AggressiveOptimization (512) written as a cast: .NET Standard 2.1 (Unity) does not
        /// declare the member, but CoreCLR honours the flag and other runtimes ignore it.</summary>
        public const string AggressiveOptimization = "(" + MethodImplOptions + ")512";
    }
}
