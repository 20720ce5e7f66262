using System.IO.Compression;
using System.Text.Json;

namespace Standards.Templates.Tests;

/// <summary>
/// Issue 7, class 4: a pack with -p:Version=X made templates that still pinned 0.1.0-dev. However the version is
/// given (-p:Version, -p:PackageVersion, -p:StandardsVersion), the Standards.Sdk and Standards.Templates packages are
/// X, and every repo template pins Standards.Sdk X.
/// </summary>
public sealed class PackVersionTests
{
    [Theory]
    [InlineData("Version")]
    [InlineData("PackageVersion")]
    [InlineData("StandardsVersion")]
    public void Any_version_property_gives_packages_and_templates_that_agree(string property)
    {
        var version = $"9.8.7-{property.ToLowerInvariant()}.{Environment.ProcessId}";
        var output = PackedSdk.NewTempDirectory("pack-version");
        try
        {
            ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, "templates", "Standards.Templates.csproj"), "-c", "Release", "-o", output, $"-p:{property}={version}", "-nologo"], RepoPaths.Root)
                .EnsureSuccess("Packing Standards.Templates");
            // As eng/common.sh packs it (with its build: pack --no-build of this project still builds one reference).
            ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, "sdk", "Standards.Sdk.csproj"), "-c", "Release", "-o", output, $"-p:{property}={version}", "-nologo"], RepoPaths.Root)
                .EnsureSuccess("Packing Standards.Sdk");

            Assert.True(File.Exists(Path.Combine(output, $"Standards.Sdk.{version}.nupkg")), string.Join(", ", Directory.GetFiles(output)));
            using var package = ZipFile.OpenRead(Path.Combine(output, $"Standards.Templates.{version}.nupkg"));
            var pinned = 0;
            foreach (var entry in package.Entries.Where(e => e.FullName.EndsWith(".template.config/template.json", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                using var json = JsonDocument.Parse(reader.ReadToEnd());
                if (json.RootElement.GetProperty("symbols").TryGetProperty("sdkVersion", out var sdkVersion))
                {
                    Assert.Equal(version, sdkVersion.GetProperty("defaultValue").GetString());
                    pinned++;
                }
            }

            Assert.True(pinned >= 3, "every repo template pins the SDK");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
