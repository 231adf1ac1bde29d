namespace PlanarGen.Generators.Tests.Infrastructure
{
    /// <summary>C# inputs for driver snapshots and incremental tests, one constant per scenario. The driver scenarios pin where
    /// the code lands (namespaces, containers, hint names, struct or class), so their networks are the smallest that also add
    /// a case to the emitter snapshots (see SnapshotMatrix): mostly 1-1-1 double, whose file is the shortest.</summary>
    public static class Sources
    {
        public const string GlobalNamespace = """
            using PlanarGen;

            [Network(Inputs = 1, Hidden = 1, Outputs = 1, Precision = Precision.Double)]
            public partial struct GlobalNet { }
            """;

        public const string NestedInPartialClass = """
            using PlanarGen;

            namespace Demo.Models
            {
                public static partial class Outer
                {
                    internal partial class Inner
                    {
                        [Network(Inputs = 1, Hidden = 1, Outputs = 2, HiddenActivation = Activation.ReLU, Precision = Precision.Double)]
                        public partial struct NestedNet { }
                    }
                }
            }
            """;

        public const string TwoNetworksInOneFile = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 1, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid, Precision = Precision.Double)]
                public partial struct FirstNet { }

                [Network(Inputs = 1, Hidden = 2, Outputs = 1, HiddenActivation = Activation.LeakyReLU, LeakySlope = 0.125, Precision = Precision.Double)]
                internal partial struct SecondNet { }
            }
            """;

        /// <summary>A class in each form (reference semantics, Clone copies) and a loop-form struct (parameters inline).</summary>
        public const string ClassesAndLoopStruct = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 1, Hidden = 1, Outputs = 1, HiddenActivation = Activation.Sigmoid)]
                public partial class SmallClassNet { }

                [Network(Inputs = 2, Hidden = 64, Outputs = 1)]
                public sealed partial class LoopClassNet { }

                [Network(Inputs = 2, Hidden = 64, Outputs = 1, HiddenActivation = Activation.LeakyReLU, Precision = Precision.Double)]
                public partial struct LoopStructNet { }
            }
            """;

        /// <summary>A file-scoped namespace (C# 10 in the user's file); the output still uses a block namespace.</summary>
        public const string FileScopedNamespace = """
            using PlanarGen;

            namespace Demo.FileScoped;

            [Network(Inputs = 1, Hidden = 1, Outputs = 1, Precision = Precision.Double)]
            public partial struct ScopedNet { }
            """;

        /// <summary>The notebook's flower network, for incremental tests.</summary>
        public const string Flower = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct FlowerNet { }

                public static class Helpers
                {
                    public static int Answer() => 42;
                }
            }
            """;

        /// <summary><see cref="Flower"/> with the body of an unrelated method edited.</summary>
        public const string FlowerEditedMethodBody = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct FlowerNet { }

                public static class Helpers
                {
                    public static int Answer() => 6 * 7 + 0;
                }
            }
            """;

        /// <summary><see cref="Flower"/> plus a second network in the same file.</summary>
        public const string FlowerAndMoons = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct FlowerNet { }

                [Network(Inputs = 2, Hidden = 5, Outputs = 1, HiddenActivation = Activation.ReLU)]
                public partial struct MoonsNet { }

                public static class Helpers
                {
                    public static int Answer() => 42;
                }
            }
            """;

        /// <summary><see cref="FlowerAndMoons"/> with MoonsNet's Hidden changed from 5 to 8.</summary>
        public const string FlowerAndWiderMoons = """
            using PlanarGen;

            namespace Demo
            {
                [Network(Inputs = 2, Hidden = 4, Outputs = 1)]
                public partial struct FlowerNet { }

                [Network(Inputs = 2, Hidden = 8, Outputs = 1, HiddenActivation = Activation.ReLU)]
                public partial struct MoonsNet { }

                public static class Helpers
                {
                    public static int Answer() => 42;
                }
            }
            """;

        public const string Unrelated = """
            namespace Demo.Other
            {
                public struct Unrelated
                {
                    public int Value;
                }
            }
            """;
    }
}
