using Standards.Sdk.Checks.Dependencies;

namespace Standards.Sdk.Checks.Tests.Dependencies;

/// <summary>
/// STD2005 judges each section of a lock file on Directory.Packages.props as restore evaluates it for that target
/// framework: a version set for net462 alone is the version of the net462 section, not drift.
/// </summary>
public sealed class CentralVersionsPerFrameworkTests
{
    private const string Head = """
        <Project>
          <PropertyGroup>
            <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
            <CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled>
          </PropertyGroup>

        """;

    /// <summary>A net10.0;net462 project's lock file: Newtonsoft.Json at <paramref name="modern"/> and <paramref name="framework"/>.</summary>
    private static string Lock(string modern, string framework) => $$"""
        {
          "version": 2,
          "dependencies": {
            ".NETFramework,Version=v4.6.2": {
              "Newtonsoft.Json": {
                "type": "Direct",
                "requested": "[{{framework}}, )",
                "resolved": "{{framework}}",
                "contentHash": "y"
              }
            },
            "net10.0": {
              "Newtonsoft.Json": {
                "type": "Direct",
                "requested": "[{{modern}}, )",
                "resolved": "{{modern}}",
                "contentHash": "y"
              }
            }
          }
        }
        """;

    private static DependencyRepo Repo(string items, string lockText) => new DependencyRepo()
        .Set("Directory.Packages.props", Head + items + "\n</Project>\n")
        .Set("src/App/packages.lock.json", lockText);

    public static TheoryData<string, string> PerFrameworkVersions() => new()
    {
        {
            "an Update in a group conditioned on the framework",
            """
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageVersion Include="Polly" Version="8.5.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net462'">
                <PackageVersion Update="Newtonsoft.Json" Version="12.0.3" />
              </ItemGroup>
            """
        },
        {
            "an Update conditioned on the framework itself",
            """
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageVersion Update="Newtonsoft.Json" Version="12.0.3" Condition=" '$(TargetFramework)' == 'net462' " />
                <PackageVersion Include="Polly" Version="8.5.0" />
              </ItemGroup>
            """
        },
        {
            "one Include per framework, == and !=",
            """
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="12.0.3" Condition="'$(TargetFramework)' == 'net462'" />
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" Condition="'$(TargetFramework)' != 'net462'" />
                <PackageVersion Include="Polly" Version="8.5.0" />
              </ItemGroup>
            """
        },
        {
            "groups joined with or, double quotes, upper-case operators",
            """
              <ItemGroup>
                <PackageVersion Include="Polly" Version="8.5.0" />
              </ItemGroup>
              <ItemGroup Condition="&quot;$(TargetFramework)&quot; == &quot;net462&quot; OR '$(TargetFramework)' == 'netstandard2.0'">
                <PackageVersion Include="Newtonsoft.Json" Version="12.0.3" />
              </ItemGroup>
              <ItemGroup Condition="('$(TargetFramework)' != 'net462') and ('$(TargetFramework)' != 'netstandard2.0')">
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
              </ItemGroup>
            """
        },
    };

    [Theory]
    [MemberData(nameof(PerFrameworkVersions))]
    public void A_version_set_for_one_framework_is_that_frameworks_version_not_drift(string way, string items)
    {
        var findings = Repo(items, Lock("13.0.3", "12.0.3")).Run();

        Assert.True(findings.Count == 0, way + ": " + string.Join(" | ", findings.Select(f => $"{f.Code} {f.File}:{f.Line} {f.Message}")));
    }

    [Theory]
    [MemberData(nameof(PerFrameworkVersions))]
    public void A_framework_section_locked_at_another_version_is_still_STD2005_at_its_entry(string way, string items)
    {
        var finding = Assert.Single(Repo(items, Lock("13.0.3", "12.0.1")).Run());

        Assert.Equal(("STD2005", "src/App/packages.lock.json", 5), (finding.Code, finding.File, finding.Line));
        Assert.Contains("Newtonsoft.Json [12.0.1, ) (.NETFramework,Version=v4.6.2)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("[12.0.3, )", finding.Message, StringComparison.Ordinal);
        Assert.NotEmpty(way);
    }

    [Theory]
    [MemberData(nameof(PerFrameworkVersions))]
    public void The_other_framework_is_judged_on_its_own_version(string way, string items)
    {
        var finding = Assert.Single(Repo(items, Lock("13.0.2", "12.0.3")).Run());

        Assert.Equal(("STD2005", "src/App/packages.lock.json", 13), (finding.Code, finding.File, finding.Line));
        Assert.Contains("(net10.0)", finding.Message, StringComparison.Ordinal);
        Assert.NotEmpty(way);
    }

    [Fact]
    public void A_version_whose_condition_cannot_be_told_here_is_not_judged()
    {
        const string items = """
              <ItemGroup>
                <PackageVersion Include="Newtonsoft.Json" Version="13.0.3" />
                <PackageVersion Include="Polly" Version="8.5.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFrameworkIdentifier)' == '.NETFramework'">
                <PackageVersion Update="Newtonsoft.Json" Version="12.0.3" />
              </ItemGroup>
            """;

        Assert.Empty(Repo(items, Lock("13.0.3", "12.0.3")).Run());
    }

    [Theory]
    [InlineData("'$(TargetFramework)' == 'net462'", ".NETFramework,Version=v4.6.2", true)]
    [InlineData("'$(TargetFramework)' == 'net462'", "net10.0", false)]
    [InlineData("'$(TargetFramework)' != 'net462'", "net10.0", true)]
    [InlineData(" '$(TARGETFRAMEWORK)'=='NET8.0' ", "net8.0", true)]
    [InlineData("'$(TargetFramework)' == 'net8.0-windows'", "net8.0-windows7.0", true)]
    [InlineData("'$(TargetFramework)' == 'netstandard2.0' or '$(TargetFramework)' == 'net462'", ".NETStandard,Version=v2.0", true)]
    [InlineData("'$(TargetFramework)' == 'net462' and '$(Configuration)' == 'Release'", "net10.0", false)]
    [InlineData("'$(TargetFramework)' == 'net462' or '$(Configuration)' == 'Release'", ".NETFramework,Version=v4.6.2", true)]
    [InlineData("'$(TargetFramework)' == 'net462' and '$(Configuration)' == 'Release'", ".NETFramework,Version=v4.6.2", null)]
    [InlineData("'$(TargetFramework)' == ''", "net10.0", false)]
    [InlineData("$(TargetFramework.StartsWith('net4'))", ".NETFramework,Version=v4.6.2", null)]
    [InlineData("$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net8.0'))", "net10.0", null)]
    [InlineData("!Exists('x')", "net10.0", null)]
    [InlineData("'$(TargetFramework)' == 'net462", "net10.0", null)]
    [InlineData("('$(TargetFramework)' == 'net462'", "net10.0", null)]
    [InlineData("'$(TargetFramework)' == 'mycustomalias'", "net10.0", null)]
    public void Conditions_on_the_target_framework_are_evaluated_per_lock_section(string condition, string section, bool? expected)
    {
        Assert.Equal(expected, TargetFrameworkCondition.Evaluate(condition, section));
    }
}
