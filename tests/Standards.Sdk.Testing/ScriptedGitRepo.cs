using System.Text;

namespace Standards.Sdk.Testing;

/// <summary>
/// A git repository in a temp folder driven by real git commands, for tests of what the history decides
/// (version heights, tags, shallow clones). Identity, default branch and signing are set per command, so the
/// machine's git configuration does not matter.
/// </summary>
public sealed class ScriptedGitRepo : IDisposable
{
    private static readonly string[] Identity =
    [
        "-c", "user.name=Standards Tests", "-c", "user.email=tests@example.invalid", "-c", "init.defaultBranch=main",
        "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.autocrlf=false",
    ];

    private ScriptedGitRepo(string root) => Root = root;

    /// <summary>The work tree root.</summary>
    public string Root { get; }

    /// <summary>Creates an empty repository on branch main.</summary>
    public static ScriptedGitRepo Init(string? root = null)
    {
        var repo = new ScriptedGitRepo(root ?? PackedSdk.NewTempDirectory("git"));
        repo.Git("init", "-q");
        return repo;
    }

    /// <summary>Wraps an existing folder (a clone made by <see cref="Clone"/>).</summary>
    public static ScriptedGitRepo Open(string root) => new(root);

    /// <summary>Runs git in the work tree; throws with git's output when it fails.</summary>
    public string Git(params string[] arguments) =>
        ProcessRunner.Run("git", [.. Identity, .. arguments], Root, GitEnvironment).EnsureSuccess("git " + string.Join(' ', arguments)).Output;

    /// <summary>Writes a file (creating folders).</summary>
    public ScriptedGitRepo Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return this;
    }

    /// <summary>Deletes a file.</summary>
    public ScriptedGitRepo Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    /// <summary>Stages everything and commits (empty commits allowed); returns the new commit id.</summary>
    public string Commit(string message = "change")
    {
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Head;
    }

    /// <summary>Writes a file and commits it; returns the commit id.</summary>
    public string CommitFile(string relativePath, string content, string? message = null) =>
        Write(relativePath, content).Commit(message ?? "edit " + relativePath);

    /// <summary>Makes <paramref name="count"/> empty commits; returns the last commit id.</summary>
    public string CommitEmpty(int count)
    {
        var last = Head;
        for (var i = 0; i < count; i++)
        {
            Git("commit", "-q", "--allow-empty", "-m", $"empty {i}");
        }

        return count > 0 ? Head : last;
    }

    /// <summary>The commit HEAD points at.</summary>
    public string Head => ProcessRunner.Run("git", ["rev-parse", "HEAD"], Root, GitEnvironment).Output.Trim();

    /// <summary>Clones this repository into a new temp folder with extra arguments (e.g. --depth 2); file:// so --depth is honoured.</summary>
    public ScriptedGitRepo Clone(params string[] arguments)
    {
        var target = PackedSdk.NewTempDirectory("clone");
        ProcessRunner.Run("git", [.. Identity, "clone", "-q", .. arguments, new Uri(Root).AbsoluteUri, target], Root, GitEnvironment)
            .EnsureSuccess("git clone");
        return new ScriptedGitRepo(target);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Temp folder; the OS cleans it.
        }
    }

    private static Dictionary<string, string?> GitEnvironment => new()
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
    };
}
