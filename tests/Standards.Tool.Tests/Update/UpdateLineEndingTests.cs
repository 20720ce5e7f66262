using System.Text;
using CsCheck;
using Standards.Adoption;
using Standards.Adoption.Update;

namespace Standards.Tool.Tests.Update;

/// <summary>
/// update on checkouts whose working tree has CRLF while the template writes LF: files are compared as git's index
/// holds them, so an untouched file is not a "change by the team", and each is written back in the ending it had.
/// </summary>
public sealed class UpdateLineEndingTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-update-eol-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly ScriptedDotnet dotnet = new(TemplateUpdaterTests.Versions);
    private readonly ProcessCommandRunner git = new();

    public UpdateLineEndingTests() => Directory.CreateDirectory(root);

    public void Dispose()
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            // git makes its objects read-only.
            File.SetAttributes(file, FileAttributes.Normal);
        }

        Directory.Delete(root, recursive: true);
    }

    /// <summary>The three ways a checkout gets CRLF files: core.autocrlf true, input (a Windows editor's files), a .gitattributes eol.</summary>
    public static TheoryData<string, bool> Checkouts => new()
    {
        { "autocrlf=true", true },
        { "autocrlf=input", false },
        { "gitattributes", true },
    };

    private void Git(params string[] arguments)
    {
        var result = git.Run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", .. arguments], root);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    private static string Crlf(string text) => text.ReplaceLineEndings("\r\n");

    private void Write(string path, string text)
    {
        var file = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, Encoding.UTF8.GetBytes(text));
    }

    private string Read(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(root, path)));

    /// <summary>A repo generated at 1.0.0 and committed, its working tree in CRLF as the checkout gives it.</summary>
    private void Checkout(string checkout)
    {
        Git("init", "-q", ".");
        switch (checkout)
        {
            case "gitattributes":
                Write(".gitattributes", "* text eol=crlf\n");
                break;
            default:
                Git("config", "core.autocrlf", checkout["autocrlf=".Length..]);
                break;
        }

        foreach (var (path, text) in TemplateUpdaterTests.Versions["1.0.0"])
        {
            Write(path, Crlf(text));
        }

        Write(TemplateRecord.FileName, Crlf(TemplateUpdaterTests.Record + "\n"));
        Git("add", "-A");
        Git("commit", "-q", "-m", "generated");
    }

    private UpdateResult Update(UpdateOptions? options = null) =>
        new TemplateUpdater(dotnet, new Packs(["1.0.0", "2.0.0"]), TextWriter.Null).Run(options ?? new UpdateOptions(root));

    [Theory]
    [MemberData(nameof(Checkouts))]
    public void Nothing_edited_is_a_clean_update_with_every_file_in_the_ending_it_had(string checkout, bool newFilesCrlf)
    {
        Checkout(checkout);

        var result = Update();

        Assert.Empty(result.Attention);
        Assert.Equal(
            ["README.md TakeTemplate", "SECURITY.md TakeTemplate", "ci.yml TakeTemplate", "docs/new.md Added", "docs/old.md Removed", "src/Acme.Text/packages.lock.json Regenerate"],
            result.Files.Select(f => $"{f.Path} {f.Outcome}"));
        Assert.Equal(Crlf("title\nintro\nbody\nEND\n"), Read("README.md"));
        Assert.Equal(Crlf("steps:\n  - build --locked\n"), Read("ci.yml"));
        Assert.Equal(newFilesCrlf ? "new\r\n" : "new\n", Read("docs/new.md"));
        Assert.False(File.Exists(Path.Combine(root, "docs/old.md")));
        Assert.Contains("\r\n", Read(TemplateRecord.FileName), StringComparison.Ordinal);
        Assert.Equal("2.0.0", TemplateRecord.Read(Read(TemplateRecord.FileName)).Version);
    }

    [Theory]
    [MemberData(nameof(Checkouts))]
    public void A_real_edit_is_merged_or_a_real_conflict_in_the_ending_it_had(string checkout, bool newFilesCrlf)
    {
        Checkout(checkout);
        Write("README.md", Crlf("title\nintro, by the team\nbody\nend\n"));
        Write("ci.yml", Crlf("steps:\n  - build --team\n"));
        Write("docs/old.md", Crlf("old, kept by the team\n"));
        Git("commit", "-q", "-a", "-m", "the team's edits");

        var result = Update();

        Assert.Equal(
            ["README.md Merged", "SECURITY.md TakeTemplate", "ci.yml Conflict", "docs/new.md Added", "docs/old.md KeptChanged", "src/Acme.Text/packages.lock.json Regenerate"],
            result.Files.Select(f => $"{f.Path} {f.Outcome}"));
        Assert.Equal(Crlf("title\nintro, by the team\nbody\nEND\n"), Read("README.md"));
        Assert.Equal(Crlf("steps:\n<<<<<<< ci.yml (yours)\n  - build --team\n=======\n  - build --locked\n>>>>>>> ci.yml (template now)\n"), Read("ci.yml"));
        Assert.Equal(Crlf("old, kept by the team\n"), Read("docs/old.md"));
        Assert.Equal(newFilesCrlf ? "new\r\n" : "new\n", Read("docs/new.md"));
        Assert.Equal(["ci.yml"], ConflictMarkers.Unresolved(git, root));
    }

    /// <summary>Outside git's conversion (a file marked -text) the bytes are compared as they are: a CRLF file is the team's change.</summary>
    [Fact]
    public void A_path_git_does_not_convert_is_compared_byte_for_byte()
    {
        Checkout("autocrlf=true");
        Write(".gitattributes", "README.md -text\n");
        Git("add", "-A");
        Git("commit", "-q", "-m", "README.md as it is");

        var result = Update();

        Assert.Equal(MergeOutcome.Conflict, result.Files.Single(f => f.Path == "README.md").Outcome);
        Assert.Equal(MergeOutcome.TakeTemplate, result.Files.Single(f => f.Path == "SECURITY.md").Outcome);
    }

    /// <summary>Writing a file back in CRLF and reading it as git's index would give the same content; CRLF twice is CRLF once.</summary>
    [Fact]
    public void Line_ending_conversions_round_trip() =>
        Gen.String["ab\r\né"].Sample(text =>
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var lf = LineEndings.ToLf(bytes);
            Assert.Equal(lf, LineEndings.ToLf(LineEndings.ToCrlf(bytes)));
            Assert.Equal(LineEndings.ToCrlf(lf), LineEndings.ToCrlf(LineEndings.ToCrlf(lf)));
            Assert.Equal(text.Count(c => c == '\n'), Encoding.UTF8.GetString(LineEndings.ToCrlf(bytes)).Split("\r\n").Length - 1);
        });
}
