using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Standards.Sdk.IntegrationTests.Runtimes;

/// <summary>What an assembly file says about itself: identity, target framework, references and public types.</summary>
/// <param name="FileName">The file name.</param>
/// <param name="Name">Assembly name.</param>
/// <param name="Version">Assembly version.</param>
/// <param name="TargetFramework">The TargetFrameworkAttribute value ("" when none).</param>
/// <param name="References">Referenced assemblies.</param>
/// <param name="PublicTypes">Full names of public, non-abstract classes with their base type's full name.</param>
internal sealed record AssemblyFacts(
    string FileName,
    string Name,
    Version Version,
    string TargetFramework,
    IReadOnlyList<AssemblyName> References,
    IReadOnlyDictionary<string, string> PublicTypes)
{
    /// <summary>Reads an assembly with System.Reflection.Metadata (nothing is loaded into this process).</summary>
    public static AssemblyFacts Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h).GetAssemblyName()).ToList();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var attributes = type.Attributes;
            if ((attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public || (attributes & TypeAttributes.Abstract) != 0 || (attributes & TypeAttributes.Interface) != 0)
            {
                continue;
            }

            types[$"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}"] = TypeName(md, type.BaseType);
        }

        return new AssemblyFacts(Path.GetFileName(path), md.GetString(definition.Name), definition.Version, TargetFrameworkOf(md, definition), references, types);
    }

    private static string TargetFrameworkOf(MetadataReader md, AssemblyDefinition definition)
    {
        foreach (var handle in definition.GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && TypeName(md, md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent) == "System.Runtime.Versioning.TargetFrameworkAttribute")
            {
                // Blob: prolog (2 bytes), then the SerString argument.
                var blob = md.GetBlobReader(attribute.Value);
                blob.ReadUInt16();
                return blob.ReadSerializedString() ?? string.Empty;
            }
        }

        return string.Empty;
    }

    private static string TypeName(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        _ => string.Empty,
    };
}

/// <summary>The task assemblies of the packed Standards.Sdk, extracted once per test run from the .nupkg.</summary>
internal static class PackedTaskAssemblies
{
    private static readonly Lazy<string> Extracted = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The Standards.Sdk package file of this test run.</summary>
    public static string PackageFile =>
        Path.Combine(PackedSdk.Instance.Feed, $"Standards.Sdk.{PackedSdk.Instance.Version}.nupkg");

    /// <summary>The package's entry names.</summary>
    public static IReadOnlyList<string> Entries()
    {
        using var zip = ZipFile.OpenRead(PackageFile);
        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }

    /// <summary>The folder of the net10.0 tasks compiled ahead of time for Linux x64 (sdk/Standards.Sdk.csproj).</summary>
    public const string ReadyToRunFolder = "net10.0-linux-x64";

    /// <summary>Whether this process runs where the suite packs with that folder and the registry loads it: Linux x64.</summary>
    public static bool PackedOnLinuxX64 => OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.X64;

    /// <summary>The task folder the MSBuild of `dotnet build` loads on this host.</summary>
    public static string CoreFolder => PackedOnLinuxX64 ? ReadyToRunFolder : "net10.0";

    /// <summary>The module version id of an assembly file (the same for an assembly and its ReadyToRun compilation).</summary>
    public static Guid ModuleVersionId(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        return md.GetGuid(md.GetModuleDefinition().Mvid);
    }

    /// <summary>Whether an assembly file carries ReadyToRun code (a managed native header beside its IL).</summary>
    public static bool HasReadyToRunCode(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>The folder holding the package's tasks/&lt;framework&gt;/ files.</summary>
    public static string Folder(string framework) => Path.Combine(Extracted.Value, "tasks", framework);

    /// <summary>Every assembly in tasks/&lt;framework&gt;/.</summary>
    public static List<AssemblyFacts> Assemblies(string framework) =>
        [.. Directory.GetFiles(Folder(framework), "*.dll").Order(StringComparer.Ordinal).Select(AssemblyFacts.Read)];

    private static string Extract()
    {
        var folder = PackedSdk.NewTempDirectory("sdk-package");
        ZipFile.ExtractToDirectory(PackageFile, folder);
        return folder;
    }
}
