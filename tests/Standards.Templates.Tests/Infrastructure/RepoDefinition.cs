namespace Standards.Templates.Tests.Infrastructure;

/// <summary>What a <see cref="RepoFlow"/> generates and which CI steps it runs.</summary>
/// <param name="Template">The template short name.</param>
/// <param name="Name">The <c>-n</c> value.</param>
/// <param name="Options">The other <c>dotnet new</c> options.</param>
/// <param name="KeyFiles">The files whose text the snapshot records (<c>{name}</c> stands for <paramref name="Name"/>).</param>
/// <param name="RunTests">Whether <c>dotnet test</c> runs after the build.</param>
/// <param name="TestEnvironment">Extra environment variables of <c>dotnet test</c>, asked for when the tests run.</param>
/// <param name="Coverage">Whether the CI pipeline's coverage step (<c>-t:StandardsCoverage</c>) runs after the tests.</param>
public sealed record RepoDefinition(
    string Template,
    string Name,
    string[] Options,
    string[] KeyFiles,
    bool RunTests = true,
    Func<IReadOnlyDictionary<string, string?>>? TestEnvironment = null,
    bool Coverage = false);
