using System.Diagnostics;
using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Adoption.Update;
using Standards.Sdk.Checks.State;

namespace Standards.Tool.Tests;

/// <summary>
/// The tool reads the repo's settings files (the template record, the baselines, global.json) as the build does: a
/// FIFO or a link to one made update and adopt wait for ever, a file of gigabytes ran them out of memory. Each is now
/// the format's coded error naming the file, within seconds: every read runs on a task bounded at 30 s, so a
/// regression fails here instead of hanging the test run.
/// </summary>
public sealed class BoundedRepoFilesTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string root = Path.Combine(Path.GetTempPath(), "standards-tests", "bounded-tool-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> fifos = [];

    public BoundedRepoFilesTests() => Directory.CreateDirectory(root);

    [Theory]
    [InlineData("fifo")]
    [InlineData("link to fifo")]
    public void A_FIFO_as_the_template_record_is_STD7531_naming_it_within_seconds(string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // FIFOs are made with mkfifo(1).
        }

        Special(TemplateRecord.FileName, kind);

        var error = Refusal(() => TemplateUpdater.ReadRecord(root));

        Assert.Equal(("STD7531", TemplateRecord.FileName), (error.Code, error.File));
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("standards-baseline.json", "fifo")]
    [InlineData("standards-baseline.json", "link to fifo")]
    [InlineData("standards-code-baseline.json", "link to fifo")]
    public void A_FIFO_as_a_baseline_is_STD7504_naming_it_within_seconds(string name, string kind)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Special(name, kind);

        var error = Refusal(() => AdoptionBaselines.Read(root));

        Assert.Equal(("STD7504", name), (error.Code, error.File));
        Assert.Contains("not a regular file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".standards/template-record.json", "STD7531")]
    [InlineData("standards-baseline.json", "STD7504")]
    [InlineData("standards-code-baseline.json", "STD7504")]
    public void A_settings_file_over_the_limit_is_its_formats_error_naming_the_limit(string name, string code)
    {
        var path = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var sparse = new FileStream(path, FileMode.CreateNew))
        {
            sparse.SetLength(BoundedFile.SettingsLimit + 1); // Sparse: costs no disk and, unless read, no memory.
        }

        var error = Refusal(() => name == TemplateRecord.FileName ? TemplateUpdater.ReadRecord(root) : (object)AdoptionBaselines.Read(root));

        Assert.Equal((code, name), (error.Code, error.File));
        Assert.Contains("16 MiB (16777216 bytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_dev_zero_as_global_json_is_STD7505()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        File.CreateSymbolicLink(Path.Combine(root, "global.json"), "/dev/zero");

        var error = Refusal(() => RepoText.ReadOrNull(Path.Combine(root, "global.json"), "global.json"));

        Assert.Equal(("STD7505", "global.json"), (error.Code, error.File));
    }

    [Fact]
    public void Regular_baselines_still_read()
    {
        File.WriteAllText(Path.Combine(root, "standards-baseline.json"), "{ \"version\": 1, \"findings\": [] }");

        var baselines = Within(() => AdoptionBaselines.Read(root));

        Assert.NotNull(baselines.Repo);
        Assert.Null(baselines.Code);
    }

    public void Dispose()
    {
        // A regression blocked in open(2) on a FIFO is released by a writer, so no thread is left waiting.
        foreach (var fifo in fifos)
        {
            try
            {
                using var release = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite);
            }
            catch (IOException)
            {
            }

            if (!fifo.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                File.Delete(fifo);
            }
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static T Within<T>(Func<T> read)
    {
        var task = Task.Run(read);
        Assert.True(task.Wait(Bound), "The read did not finish within 30 s: it is waiting on a FIFO.");
        return task.Result;
    }

    private static ToolException Refusal(Func<object?> read) => Within(() =>
    {
        try
        {
            read();
            return null;
        }
        catch (ToolException ex)
        {
            return ex;
        }
    }) ?? throw new Xunit.Sdk.XunitException("The file was read; a refusal was expected.");

    /// <summary>A FIFO at <paramref name="relative"/>, or (<c>link to fifo</c>) a link there to a FIFO outside the repo.</summary>
    private void Special(string relative, string kind)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fifo = kind == "fifo" ? path : root + "-fifo-" + fifos.Count;
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        fifos.Add(fifo);
        if (kind != "fifo")
        {
            File.CreateSymbolicLink(path, fifo);
        }
    }
}
