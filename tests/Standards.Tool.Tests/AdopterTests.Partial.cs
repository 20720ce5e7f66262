using System.Text.Json;
using Standards.Adoption.Adopt;
using Standards.Adoption.Survey;

namespace Standards.Tool.Tests;

/// <summary>A survey that could not analyse a project's code says so, names the project and why, and fails --check.</summary>
public sealed partial class AdopterTests
{
    [Fact]
    public void A_project_the_survey_compiled_nothing_of_makes_the_count_partial_and_survey_check_fail()
    {
        Write("src/S/S.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
        Commit();
        dotnet.NotCompiled.Add("src/S/S.csproj");
        var reports = Reports();
        var output = new StringWriter();

        Assert.Equal(1, CommandLine.Run(["survey", root, "--check", "--format", "json", "-o", reports], output, TextWriter.Null, dotnet));
        const string Line = "src/S/S.csproj: not analysed: the survey build compiled none of its code (a project it references failed before the compiler, or it skips the checks with StandardsSkipChecks); its code findings are not counted";
        using (var json = JsonDocument.Parse(output.ToString()))
        {
            Assert.Equal([Line], json.RootElement.GetProperty("result").GetProperty("notAnalysed").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Contains($"**Partial count**: 1 project(s) not analysed; their code findings are missing from this report:\n\n- {Line}\n", File.ReadAllText(Path.Combine(reports, SurveyReport.MarkdownFile)), StringComparison.Ordinal);
        Assert.Equal(0, CommandLine.Run(["survey", root, "-o", reports], TextWriter.Null, TextWriter.Null, dotnet));
    }

    [Fact]
    public void A_project_stopped_before_the_compiler_by_a_locked_setting_is_named_with_the_error_that_stopped_it()
    {
        Write("src/W/W.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <WarningsNotAsErrors>nullable</WarningsNotAsErrors>\n  </PropertyGroup>\n</Project>\n");
        Commit();
        dotnet.Findings.Add("src/W/W.csproj(3,5): error STD0101: WarningsNotAsErrors stops nullable warnings from being errors [{root}/src/W/W.csproj]");

        var result = Run(dryRun: true);

        Assert.Equal(["src/W/W.csproj: not analysed: its build stopped before the compiler on STD0101 at src/W/W.csproj(3); its code findings are not counted until that is fixed"], result.NotAnalysed);
        Assert.Contains("; PARTIAL: 1 project(s) not analysed, whose code findings are missing.\n  src/W/W.csproj: not analysed: its build stopped", AdoptionReport.Write(result, dryRun: true).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_that_turned_nullable_off_is_analysed_so_the_count_is_whole()
    {
        WriteLegacyProject("src/L/L.csproj");
        var result = Run(dryRun: true);
        Assert.Empty(result.NotAnalysed);
        Assert.Equal(3, result.Findings.Count(f => f.Code == "CS8602"));
    }
}
