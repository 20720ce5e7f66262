namespace Standards.Sdk.IntegrationTests;

/// <summary>
/// Integration tests run real `dotnet build`s. On a 2-core machine running them all at once thrashes, and one at a
/// time leaves the machine idle for much of each build (process start-up, restores, single-project stretches). So
/// the heavy classes share two collections: the tests of one collection run one after another, and the two
/// collections run side by side (xunit's default of one thread per core). The split balances their measured
/// times (docs/performance.md, "The test suite's own time"); a new class goes into the one that is shorter.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealBuildsCollectionDefinition
{
    /// <summary>The collection name: the policy, checks, gates, dependencies, reliability and scale tests.</summary>
    public const string Name = "Real builds";
}

/// <summary>The second of the two real-build collections (see <see cref="RealBuildsCollectionDefinition"/>).</summary>
[CollectionDefinition(Name)]
public sealed class AdoptionAndReleaseBuildsCollectionDefinition
{
    /// <summary>The collection name: the adoption (dotnet standards adopt, survey, layered SDKs) and release tests.</summary>
    public const string Name = "Real builds: adoption and release";
}
