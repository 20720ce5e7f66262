using System.Text.Json;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>
/// Weakenings of a locked setting the repo has before the adoption: the scripted build reports STD0101 or STD0103
/// at each until the workspace's standards.json has an exception of that rule and scope, as the SDK does. Adopt
/// writes the dated exceptions itself and the CI build is green.
/// </summary>
public sealed partial class AdopterTests
{
    private static readonly DateTimeOffset AdoptionDay = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pragma_and_a_NoWarn_of_nullable_warnings_in_a_test_project_get_a_file_and_a_project_scoped_exception()
    {
        const string TestFile = "test/A.Tests/OrderTests.cs";
        Write("test/A.Tests/A.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);CS8618</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        Write(TestFile, "namespace A.Tests;\n#pragma warning disable CS8618\npublic class OrderTests\n{\n}\n");
        Commit();

        // The NoWarn stops the project before the compiler (a policy error), so the survey build never sees the pragma:
        // it shows in the CI-mode build once the NoWarn is excepted, as in a real build.
        dotnet.WorkspaceFindings = workspace =>
        {
            var policy = PolicyOf(workspace);
            if (!policy.Contains("\"scope\": \"A.Tests\"", StringComparison.Ordinal))
            {
                return ["test/A.Tests/A.Tests.csproj(3,5): error STD0101: NoWarn silences nullable warning CS8618; the policy keeps nullable warnings errors [{root}/test/A.Tests/A.Tests.csproj]"];
            }

            return policy.Contains($"\"scope\": \"{TestFile}\"", StringComparison.Ordinal)
                ? []
                : [$"{TestFile}(2,25): error STD0101: #pragma warning disable CS8618 silences a nullable warning; the policy keeps nullable reference types on with nullable warnings as errors. Remove it [{{root}}/test/A.Tests/A.Tests.csproj]"];
        };

        var result = AdoptOn(AdoptionDay);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => $"{n.Diagnostic.Code} {n.Diagnostic.File}: {n.Fix}")));
        Assert.Equal(["STD0101 A.Tests 2027-05-25", $"STD0101 {TestFile} 2027-05-25"], Exceptions());
        Assert.Contains("test/A.Tests/A.Tests.csproj(3): NoWarn silences nullable warning CS8618 since before the adoption: kept under a dated, project-scoped STD0101 exception for \"A.Tests\" in standards.json (owner \"TODO: owner\": fill it in; expires in 180 days); a new weakening elsewhere still fails with STD0101", result.ChangeLines);
        Assert.Contains(result.ChangeLines, l => l.StartsWith($"{TestFile}: turns nullable off in its source", StringComparison.Ordinal));
        Assert.Contains("test/A.Tests/A.Tests.csproj(3) weakens STD0101 for the project A.Tests since before the adoption (NoWarn silences nullable warning CS8618).", Read("standards.json"), StringComparison.Ordinal);

        // A second run finds them excepted: no exception twice, nothing to write.
        Commit();
        var again = AdoptOn(AdoptionDay);
        Assert.True(again.CiBuildGreen);
        Assert.Empty(again.Changes.Files);
    }

    [Fact]
    public void A_SuppressMessage_of_a_locked_rule_gets_a_file_scoped_exception_of_that_rule()
    {
        const string Hashing = "src/A/Hashing.cs";
        Write(Hashing, "namespace A;\n[System.Diagnostics.CodeAnalysis.SuppressMessage(\"Security\", \"CA5351\")]\npublic static class Hashing\n{\n}\n");
        Commit();
        dotnet.WorkspaceFindings = workspace => PolicyOf(workspace).Contains("\"rule\": \"CA5351\"", StringComparison.Ordinal)
            ? []
            : [$"{Hashing}(2,2): error STD0103: [SuppressMessage] silences locked rule CA5351. Fix the code instead, or add an exception for CA5351 to standards.json scoped to this file or project. See https://example.invalid/STD0103.md [{{root}}/src/A/A.csproj]"];

        var result = AdoptOn(AdoptionDay);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Fix)));
        Assert.Equal([$"CA5351 {Hashing} 2027-05-25"], Exceptions());
        Assert.Contains($"{Hashing}(2): [SuppressMessage] silences locked rule CA5351 since before the adoption: kept under a dated, file-scoped CA5351 exception for \"{Hashing}\" in standards.json (owner \"TODO: owner\": fill it in; expires in 180 days); a new weakening elsewhere still fails with STD0103", result.ChangeLines);
    }

    [Fact]
    public void An_editorconfig_severity_below_warning_for_a_locked_rule_gets_a_project_scoped_exception_of_that_rule()
    {
        Write(".editorconfig", "[*.cs]\ndotnet_diagnostic.RS0030.severity = none\n");
        Commit();
        dotnet.WorkspaceFindings = workspace => PolicyOf(workspace).Contains("\"rule\": \"RS0030\"", StringComparison.Ordinal)
            ? []
            : [".editorconfig(2): error STD0103: .editorconfig line 2 makes locked rule RS0030 (Banned API used in production code) 'none' for every source file of this project; remove the line [{root}/src/A/A.csproj]"];

        var result = AdoptOn(AdoptionDay);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Fix)));
        Assert.Equal(["RS0030 A 2027-05-25"], Exceptions());
        Assert.Contains(result.ChangeLines, l => l.StartsWith(".editorconfig(2): .editorconfig line 2 makes locked rule RS0030 (Banned API used in production code) 'none' for every source file of this project since before the adoption: kept under a dated, project-scoped RS0030 exception for \"A\"", StringComparison.Ordinal));
        Assert.Equal("[*.cs]\ndotnet_diagnostic.RS0030.severity = none\n", Read(".editorconfig"));
    }

    [Fact]
    public void A_NoWarn_that_lists_CS1591_loses_it_and_todays_CS1591_findings_are_baselined()
    {
        Write("src/B/B.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn);CS1591</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        Write("src/B/B.cs", "namespace B;\npublic static class Api\n{\n}\n");
        Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n\n    <NoWarn>1701;1591</NoWarn>\n  </PropertyGroup>\n</Project>\n");
        Commit();
        // The compiler reports the undocumented type once no NoWarn of the workspace lists CS1591.
        dotnet.WorkspaceFindings = workspace => new[] { "src/B/B.csproj", "Directory.Build.props" }.Any(f => File.ReadAllText(Path.Combine(workspace, f)).Contains("1591", StringComparison.Ordinal))
            ? []
            : ["src/B/B.cs(2,21): error CS1591: Missing XML comment for publicly visible type or member 'Api' [{root}/src/B/B.csproj]"];

        var result = Run(dryRun: true);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Fix)));
        Assert.Empty(result.WeakenedRules);
        Assert.Equal("<Project Sdk=\"Standards.Sdk\">\n  <PropertyGroup>\n    <NoWarn>$(NoWarn)</NoWarn>\n  </PropertyGroup>\n</Project>\n", result.Changes.Get("src/B/B.csproj"));
        Assert.Equal("<Project>\n  <PropertyGroup>\n\n    <NoWarn>1701</NoWarn>\n  </PropertyGroup>\n</Project>\n", result.Changes.Get("Directory.Build.props"));
        Assert.Equal("CS1591 src/B/B.cs", $"{Assert.Single(result.CodeEntries).Id} {Assert.Single(result.CodeEntries).File}");
        Assert.Contains("src/B/B.csproj(3): <NoWarn> listed CS1591, which switched off the public-API documentation rule for the whole project: taken out, so new public API without documentation fails; today's CS1591 findings are recorded in the code baseline", result.ChangeLines);
        Assert.Contains(result.ChangeLines, l => l.StartsWith("Directory.Build.props(4): <NoWarn> listed CS1591", StringComparison.Ordinal));
    }

    [Fact]
    public void A_compiler_warning_outside_the_nullable_range_is_baselined_like_any_other()
    {
        // CS4014 (a call not awaited) is a warning the policy makes an error: the code baseline holds it.
        dotnet.Findings.Add("src/A/C.cs(4,5): error CS4014: Because this call is not awaited, execution of the current method continues before the call is completed [{root}/src/A/A.csproj]");

        var result = Run(dryRun: true);

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Fix)));
        Assert.Equal("CS4014 src/A/C.cs", $"{Assert.Single(result.CodeEntries).Id} {Assert.Single(result.CodeEntries).File}");
        Assert.Empty(result.NotBaselinable);
    }

    private AdoptionResult AdoptOn(DateTimeOffset day) =>
        new Adopter(dotnet, TextWriter.Null) { Clock = new FixedClock(day) }.Run(new AdoptOptions(root, "9.9.9", AllowDirty: true));

    private static string PolicyOf(string workspace)
    {
        var policy = Path.Combine(workspace, "standards.json");
        return File.Exists(policy) ? File.ReadAllText(policy) : string.Empty;
    }

    /// <summary>Each exception of the repo's standards.json as "rule scope expires", and each has an owner to fill in and a reason.</summary>
    private List<string> Exceptions()
    {
        using var policy = JsonDocument.Parse(Read("standards.json"));
        var exceptions = policy.RootElement.GetProperty("exceptions").EnumerateArray().ToList();
        Assert.All(exceptions, e => Assert.Equal("TODO: owner", e.GetProperty("owner").GetString()));
        Assert.All(exceptions, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("reason").GetString())));
        return [.. exceptions.Select(e => string.Join(' ', new[] { "rule", "scope", "expires" }.Select(key => e.GetProperty(key).GetString())))];
    }
}
