using System.Xml;
using System.Xml.Linq;

namespace Standards.Adoption;

/// <summary>
/// The copy of a repo that adopt and upgrade build in, under the temp folder, which must restore exactly as the repo
/// does. Two things NuGet reads depend on where the repo is, and are fixed in the copy (never in the repo):
/// <list type="bullet">
/// <item>a relative path in a <c>nuget.config</c> of the repo (a local feed <c>eng/packages</c>, <c>../feed</c>, what
/// <c>dotnet new --sdk-feed</c> writes; a fallback folder) is relative to that file: in the copy's config it becomes
/// the absolute path it names from the repo;</item>
/// <item>the <c>nuget.config</c> files of the repo's parent folders (NuGet reads every one up to the file system's
/// root) are copied, with their relative paths made absolute the same way, into the parent folders of the copy
/// inside its own temp folder, nearest parent nearest, so the copy reads the same hierarchy.</item>
/// </list>
/// Other relative paths out of the repo (a <c>Directory.Build.props</c> above the repo, an import of <c>../x</c>)
/// are not followed: the copy's build then fails, and that failure is a coded error, never a finding count.
/// </summary>
public sealed class WorkspaceCopy
{
    /// <summary>The names NuGet reads a config file by, in its order (the first that exists in a folder is read).</summary>
    public static readonly IReadOnlyList<string> ConfigNames = ["nuget.config", "NuGet.config", "NuGet.Config"];

    /// <summary>The sections whose <c>add value</c> is a path NuGet resolves relative to the config file.</summary>
    private static readonly string[] PathSections = ["packageSources", "fallbackPackageFolders"];

    private WorkspaceCopy(string top, string folder)
    {
        Top = top;
        Folder = folder;
    }

    /// <summary>The temp folder that holds everything; deleted by <see cref="Delete"/>.</summary>
    public string Top { get; }

    /// <summary>The copy of the repo.</summary>
    public string Folder { get; }

    /// <summary>
    /// A new copy of <paramref name="files"/> of <paramref name="root"/> under the temp folder (a folder named
    /// <paramref name="prefix"/> and a random part), with the nuget.config hierarchy resolving as in the repo.
    /// </summary>
    public static WorkspaceCopy Create(string root, IEnumerable<string> files, string prefix)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(files);
        var top = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        var parents = ParentConfigs(root);
        var folder = Path.Combine([top, .. Enumerable.Range(0, parents.Count).Select(i => "p" + (parents.Count - i).ToString(System.Globalization.CultureInfo.InvariantCulture)), "repo"]);
        Directory.CreateDirectory(folder);
        var level = folder;
        foreach (var parent in parents)
        {
            level = Path.GetDirectoryName(level)!;
            File.WriteAllText(Path.Combine(level, Path.GetFileName(parent)), AnchorPaths(File.ReadAllText(parent), Path.GetDirectoryName(parent)!) ?? File.ReadAllText(parent));
        }

        foreach (var file in files)
        {
            var source = RepoPath.Resolve(root, file, RepoFiles.FileList);
            var target = Path.Combine(folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (IsConfig(file) && AnchorPaths(File.ReadAllText(source), Path.GetDirectoryName(source)!) is { } anchored)
            {
                File.WriteAllText(target, anchored);
            }
            else
            {
                File.Copy(source, target);
            }
        }

        return new WorkspaceCopy(top, folder);
    }

    /// <summary>True when the repo-relative <paramref name="file"/> is a NuGet config file by its name.</summary>
    public static bool IsConfig(string file) => ConfigNames.Contains(Path.GetFileName(file), StringComparer.Ordinal);

    /// <summary>
    /// The config text with every relative path of its package sources and fallback folders made absolute against
    /// <paramref name="folder"/> (the folder the config is in); null when there is none (or the file is not XML
    /// NuGet can read: the copy keeps it as it is, and the restore reports it).
    /// </summary>
    public static string? AnchorPaths(string text, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        XDocument document;
        try
        {
            document = XDocument.Parse(text, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var changed = false;
        foreach (var add in document.Root?.Elements().Where(e => PathSections.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase)).SelectMany(e => e.Elements())
                     .Where(e => e.Name.LocalName == "add") ?? [])
        {
            if (add.Attribute("value") is { } value && IsRelativePath(value.Value))
            {
                value.Value = Path.GetFullPath(Path.Combine(folder, value.Value));
                changed = true;
            }
        }

        return changed ? (document.Declaration is null ? string.Empty : document.Declaration + "\n") + document.ToString(SaveOptions.DisableFormatting) : null;
    }

    /// <summary>Removes <see cref="Top"/>; a folder left behind in the temp folder is harmless.</summary>
    public void Delete()
    {
        try
        {
            if (Directory.Exists(Top))
            {
                Directory.Delete(Top, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind: harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    /// <summary>A local path relative to its config: not a URL, not rooted, no environment variable first.</summary>
    private static bool IsRelativePath(string value) =>
        value.Length > 0
        && !value.Contains("://", StringComparison.Ordinal)
        && !value.StartsWith('%')
        && !value.StartsWith('$')
        && !Path.IsPathRooted(value)
        && !(value.Length >= 2 && value[1] == ':');

    /// <summary>The nuget.config NuGet reads in each parent folder of <paramref name="root"/>, nearest first.</summary>
    private static List<string> ParentConfigs(string root)
    {
        var configs = new List<string>();
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(root)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (ConfigNames.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists) is { } config)
            {
                configs.Add(config);
            }
        }

        return configs;
    }
}
