namespace Standards.Adoption.Adopt;

/// <summary>The options of <c>dotnet standards adopt</c>.</summary>
/// <param name="Path">The repo (its root, where global.json goes).</param>
/// <param name="SdkVersion">The Standards.Sdk version to pin.</param>
/// <param name="DryRun">Print the change set, write nothing.</param>
/// <param name="AllowDirty">Run on a git tree with uncommitted changes.</param>
/// <param name="NullableLimit">The most nullable warnings recorded in the code baseline for one file that turned nullable off; above it, a dated STD0101 exception.</param>
public sealed record AdoptOptions(string Path, string SdkVersion, bool DryRun = false, bool AllowDirty = false, int NullableLimit = NullableAdoption.DefaultLimit);

/// <summary>A finding the baseline cannot hold, with what to do about it.</summary>
public sealed record UnbaselinableFinding(BuildDiagnostic Diagnostic, string Fix);

/// <summary>What an adoption run found and did.</summary>
public sealed class AdoptionResult
{
    /// <summary>The files written (or, with --dry-run, that would be).</summary>
    public required ChangeSet Changes { get; init; }

    /// <summary>One line per edit, for the user.</summary>
    public required IReadOnlyList<string> ChangeLines { get; init; }

    /// <summary>Every distinct finding of the survey builds (repo checks, analyzers, compiler).</summary>
    public required IReadOnlyList<BuildDiagnostic> Findings { get; init; }

    /// <summary>Entries of the repo baseline (standards-baseline.json) after the run.</summary>
    public required int RepoEntries { get; init; }

    /// <summary>Entries of the code baseline after the run.</summary>
    public required IReadOnlyList<CodeEntry> CodeEntries { get; init; }

    /// <summary>Baseline entries (repo and code) that no longer match a finding and leave the baseline.</summary>
    public required IReadOnlyList<string> Removable { get; init; }

    /// <summary>Baseline entries (repo and code) that are new in this run.</summary>
    public required int Added { get; init; }

    /// <summary>
    /// The findings the repo's baselines did not hold before the run (those behind <see cref="Added"/>), as errors
    /// with file and line: what a CI build on the repo as it is fails on, besides <see cref="NotBaselinable"/>.
    /// </summary>
    public IReadOnlyList<BuildDiagnostic> NotHeld { get; init; } = [];

    /// <summary>Errors the baseline cannot hold: the CI build fails until they are fixed.</summary>
    public required IReadOnlyList<UnbaselinableFinding> NotBaselinable { get; init; }

    /// <summary>True when the last CI-mode build in the workspace succeeded with the baselines in place.</summary>
    public required bool CiBuildGreen { get; init; }

    /// <summary>
    /// True when a CI build of the repo as it is fails: findings its baselines do not hold, errors no baseline can
    /// hold, or a project the survey could not analyse (what it does not see is not a pass). The verdict of
    /// <c>survey --check</c>; adopt's <see cref="CiBuildGreen"/> is the build with the baselines it writes.
    /// </summary>
    public bool FailsCiAsItIs => Added > 0 || !CiBuildGreen || NotAnalysed.Count > 0;

    /// <summary>Whether the change set was written.</summary>
    public required bool Written { get; init; }

    /// <summary>The projects adopt left alone and why (the content and the pack project of a dotnet new template pack).</summary>
    public IReadOnlyList<string> LeftAlone { get; init; } = [];

    /// <summary>
    /// The projects on Standards.Sdk whose code the survey build could not analyse, each with why: when any, the
    /// findings (and the code baseline) are partial, and `survey --check` fails.
    /// </summary>
    public IReadOnlyList<string> NotAnalysed { get; init; } = [];

    /// <summary>Rules of the policy the repo's own MSBuild files switch off (a &lt;NoWarn&gt; listing CS1591), with file and line.</summary>
    public IReadOnlyList<string> WeakenedRules { get; init; } = [];
}
