using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Adoption.Survey;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

/// <summary>dotnet new template packs in the adopted repo: their content and pack project are left alone, and said so.</summary>
public sealed partial class AdopterTests
{
    /// <summary>
    /// A dotnet new template pack: the template content (every project under a folder with .template.config/) and
    /// the pack project keep their SDK and versions, are not built, and are named as left alone.
    /// </summary>
    [Fact]
    public void Template_content_and_the_template_pack_project_are_left_alone()
    {
        const string Pack = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageType>Template</PackageType>\n  </PropertyGroup>\n</Project>\n";
        Write("templates/Pack.csproj", Pack);
        Write("templates/content/app/.template.config/template.json", "{}\n");
        Write("templates/content/app/src/App/App.csproj", Project);
        Write("templates/content/app/Directory.Build.props", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"4.0.0\" />\n  </ItemGroup>\n</Project>\n");
        Commit();

        var result = Run();

        Assert.Equal(Pack, Read("templates/Pack.csproj"));
        Assert.Equal(Project, Read("templates/content/app/src/App/App.csproj"));
        Assert.DoesNotContain("Serilog", Read("Directory.Packages.props"), StringComparison.Ordinal);
        Assert.Equal(
            [
                "templates/Pack.csproj: left alone: a template pack project (<PackageType>Template</PackageType>)",
                "templates/content/app/src/App/App.csproj: left alone: template content (under templates/content/app/, which has .template.config/): projects created from the template keep the SDK it names",
            ],
            result.LeftAlone);
        Assert.Contains("  templates/Pack.csproj: left alone: a template pack project", AdoptionReport.Write(result, dryRun: false), StringComparison.Ordinal);
        Assert.Contains("### Left alone by adopt\n\n- templates/Pack.csproj: left alone: a template pack project (<PackageType>Template</PackageType>)\n- templates/content/app/src/App/App.csproj: left alone: template content", SurveyReport.Markdown(result), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Changes.Files.Keys, f => f.StartsWith("templates/", StringComparison.Ordinal));
        Assert.Equal("<Project Sdk=\"Standards.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"xunit\" />\n  </ItemGroup>\n</Project>\n", Read("src/A/A.csproj"));
    }

    /// <summary>
    /// A second run on an adopted repo with a template pack changes no file: the summary says so, with the
    /// left-alone lines still listed (they are information, not changes).
    /// </summary>
    [Fact]
    public void A_second_run_with_nothing_to_change_says_none_beside_the_left_alone_lines()
    {
        Write("templates/Pack.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageType>Template</PackageType>\n  </PropertyGroup>\n</Project>\n");
        Commit();
        Run();
        Commit();

        var again = Run();

        Assert.Empty(again.Changes.Files);
        var report = AdoptionReport.Write(again, dryRun: false);
        Assert.Contains("Changes:\n  templates/Pack.csproj: left alone: a template pack project (<PackageType>Template</PackageType>)\n  none: the repo is already adopted and its baselines are current.\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repo_of_template_content_only_has_nothing_to_adopt()
    {
        Git("rm", "-q", "-r", "src");
        Write("content/.template.config/template.json", "{}\n");
        Write("content/App/App.csproj", Project);
        Commit();
        var before = Snapshot();

        var ex = Assert.Throws<ToolException>(() => Run());

        Assert.Equal(ToolRuleIds.NoProjects, ex.Code);
        Assert.Contains("every C# project under", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(content/App/App.csproj)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }
}
