using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>
/// A project that turns nullable off: the scripted build reports STD0101 while the workspace's project says
/// <c>disable</c> (unless standards.json excepts it), and one nullable warning per line of its code once nullable is on.
/// </summary>
public sealed partial class AdopterTests
{
    private const string LegacyProject = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>\n</Project>\n";
    private const string LegacySource = "namespace L;\npublic static class C\n{\n    public static int A(string s) => s.Length;\n    public static int B(string s) => s.Length + 1;\n    public static int D(string s) => s.Length + 2;\n}\n";

    [Fact]
    public void Nullable_turned_off_is_turned_on_and_its_warnings_are_baselined_at_their_places()
    {
        WriteLegacyProject("src/L/L.csproj");
        var result = Run();

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Diagnostic.Message)));
        Assert.Equal(LegacyProject.Replace("Microsoft.NET.Sdk", "Standards.Sdk", StringComparison.Ordinal).Replace("disable", "enable", StringComparison.Ordinal), Read("src/L/L.csproj"));
        Assert.Equal(["CS8602 src/L/C.cs", "CS8602 src/L/C.cs", "CS8602 src/L/C.cs"], result.CodeEntries.Select(e => $"{e.Id} {e.File}"));
        Assert.Equal(3, result.CodeEntries.Select(e => e.Hash).Distinct().Count());
        Assert.Contains("src/L/L.csproj: nullable turned on (line 3: disable -> enable): new code is checked from day one; today's 3 nullable warning(s) are recorded in the code baseline at their places", result.ChangeLines);
        Assert.False(File.Exists(Path.Combine(root, "standards.json")));
    }

    [Fact]
    public void Nullable_turned_off_with_more_warnings_than_the_limit_keeps_it_off_under_a_dated_exception_with_an_owner_to_fill_in()
    {
        WriteLegacyProject("src/L/L.csproj");
        var adopter = new Adopter(dotnet, TextWriter.Null) { Clock = new FixedClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)) };
        var result = adopter.Run(new AdoptOptions(root, "9.9.9", NullableLimit: 2));

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Diagnostic.Message)));
        Assert.Equal(LegacyProject.Replace("Microsoft.NET.Sdk", "Standards.Sdk", StringComparison.Ordinal), Read("src/L/L.csproj"));
        Assert.DoesNotContain(result.CodeEntries, e => e.Id.StartsWith("CS86", StringComparison.Ordinal));
        Assert.Equal(
            "{\n  \"exceptions\": [\n    {\n      \"rule\": \"STD0101\",\n      \"scope\": \"L\",\n      \"owner\": \"TODO: owner\",\n"
            + "      \"reason\": \"src/L/L.csproj turns nullable off and its code has 3 nullable warnings, more than adopt records in the code baseline (2); turn it on project by project (or folder by folder with #nullable enable) before the expiry.\",\n"
            + "      \"expires\": \"2027-05-25\"\n    }\n  ]\n}\n",
            Read("standards.json"));
        Assert.Contains("src/L/L.csproj: nullable left off (line 3: disable): its code has 3 nullable warnings, more than the 2 adopt records in the code baseline; standards.json gets a dated STD0101 exception for \"L\" (owner \"TODO: owner\": fill it in; expires in 180 days)", AdoptionReport.Write(result, dryRun: false), StringComparison.Ordinal);

        // A second run keeps the exception and the project as they are: nothing to write.
        Commit();
        var again = adopter.Run(new AdoptOptions(root, "9.9.9", NullableLimit: 2));
        Assert.True(again.CiBuildGreen);
        Assert.Empty(again.Changes.Files);
    }

    [Fact]
    public void Nullable_turned_off_in_Directory_Build_props_is_turned_on_for_the_projects_below_it()
    {
        WriteLegacyProject("src/L/L.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Write("Directory.Build.props", "<Project>\r\n\t<PropertyGroup>\r\n\t\t<Nullable>disable</Nullable>\r\n\t</PropertyGroup>\r\n</Project>\r\n");
        Commit();
        var result = Run();

        Assert.True(result.CiBuildGreen);
        Assert.Equal("<Project>\r\n\t<PropertyGroup>\r\n\t\t<Nullable>enable</Nullable>\r\n\t</PropertyGroup>\r\n</Project>\r\n", Read("Directory.Build.props"));
        Assert.Equal(3, result.CodeEntries.Count(e => e.Id == "CS8602"));
        Assert.Contains(result.ChangeLines, l => l.StartsWith("Directory.Build.props: nullable turned on (line 3: disable -> enable)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_source_file_that_turns_nullable_off_is_kept_under_a_dated_file_scoped_exception_and_only_that_file()
    {
        const string Vendored = "src/A/ThirdParty/Annotations.cs";
        Write(Vendored, "// Copied from JetBrains.Annotations\n#nullable disable\nnamespace JetBrains.Annotations;\n");
        Commit();
        dotnet.WorkspaceFindings = workspace =>
        {
            var policy = Path.Combine(workspace, "standards.json");
            return File.Exists(policy) && File.ReadAllText(policy).Contains($"\"scope\": \"{Vendored}\"", StringComparison.Ordinal)
                ? []
                : [$"{Vendored}(2,1): error STD0101: #nullable disable turns nullable reference types off [{{root}}/src/A/A.csproj]"];
        };
        var adopter = new Adopter(dotnet, TextWriter.Null) { Clock = new FixedClock(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)) };

        var result = adopter.Run(new AdoptOptions(root, "9.9.9"));

        Assert.True(result.CiBuildGreen, string.Join("\n", result.NotBaselinable.Select(n => n.Diagnostic.Message)));
        using var policy = System.Text.Json.JsonDocument.Parse(Read("standards.json"));
        var exception = Assert.Single(policy.RootElement.GetProperty("exceptions").EnumerateArray());
        Assert.Equal(
            $"STD0101 {Vendored} TODO: owner 2027-05-25",
            string.Join(' ', new[] { "rule", "scope", "owner", "expires" }.Select(key => exception.GetProperty(key).GetString())));
        Assert.Contains($"{Vendored}: turns nullable off in its source (vendored or legacy code): kept under a dated, file-scoped STD0101 exception in standards.json (owner \"TODO: owner\": fill it in; expires in 180 days); a new file that turns nullable off still fails", result.ChangeLines);
    }

    /// <summary>A project of the legacy shape and a build that reports as the SDK does on it (see the class summary).</summary>
    private void WriteLegacyProject(string project, string text = LegacyProject)
    {
        var folder = Path.GetDirectoryName(project)!.Replace('\\', '/');
        Write(project, text);
        Write(folder + "/C.cs", LegacySource);
        Commit();
        dotnet.WorkspaceFindings = workspace =>
        {
            var off = new[] { project, "Directory.Build.props" }.Select(f => Path.Combine(workspace, f))
                .Any(f => File.Exists(f) && File.ReadAllText(f).Contains("<Nullable>disable</Nullable>", StringComparison.Ordinal));
            var policy = Path.Combine(workspace, "standards.json");
            if (off)
            {
                return File.Exists(policy) && File.ReadAllText(policy).Contains("\"STD0101\"", StringComparison.Ordinal)
                    ? []
                    : [$"{project}(3,5): error STD0101: Nullable is 'disable'; the policy locks nullable reference types on [{{root}}/{project}]"];
            }

            return Enumerable.Range(4, 3).Select(line => $"{folder}/C.cs({line},38): error CS8602: Dereference of a possibly null reference. [{{root}}/{project}]");
        };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
