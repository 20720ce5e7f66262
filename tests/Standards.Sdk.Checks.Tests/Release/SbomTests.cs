using System.Text;
using System.Text.Json;
using Standards.Sdk.Checks.Dependencies;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Release.Sbom;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Testing;

namespace Standards.Sdk.Checks.Tests.Release;

/// <summary>SBOM building and writing on a synthetic restore graph and package folder: schema-valid, deterministic, complete.</summary>
public sealed class SbomTests : IDisposable
{
    private const string Assets = """
        {
          "version": 3,
          "targets": {
            "net10.0": {
              "Alpha/1.0.0": { "type": "package", "dependencies": { "Beta": "2.0.0" } },
              "Beta/2.0.0": { "type": "package" },
              "Lint.Tool/3.1.0": { "type": "package" },
              "Acme.Core/1.0.0": { "type": "project", "dependencies": { "Beta": "2.0.0" } }
            },
            "netstandard2.0": {
              "Alpha/1.0.0": { "type": "package", "dependencies": { "Beta": "2.0.0", "Gamma+Weird": "0.1.0-rc.1" } },
              "Beta/2.0.0": { "type": "package" },
              "Gamma+Weird/0.1.0-rc.1": { "type": "package" },
              "Lint.Tool/3.1.0": { "type": "package" }
            }
          },
          "libraries": {
            "Alpha/1.0.0": { "sha512": "AAAA", "type": "package", "path": "alpha/1.0.0", "files": ["alpha.nuspec"] },
            "Beta/2.0.0": { "type": "package", "path": "beta/2.0.0", "files": ["beta.nuspec"] },
            "Gamma+Weird/0.1.0-rc.1": { "type": "package", "path": "gamma+weird/0.1.0-rc.1", "files": [] },
            "Lint.Tool/3.1.0": { "type": "package", "path": "lint.tool/3.1.0", "files": ["lint.tool.nuspec"] },
            "Acme.Core/1.0.0": { "type": "project", "path": "../Acme.Core/Acme.Core.csproj", "msbuildProject": "../Acme.Core/Acme.Core.csproj" }
          },
          "packageFolders": { "PACKAGES": {} },
          "project": {
            "restore": { "frameworks": { "net10.0": { "projectReferences": { "/repo/src/Acme.Core/Acme.Core.csproj": {} } } } },
            "frameworks": {
              "net10.0": { "dependencies": { "Alpha": { "version": "[1.0.0, )" }, "Lint.Tool": { "suppressParent": "All", "version": "[3.1.0, )" } } },
              "netstandard2.0": { "dependencies": { "Alpha": { "version": "[1.0.0, )" }, "Lint.Tool": { "suppressParent": "All", "version": "[3.1.0, )" } } }
            }
          }
        }
        """;

    private readonly string packages = PackedSdk.NewTempDirectory("sbom-packages");

    public SbomTests()
    {
        WritePackage("alpha", "1.0.0", "<authors>Alpha Inc</authors><license type=\"expression\">MIT</license>", 1);
        WritePackage("beta", "2.0.0", "<authors>Beta People</authors><licenseUrl>https://licenses.nuget.org/Apache-2.0</licenseUrl>", 2);
        WritePackage("lint.tool", "3.1.0", "<authors>Linters (Group)</authors><license type=\"expression\">MIT OR Apache-2.0</license>", 3);
        // gamma+weird has no .nuspec and no hash: supplier NOASSERTION, STD6021.
    }

    public void Dispose() => Directory.Delete(packages, recursive: true);

    [Fact]
    public void Both_formats_are_schema_valid_and_list_every_package_with_hash_licence_supplier_and_edges()
    {
        var (document, findings) = Build();
        var spdxText = SbomWriters.Spdx(document, "https://sbom.example.com/acme");
        var cdxText = SbomWriters.CycloneDx(document);
        using var spdx = JsonDocument.Parse(spdxText);
        using var cdx = JsonDocument.Parse(cdxText);

        Assert.Empty(Schemas.Spdx.Validate(spdx.RootElement));
        Assert.Empty(Schemas.CycloneDx.Validate(cdx.RootElement));
        Assert.Equal(ReleaseRuleIds.SbomHashMissing, Assert.Single(findings).Code);

        var byName = spdx.RootElement.GetProperty("packages").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(["Acme.Core", "Acme.Widgets", "Alpha", "Beta", "Gamma+Weird", "Lint.Tool"], byName.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Organization: Alpha Inc", byName["Alpha"].GetProperty("supplier").GetString());
        Assert.Equal("Organization: Linters [Group]", byName["Lint.Tool"].GetProperty("supplier").GetString());
        Assert.Equal("NOASSERTION", byName["Gamma+Weird"].GetProperty("supplier").GetString());
        Assert.Equal("Apache-2.0", byName["Beta"].GetProperty("licenseDeclared").GetString());
        Assert.Equal("MIT OR Apache-2.0", byName["Lint.Tool"].GetProperty("licenseDeclared").GetString());
        Assert.Equal(Convert.ToHexStringLower(Sha512Of(1)), byName["Alpha"].GetProperty("checksums")[0].GetProperty("checksumValue").GetString());
        Assert.False(byName["Gamma+Weird"].TryGetProperty("checksums", out _));
        Assert.Equal("pkg:nuget/Gamma%2BWeird@0.1.0-rc.1", byName["Gamma+Weird"].GetProperty("externalRefs")[0].GetProperty("referenceLocator").GetString());
        Assert.Equal("1.3.0", byName["Acme.Core"].GetProperty("versionInfo").GetString()); // the referenced project's computed version

        var relationships = spdx.RootElement.GetProperty("relationships").EnumerateArray()
            .Select(r => $"{r.GetProperty("spdxElementId").GetString()} {r.GetProperty("relationshipType").GetString()} {r.GetProperty("relatedSpdxElement").GetString()}")
            .ToList();
        Assert.Contains("SPDXRef-RootPackage DEPENDS_ON SPDXRef-Package-Alpha-1.0.0", relationships);
        Assert.Contains("SPDXRef-Package-Alpha-1.0.0 DEPENDS_ON SPDXRef-Package-Gamma-Weird-0.1.0-rc.1", relationships);
        Assert.Contains("SPDXRef-Package-Lint.Tool-3.1.0 DEV_DEPENDENCY_OF SPDXRef-RootPackage", relationships);
        Assert.Contains("SPDXRef-RootPackage DEPENDS_ON SPDXRef-Package-Acme.Core-1.3.0", relationships);

        var lint = cdx.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Lint.Tool");
        Assert.Equal("excluded", lint.GetProperty("scope").GetString());
        Assert.Equal("2026-01-02T03:04:05Z", cdx.RootElement.GetProperty("metadata").GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Same_inputs_give_the_same_bytes_and_a_change_gives_a_new_id()
    {
        var (first, _) = Build();
        var (second, _) = Build();
        Assert.Equal(SbomWriters.Spdx(first, "https://x.example"), SbomWriters.Spdx(second, "https://x.example"));
        Assert.Equal(SbomWriters.CycloneDx(first), SbomWriters.CycloneDx(second));

        var changed = first with { Subject = first.Subject with { Version = "9.9.9" } };
        using var a = JsonDocument.Parse(SbomWriters.CycloneDx(first));
        using var b = JsonDocument.Parse(SbomWriters.CycloneDx(changed));
        Assert.NotEqual(a.RootElement.GetProperty("serialNumber").GetString(), b.RootElement.GetProperty("serialNumber").GetString());
    }

    [Fact]
    public void A_publish_describes_one_framework_as_an_application()
    {
        var (document, _) = Build(application: true, frameworks: ["netstandard2.0"]);
        Assert.True(document.IsApplication);
        Assert.Equal("pkg:generic/Acme.Widgets@1.2.3", document.Subject.Purl);
        Assert.Contains(document.Components, c => c.Name == "Gamma+Weird");
        Assert.DoesNotContain(document.Components, c => c.Name == "Acme.Core"); // a net10.0-only reference
    }

    /// <summary>
    /// net10.0;net8.0 with Microsoft.Extensions.Logging.Abstractions 10.0.0: only its net8.0 asset depends on
    /// System.Diagnostics.DiagnosticSource. The package is reached at run time in both frameworks, so the net8.0 walk
    /// must still follow its net8.0 dependencies (in either order of the targets); a package only a private
    /// reference reaches in one framework and a runtime one in another is runtime too.
    /// </summary>
    [Theory]
    [InlineData("net10.0", "net8.0")]
    [InlineData("net8.0", "net10.0")]
    public void Scope_is_per_framework_a_dependency_only_one_framework_has_is_runtime(string first, string second)
    {
        var frameworks = new Dictionary<string, (string[] Edges, string[] Direct)>
        {
            ["net10.0"] = (["Logging.Abstractions>DI.Abstractions"], ["Logging.Abstractions", "Lint!"]),
            ["net8.0"] = (["Logging.Abstractions>DI.Abstractions", "Logging.Abstractions>DiagnosticSource", "DiagnosticSource>Memory", "Lint>Memory"], ["Logging.Abstractions", "Lint!"]),
        };
        var ordered = new[] { first, second }.ToDictionary(f => f, f => frameworks[f]);
        var document = BuildGenerated(ordered);
        var scopes = document.Components.ToDictionary(c => c.Name, c => c.Development ? "excluded" : "required");
        Assert.Equal(
            new Dictionary<string, string> { ["DI.Abstractions"] = "required", ["DiagnosticSource"] = "required", ["Lint"] = "excluded", ["Logging.Abstractions"] = "required", ["Memory"] = "required" },
            scopes);
        using var cdx = JsonDocument.Parse(SbomWriters.CycloneDx(document));
        Assert.Equal("required", cdx.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "DiagnosticSource").GetProperty("scope").GetString());
        Assert.Equal(["net8.0"], document.Components.Single(c => c.Name == "DiagnosticSource").TargetFrameworks);
    }

    public static TheoryData<int> GraphSeeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 150; i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>
    /// Generated restore graphs of 2-3 frameworks, each with its own packages, edges and direct references (some
    /// private): a component is build-time only exactly when no framework reaches it from a non-private direct
    /// reference (computed here by a plain recursive walk per framework).
    /// </summary>
    [Theory]
    [MemberData(nameof(GraphSeeds))]
    public void Generated_multi_framework_graphs_get_the_scope_each_framework_reachability_gives(int seed)
    {
        var random = new Random(seed);
        var count = 4 + random.Next(6);
        var names = Enumerable.Range(0, count).Select(i => $"P{i}").ToArray();
        string[] all = ["net10.0", "net8.0", "netstandard2.0"];
        var frameworks = new Dictionary<string, (string[] Edges, string[] Direct)>();
        foreach (var framework in all.Take(2 + random.Next(2)))
        {
            var present = names.Where(_ => random.Next(5) > 0).ToList();
            var edges = new List<string>();
            var direct = new List<string>();
            for (var i = 0; i < present.Count; i++)
            {
                edges.AddRange(present.Skip(i + 1).Where(_ => random.Next(3) == 0).Select(to => $"{present[i]}>{to}"));
                if (random.Next(10) < 3)
                {
                    direct.Add(random.Next(5) < 2 ? present[i] + "!" : present[i]);
                }
            }

            // A package with no edge and no direct reference is still in the target (as restore lists it).
            edges.AddRange(present.Select(p => p));
            frameworks[framework] = ([.. edges], [.. direct]);
        }

        var runtime = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (edges, direct) in frameworks.Values)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            void Reach(string name)
            {
                if (visited.Add(name))
                {
                    runtime.Add(name);
                    foreach (var edge in edges.Where(e => e.StartsWith(name + ">", StringComparison.Ordinal)))
                    {
                        Reach(edge.Split('>')[1]);
                    }
                }
            }

            foreach (var d in direct.Where(d => !d.EndsWith('!')))
            {
                Reach(d);
            }
        }

        var expected = frameworks.Values.SelectMany(f => f.Edges.SelectMany(e => e.Split('>')).Concat(f.Direct.Select(d => d.TrimEnd('!')))).Distinct()
            .ToDictionary(n => n, n => runtime.Contains(n) ? "required" : "excluded");
        var document = BuildGenerated(frameworks);
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), document.Components.ToDictionary(c => c.Name, c => c.Development ? "excluded" : "required").OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    // A restore graph from frameworks given as edges ("A>B", or "A" for a package with none) and direct references
    // ("A", or "A!" for PrivateAssets=all); every package is 1.0.0.
    private SbomDocument BuildGenerated(Dictionary<string, (string[] Edges, string[] Direct)> frameworks)
    {
        static string Quote(string s) => JsonSerializer.Serialize(s);
        var targets = new List<string>();
        var declared = new List<string>();
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (framework, (edges, direct)) in frameworks)
        {
            var packages = edges.SelectMany(e => e.Split('>')).Concat(direct.Select(d => d.TrimEnd('!'))).Distinct().ToList();
            libraries.UnionWith(packages);
            var entries = packages.Select(p =>
            {
                var children = edges.Where(e => e.StartsWith(p + ">", StringComparison.Ordinal)).Select(e => $"{Quote(e.Split('>')[1])}: \"1.0.0\"");
                return $"{Quote(p + "/1.0.0")}: {{ \"type\": \"package\", \"dependencies\": {{ {string.Join(", ", children)} }} }}";
            });
            targets.Add($"{Quote(framework)}: {{ {string.Join(", ", entries)} }}");
            var references = direct.Select(d => $"{Quote(d.TrimEnd('!'))}: {{ \"version\": \"[1.0.0, )\"{(d.EndsWith('!') ? ", \"suppressParent\": \"All\"" : string.Empty)} }}");
            declared.Add($"{Quote(framework)}: {{ \"dependencies\": {{ {string.Join(", ", references)} }} }}");
        }

        var assets = $$"""
            { "version": 3, "targets": { {{string.Join(", ", targets)}} },
              "libraries": { {{string.Join(", ", libraries.Select(l => $"{Quote(l + "/1.0.0")}: {{ \"type\": \"package\", \"path\": {Quote(l.ToLowerInvariant() + "/1.0.0")}, \"files\": [] }}"))}} },
              "packageFolders": {}, "project": { "frameworks": { {{string.Join(", ", declared)}} } } }
            """;
        var findings = new List<Finding>();
        var graph = RestoreGraph.Read("project.assets.json", assets, findings);
        Assert.True(graph is not null, string.Join('\n', findings.Select(f => f.Message)) + "\n" + assets);
        return SbomBuilder.Build(graph, Subject(false, [.. frameworks.Keys]), new PackageFolder([], ReadOrNull), DateTimeOffset.UnixEpoch, "1.0.0", "project.assets.json", findings);
    }

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 200; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Malformed_assets_never_throw_and_are_STD6020(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(Assets);
        for (var i = 0; i < 1 + random.Next(4); i++)
        {
            const string noise = "{}[]\":,/+ 0a";
            text[random.Next(text.Length)] = noise[random.Next(noise.Length)];
        }

        var findings = new List<Finding>();
        var graph = RestoreGraph.Read("project.assets.json", random.Next(5) == 0 ? text.ToString()[..random.Next(text.Length)] : text.ToString(), findings);
        Assert.All(findings, f => Assert.Equal(ReleaseRuleIds.SbomAssetsUnreadable, f.Code));
        if (graph is null)
        {
            Assert.NotEmpty(findings);
            return;
        }

        var document = SbomBuilder.Build(graph, Subject(false, []), new PackageFolder([packages], ReadOrNull), DateTimeOffset.UnixEpoch, "1.0.0", "project.assets.json", findings);
        _ = SbomWriters.Spdx(document, "https://x.example");
        _ = SbomWriters.CycloneDx(document);
    }

    private (SbomDocument Document, List<Finding> Findings) Build(bool application = false, string[]? frameworks = null)
    {
        var findings = new List<Finding>();
        var graph = RestoreGraph.Read("project.assets.json", Assets.Replace("PACKAGES", packages.Replace("\\", "\\\\", StringComparison.Ordinal), StringComparison.Ordinal), findings)!;
        var document = SbomBuilder.Build(graph, Subject(application, frameworks ?? ["net10.0", "netstandard2.0"]), new PackageFolder(graph.PackageFolders, ReadOrNull),
            DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture), "0.1.0", "project.assets.json", findings);
        return (document, findings);
    }

    private static SbomSubject Subject(bool application, string[] frameworks) => new()
    {
        Name = "Acme.Widgets",
        Version = "1.2.3",
        Supplier = "Acme Corp",
        License = "MIT",
        IsApplication = application,
        TargetFrameworks = frameworks,
        ProjectVersions = new Dictionary<string, string> { ["Acme.Core"] = "1.3.0" },
    };

    private void WritePackage(string id, string version, string metadata, byte seed)
    {
        var folder = Path.Combine(packages, id, version);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, id + ".nuspec"), $"<?xml version=\"1.0\"?><package><metadata><id>{id}</id><version>{version}</version>{metadata}</metadata></package>");
        File.WriteAllText(Path.Combine(folder, $"{id}.{version}.nupkg.sha512"), Convert.ToBase64String(Sha512Of(seed)));
    }

    private static byte[] Sha512Of(byte seed) => System.Security.Cryptography.SHA512.HashData([seed]);

    private static string? ReadOrNull(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}

/// <summary>The official schemas in tests/schemas.</summary>
internal static class Schemas
{
    private static readonly string Folder = RepoPaths.Schemas;

    public static JsonSchemaValidator Spdx { get; } = JsonSchemaValidator.FromFiles(Path.Combine(Folder, "spdx-2.3.schema.json"));

    public static JsonSchemaValidator CycloneDx { get; } = JsonSchemaValidator.FromFiles(
        Path.Combine(Folder, "cyclonedx-bom-1.6.schema.json"),
        Path.Combine(Folder, "cyclonedx-spdx.schema.json"),
        Path.Combine(Folder, "cyclonedx-jsf-0.82.schema.json"));
}
