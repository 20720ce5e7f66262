using System.Text;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Dependencies;

/// <summary>
/// Hundreds of malformed variants of every input the dependency rules read: no exception escapes, every finding
/// is one of the input's codes with a file, and input that no longer parses gives its "malformed" code.
/// </summary>
public class DependencyFuzzTests
{
    private const int Variants = 300;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Variants; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Lock_file_variants(int seed)
    {
        var (text, truncated) = Mutate(DependencyRepo.AppLock, new Random(seed), "{}[]\":,0123456789 \n");
        var findings = new DependencyRepo().Set("src/App/packages.lock.json", text).Run();

        AssertCoded(findings, ["STD2005", "STD2006"]);
        if (truncated)
        {
            Assert.Contains(findings, f => f.Code == "STD2006" && f.File == "src/App/packages.lock.json" && f.Line >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Packages_props_variants(int seed)
    {
        var (text, truncated) = Mutate(DependencyRepo.PackagesProps, new Random(seed), "<>/=\"' \nabcPV*[](),.0123456789");
        var findings = new DependencyRepo().Set("Directory.Packages.props", text).Run();

        AssertCoded(findings, ["STD2001", "STD2003", "STD2005", "STD2007"]);
        if (truncated)
        {
            Assert.Contains(findings, f => f.Code == "STD2007" && f.File == "Directory.Packages.props" && f.Line >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Project_file_variants(int seed)
    {
        var project = DependencyRepo.AppProject.Replace("<PackageReference Include=\"Newtonsoft.Json\" />",
            "<PackageReference Include=\"Newtonsoft.Json\" />\n    <PackageReference Update=\"Polly\" VersionOverride=\"8.5.0\" />\n  </ItemGroup>\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>", StringComparison.Ordinal);
        var (text, truncated) = Mutate(project, new Random(seed), "<>/=\"' \nabcPV*[](),.0123456789;$");
        var findings = new DependencyRepo().Set("src/App/App.csproj", text).Run();

        AssertCoded(findings, ["STD2001", "STD2002", "STD2003", "STD2005", "STD2007"]);
        if (truncated)
        {
            Assert.Contains(findings, f => f.Code == "STD2007" && f.File == "src/App/App.csproj" && f.Line >= 1);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Global_json_variants(int seed)
    {
        var (text, truncated) = Mutate(DependencyRepo.GlobalJson, new Random(seed), "{}[]\":,0123456789 \ntruefalsnul");
        var findings = new DependencyRepo().Set("global.json", text).Run();

        AssertCoded(findings, ["STD2008", "STD2009"]);
        if (truncated)
        {
            Assert.Contains(findings, f => f.Code == "STD2008" && f.File == "global.json" && f.Line >= 1);
        }
    }

    private const string Section = """
        {
          "dependencies": {
            "licenses": {
              "allow": ["MIT", "Apache-2.0"],
              "deny": ["GPL-3.0-only"],
              "packages": { "Some.Package": "MIT OR ISC", "Other/1.0.0": "(MIT AND BSD-3-Clause)" }
            }
          }
        }
        """;

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dependencies_section_variants(int seed)
    {
        var (text, _) = Mutate(Section, new Random(seed), "{}[]\":,0123456789 \nANDORWITH()-");
        var loaded = PolicyLoader.Load("standards.json", text, DependencyRepo.Today);
        var (policy, problems) = LicensePolicy.From(loaded.Policy);

        Assert.NotNull(policy);
        AssertCoded(problems, ["STD0002"]);
        Assert.All(problems, p => Assert.Equal("standards.json", p.File));
        Assert.All(problems, p => Assert.True(p.Line >= 1, p.ToString()));
        AssertCoded(new DependencyRepo { PolicyJson = text }.Run(), ["STD0002"]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Licence_inputs_never_throw(int seed)
    {
        var random = new Random(seed);
        var (expression, _) = Mutate("(MIT OR Apache-2.0) AND BSD-3-Clause WITH X-exception", random, "() ANDORWITH+-.");
        _ = LicenseExpression.TryEvaluate(expression, LicensePolicy.Default.Judge, out _);
        _ = LicenseExpression.Identifiers(expression);

        var (nuspec, _) = Mutate("<package><metadata><license type=\"expression\">MIT</license><licenseUrl>https://licenses.nuget.org/MIT</licenseUrl></metadata></package>", random, "<>/=\" %");
        Assert.NotNull(NuspecLicense.Read(nuspec).Description);

        var (assets, _) = Mutate("""{ "libraries": { "A/1.0.0": { "type": "package", "path": "a/1.0.0", "files": ["a.nuspec"] } }, "packageFolders": { "/gpf/": {} }, "projectFileDependencyGroups": { "net10.0": ["A >= 1.0.0"] } }""", random, "{}[]\":,/.");
        var findings = LicenseCheck.Run("p.csproj", assets, _ => nuspec, LicensePolicy.Default, _ => Severity.Warning);
        AssertCoded(findings, ["STD2011", "STD2012"]);
    }

    private static void AssertCoded(IEnumerable<Finding> findings, string[] codes)
    {
        Assert.All(findings, f =>
        {
            Assert.Contains(f.Code, codes);
            Assert.False(string.IsNullOrWhiteSpace(f.File), f.ToString());
            Assert.False(string.IsNullOrWhiteSpace(f.Message), f.ToString());
            Assert.True(f.Line >= 0, f.ToString());
        });
    }

    /// <summary>One of: truncation, byte flips, span deletion, duplication, garbage insertion, a value of the wrong type.</summary>
    private static (string Text, bool Truncated) Mutate(string text, Random random, string alphabet)
    {
        var chars = new StringBuilder(text);
        switch (random.Next(6))
        {
            case 0:
                // Cut before the last closing character, so the document can never be complete.
                var last = Math.Max(text.LastIndexOfAny(['}', '>']), 1);
                return (text[..random.Next(last)], true);
            case 1:
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                }

                return (chars.ToString(), false);
            case 2:
                var start = random.Next(chars.Length);
                chars.Remove(start, random.Next(Math.Min(40, chars.Length - start)));
                return (chars.ToString(), false);
            case 3:
                var from = random.Next(chars.Length);
                var span = text.Substring(from, random.Next(Math.Min(60, text.Length - from)));
                chars.Insert(random.Next(chars.Length), span);
                return (chars.ToString(), false);
            case 4:
                var garbage = new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next(1, 0x2FF))]);
                chars.Insert(random.Next(chars.Length), garbage);
                return (chars.ToString(), false);
            default:
                string[] replacements = ["42", "[]", "{}", "null", "true", "\"\"", "<X/>", "&amp;", "]]>", "\"*\""];
                var quote = text.IndexOf('"', random.Next(text.Length));
                if (quote < 0)
                {
                    return (text + replacements[random.Next(replacements.Length)], false);
                }

                var end = text.IndexOf('"', quote + 1);
                var replaced = end < 0 ? text : text[..quote] + replacements[random.Next(replacements.Length)] + text[(end + 1)..];
                return (replaced, false);
        }
    }
}
