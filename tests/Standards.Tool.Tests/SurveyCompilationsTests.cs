using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>
/// Which findings of a survey build a CI build fails on, from the line Standards.Policy.targets prints for each
/// compilation: exactly the compiler's warnings-as-errors decision, with the CI values.
/// </summary>
public sealed class SurveyCompilationsTests
{
    private const string Root = "/w";

    private static string Line(string project, string tfm, string treat, string asErrors, string notAsErrors, string config = "/w/obj/survey.globalconfig") =>
        $"  Standards survey: {Root}/{project} [{tfm}] TreatWarningsAsErrors={treat} WarningsAsErrors={asErrors} WarningsNotAsErrors={notAsErrors} ErrorsConfig={config}";

    private static BuildDiagnostic Warning(string code, string project) =>
        new(code, false, "src/A/C.cs", 4, 1, "m") { Project = project };

    /// <summary>
    /// A survey build turns the errors of the checks before the compiler and of the package metadata check into
    /// warnings (so no project stops its dependents), and MSBuild prints those without their project: the project is
    /// the one at whose file the finding is, or, for a weakening in source, the deepest surveyed project holding the
    /// file; with it, CI fails on them as on any warning its TreatWarningsAsErrors covers.
    /// </summary>
    [Fact]
    public void A_check_s_warning_without_a_project_is_the_project_s_at_whose_file_or_folder_it_is()
    {
        var output = string.Join('\n',
            Line("Lib.csproj", "netstandard2.0", "true", ";nullable", ""),
            Line("src/A/A.csproj", "net10.0", "true", ";nullable", ""),
            Line("src/A/Tests/A.Tests.csproj", "net10.0", "true", ";nullable", ""),
            "/w/src/A/A.csproj(12): warning STD2011: Package Moq 4.18.1 (a direct dependency) has an unknown licence.",
            "/w/src/A/Tests/Vendored/J.cs(3,1): warning STD0101: #nullable disable turns nullable reference types off.",
            "/w/src/A/C.cs(3,1): warning STD0101: #nullable disable turns nullable reference types off.",
            "/w/Root.cs(3,1): warning STD0101: #nullable disable turns nullable reference types off.",
            "/w/src/A/C.cs(9,1): warning CA1305: m",
            "/w/src/A/A.csproj(1): error STD6052: Package A: the package has no readme.");
        var compilations = SurveyCompilations.Parse(output, Root, _ => null);

        var owned = compilations.WithProjects(BuildOutput.Parse(output, Root));

        Assert.Equal(
            [("STD2011", "src/A/A.csproj"), ("STD0101", "src/A/Tests/A.Tests.csproj"), ("STD0101", "src/A/A.csproj"), ("STD0101", "Lib.csproj"), ("CA1305", ""), ("STD6052", "")],
            owned.Select(d => (d.Code, d.Project)));
        Assert.All(owned.Take(4), d => Assert.True(compilations.FailsInCi(d), d.ToString()));
    }

    [Fact]
    public void Warnings_as_errors_not_as_errors_nullable_and_the_policy_s_errors_decide()
    {
        var output = string.Join('\n',
            Line("src/A/A.csproj", "net8.0", "true", ";nullable;NU1903", "CA1822;8618"),
            Line("src/B/B.csproj", "", "false", ";nullable;CA2000", ""),
            "src/A/C.cs(4,1): warning CA1305: m [/w/src/A/A.csproj::TargetFramework=net8.0]");
        var compilations = SurveyCompilations.Parse(output, Root, path => path == "/w/obj/survey.globalconfig"
            ? "is_global = true\nglobal_level = 0\ndotnet_diagnostic.CA1502.severity = warning\n"
            : null);
        Assert.Equal(2, compilations.Count);

        // TreatWarningsAsErrors: every warning but those WarningsNotAsErrors lists (an id or a bare number).
        Assert.True(compilations.FailsInCi(Warning("CA1305", "src/A/A.csproj")));
        Assert.False(compilations.FailsInCi(Warning("CA1822", "src/A/A.csproj")));
        Assert.False(compilations.FailsInCi(Warning("CS8618", "src/A/A.csproj")));
        Assert.True(compilations.FailsInCi(Warning("CS8602", "src/A/A.csproj")));

        // Without it: only WarningsAsErrors (the nullable keyword covers CS86xx) and the policy's errors.
        Assert.False(compilations.FailsInCi(Warning("CA1305", "src/B/B.csproj")));
        Assert.True(compilations.FailsInCi(Warning("CA2000", "src/B/B.csproj")));
        Assert.True(compilations.FailsInCi(Warning("CS8602", "src/B/B.csproj")));
        Assert.True(compilations.FailsInCi(Warning("CA1502", "src/B/B.csproj")));

        // A project the survey printed nothing for changed nothing: its warnings are warnings in CI; errors fail.
        Assert.False(compilations.FailsInCi(Warning("CA1305", "src/Other/Other.csproj")));
        Assert.True(compilations.FailsInCi(new BuildDiagnostic("CS0246", true, "src/Other/X.cs", 1, 1, "m") { Project = "src/Other/Other.csproj" }));
    }

    [Fact]
    public void The_project_of_a_diagnostic_is_read_from_its_line_repo_relative()
    {
        var diagnostic = Assert.Single(BuildOutput.Parse("/w/src/A/C.cs(4,44): warning CA1305: m [/w/src/A/A.csproj::TargetFramework=net8.0]", Root));
        Assert.Equal("src/A/A.csproj", diagnostic.Project);
        Assert.Equal(string.Empty, Assert.Single(BuildOutput.Parse("CSC : error CS2001: Source file 'x' could not be found.", Root)).Project);
    }
}
