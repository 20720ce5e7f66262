using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Policy;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Dependencies;

public class LicenseTests
{
    private static readonly LicensePolicy Policy = LicensePolicy.Default;

    [Theory]
    [InlineData("MIT", LicenseVerdict.Allowed)]
    [InlineData("mit", LicenseVerdict.Allowed)]
    [InlineData("Apache-2.0 OR GPL-3.0-only", LicenseVerdict.Allowed)]
    [InlineData("GPL-3.0-only OR Apache-2.0", LicenseVerdict.Allowed)]
    [InlineData("MIT AND BSD-3-Clause", LicenseVerdict.Allowed)]
    [InlineData("MIT AND GPL-3.0-only", LicenseVerdict.Denied)]
    [InlineData("MIT AND LGPL-2.1-only", LicenseVerdict.NotAllowed)]
    [InlineData("GPL-2.0-only OR GPL-3.0-only", LicenseVerdict.Denied)]
    [InlineData("GPL-2.0-only OR LGPL-2.1-only", LicenseVerdict.NotAllowed)]
    [InlineData("(MIT OR GPL-3.0-only) AND Apache-2.0", LicenseVerdict.Allowed)]
    [InlineData("(LGPL-2.1-only OR GPL-3.0-only) AND Apache-2.0", LicenseVerdict.NotAllowed)]
    [InlineData("((MIT))", LicenseVerdict.Allowed)]
    [InlineData("GPL-2.0-only WITH Classpath-exception-2.0", LicenseVerdict.Denied)]
    [InlineData("GPL-2.0+", LicenseVerdict.Denied)]
    [InlineData("LicenseRef-Proprietary", LicenseVerdict.NotAllowed)]
    public void Expressions_are_judged_by_OR_any_and_AND_all(string expression, LicenseVerdict expected)
    {
        Assert.True(LicenseExpression.TryEvaluate(expression, Policy.Judge, out var verdict));
        Assert.Equal(expected, verdict);
    }

    [Fact]
    public void With_exception_listed_in_full_is_judged_as_a_whole()
    {
        var policy = new LicensePolicy(["GPL-2.0-only WITH Classpath-exception-2.0"], ["GPL-2.0-only"]);
        Assert.True(LicenseExpression.TryEvaluate("GPL-2.0-only WITH Classpath-exception-2.0", policy.Judge, out var verdict));
        Assert.Equal(LicenseVerdict.Allowed, verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MIT OR")]
    [InlineData("AND MIT")]
    [InlineData("(MIT")]
    [InlineData("MIT)")]
    [InlineData("MIT Apache-2.0")]
    [InlineData("MIT WITH")]
    [InlineData("MIT/Apache")]
    [InlineData("()")]
    public void Invalid_expressions_are_rejected(string expression)
    {
        Assert.False(LicenseExpression.TryEvaluate(expression, Policy.Judge, out var verdict));
        Assert.Equal(LicenseVerdict.NotAllowed, verdict);
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_a_stack_overflow()
    {
        var deep = new string('(', 5000) + "MIT" + new string(')', 5000);
        Assert.False(LicenseExpression.TryEvaluate(deep, Policy.Judge, out _));
    }

    [Theory]
    [InlineData("<package><metadata><license type=\"expression\">MIT OR Apache-2.0</license></metadata></package>", "MIT OR Apache-2.0")]
    [InlineData("<package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata><license type=\"expression\">MIT</license><licenseUrl>https://licenses.nuget.org/MIT</licenseUrl></metadata></package>", "MIT")]
    [InlineData("<package><metadata><licenseUrl>https://licenses.nuget.org/Apache-2.0</licenseUrl></metadata></package>", "Apache-2.0")]
    [InlineData("<package><metadata><licenseUrl>https://licenses.nuget.org/MIT%20OR%20Apache-2.0</licenseUrl></metadata></package>", "MIT OR Apache-2.0")]
    [InlineData("<package><metadata><licenseUrl>https://raw.githubusercontent.com/xunit/xunit/master/license.txt</licenseUrl></metadata></package>", "Apache-2.0")]
    [InlineData("<package><metadata><licenseUrl>http://www.apache.org/licenses/LICENSE-2.0.html</licenseUrl></metadata></package>", "Apache-2.0")]
    [InlineData("<package><metadata><licenseUrl>https://opensource.org/licenses/MIT/</licenseUrl></metadata></package>", "MIT")]
    [InlineData("<package><metadata><licenseUrl>https://github.com/Microsoft/dotnet/blob/master/LICENSE</licenseUrl></metadata></package>", "MIT")]
    public void Nuspec_licences_are_read(string nuspec, string expected)
    {
        Assert.Equal(expected, NuspecLicense.Read(nuspec).Expression);
    }

    [Theory]
    [InlineData("<package><metadata><license type=\"file\">LICENSE.txt</license></metadata></package>", "LICENSE.txt")]
    [InlineData("<package><metadata><licenseUrl>https://example.com/eula</licenseUrl></metadata></package>", "https://example.com/eula")]
    [InlineData("<package><metadata /></package>", "no licence")]
    [InlineData("<package><metadata>", "unreadable")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><package />", "unreadable")]
    public void Unknown_nuspec_licences_say_what_the_package_declares(string nuspec, string description)
    {
        var declared = NuspecLicense.Read(nuspec);
        Assert.Null(declared.Expression);
        Assert.Contains(description, declared.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The MIT License (MIT)\n\nCopyright (c) X\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software ...\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY", "MIT")]
    [InlineData("                                 Apache License\n                           Version 2.0, January 2004\n", "Apache-2.0")]
    [InlineData("GNU GENERAL PUBLIC LICENSE\n Version 3, 29 June 2007", "GPL-3.0")]
    [InlineData("GNU GENERAL PUBLIC LICENSE\n Version 2, June 1991", "GPL-2.0")]
    [InlineData("GNU AFFERO GENERAL PUBLIC LICENSE\n Version 3", "AGPL-3.0")]
    [InlineData("GNU LESSER GENERAL PUBLIC LICENSE\n Version 2.1", null)]
    [InlineData("Copyright Acme. All rights reserved. You may not redistribute this software.", null)]
    [InlineData("", null)]
    public void Licence_file_texts_are_recognised(string text, string? expected)
    {
        Assert.Equal(expected, NuspecLicense.FromLicenseText(text));
    }

    [Fact]
    public void Licence_file_inside_the_package_is_read()
    {
        const string assets = """
            {
              "libraries": { "Cmd/2.9.1": { "type": "package", "path": "cmd/2.9.1", "files": ["cmd.nuspec", "License.md"] } },
              "projectFileDependencyGroups": { "net10.0": ["Cmd >= 2.9.1"] },
              "packageFolders": { "/gpf/": {} }
            }
            """;
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/gpf/cmd/2.9.1/cmd.nuspec"] = "<package><metadata><license type=\"file\">License.md</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl></metadata></package>",
            ["/gpf/cmd/2.9.1/License.md"] = "GNU GENERAL PUBLIC LICENSE Version 3",
        };
        string? Read(string p) => files.GetValueOrDefault(p.Replace('\\', '/'));

        var denied = Assert.Single(LicenseCheck.Run("p", assets, Read, Policy, _ => Severity.Error));
        Assert.Equal("STD2012", denied.Code);
        Assert.Contains("GPL-3.0 (recognised from the licence file License.md in the package)", denied.Message, StringComparison.Ordinal);

        files["/gpf/cmd/2.9.1/License.md"] = "Permission is hereby granted, free of charge, to any person obtaining a copy ... THE SOFTWARE IS PROVIDED \"AS IS\"";
        Assert.Empty(LicenseCheck.Run("p", assets, Read, Policy, _ => Severity.Error));

        files.Remove("/gpf/cmd/2.9.1/License.md");
        Assert.Contains("a licence file inside the package (License.md)", Assert.Single(LicenseCheck.Run("p", assets, Read, Policy, _ => Severity.Error)).Message, StringComparison.Ordinal);
    }

    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "Good/1.0.0": { "type": "package", "dependencies": { "Gpl": "2.0.0", "Eula": "3.0.0" } },
              "Gpl/2.0.0": { "type": "package" },
              "Eula/3.0.0": { "type": "package" },
              "Lib/1.0.0": { "type": "project" }
            }
          },
          "libraries": {
            "Good/1.0.0": { "type": "package", "path": "good/1.0.0", "files": ["good.nuspec", "lib/net10.0/Good.dll"] },
            "Gpl/2.0.0": { "type": "package", "path": "gpl/2.0.0", "files": ["gpl.nuspec"] },
            "Eula/3.0.0": { "type": "package", "path": "eula/3.0.0", "files": ["eula.nuspec"] },
            "Lib/1.0.0": { "type": "project", "path": "../Lib/Lib.csproj" }
          },
          "projectFileDependencyGroups": { "net10.0": ["Good >= 1.0.0"] },
          "packageFolders": { "/gpf/": {} }
        }
        """;

    private static readonly Dictionary<string, string> Nuspecs = new(StringComparer.Ordinal)
    {
        ["/gpf/good/1.0.0/good.nuspec"] = "<package><metadata><license type=\"expression\">MIT</license></metadata></package>",
        ["/gpf/gpl/2.0.0/gpl.nuspec"] = "<package><metadata><license type=\"expression\">GPL-3.0-or-later</license></metadata></package>",
        ["/gpf/eula/3.0.0/eula.nuspec"] = "<package><metadata><licenseUrl>https://example.com/eula</licenseUrl></metadata></package>",
    };

    private const string Project = "<Project Sdk=\"Standards.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"Good\" />\n  </ItemGroup>\n</Project>\n";

    private static IReadOnlyList<Finding> RunLicences(LicensePolicy? policy = null, Func<string, Severity>? severity = null) =>
        LicenseCheck.Run("/repo/src/App/App.csproj", Assets, p => Nuspecs.GetValueOrDefault(p.Replace('\\', '/')), policy ?? Policy,
            severity ?? (id => id == DependencyRuleIds.LicenseDenied ? Severity.Error : Severity.Warning), Project);

    [Fact]
    public void Denied_licence_is_STD2012_and_unknown_is_STD2011_naming_package_version_and_licence()
    {
        var findings = RunLicences().OrderBy(f => f.Code, StringComparer.Ordinal).ToList();

        Assert.Equal(2, findings.Count);
        Assert.Equal(("STD2011", Severity.Warning, "/repo/src/App/App.csproj", 3), (findings[0].Code, findings[0].Severity, findings[0].File, findings[0].Line));
        Assert.Contains("Eula 3.0.0 (brought in by Good)", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("https://example.com/eula", findings[0].Message, StringComparison.Ordinal);
        Assert.Equal(("STD2012", Severity.Error, 3), (findings[1].Code, findings[1].Severity, findings[1].Line));
        Assert.Contains("Gpl 2.0.0 (brought in by Good) is licensed under GPL-3.0-or-later", findings[1].Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A net462;netstandard2.0;net8.0 library as NuGet restores it: the SDK references NETStandard.Library, the
    /// .NET Framework reference assemblies and ILLink itself (autoReferenced), and those bring packages of their own.
    /// </summary>
    private const string MultiTargetAssets = """
        {
          "version": 3,
          "targets": {
            ".NETFramework,Version=v4.6.2": {
              "Microsoft.NETFramework.ReferenceAssemblies/1.0.3": { "type": "package", "dependencies": { "Microsoft.NETFramework.ReferenceAssemblies.net462": "1.0.3" } },
              "Microsoft.NETFramework.ReferenceAssemblies.net462/1.0.3": { "type": "package" },
              "Eula/3.0.0": { "type": "package" }
            },
            ".NETStandard,Version=v2.0": {
              "NETStandard.Library/2.0.3": { "type": "package", "dependencies": { "Microsoft.NETCore.Platforms": "1.1.0", "Helper": "1.0.0" } },
              "Microsoft.NETCore.Platforms/1.1.0": { "type": "package" },
              "Helper/1.0.0": { "type": "package" },
              "Eula/3.0.0": { "type": "package", "dependencies": { "Helper": "1.0.0" } }
            },
            "net8.0": {
              "Microsoft.NET.ILLink.Tasks/8.0.0": { "type": "package" },
              "Eula/3.0.0": { "type": "package" }
            }
          },
          "libraries": {
            "Microsoft.NETFramework.ReferenceAssemblies/1.0.3": { "type": "package", "path": "a", "files": [] },
            "Microsoft.NETFramework.ReferenceAssemblies.net462/1.0.3": { "type": "package", "path": "b", "files": [] },
            "NETStandard.Library/2.0.3": { "type": "package", "path": "c", "files": [] },
            "Microsoft.NETCore.Platforms/1.1.0": { "type": "package", "path": "d", "files": [] },
            "Microsoft.NET.ILLink.Tasks/8.0.0": { "type": "package", "path": "e", "files": [] },
            "Helper/1.0.0": { "type": "package", "path": "f", "files": [] },
            "Eula/3.0.0": { "type": "package", "path": "g", "files": [] }
          },
          "projectFileDependencyGroups": {
            ".NETFramework,Version=v4.6.2": ["Eula >= 3.0.0", "Microsoft.NETFramework.ReferenceAssemblies >= 1.0.3"],
            ".NETStandard,Version=v2.0": ["Eula >= 3.0.0", "NETStandard.Library >= 2.0.3"],
            "net8.0": ["Eula >= 3.0.0", "Microsoft.NET.ILLink.Tasks >= 8.0.0"]
          },
          "project": {
            "frameworks": {
              "net462": { "dependencies": { "Eula": { "target": "Package", "version": "[3.0.0, )" }, "Microsoft.NETFramework.ReferenceAssemblies": { "suppressParent": "All", "target": "Package", "version": "[1.0.3, )", "autoReferenced": true } } },
              "netstandard2.0": { "dependencies": { "Eula": { "target": "Package", "version": "[3.0.0, )" }, "NETStandard.Library": { "suppressParent": "All", "target": "Package", "version": "[2.0.3, )", "autoReferenced": true } } },
              "net8.0": { "dependencies": { "Eula": { "target": "Package", "version": "[3.0.0, )" }, "Microsoft.NET.ILLink.Tasks": { "suppressParent": "All", "target": "Package", "version": "[8.0.0, )", "autoReferenced": true } } }
            }
          },
          "packageFolders": { "/gpf/": {} }
        }
        """;

    [Fact]
    public void Packages_the_SDK_brings_are_never_judged_and_what_the_repo_chose_still_is()
    {
        // No .nuspec can be read: every package judged would be an unknown licence.
        var findings = LicenseCheck.Run("p", MultiTargetAssets, _ => null, Policy, _ => Severity.Warning);

        // Eula is the project's own; Helper is reached through NETStandard.Library but also through Eula.
        Assert.Equal(["Eula", "Helper"], findings.Select(f => f.Message.Split(' ')[1]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Microsoft.NETFramework.ReferenceAssemblies.net461", true)]
    [InlineData("Microsoft.NETFramework.ReferenceAssemblies", true)]
    [InlineData("Microsoft.NETCore.App.Ref", true)]
    [InlineData("Microsoft.AspNetCore.App.Runtime.linux-x64", true)]
    [InlineData("Microsoft.NETCore.App.Host.win-x64", true)]
    [InlineData("runtime.linux-x64.Microsoft.DotNet.ILCompiler", true)]
    [InlineData("Microsoft.NET.ILLink.Tasks", true)]
    [InlineData("Microsoft.NETCore.Apps", false)]
    [InlineData("Microsoft.Extensions.Logging", false)]
    [InlineData("runtime.native.System", false)]
    public void Platform_packs_are_known_by_id(string id, bool platform)
    {
        Assert.Equal(platform, SdkImplicitPackages.IsPlatformId(id));
    }

    [Fact]
    public void Reviewed_package_licences_and_allow_lists_clear_the_findings()
    {
        var policy = new LicensePolicy(["MIT", "GPL-3.0-or-later"], [], new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["eula/3.0.0"] = "MIT" });
        Assert.Empty(RunLicences(policy));
    }

    [Fact]
    public void Rules_turned_off_and_missing_assets_give_nothing()
    {
        Assert.Empty(RunLicences(severity: _ => Severity.None));
        Assert.Empty(LicenseCheck.Run("p", null, _ => null, Policy, _ => Severity.Error));
    }

    [Fact]
    public void An_assets_file_that_does_not_read_is_a_finding_not_a_pass()
    {
        var finding = Assert.Single(LicenseCheck.Run("p", "{\n  \"libraries\": { not json", _ => null, Policy, _ => Severity.Error, null, "obj/project.assets.json"));
        Assert.Equal(("STD2011", "obj/project.assets.json", 2), (finding.Code, finding.File, finding.Line));
        Assert.Contains("no package licence was checked", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_missing_from_the_package_folder_is_unknown()
    {
        var findings = LicenseCheck.Run("p", Assets, _ => null, Policy, _ => Severity.Warning);
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal("STD2011", f.Code));
    }

    [Fact]
    public void Policy_reads_the_dependencies_section_then_rule_parameters_then_defaults()
    {
        var (fromSection, problems) = LicensePolicy.From(Load("""{ "dependencies": { "licenses": { "allow": ["MIT"], "deny": ["Apache-2.0"], "packages": { "X": "MIT OR ISC" } } } }"""));
        Assert.Empty(problems);
        Assert.Equal(["MIT"], fromSection.Allowed);
        Assert.Equal(["Apache-2.0"], fromSection.Denied);
        Assert.Equal("MIT OR ISC", fromSection.ReviewedLicense("x", "1.0.0"));

        var (fromRules, ruleProblems) = LicensePolicy.From(Load("""{ "rules": { "STD2011": { "allow": ["ISC"] }, "STD2012": { "deny": ["MIT"] } } }"""));
        Assert.Empty(ruleProblems);
        Assert.Equal(["ISC"], fromRules.Allowed);
        Assert.Equal(["MIT"], fromRules.Denied);

        var (defaults, _) = LicensePolicy.From(StandardsPolicy.Default);
        Assert.Equal(LicensePolicy.DefaultAllowed.Order(), defaults.Allowed.Order());
    }

    [Theory]
    [InlineData("""{ "dependencies": [] }""", 1)]
    [InlineData("""{ "dependencies": { "licenses": 3 } }""", 1)]
    [InlineData("{\n \"dependencies\": { \"licenses\": { \"allow\": [\"MIT\", 1] } }\n}", 2)]
    [InlineData("{\n \"dependencies\": {\n  \"licenses\": { \"deny\": [\"\"] } } }", 3)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"packages\": { \"X\": \"MIT OR\" } } } }", 3)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"packages\": { \"X\": 1 } } } }", 3)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"packages\": [] } } }", 3)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"unknown\": [] } } }", 3)]
    public void Bad_section_shapes_are_STD0002_at_the_line(string json, int line)
    {
        var (_, problems) = LicensePolicy.From(Load(json));
        var problem = Assert.Single(problems);
        Assert.Equal(("STD0002", "standards.json", line), (problem.Code, problem.File, problem.Line));
    }

    private const string SchemaHint = " See the schema in the Standards.Sdk package (schema/standards.schema.json).";

    [Theory]
    [InlineData("""{ "dependencies": [] }""", 1, 19, "'dependencies' of standards.json must be an object, not array." + SchemaHint)]
    [InlineData("{\n \"dependencies\": { \"licenses\": \"MIT\" } }", 2, 32,
        "\"licenses\" in 'dependencies' of standards.json must be an object, not string. Write { \"allow\": [...], \"deny\": [...], \"packages\": { ... } }." + SchemaHint)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"allow\": \"MIT\" } } }", 3, 11,
        "\"allow\" in 'dependencies.licenses' of standards.json must be an array, not string. Write an array of SPDX licence identifiers, such as [\"MIT\"]." + SchemaHint)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"packages\": [] } } }", 3, 14,
        "\"packages\" in 'dependencies.licenses' of standards.json must be an object, not array. Map a package id (or id/version) to the SPDX expression you reviewed." + SchemaHint)]
    [InlineData("{\n \"dependencies\": { \"licenses\": {\n \"dney\": [] } } }", 3, 2,
        "Unknown setting 'dney' in 'dependencies.licenses' of standards.json. Did you mean 'deny'? Known settings: allow, deny, packages. See docs/dependencies.md.")]
    [InlineData("{\n \"dependencies\": {\n \"licence\": {} } }", 3, 2,
        "Unknown setting 'licence' in 'dependencies' of standards.json. Did you mean 'licenses'? Known settings: licenses. See docs/dependencies.md.")]
    public void Each_bad_shape_has_its_message_at_its_line_and_column(string json, int line, int column, string message)
    {
        var (_, problems) = LicensePolicy.From(Load(json));
        var problem = Assert.Single(problems);
        Assert.Equal(("STD0002", "standards.json", line, column, message), (problem.Code, problem.File, problem.Line, problem.Column, problem.Message));
    }

    [Fact]
    public void A_list_of_the_wrong_type_falls_back_to_the_rule_parameter_and_the_valid_list_still_applies()
    {
        var (policy, problems) = LicensePolicy.From(Load("""{ "dependencies": { "licenses": { "allow": "MIT", "deny": ["ISC"] } }, "rules": { "STD2011": { "allow": ["Zlib"] } } }"""));
        Assert.Equal("STD0002", Assert.Single(problems).Code);
        Assert.Equal(["Zlib"], policy.Allowed);
        Assert.Equal(["ISC"], policy.Denied);
    }

    private static StandardsPolicy Load(string json)
    {
        var result = PolicyLoader.Load("standards.json", json, DependencyRepo.Today);
        Assert.Empty(result.Findings);
        return result.Policy;
    }
}
