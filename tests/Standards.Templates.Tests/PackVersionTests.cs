using System.IO.Compression;
using System.Text.Json;

namespace Standards.Templates.Tests;

/// <summary>
/// A pack with -p:Version=X must not make templates that still pin 0.1.0-dev. However the version is
/// given (-p:Version, -p:PackageVersion, -p:StandardsVersion), the Standards.Sdk, Standards.Tool and
/// Standards.Templates packages are X, and every repo template pins Standards.Sdk X.
/// Only the template pack is packed for the other spellings: its pin is stamped at pack time. The other packages take
/// their version from the same evaluation (Directory.Build.props maps every spelling to PackageVersion, the version
/// NuGet's pack writes), so each spelling is checked by evaluating their PackageVersion. The ordinary -p:Version=X
/// is checked end to end on the pack every test of the run uses, which is made with it. A pack of Standards.Sdk
/// compiles the task and analyzer assemblies again (their version changed): minutes, spent on the same answer.
/// </summary>
public sealed class PackVersionTests
{
    private static readonly string[] PackagedProjects =
    [
        Path.Combine("sdk", "Standards.Sdk.csproj"),
        Path.Combine("tool", "Standards.Tool", "Standards.Tool.csproj"),
        Path.Combine("templates", "Standards.Templates.csproj"),
    ];

    // -p:Version: the test below, on the run's own pack.
    [Theory]
    [InlineData("PackageVersion")]
    [InlineData("StandardsVersion")]
    public void Any_version_property_gives_packages_and_templates_that_agree(string property)
    {
        var version = $"9.8.7-{property.ToLowerInvariant()}.{Environment.ProcessId}";
        var output = PackedSdk.NewTempDirectory("pack-version");
        try
        {
            foreach (var project in PackagedProjects)
            {
                var evaluated = ProcessRunner.Run("dotnet", ["msbuild", Path.Combine(RepoPaths.Root, project), "-getProperty:PackageVersion", $"-p:{property}={version}", "-nologo"], RepoPaths.Root)
                    .EnsureSuccess("Evaluating " + project);
                Assert.Equal(version, evaluated.Output.Trim());
            }

            Pack("templates/Standards.Templates.csproj", property, version, output);
            AssertEveryTemplatePins(version, Path.Combine(output, $"Standards.Templates.{version}.nupkg"));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void The_ordinary_version_property_packs_the_sdk_tool_and_templates_of_that_version()
    {
        // The pack this run's tests use is made with -p:Version (eng/common.sh pack_one, or PackedSdk itself when no
        // pack was passed in): it is the ordinary property's end-to-end pack, so it is read rather than made again
        // (a pack of Standards.Sdk compiles the task and analyzer assemblies: minutes on the build machine).
        Assert.Contains("-p:Version=\"$version\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "eng", "common.sh")), StringComparison.Ordinal);
        Assert.Contains("$\"-p:Version={version}\"", File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Standards.Sdk.Testing", "PackedSdk.cs")), StringComparison.Ordinal);
        var packed = PackedSdk.Instance;
        foreach (var package in new[] { "Standards.Sdk", "Standards.Tool", "Standards.Templates" })
        {
            Assert.True(File.Exists(Path.Combine(packed.Feed, $"{package}.{packed.Version}.nupkg")), $"{package} {packed.Version} is not in the pack: {string.Join(", ", Directory.GetFiles(packed.Feed).Select(Path.GetFileName))}");
        }

        AssertEveryTemplatePins(packed.Version, Path.Combine(packed.Feed, $"Standards.Templates.{packed.Version}.nupkg"));
    }

    /// <summary>
    /// The release pack the README documents, <c>dotnet pack -c Release -p:Version=X</c> at the root: the solution's
    /// packable projects are exactly the three packages, each writes into one folder (artifacts/packages/, pushed from
    /// there), and a pack prints no warning (a package without a readme did). Standards.Sdk is evaluated, not packed
    /// again (minutes); its readme is checked on this run's pack.
    /// </summary>
    [Fact]
    public void The_documented_release_pack_writes_the_three_packages_into_one_folder_without_a_warning()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        Assert.Contains("dotnet pack -c Release -p:Version=", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet nuget push \"artifacts/packages/*.", readme, StringComparison.Ordinal);

        var version = $"9.8.7-release.{Environment.ProcessId}";
        var artifacts = PackedSdk.NewTempDirectory("release-pack") + Path.DirectorySeparatorChar;
        try
        {
            var projects = ProcessRunner.Run("dotnet", ["sln", "Standards.Sdk.sln", "list"], RepoPaths.Root).EnsureSuccess("Listing the solution").Output
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.EndsWith(".csproj", StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(projects);
            var packable = projects
                .AsParallel()
                .Where(project => Evaluate(project, "IsPackable", artifacts) == "true")
                .Select(project => project.Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            Assert.Equal(PackagedProjects.Select(p => p.Replace('\\', '/')).Order(StringComparer.Ordinal), packable);
            foreach (var project in PackagedProjects)
            {
                Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(artifacts, "packages"))), Path.TrimEndingDirectorySeparator(Path.GetFullPath(Evaluate(project, "PackageOutputPath", artifacts))));
            }

            // The tool and the templates packed as users do (no -o): into the one folder, without a warning.
            foreach (var project in PackagedProjects.Skip(1))
            {
                var packed = ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", $"-p:Version={version}", $"-p:ArtifactsRoot={artifacts}", "-nologo", "-tl:off"], RepoPaths.Root)
                    .EnsureSuccess("Packing " + project);
                Assert.DoesNotMatch(@"(?i): warning [A-Z]+\d+", packed.Output);
            }

            Assert.Equal(
                [$"Standards.Templates.{version}.nupkg", $"Standards.Tool.{version}.nupkg"],
                Directory.GetFiles(Path.Combine(artifacts, "packages")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }

        var run = PackedSdk.Instance;
        foreach (var package in new[] { "Standards.Sdk", "Standards.Tool", "Standards.Templates" })
        {
            using var zip = ZipFile.OpenRead(Path.Combine(run.Feed, $"{package}.{run.Version}.nupkg"));
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        }
    }

    private static string Evaluate(string project, string property, string artifacts) =>
        ProcessRunner.Run("dotnet", ["msbuild", Path.Combine(RepoPaths.Root, project), $"-getProperty:{property}", $"-p:ArtifactsRoot={artifacts}", "-nologo"], RepoPaths.Root)
            .EnsureSuccess($"Evaluating {property} of {project}").Output.Trim();

    private static void Pack(string project, string property, string version, string output) =>
        ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, project), "-c", "Release", "-o", output, $"-p:{property}={version}", "-nologo"], RepoPaths.Root)
            .EnsureSuccess("Packing " + project);

    /// <summary>Every repo template of the package (at least three) pins Standards.Sdk <paramref name="version"/>.</summary>
    private static void AssertEveryTemplatePins(string version, string templatePackage)
    {
        using var package = ZipFile.OpenRead(templatePackage);
        var pins = new List<string?>();
        foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".template.config/template.json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            using var json = JsonDocument.Parse(reader.ReadToEnd());
            if (json.RootElement.GetProperty("symbols").TryGetProperty("sdkVersion", out var sdkVersion))
            {
                pins.Add(sdkVersion.GetProperty("defaultValue").GetString());
            }
        }

        Assert.True(pins.Count >= 3, "every repo template pins the SDK");
        Assert.All(pins, pin => Assert.Equal(version, pin));
    }
}
