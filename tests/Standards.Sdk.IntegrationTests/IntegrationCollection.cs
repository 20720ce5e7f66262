namespace Standards.Sdk.IntegrationTests;

/// <summary>
/// Integration tests run real `dotnet build`s; on a 2-core machine running them all at once thrashes, so the
/// heavy classes share this collection and run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealBuildsCollectionDefinition
{
    /// <summary>The collection name.</summary>
    public const string Name = "Real builds";
}
