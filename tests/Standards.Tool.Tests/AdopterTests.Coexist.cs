using Standards.Adoption;
using Standards.Adoption.Adopt;

namespace Standards.Tool.Tests;

/// <summary>What the repo already is and adopt keeps: lock files its .gitignore ignores, VB and F# projects, samples no solution lists, Windows-only projects no solution lists, package versions in files the projects import.</summary>
public sealed partial class AdopterTests
{
    [Fact]
    public void Lock_files_the_gitignore_ignores_are_un_ignored_so_the_adoption_commit_has_them()
    {
        Write(".gitignore", "bin/\nobj/\nartifacts/\nTestResults/\n.standards-journal/\n*.lock.json\n");
        Commit();

        var result = Run();

        Assert.Equal("bin/\nobj/\nartifacts/\nTestResults/\n.standards-journal/\n*.lock.json\n!packages.lock.json\n", Read(".gitignore"));
        Assert.Contains(result.ChangeLines, l => l.StartsWith(".gitignore: updated: no longer ignores the lock files", StringComparison.Ordinal));
        // git itself no longer ignores the lock file adopt wrote: `git check-ignore` exits 1 for a path it does not ignore.
        Assert.Equal(1, new ProcessCommandRunner().Run("git", ["check-ignore", "-q", "src/A/packages.lock.json"], root).ExitCode);
        // The documented commit (git add -A) takes it.
        Git("add", "-A");
        Git("ls-files", "--error-unmatch", "src/A/packages.lock.json");
    }

    [Fact]
    public void A_gitignore_that_does_not_ignore_lock_files_is_left_as_it_is()
    {
        var result = Run();

        Assert.Equal("bin/\nobj/\nartifacts/\nTestResults/\n.standards-journal/\n", Read(".gitignore"));
        Assert.DoesNotContain(result.ChangeLines, l => l.StartsWith(".gitignore", StringComparison.Ordinal));
    }

    [Fact]
    public void A_visual_basic_and_an_fsharp_project_are_named_with_why_they_are_left_alone()
    {
        const string Vb = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n";
        Write("src/V/V.vbproj", Vb);
        Write("src/F/F.fsproj", Vb);
        Commit();

        var result = Run();

        Assert.Equal(
            [
                "src/F/F.fsproj: left alone: an F# project; Standards.Sdk's analyzers, checks and code baseline are for C#, so it keeps its SDK and builds as before",
                "src/V/V.vbproj: left alone: a Visual Basic project; Standards.Sdk's analyzers, checks and code baseline are for C#, so it keeps its SDK and builds as before",
            ],
            result.LeftAlone);
        Assert.Contains("  src/V/V.vbproj: left alone: a Visual Basic project", AdoptionReport.Write(result, dryRun: false), StringComparison.Ordinal);
        Assert.Equal(Vb, Read("src/V/V.vbproj"));
        Assert.Equal(Vb, Read("src/F/F.fsproj"));
    }

    [Fact]
    public void A_sample_no_solution_lists_keeps_its_shape_and_one_the_solution_lists_is_adopted()
    {
        const string Sample = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>\n</Project>\n";
        Write("samples/Demo/Demo.csproj", Sample);
        Write("samples/Listed/Listed.csproj", Sample);
        Write("Lib.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"src\\A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Listed\", \"samples\\Listed\\Listed.csproj\", \"{22222222-2222-2222-2222-222222222222}\"\nEndProject\n");
        Commit();

        var result = Run();

        Assert.Equal(
            ["samples/Demo/Demo.csproj: left alone: a sample no solution lists (Lib.sln); it keeps its own SDK and settings, and does not count as one of the repo's projects (an executable sample would make the repo a worker repo). Add it to a solution and run adopt again to put it on the policy"],
            result.LeftAlone);
        Assert.Equal(Sample, Read("samples/Demo/Demo.csproj"));
        Assert.StartsWith("<Project Sdk=\"Standards.Sdk\">", Read("samples/Listed/Listed.csproj"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, "samples/Demo/packages.lock.json")));
    }

    [Fact]
    public void Without_a_solution_a_sample_is_adopted_like_any_project()
    {
        Write("samples/Demo/Demo.csproj", Project);
        Commit();

        var result = Run();

        Assert.Empty(result.LeftAlone);
        Assert.StartsWith("<Project Sdk=\"Standards.Sdk\">", Read("samples/Demo/Demo.csproj"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_only_project_no_solution_lists_is_left_alone_off_windows_and_one_the_solution_lists_is_adopted()
    {
        const string Viewer = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>WinExe</OutputType>\n    <TargetFramework>net10.0-windows</TargetFramework>\n    <UseWindowsForms>true</UseWindowsForms>\n  </PropertyGroup>\n</Project>\n";
        Write("Viewer/Viewer.csproj", Viewer);
        Write("Listed/Listed.csproj", Viewer);
        Write("Lib.sln", "Microsoft Visual Studio Solution File, Format Version 12.00\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"src\\A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\nEndProject\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Listed\", \"Listed\\Listed.csproj\", \"{22222222-2222-2222-2222-222222222222}\"\nEndProject\n");
        Commit();

        var result = Run();

        Assert.StartsWith("<Project Sdk=\"Standards.Sdk\">", Read("Listed/Listed.csproj"), StringComparison.Ordinal);
        if (OperatingSystem.IsWindows())
        {
            Assert.Empty(result.LeftAlone);
            Assert.StartsWith("<Project Sdk=\"Standards.Sdk\">", Read("Viewer/Viewer.csproj"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(
                ["Viewer/Viewer.csproj: left alone: it targets Windows only and no solution lists it (Lib.sln), so it does not restore on this machine and the repo's build does not build it; it keeps its own SDK and settings. Run adopt on Windows, or add it to a solution, to put it on the policy"],
                result.LeftAlone);
            Assert.Equal(Viewer, Read("Viewer/Viewer.csproj"));
            Assert.False(File.Exists(Path.Combine(root, "Viewer/packages.lock.json")));
        }
    }

    [Fact]
    public void On_windows_or_without_a_solution_a_windows_only_project_is_kept_among_the_projects_adopt_puts_on_the_sdk()
    {
        const string Viewer = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net8.0-windows</TargetFramework></PropertyGroup></Project>";
        var files = new List<string> { "Lib.sln", "Viewer/Viewer.csproj" };
        string? Read(string f) => f == "Lib.sln" ? "Microsoft Visual Studio Solution File, Format Version 12.00\n" : Viewer;

        List<string> onWindows = ["Viewer/Viewer.csproj"];
        Assert.Empty(LeftOutProjects.WindowsOnlyOutsideSolutions(files, onWindows, Read, onWindows: true));
        Assert.Equal(["Viewer/Viewer.csproj"], onWindows);

        List<string> noSolution = ["Viewer/Viewer.csproj"];
        Assert.Empty(LeftOutProjects.WindowsOnlyOutsideSolutions(["Viewer/Viewer.csproj"], noSolution, Read, onWindows: false));
        Assert.Equal(["Viewer/Viewer.csproj"], noSolution);

        List<string> offWindows = ["Viewer/Viewer.csproj"];
        Assert.Single(LeftOutProjects.WindowsOnlyOutsideSolutions(files, offWindows, Read, onWindows: false));
        Assert.Empty(offWindows);
    }

    [Fact]
    public void A_project_the_solutions_list_but_do_not_build_is_left_alone_unless_a_project_references_it()
    {
        // As dotnet-debounce's Debounce.slnx has it: the docfx project is listed for the IDE, built by hand.
        const string Slnx = """
            <Solution>
              <Project Path="src/A/A.csproj" />
              <Project Path="Documentation/Documentation.csproj">
                <BuildDependency Project="src/A/A.csproj" />
                <Build Project="false" />
              </Project>
              <Project Path="Tools/Gen/Gen.csproj">
                <Build Solution="Debug|*" Project="false" />
              </Project>
              <Project Path="Shared/Shared.csproj">
                <Build Project="false" />
              </Project>
            </Solution>
            """;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["A.slnx"] = Slnx,
            ["src/A/A.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../../Shared/Shared.csproj\" /></ItemGroup></Project>",
            ["Documentation/Documentation.csproj"] = "<Project Sdk=\"Microsoft.Build.NoTargets\" />",
            ["Tools/Gen/Gen.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\" />",
            ["Shared/Shared.csproj"] = "<Project Sdk=\"Microsoft.NET.Sdk\" />",
        };
        List<string> projects = ["Documentation/Documentation.csproj", "Shared/Shared.csproj", "Tools/Gen/Gen.csproj", "src/A/A.csproj"];

        var lines = LeftOutProjects.NotBuiltBySolutions([.. texts.Keys], projects, f => texts.GetValueOrDefault(f));

        Assert.Equal(["Shared/Shared.csproj", "Tools/Gen/Gen.csproj", "src/A/A.csproj"], projects);
        Assert.Equal(
            ["Documentation/Documentation.csproj: left alone: A.slnx lists it but does not build it, so the repo's build does not either; it keeps its own SDK and settings. Let the solution build it and run adopt again to put it on the policy"],
            lines);
    }

    /// <summary>
    /// A finding of a rule the code baseline holds that its entry did not match in the CI-mode build (read by the
    /// compiler from other text than its file) is said to be so, not blamed on an analyzer the repo added.
    /// </summary>
    [Theory]
    [InlineData("RS0030", "the code baseline holds this rule and adopt recorded the finding, but the CI-mode build did not match its entry")]
    [InlineData("CA1305", "the code baseline holds this rule and adopt recorded the finding, but the CI-mode build did not match its entry")]
    [InlineData("XY1234", "a diagnostic of an analyzer the repo added itself")]
    public void A_finding_no_entry_held_is_explained_by_whether_the_code_baseline_holds_its_rule(string code, string fix) =>
        Assert.StartsWith(fix, UnbaselinableFix.For(new BuildDiagnostic(code, true, "Components/Pages/Counter.razor", 46, 0, "m")), StringComparison.Ordinal);

    [Fact]
    public void A_sln_project_with_configurations_and_no_build_entry_is_not_built_and_one_without_configurations_is()
    {
        const string Sln = "Microsoft Visual Studio Solution File, Format Version 12.00\r\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"src\\A\\A.csproj\", \"{11111111-1111-1111-1111-111111111111}\"\r\nEndProject\r\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Docs\", \"docs\\Docs.csproj\", \"{22222222-2222-2222-2222-222222222222}\"\r\nEndProject\r\n"
            + "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"Bare\", \"Bare\\Bare.csproj\", \"{33333333-3333-3333-3333-333333333333}\"\r\nEndProject\r\n"
            + "Global\r\n\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\r\n"
            + "\t\t{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\r\n"
            + "\t\t{11111111-1111-1111-1111-111111111111}.Debug|Any CPU.Build.0 = Debug|Any CPU\r\n"
            + "\t\t{22222222-2222-2222-2222-222222222222}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\r\n"
            + "\tEndGlobalSection\r\nEndGlobal\r\n";

        var read = SolutionProjects.Read("build/All.sln", Sln).ToList();

        Assert.Equal([("build/src/A/A.csproj", true), ("build/docs/Docs.csproj", false), ("build/Bare/Bare.csproj", true)], read);
    }

    [Theory]
    [InlineData("<Project><PropertyGroup><TargetFramework>net8.0-windows</TargetFramework></PropertyGroup></Project>", true)]
    [InlineData("<Project><PropertyGroup><TargetFrameworks>net8.0-windows10.0.19041.0; net9.0-Windows</TargetFrameworks></PropertyGroup></Project>", true)]
    [InlineData("<Project><PropertyGroup><TargetFrameworks>net8.0-windows;net8.0</TargetFrameworks></PropertyGroup></Project>", false)]
    [InlineData("<Project><PropertyGroup><TargetFramework>net48</TargetFramework><UseWindowsForms>true</UseWindowsForms></PropertyGroup></Project>", false)]
    [InlineData("<Project><PropertyGroup><TargetFramework>$(AppFramework)-windows</TargetFramework></PropertyGroup></Project>", false)]
    [InlineData("<Project><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup></Project>", false)]
    [InlineData("<Project><PropertyGroup><TargetFramework>net8.0-windows", false)]
    [InlineData("", false)]
    public void A_project_targets_windows_only_when_every_framework_it_names_is_a_windows_one(string project, bool windowsOnly) =>
        Assert.Equal(windowsOnly, LeftOutProjects.TargetsWindowsOnly(project));

    [Fact]
    public void Inline_versions_in_a_file_a_project_imports_move_to_central_package_management_like_the_projects()
    {
        Write("src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"..\\Common\\Library.props\" />\n</Project>\n");
        Write("src/Common/Library.props", "<Project>\n  <Import Project=\"$(MSBuildThisFileDirectory)Packages.props\" />\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" Version=\"4.0.0\" />\n  </ItemGroup>\n</Project>\n");
        Write("src/Common/Packages.props", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Polly\" Version=\"8.5.0\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n");
        Write("src/Common/Unused.props", "<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Humanizer\" Version=\"2.14.1\" />\n  </ItemGroup>\n</Project>\n");
        Commit();

        Run();

        Assert.Equal("<Project>\n  <Import Project=\"$(MSBuildThisFileDirectory)Packages.props\" />\n  <ItemGroup>\n    <PackageReference Include=\"Serilog\" />\n  </ItemGroup>\n</Project>\n", Read("src/Common/Library.props"));
        Assert.Equal("<Project>\n  <ItemGroup>\n    <PackageReference Include=\"Polly\" PrivateAssets=\"all\" />\n  </ItemGroup>\n</Project>\n", Read("src/Common/Packages.props"));
        var central = Read("Directory.Packages.props");
        Assert.Contains("<PackageVersion Include=\"Serilog\" Version=\"4.0.0\" />", central, StringComparison.Ordinal);
        Assert.Contains("<PackageVersion Include=\"Polly\" Version=\"8.5.0\" />", central, StringComparison.Ordinal);
        // A file no project imports is not the build's: left as it is.
        Assert.DoesNotContain("Humanizer", central, StringComparison.Ordinal);
        Assert.Contains("Version=\"2.14.1\"", Read("src/Common/Unused.props"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/A/A.csproj", "<Project><Import Project=\"..\\..\\build\\x.props\" /></Project>", "build/x.props")]
    [InlineData("src/A/A.csproj", "<Project><Import Project=\"$(MSBuildThisFileDirectory)\\y.targets\" /></Project>", "src/A/y.targets")]
    [InlineData("A.csproj", "<Project><Import Project=\"../outside.props\" /></Project>", "")]
    [InlineData("A.csproj", "<Project><Import Project=\"$(RepoRoot)x.props\" /><Import Project=\"*.props\" /></Project>", "")]
    [InlineData("A.csproj", "<Project><Import Project=", "")]
    public void An_import_is_followed_only_to_a_literal_path_inside_the_repo(string file, string text, string expected) =>
        Assert.Equal(expected, string.Join(",", ImportedMsBuildFiles.Imports(file, text)));
}
