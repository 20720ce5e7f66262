using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Snapshot;

namespace Standards.Sdk.Checks.Tests.Dependencies;

/// <summary>An in-memory repo for the dependency check: a compliant one by default, changed per test.</summary>
internal sealed class DependencyRepo
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    public const string GlobalJson = """
        {
          "sdk": { "version": "10.0.401", "rollForward": "latestFeature" },
          "msbuild-sdks": { "Standards.Sdk": "1.0.0" }
        }
        """;

    public const string PackagesProps = """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
            <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
          </PropertyGroup>
          <ItemGroup>
            <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
            <PackageVersion Include="Polly" Version="8.5.0" />
          </ItemGroup>
        </Project>
        """;

    public const string AppProject = """
        <Project Sdk="Standards.Sdk">
          <ItemGroup>
            <PackageReference Include="Newtonsoft.Json" />
          </ItemGroup>
        </Project>
        """;

    public const string AppLock = """
        {
          "version": 2,
          "dependencies": {
            "net10.0": {
              "Microsoft.CodeAnalysis.NetAnalyzers": {
                "type": "Direct",
                "requested": "[10.0.111, )",
                "resolved": "10.0.111",
                "contentHash": "x"
              },
              "Newtonsoft.Json": {
                "type": "Direct",
                "requested": "[13.0.3, )",
                "resolved": "13.0.3",
                "contentHash": "y"
              }
            }
          }
        }
        """;

    public const string TestsProject = """
        <Project Sdk="Standards.Sdk">
          <ItemGroup>
            <ProjectReference Include="../../src/App/App.csproj" />
          </ItemGroup>
        </Project>
        """;

    public const string TestsLock = """
        {
          "version": 2,
          "dependencies": {
            "net10.0": {
              "Newtonsoft.Json": {
                "type": "Transitive",
                "resolved": "13.0.3",
                "contentHash": "y"
              },
              "app": {
                "type": "Project",
                "dependencies": { "Newtonsoft.Json": "[13.0.3, )" }
              }
            }
          }
        }
        """;

    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal)
    {
        ["global.json"] = GlobalJson,
        ["Directory.Packages.props"] = PackagesProps,
        ["src/App/App.csproj"] = AppProject,
        ["src/App/packages.lock.json"] = AppLock,
        ["tests/App.Tests/App.Tests.csproj"] = TestsProject,
        ["tests/App.Tests/packages.lock.json"] = TestsLock,
    };

    /// <summary>Tracked files; null for "not a git repo". By default every file is tracked.</summary>
    public HashSet<string>? Tracked { get; set; } = [];

    public HashSet<string> Ignored { get; } = [];

    public string? PolicyJson { get; set; }

    public DependencyRepo Set(string path, string text)
    {
        Files[path] = text;
        return this;
    }

    public DependencyRepo Remove(string path)
    {
        Files.Remove(path);
        return this;
    }

    public DependencyRepo Replace(string path, string oldText, string newText)
    {
        Assert.Contains(oldText, Files[path], StringComparison.Ordinal);
        Files[path] = Files[path].Replace(oldText, newText, StringComparison.Ordinal);
        return this;
    }

    public RepositorySnapshot Snapshot()
    {
        var projects = Files.Keys.Where(f => f.EndsWith(".csproj", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(p => new RepositoryProject(p, Path.GetFileNameWithoutExtension(p), p.StartsWith("tests/", StringComparison.Ordinal) ? "test" : "library", new Dictionary<string, string>()))
            .ToList();
        IReadOnlySet<string>? tracked = Tracked is null ? null : Tracked.Count == 0 ? new HashSet<string>(Files.Keys) : Tracked;
        return new RepositorySnapshot("/repo", Files.Keys.ToList(), projects, p => Files.GetValueOrDefault(p), tracked, Tracked is null ? null : Ignored);
    }

    public StandardsPolicy Policy() =>
        PolicyJson is null ? StandardsPolicy.Default : PolicyLoader.Load("standards.json", PolicyJson, Today).Policy;

    public IReadOnlyList<Finding> Run() => new DependencyCheck().Run(Snapshot(), Policy(), Today);

    /// <summary>Runs the check and asserts there is exactly one finding; returns it.</summary>
    public Finding Single()
    {
        var findings = Run();
        Assert.True(findings.Count == 1, "expected one finding, got:\n" + string.Join("\n", findings));
        return findings[0];
    }
}
