using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.RepositoryChecks;

/// <summary>
/// compliance.json of a real CI build counts every project: a library repo whose two source projects have known
/// compiler findings (one with a diagnostic suppressed in source) and whose layout has one known repository finding.
/// The record then renders in <c>dotnet standards report</c> (the tool installed from the packed feed).
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class ComplianceRecordTests : IDisposable
{
    private const string Orders = "src/Acme.Orders/Acme.Orders.csproj";
    private const string Billing = "src/Acme.Billing/Acme.Billing.csproj";

    private readonly TestRepo repo = LayoutRepos.Compliant("library", "Acme.Orders", "Acme.Billing");

    public void Dispose() => repo.Dispose();

    [Fact]
    public void A_ci_build_counts_each_project_and_the_report_shows_the_counts()
    {
        // Two unused locals in Orders, one in Billing and one there under #pragma: CS0168 is a warning, an error in CI.
        repo.WriteFile("src/Acme.Orders/Code.cs", Code("Acme.Orders", "int first;\n        int second;"))
            .WriteFile("src/Acme.Billing/Code.cs", Code("Acme.Billing", "int counted;\n#pragma warning disable CS0168\n        int suppressed;\n#pragma warning restore CS0168"))
            .DeleteFile("CHANGELOG.md"); // STD3001, one repository finding

        var build = LayoutRepos.BuildAll(repo);

        Assert.False(build.Succeeded, build.ToString());
        Assert.Equal(3, build.Errors.Count(e => e.Code == "CS0168"));
        using var compliance = JsonDocument.Parse(repo.ReadFile("artifacts/standards/compliance.json"));
        var root = compliance.RootElement;
        Assert.Equal(2, root.GetProperty("schemaVersion").GetInt32());
        var projects = root.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!, p => p);
        Assert.Equal([Billing, Orders, "tests/Acme.Billing.Tests/Acme.Billing.Tests.csproj", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj"], projects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["CS0168 error 2 0"], Rows(projects[Orders]));
        Assert.Equal(0, projects[Orders].GetProperty("suppressedInSource").GetInt32());
        Assert.Equal(["CS0168 error 1 0"], Rows(projects[Billing]));
        Assert.Equal(1, projects[Billing].GetProperty("suppressedInSource").GetInt32());
        var findings = root.GetProperty("findings");
        Assert.Equal("build", findings.GetProperty("scope").GetString());
        Assert.Equal((4, 1), (findings.GetProperty("errors").GetInt32(), findings.GetProperty("suppressedInSource").GetInt32()));
        Assert.Equal(["CS0168 error 3 0", "STD3001 error 1 0"], Rows(findings));

        var report = Report();
        Assert.Equal(0, report.ExitCode);
        using var fleet = JsonDocument.Parse(File.ReadAllText(repo.PathOf("fleet/fleet.json")));
        var entry = Assert.Single(fleet.RootElement.GetProperty("repos").EnumerateArray());
        Assert.Equal(("failing", 4), (entry.GetProperty("status").GetString(), entry.GetProperty("errors").GetInt32()));
        Assert.Equal([$"{Billing} 1 0 1", $"{Orders} 2 0 0", "tests/Acme.Billing.Tests/Acme.Billing.Tests.csproj 0 0 0", "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj 0 0 0"],
            entry.GetProperty("projects").EnumerateArray().Select(p =>
                $"{p.GetProperty("project").GetString()} {p.GetProperty("errors").GetInt32()} {p.GetProperty("warnings").GetInt32()} {p.GetProperty("suppressedInSource").GetInt32()}"));
        var html = File.ReadAllText(repo.PathOf("fleet/index.html"));
        Assert.Contains($"<tr><th scope=\"row\"><code>{Orders}</code></th><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">CS0168</th><td>error</td><td>3</td><td>0</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_no_op_ci_build_records_nothing_and_leaves_compliance_json_as_it_was()
    {
        var first = LayoutRepos.BuildAll(repo);
        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(4, first.RunCount("_StandardsRecordProjectFindings"));
        var file = repo.PathOf("artifacts/standards/compliance.json");
        var (text, time) = (File.ReadAllText(file), File.GetLastWriteTimeUtc(file));
        using (var compliance = JsonDocument.Parse(text))
        {
            Assert.Equal(4, compliance.RootElement.GetProperty("projects").GetArrayLength());
        }

        var again = LayoutRepos.BuildAll(repo);

        Assert.True(again.Succeeded, again.ToString());
        Assert.True(again.Skipped("_StandardsRecordProjectFindings"), again.ToString());
        Assert.Empty(again.TaskRuns("RecordProjectFindings"));
        Assert.Equal((text, time), (File.ReadAllText(file), File.GetLastWriteTimeUtc(file)));
    }

    private BuildResult Report()
    {
        repo.WriteToolManifest();
        var install = repo.Dotnet(["tool", "install", "Standards.Tool", "--version", repo.Sdk.Version], ci: false);
        Assert.True(install.Succeeded, install.Output);
        return repo.Dotnet(["standards", "report", "artifacts/standards", "-o", "fleet"], ci: false);
    }

    private static List<string> Rows(JsonElement owner) =>
        [.. owner.GetProperty("byRule").EnumerateArray().Select(r =>
            $"{r.GetProperty("rule").GetString()} {r.GetProperty("severity").GetString()} {r.GetProperty("count").GetInt32()} {r.GetProperty("baselined").GetInt32()}")];

    private static string Code(string ns, string locals) =>
        $"namespace {ns};\n\n/// <summary>Code.</summary>\npublic static class Code\n{{\n    /// <summary>One.</summary>\n    /// <returns>1.</returns>\n    public static int Value()\n    {{\n        {locals}\n        return 1;\n    }}\n}}\n";
}
