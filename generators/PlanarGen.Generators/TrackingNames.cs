namespace PlanarGen.Generators
{
    /// <summary>Names of the pipeline steps, so tests can check what was cached.</summary>
    public static class TrackingNames
    {
        /// <summary>The attribute lookup and parse into a model (null for an invalid declaration).</summary>
        public const string Parse = nameof(Parse);

        /// <summary>The valid models only.</summary>
        public const string ValidNetworks = nameof(ValidNetworks);

        /// <summary>The additional files that may hold baked weights, as one value-equal list.</summary>
        public const string WeightsFiles = nameof(WeightsFiles);

        /// <summary>Each valid network with its Weights file baked in (null when baking fails).</summary>
        public const string Baked = nameof(Baked);

        /// <summary>The networks whose source is written: the input of the network source output (the registry has its own).</summary>
        public const string NetworkSources = nameof(NetworkSources);

        /// <summary>Every tracked step.</summary>
        public static readonly string[] All = { Parse, ValidNetworks, WeightsFiles, Baked, NetworkSources };
    }
}
