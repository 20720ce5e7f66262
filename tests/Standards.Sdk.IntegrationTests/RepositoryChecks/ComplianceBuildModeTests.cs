using System.Text.Json;

namespace Standards.Sdk.IntegrationTests.RepositoryChecks;

/// <summary>
/// compliance.json whatever the build mode and however the repo changes: under -m (parallel nodes) and -graph -isolate
/// every project is counted once and none is lost, a project whose compile failed included; fixing a finding, adding
/// a project or removing one changes the record to match, and a no-op build leaves it byte for byte as it was.
/// </summary>
[Collection(RealBuildsCollectionDefinition.Name)]
public sealed class ComplianceBuildModeTests : IDisposable
{
    private const string Orders = "src/Acme.Orders/Acme.Orders.csproj";
    private const string OrdersTests = "tests/Acme.Orders.Tests/Acme.Orders.Tests.csproj";
    private const string Billing = "src/Acme.Billing/Acme.Billing.csproj";
    private const string BillingTests = "tests/Acme.Billing.Tests/Acme.Billing.Tests.csproj";
    private const string Shipping = "src/Acme.Shipping/Acme.Shipping.csproj";
    private const string ShippingTests = "tests/Acme.Shipping.Tests/Acme.Shipping.Tests.csproj";
    private const string Compliance = "artifacts/standards/compliance.json";

    private static readonly string[] FourClean = [$"{Billing}: -", $"{Orders}: -", $"{BillingTests}: -", $"{OrdersTests}: -"];

    private readonly TestRepo repo = LayoutRepos.Compliant("library", "Acme.Orders", "Acme.Billing");

    public void Dispose() => repo.Dispose();

    [Fact]
    public void Parallel_and_isolated_graph_builds_count_every_project_once_a_failed_compile_included()
    {
        // Orders fails to compile (two CS0168, errors in CI); Billing.Tests references Billing and has one finding.
        repo.WriteProject("tests/Acme.Billing.Tests", "Acme.Billing.Tests", "  <ItemGroup>\n    <ProjectReference Include=\"../../src/Acme.Billing/Acme.Billing.csproj\" />\n  </ItemGroup>")
            .WriteFile("src/Acme.Orders/Code.cs", Code("Acme.Orders", "int first;\n        int second;"))
            .WriteFile("tests/Acme.Billing.Tests/Code.cs", Code("Acme.Billing.Tests", "int counted;"));
        var restore = repo.Dotnet(["restore", "All.slnx"]);
        Assert.True(restore.Succeeded, restore.ToString());
        string[] expected = [$"{Billing}: -", $"{Orders}: CS0168 error 2 0", $"{BillingTests}: CS0168 error 1 0", $"{OrdersTests}: -"];

        string? previous = null;
        foreach (var mode in new[] { "-graph -isolate -m:2", "-m:2", "-graph -m:2" })
        {
            // Each mode records every project anew: the records and compliance.json are gone, the compiles' logs stay.
            if (Directory.Exists(repo.PathOf("artifacts/standards")))
            {
                Directory.Delete(repo.PathOf("artifacts/standards"), recursive: true);
            }

            var build = LayoutRepos.BuildAll(repo, true, ["--no-restore", .. mode.Split(' ')]);
            var context = $"{mode}:\n{build}";

            Assert.False(build.Succeeded, context);
            Assert.Equal(3, build.Errors.Count(e => e.Code == "CS0168"));
            Assert.All(build.Errors, e => Assert.Equal("CS0168", e.Code));
            // Once per project: the failed compile of Orders recorded too (after CoreBuild's OnError).
            Assert.Equal([Billing, Orders, BillingTests, OrdersTests], build.TaskRuns("RecordProjectFindings").Select(t => Relative(t.Project)).Order(StringComparer.Ordinal));
            using var compliance = JsonDocument.Parse(repo.ReadFile(Compliance));
            var root = compliance.RootElement;
            Assert.True(expected.SequenceEqual(Projects(root)), $"{mode}: {string.Join(", ", Projects(root))}\n{build}");
            var findings = root.GetProperty("findings");
            Assert.Equal(["CS0168 error 3 0"], Rows(findings));
            Assert.Equal(3, findings.GetProperty("errors").GetInt32());
            // The same counts, byte for byte, in every mode.
            var counted = findings.GetRawText() + root.GetProperty("projects").GetRawText();
            Assert.True(previous is null || previous == counted, $"{mode} counted otherwise:\n{counted}\nthan the mode before:\n{previous}");
            previous = counted;
        }
    }

    [Fact]
    public void Fixing_a_finding_adding_or_removing_a_project_updates_the_record_and_a_no_op_build_leaves_it_as_it_was()
    {
        repo.WriteFile("src/Acme.Orders/Code.cs", Code("Acme.Orders", "int first;\n        int second;"));
        var failed = LayoutRepos.BuildAll(repo, true, "-m:2");
        Assert.False(failed.Succeeded, failed.ToString());
        Assert.Equal([$"{Billing}: -", $"{Orders}: CS0168 error 2 0", $"{BillingTests}: -", $"{OrdersTests}: -"], ProjectsOnDisk());

        // The code fixed: its compile runs again and the finding leaves the project's record and the totals.
        // A source edit is no restore input: no restore (the no-op build below restores, as a user's does).
        repo.WriteFile("src/Acme.Orders/Code.cs", Code("Acme.Orders", null));
        var fixedBuild = LayoutRepos.BuildAll(repo, true, "--no-restore", "-m:2");
        Assert.True(fixedBuild.Succeeded, fixedBuild.ToString());
        Assert.Equal(FourClean, ProjectsOnDisk());
        Assert.Empty(Rows(Document().RootElement.GetProperty("findings")));

        // A no-op build: nothing recorded, compliance.json not rewritten.
        var file = repo.PathOf(Compliance);
        var (text, time) = (File.ReadAllText(file), File.GetLastWriteTimeUtc(file));
        var noOp = LayoutRepos.BuildAll(repo, true, "-m:2");
        Assert.True(noOp.Succeeded, noOp.ToString());
        Assert.Empty(noOp.TaskRuns("RecordProjectFindings"));
        Assert.Equal((text, time), (File.ReadAllText(file), File.GetLastWriteTimeUtc(file)));

        // A project added to the solution (with its test project) is counted with its findings.
        repo.WriteProject("src/Acme.Shipping", "Acme.Shipping")
            .WriteFile("src/Acme.Shipping/Code.cs", Code("Acme.Shipping", "int unused;"))
            .WriteProject("tests/Acme.Shipping.Tests", "Acme.Shipping.Tests")
            .WriteFile("tests/Acme.Shipping.Tests/Marker.cs", "namespace Acme.Shipping.Tests;\n\ninternal static class Marker\n{\n}\n");
        LayoutRepos.WriteSolution(repo, [Orders, OrdersTests, Billing, BillingTests, Shipping, ShippingTests]);
        var added = LayoutRepos.BuildAll(repo, true, "-m:2");
        Assert.False(added.Succeeded, added.ToString());
        Assert.Equal([$"{Billing}: -", $"{Orders}: -", $"{Shipping}: CS0168 error 1 0", $"{BillingTests}: -", $"{OrdersTests}: -", $"{ShippingTests}: -"], ProjectsOnDisk());
        Assert.Equal(["CS0168 error 1 0"], Rows(Document().RootElement.GetProperty("findings")));

        // The projects removed from the repo: their records no longer count.
        Directory.Delete(repo.PathOf("src/Acme.Shipping"), recursive: true);
        Directory.Delete(repo.PathOf("tests/Acme.Shipping.Tests"), recursive: true);
        LayoutRepos.WriteSolution(repo, [Orders, OrdersTests, Billing, BillingTests]);
        // The projects left were restored already, and removing others changes none of their restore inputs.
        var removed = LayoutRepos.BuildAll(repo, true, "--no-restore", "-m:2");
        Assert.True(removed.Succeeded, removed.ToString());
        Assert.Equal(FourClean, ProjectsOnDisk());
        Assert.Empty(Rows(Document().RootElement.GetProperty("findings")));
    }

    private JsonDocument Document() => JsonDocument.Parse(repo.ReadFile(Compliance));

    private List<string> ProjectsOnDisk()
    {
        using var compliance = Document();
        return Projects(compliance.RootElement);
    }

    private string Relative(string project) => Path.GetRelativePath(repo.Root, project).Replace('\\', '/');

    /// <summary>"project: rule severity count baselined, ..." per project of compliance.json ("-": none), in ordinal order.</summary>
    private static List<string> Projects(JsonElement root) =>
        [.. root.GetProperty("projects").EnumerateArray().Select(p =>
            $"{p.GetProperty("project").GetString()}: {(Rows(p) is { Count: > 0 } rows ? string.Join(", ", rows) : "-")}").Order(StringComparer.Ordinal)];

    private static List<string> Rows(JsonElement owner) =>
        [.. owner.GetProperty("byRule").EnumerateArray().Select(r =>
            $"{r.GetProperty("rule").GetString()} {r.GetProperty("severity").GetString()} {r.GetProperty("count").GetInt32()} {r.GetProperty("baselined").GetInt32()}")];

    /// <summary>A class whose method declares <paramref name="locals"/> (unused: CS0168 each), or none.</summary>
    private static string Code(string ns, string? locals) =>
        $"namespace {ns};\n\n/// <summary>Code.</summary>\npublic static class Code\n{{\n    /// <summary>One.</summary>\n    /// <returns>1.</returns>\n    public static int Value()\n    {{\n{(locals is null ? string.Empty : $"        {locals}\n")}        return 1;\n    }}\n}}\n";
}
