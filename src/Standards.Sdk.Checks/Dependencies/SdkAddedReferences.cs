namespace Standards.Sdk.Checks.Dependencies;

/// <summary>
/// The packages Standards.Sdk itself references in a project (sdk/features: the pinned analyzers, the coverage
/// collectors of test projects, the versioning tool). Restore locks them as direct dependencies of a project that
/// never names them; when the repo's Directory.Packages.props also declares one (another project names it), the lock
/// file's entry is the SDK's reference, not one the project dropped.
/// </summary>
public static class SdkAddedReferences
{
    /// <summary>The ids, as the SDK's PackageReference items name them.</summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        "Microsoft.CodeAnalysis.BannedApiAnalyzers",
        "Microsoft.CodeAnalysis.NetAnalyzers",
        "coverlet.collector",
        "coverlet.MTP",
        "Nerdbank.GitVersioning",
    ];
}
