using Standards.Sdk.Checks.Budgets;
using Standards.Sdk.Checks.Coverage;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.DocsGenerator;

/// <summary>A feature section of standards.json: its name, the shape its reader reads it with, what it is for, and the docs that explain it.</summary>
/// <param name="Name">The top-level key.</param>
/// <param name="Shape">The reader's declaration of its keys.</param>
/// <param name="Description">One sentence, as the schema gives it to editors.</param>
/// <param name="Docs">The feature docs that explain it: the link text and the docs-relative target.</param>
public sealed record FeatureSection(string Name, JsonShape Shape, string Description, IReadOnlyList<(string Text, string Target)> Docs);

/// <summary>
/// The feature sections of standards.json, each read by its check with its own shape (the loader accepts them as
/// <see cref="JsonType.Any"/>): the schema (<see cref="PolicySchemaWriter"/>) and the settings reference
/// (<see cref="SettingsPageWriter"/>) are generated from this one list, in this order.
/// </summary>
public static class FeatureSections
{
    /// <summary>Every feature section.</summary>
    public static IReadOnlyList<FeatureSection> All { get; } =
    [
        new("dependencies", LicensePolicy.SectionShape, "Dependency check settings: licence allow and deny lists (see docs/dependencies.md).",
            [("Dependencies: licences", "dependencies.md#licences")]),
        new("layout", LayoutSettings.Shape, "Repository check settings: extra required paths, critical projects, the tests folder, excluded folders, projects not on Standards.Sdk (see docs/layout.md).",
            [("Repository layout: the layout section", "layout.md#the-layout-section-of-standardsjson")]),
        new("coverage", CoverageSettings.Shape, "Coverage gates (docs/quality-gates.md): minimum line and branch coverage per test run, per project and for the repo, and the ratchet tolerance.",
            [("Quality gates: coverage configuration", "quality-gates.md#configuration")]),
        new("budgets", BudgetSettings.Shape, "Performance and size budgets (docs/quality-gates.md): benchmark budgets and regression limits for BenchmarkDotNet results, size budgets per project.",
            [("Quality gates: performance budgets", "quality-gates.md#performance-budgets"), ("size budgets", "quality-gates.md#size-budgets")]),
        new("release", ReleaseSettings.Shape, "Release settings: the SBOM written on pack and publish, and the signing policy (see docs/release.md). MSBuild properties override them per build.",
            [("Release: SBOM", "release.md#sbom"), ("strong names", "release.md#strong-names"), ("package signing", "release.md#package-signing")]),
    ];
}
