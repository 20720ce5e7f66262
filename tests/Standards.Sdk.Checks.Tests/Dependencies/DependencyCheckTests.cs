using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Runs;

namespace Standards.Sdk.Checks.Tests.Dependencies;

public class DependencyCheckTests
{
    [Fact]
    public void Compliant_repo_has_no_findings()
    {
        Assert.Empty(new DependencyRepo().Run());
    }

    [Fact]
    public void Check_is_registered_once()
    {
        Assert.Single(RepositoryChecks.All.OfType<DependencyCheck>());
        Assert.Equal("dependencies", new DependencyCheck().Name);
    }

    [Fact]
    public void Missing_packages_props_is_STD2001_naming_the_fix()
    {
        var finding = new DependencyRepo().Remove("Directory.Packages.props").Single();

        Assert.Equal(("STD2001", Severity.Error, "Directory.Packages.props", 0), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains("<ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Central_management_off_is_STD2001_at_the_line()
    {
        var finding = new DependencyRepo()
            .Replace("Directory.Packages.props", "<ManagePackageVersionsCentrally>true", "<ManagePackageVersionsCentrally>false")
            .Single();

        Assert.Equal(("STD2001", "Directory.Packages.props", 3), (finding.Code, finding.File, finding.Line));
        Assert.Contains("'false'", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transitive_pinning_missing_is_STD2001()
    {
        var finding = new DependencyRepo()
            .Replace("Directory.Packages.props", "    <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>\n", string.Empty)
            .Single();

        Assert.Equal(("STD2001", "Directory.Packages.props", 1), (finding.Code, finding.File, finding.Line));
        Assert.Contains("CentralPackageTransitivePinningEnabled", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Project_opting_out_of_central_management_is_STD2001_at_its_line()
    {
        var finding = new DependencyRepo()
            .Replace("src/App/App.csproj", "  <ItemGroup>", "  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>")
            .Single();

        Assert.Equal(("STD2001", "src/App/App.csproj", 3), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void Nested_packages_props_is_STD2001()
    {
        var finding = new DependencyRepo().Set("src/Directory.Packages.props", DependencyRepo.PackagesProps).Single();

        Assert.Equal(("STD2001", "src/Directory.Packages.props"), (finding.Code, finding.File));
    }

    [Fact]
    public void Version_attribute_on_PackageReference_is_STD2002_at_the_line()
    {
        var finding = new DependencyRepo()
            .Replace("src/App/App.csproj", "Include=\"Newtonsoft.Json\" />", "Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />")
            .Single();

        Assert.Equal(("STD2002", Severity.Error, "src/App/App.csproj", 3), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains("<PackageVersion Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_child_element_is_STD2002_at_its_line()
    {
        var finding = new DependencyRepo()
            .Replace("src/App/App.csproj", "<PackageReference Include=\"Newtonsoft.Json\" />", "<PackageReference Include=\"Newtonsoft.Json\">\n      <Version>13.0.3</Version>\n    </PackageReference>")
            .Single();

        Assert.Equal(("STD2002", "src/App/App.csproj", 4), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void VersionOverride_is_STD2002_and_an_exception_allows_it()
    {
        var repo = new DependencyRepo()
            .Replace("src/App/App.csproj", "Include=\"Newtonsoft.Json\" />", "Include=\"Newtonsoft.Json\" VersionOverride=\"13.0.3\" />");

        var finding = repo.Single();
        Assert.Equal(("STD2002", "src/App/App.csproj", 3), (finding.Code, finding.File, finding.Line));
        Assert.Contains("VersionOverride", finding.Message, StringComparison.Ordinal);

        repo.PolicyJson = """{ "exceptions": [ { "rule": "STD2002", "scope": "App", "owner": "@o", "reason": "r", "expires": "2030-01-01" } ] }""";
        Assert.Empty(repo.Run());
    }

    [Fact]
    public void Version_in_Directory_Build_props_is_STD2002()
    {
        var finding = new DependencyRepo()
            .Set("Directory.Build.props", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Polly\" Version=\"8.5.0\" Condition=\"'$(X)' == ''\" />\n  </ItemGroup>\n</Project>\n")
            .Single();

        Assert.Equal(("STD2002", "Directory.Build.props", 3), (finding.Code, finding.File, finding.Line));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("13.*")]
    [InlineData("13.0.*-*")]
    [InlineData("[13.0,)")]
    [InlineData("(,14.0]")]
    [InlineData("[13.0.1, 14.0.0)")]
    public void Floating_central_version_is_STD2003_at_the_line(string version)
    {
        var findings = new DependencyRepo()
            .Replace("Directory.Packages.props", "Version=\"13.0.3\"", $"Version=\"{version}\"")
            .Run();

        var floating = Assert.Single(findings, f => f.Code == "STD2003");
        Assert.Equal(("Directory.Packages.props", 7, Severity.Error), (floating.File, floating.Line, floating.Severity));
        Assert.Contains(version, floating.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Floating_version_in_a_project_is_STD2002_and_STD2003()
    {
        var findings = new DependencyRepo()
            .Replace("src/App/App.csproj", "Include=\"Newtonsoft.Json\" />", "Include=\"Newtonsoft.Json\" Version=\"13.*\" />")
            .Run();

        Assert.Equal(["STD2002", "STD2003"], findings.Select(f => f.Code).Order());
        Assert.All(findings, f => Assert.Equal(("src/App/App.csproj", 3), (f.File, f.Line)));
    }

    [Theory]
    [InlineData("13.0.3")]
    [InlineData("[13.0.3]")]
    [InlineData("$(NewtonsoftVersion)")]
    public void Exact_versions_are_not_floating(string version)
    {
        Assert.DoesNotContain(new DependencyRepo().Replace("Directory.Packages.props", "Version=\"13.0.3\"", $"Version=\"{version}\"").Run(), f => f.Code == "STD2003");
    }

    [Fact]
    public void Missing_lock_file_is_STD2004_with_the_restore_command()
    {
        var finding = new DependencyRepo().Remove("src/App/packages.lock.json").Single();

        Assert.Equal(("STD2004", Severity.Error, "src/App/packages.lock.json"), (finding.Code, finding.Severity, finding.File));
        Assert.Contains("dotnet restore --force-evaluate", finding.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet restore src/App/App.csproj --force-evaluate", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Untracked_lock_file_is_STD2004()
    {
        var repo = new DependencyRepo();
        repo.Tracked = [.. repo.Files.Keys.Where(f => f != "tests/App.Tests/packages.lock.json")];

        var finding = repo.Single();

        Assert.Equal(("STD2004", "tests/App.Tests/packages.lock.json"), (finding.Code, finding.File));
        Assert.Contains("git add tests/App.Tests/packages.lock.json", finding.Message, StringComparison.Ordinal);

        // New and not committed yet (the build that created it): a warning, which CI and Release builds make an error.
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("is new and not committed yet", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ignored_lock_file_is_STD2004()
    {
        var repo = new DependencyRepo();
        repo.Tracked = [.. repo.Files.Keys.Where(f => f != "src/App/packages.lock.json")];
        repo.Ignored.Add("src/App/packages.lock.json");

        var finding = repo.Single();

        Assert.Equal(("STD2004", "src/App/packages.lock.json", Severity.Error), (finding.Code, finding.File, finding.Severity));
        Assert.Contains(".gitignore", finding.Message, StringComparison.Ordinal);
        Assert.Contains("git check-ignore -v src/App/packages.lock.json", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("is new", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_git_only_existence_is_checked()
    {
        var repo = new DependencyRepo { Tracked = null };

        Assert.Empty(repo.Run());
        Assert.Equal("STD2004", repo.Remove("src/App/packages.lock.json").Single().Code);
    }

    [Theory]
    [InlineData("{ \"version\": 2, \"dependencies\": ", 1, "not valid JSON")]
    [InlineData("[]", 1, "top level is array")]
    [InlineData("{\n  \"version\": 7,\n  \"dependencies\": {}\n}", 2, "\"version\" is 7")]
    [InlineData("{\n  \"version\": \"2\",\n  \"dependencies\": {}\n}", 2, "\"version\" is string")]
    [InlineData("{\n  \"dependencies\": {}\n}", 1, "no \"version\"")]
    [InlineData("{\n  \"version\": 2\n}", 1, "no \"dependencies\"")]
    [InlineData("{\n  \"version\": 2,\n  \"dependencies\": {\n    \"net10.0\": {\n      \"X\": { \"type\": \"Direct\" }\n    }\n  }\n}", 5, "no \"requested\"")]
    [InlineData("{\n  \"version\": 2,\n  \"dependencies\": {\n    \"net10.0\": {\n      \"X\": { \"type\": \"Odd\" }\n    }\n  }\n}", 5, "no valid \"type\"")]
    public void Malformed_lock_file_is_STD2006_at_the_line(string text, int line, string problem)
    {
        var finding = new DependencyRepo().Set("src/App/packages.lock.json", text).Single();

        Assert.Equal(("STD2006", Severity.Error, "src/App/packages.lock.json", line), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet restore --force-evaluate", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Central_version_bump_without_restore_is_STD2005_naming_package_and_command()
    {
        var finding = new DependencyRepo()
            .Replace("Directory.Packages.props", "Version=\"13.0.3\"", "Version=\"13.0.4\"")
            .Single();

        Assert.Equal(("STD2005", Severity.Error, "src/App/packages.lock.json", 11), (finding.Code, finding.Severity, finding.File, finding.Line));
        Assert.Contains("Newtonsoft.Json [13.0.3, )", finding.Message, StringComparison.Ordinal);
        Assert.Contains("[13.0.4, )", finding.Message, StringComparison.Ordinal);
        Assert.Contains("`dotnet restore --force-evaluate` from the repo root", finding.Message, StringComparison.Ordinal);
        Assert.Contains("NU1004", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_reference_missing_from_lock_file_is_STD2005()
    {
        var finding = new DependencyRepo()
            .Replace("src/App/App.csproj", "<PackageReference Include=\"Newtonsoft.Json\" />", "<PackageReference Include=\"Newtonsoft.Json\" />\n    <PackageReference Include=\"Polly\" />")
            .Single();

        Assert.Equal(("STD2005", "src/App/packages.lock.json", 4), (finding.Code, finding.File, finding.Line));
        Assert.Contains("Polly is referenced", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removed_reference_still_in_lock_file_is_STD2005()
    {
        var finding = new DependencyRepo()
            .Replace("src/App/App.csproj", "<PackageReference Include=\"Newtonsoft.Json\" />", string.Empty)
            .Single();

        Assert.Equal(("STD2005", "src/App/packages.lock.json", 11), (finding.Code, finding.File, finding.Line));
        Assert.Contains("no longer references it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_the_SDK_adds_is_current_in_a_project_that_does_not_name_it_when_another_project_declares_it_centrally()
    {
        // Another project of the repo names the analyzers itself, so Directory.Packages.props declares them; App's lock
        // file lists them as direct from the SDK's own reference.
        var findings = new DependencyRepo()
            .Replace("Directory.Packages.props", "<PackageVersion Include=\"Polly\" Version=\"8.5.0\" />", "<PackageVersion Include=\"Polly\" Version=\"8.5.0\" />\n    <PackageVersion Include=\"Microsoft.CodeAnalysis.NetAnalyzers\" Version=\"10.0.111\" />")
            .Run();

        Assert.DoesNotContain(findings, f => f.Code == "STD2005");
    }

    [Fact]
    public void Every_package_the_SDK_references_itself_is_one_the_lock_file_check_expects()
    {
        var referenced = Catalog.RepoRoot.SourceFiles("sdk", "*.*")
            .Where(f => f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "<PackageReference\\s+Include=\"([^\"$]+)\"").Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.Equal(referenced, SdkAddedReferences.Ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Central_transitive_pin_changed_is_STD2005()
    {
        var finding = new DependencyRepo()
            .Replace("tests/App.Tests/packages.lock.json", "\"type\": \"Transitive\",", "\"type\": \"CentralTransitive\",\n        \"requested\": \"[13.0.1, )\",")
            .Single();

        Assert.Equal(("STD2005", "tests/App.Tests/packages.lock.json", 5), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void Global_package_reference_is_a_direct_dependency_of_every_project()
    {
        var finding = new DependencyRepo()
            .Replace("Directory.Packages.props", "  </ItemGroup>", "    <GlobalPackageReference Include=\"Polly\" Version=\"8.5.0\" />\n  </ItemGroup>")
            .Run();

        Assert.Equal(2, finding.Count);
        Assert.All(finding, f => Assert.Equal("STD2005", f.Code));
    }

    [Theory]
    [InlineData("<Project>\n  <ItemGroup>\n    <PackageReference Include=\"X\">\n  </ItemGroup>\n</Project>", 4)]
    [InlineData("<Nope />", 1)]
    [InlineData("", 1)]
    public void Malformed_project_is_STD2007_at_the_line(string text, int line)
    {
        var finding = new DependencyRepo().Set("src/App/App.csproj", text).Single();

        Assert.Equal(("STD2007", Severity.Error, "src/App/App.csproj", line), (finding.Code, finding.Severity, finding.File, finding.Line));
    }

    [Fact]
    public void Malformed_packages_props_is_STD2007_at_the_line()
    {
        var finding = new DependencyRepo().Replace("Directory.Packages.props", "</ItemGroup>", "</ItemGrop>").Single();

        Assert.Equal(("STD2007", "Directory.Packages.props", 9), (finding.Code, finding.File, finding.Line));
    }

    [Fact]
    public void Missing_global_json_is_STD2008()
    {
        var finding = new DependencyRepo().Remove("global.json").Single();

        Assert.Equal(("STD2008", Severity.Error, "global.json", 0), (finding.Code, finding.Severity, finding.File, finding.Line));
    }

    [Theory]
    [InlineData("{ \"msbuild-sdks\": {} }", "STD2008", 1, "no \"sdk\" section")]
    [InlineData("{\n  \"sdk\": {\n    \"rollForward\": \"latestFeature\"\n  }\n}", "STD2008", 2, "no \"version\"")]
    [InlineData("{\n  \"sdk\": {\n    \"version\": 10,\n    \"rollForward\": \"latestFeature\"\n  }\n}", "STD2008", 3, "number")]
    [InlineData("{\n  \"sdk\": {\n    \"version\": \"latest\",\n    \"rollForward\": \"latestFeature\"\n  }\n}", "STD2008", 3, "\"latest\"")]
    [InlineData("{\n  \"sdk\": {\n    \"version\": \"10.0.401\"\n  }\n}", "STD2009", 2, "rollForward")]
    [InlineData("{\n  \"sdk\": {\n    \"version\": \"10.0.401\",\n    \"rollForward\": \"sideways\"\n  }\n}", "STD2009", 4, "\"sideways\"")]
    [InlineData("{\n  \"sdk\": { \"version\": \"10.0.401\", ", "STD2008", 2, "not valid JSON")]
    public void Global_json_problems_are_reported_at_the_line(string text, string code, int line, string problem)
    {
        var finding = new DependencyRepo().Set("global.json", text).Single();

        Assert.Equal((code, "global.json", line), (finding.Code, finding.File, finding.Line));
        Assert.Contains(problem, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_severity_from_standards_json_applies_and_none_turns_it_off()
    {
        var repo = new DependencyRepo().Set("global.json", "{ \"sdk\": { \"version\": \"10.0.401\" } }");
        repo.PolicyJson = """{ "rules": { "STD2009": "warning" } }""";
        Assert.Equal(Severity.Warning, repo.Single().Severity);

        repo.PolicyJson = """{ "rules": { "STD2009": "none" } }""";
        Assert.Empty(repo.Run());
    }

    [Fact]
    public void Malformed_dependencies_section_is_STD0002_at_the_line()
    {
        var repo = new DependencyRepo
        {
            PolicyJson = "{\n  \"dependencies\": {\n    \"licenses\": { \"allow\": \"MIT\" },\n    \"other\": 1\n  }\n}",
        };

        var findings = repo.Run();

        Assert.Equal([("STD0002", 3), ("STD0002", 4)], findings.Select(f => (f.Code, f.Line)).Order());
        Assert.All(findings, f => Assert.Equal("standards.json", f.File));
    }
}
