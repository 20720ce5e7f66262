using System.Text.RegularExpressions;
using System.Xml.Linq;
using Standards.Sdk.Checks.Tests.Catalog;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>
/// A test project with TargetFrameworks (one framework or several) runs `dotnet test` through an outer build whose
/// VSTest target only dispatches to each framework's VSTest. The SDK's targets hooked before or after VSTest (the
/// coverage gate's run start and per-run gate, the JUnit report) must run in those inner builds only: in the outer
/// build the per-run gate judged the inner runs' reports again and recorded a run of framework '' in
/// artifacts/coverage/&lt;project&gt;/coverage.vstest, which the coverage step then refused as damaged (STD4012), so a
/// repo whose test project names its one framework in TargetFrameworks could not be adopted.
/// </summary>
public class OuterBuildTargetsTests
{
    private const string OuterBuildSkipped = "'$(IsCrossTargetingBuild)' != 'true'";
    private const string InnerBuildOnly = "'$(TargetFramework)' != ''";

    // Not [GeneratedRegex]: this file is also compiled against the netstandard2.0 checks, whose GeneratedRegex
    // polyfill would clash with .NET's.
    private static readonly Regex RequiredTrue = new(@"'\$\((\w+)\)' == 'true'", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static TheoryData<string> TargetsAroundVSTest()
    {
        var data = new TheoryData<string>();
        foreach (var (file, target) in Hooked())
        {
            data.Add($"{file}:{(string?)target.Attribute("Name")}");
        }

        return data;
    }

    [Fact]
    public void The_coverage_gate_and_the_JUnit_report_are_among_the_targets_hooked_to_VSTest()
    {
        var names = Hooked().Select(h => (string?)h.Target.Attribute("Name")).ToList();
        Assert.Contains("StandardsCheckCoverage", names);
        Assert.Contains("_StandardsCoverageRunStart", names);
        Assert.Contains("StandardsJUnitReport", names);
    }

    [Theory]
    [MemberData(nameof(TargetsAroundVSTest))]
    public void A_target_hooked_to_VSTest_does_not_run_in_the_outer_build(string fileAndTarget)
    {
        var (file, target) = Hooked().Single(h => $"{h.File}:{(string?)h.Target.Attribute("Name")}" == fileAndTarget);
        var condition = (string?)target.Attribute("Condition") ?? string.Empty;
        Assert.True(
            condition.Contains(OuterBuildSkipped, StringComparison.Ordinal) || GatedToInnerBuilds(target.Document!, condition),
            $"{fileAndTarget}: its condition neither says {OuterBuildSkipped} nor reads a property set only where {InnerBuildOnly}: {condition}");
    }

    /// <summary>A property the condition requires to be 'true' whose every definition in the file needs a TargetFramework.</summary>
    private static bool GatedToInnerBuilds(XDocument document, string condition) =>
        RequiredTrue.Matches(condition).Select(m => m.Groups[1].Value).Any(property =>
        {
            var definitions = document.Descendants().Where(e => e.Name.LocalName == property && e.Parent?.Name.LocalName == "PropertyGroup").ToList();
            return definitions.Count > 0 && definitions.All(d => ((string?)d.Attribute("Condition") ?? string.Empty).Contains(InnerBuildOnly, StringComparison.Ordinal));
        });

    /// <summary>Every target of the SDK's .targets files that runs before or after VSTest: (file under sdk/, target).</summary>
    private static List<(string File, XElement Target)> Hooked()
    {
        var sdk = Path.Combine(RepoRoot.Path, "sdk");
        var hooked = new List<(string File, XElement Target)>();
        foreach (var path in Directory.EnumerateFiles(sdk, "*.targets", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var document = XDocument.Load(path);
            foreach (var target in document.Descendants().Where(e => e.Name.LocalName == "Target"))
            {
                var around = ((string?)target.Attribute("BeforeTargets") ?? string.Empty) + ";" + ((string?)target.Attribute("AfterTargets") ?? string.Empty);
                if (around.Split(';', StringSplitOptions.TrimEntries).Contains("VSTest", StringComparer.OrdinalIgnoreCase))
                {
                    hooked.Add((Path.GetRelativePath(sdk, path).Replace('\\', '/'), target));
                }
            }
        }

        return hooked;
    }
}
