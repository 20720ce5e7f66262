using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Dependencies;

/// <summary>
/// Target frameworks set in Directory.Build.props are invisible to a lock-file check that reads the project file as
/// text. The per-project check gets the evaluated value; the lock file must have a section for
/// each framework, under the name NuGet writes for it (net10.0, .NETStandard,Version=v2.0, net8.0-windows7.0, ...).
/// </summary>
public sealed class LockFileFrameworksTests
{
    private const string LockPath = "/repo/src/App/packages.lock.json";

    private static string Lock(params string[] sections) =>
        "{\n  \"version\": 1,\n  \"dependencies\": {\n" + string.Join(",\n", sections.Select(s => $"    \"{s}\": {{}}")) + "\n  }\n}\n";

    public static TheoryData<string, string> Frameworks() => new()
    {
        { "net8.0", "net8.0" },
        { "NET9.0", "net9.0" },
        { "netstandard2.0", ".NETStandard,Version=v2.0" },
        { "netstandard2.1", ".NETStandard,Version=v2.1" },
        { "netcoreapp3.1", ".NETCoreApp,Version=v3.1" },
        { "net472", ".NETFramework,Version=v4.7.2" },
        { "net48", ".NETFramework,Version=v4.8" },
        { "net8.0-windows", "net8.0-windows7.0" },
        { "net10.0-android", "net10.0-android36.0" },
    };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Each_framework_is_found_under_the_name_NuGet_writes(string alias, string section)
    {
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, Lock(section, "net10.0"), $"net10.0;{alias}", Severity.Error));
        var missing = Assert.Single(LockFileFrameworksCheck.Run(LockPath, Lock("net10.0"), $"net10.0;{alias}", Severity.Error,
            _ => new PropertyLocation("/repo/Directory.Build.props", 3, string.Empty)));
        Assert.Equal(("STD2005", LockPath, 1), (missing.Code, missing.File, missing.Line));
        Assert.Contains($"targets {alias} (set in Directory.Build.props line 3)", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_lock_file_a_broken_one_an_unknown_alias_or_the_rule_off_give_nothing_here()
    {
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, null, "net10.0;net9.0", Severity.Error));
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, "{ not json", "net10.0;net9.0", Severity.Error));
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, Lock("net10.0"), "net10.0;my-custom-alias", Severity.Error));
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, Lock("net10.0"), "net10.0;net9.0", Severity.None));
        Assert.Empty(LockFileFrameworksCheck.Run(LockPath, Lock("net10.0"), " net10.0 ; ; net10.0 ", Severity.Error));
    }

    [Fact]
    public void Runtime_sections_do_not_count_as_framework_sections()
    {
        var finding = Assert.Single(LockFileFrameworksCheck.Run(LockPath, Lock("net10.0", "net9.0/linux-x64"), "net10.0;net9.0", Severity.Warning));
        Assert.Equal(Severity.Warning, finding.Severity);
    }
}
