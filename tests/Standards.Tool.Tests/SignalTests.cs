using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>
/// The built tool as a terminal's Ctrl-C meets it: SIGINT sent to its process group while the survey build runs. The
/// tool runs in its own process group (setsid), SIGINT's disposition set by perl. A scripted `dotnet`, first on PATH,
/// writes its process id when the survey build starts and then sleeps until a signal ends it.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SignalTests : IDisposable
{
    private const string ScriptedDotnet = "#!/bin/sh\ncase \"$1\" in\n  --version) echo 10.0.100 ;;\n  build) echo $$ > \"$STANDARDS_TEST_BUILD_STARTED\"; exec sleep 300 ;;\nesac\nexit 0\n";

    private readonly string folder = Directory.CreateTempSubdirectory("signal").FullName;

    private string Repo => Path.Combine(folder, "repo");

    private string Temp => Path.Combine(folder, "tmp");

    private string Started => Path.Combine(folder, "build-started");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// With SIGINT at its default disposition, and inherited ignored, as a background job of a non-interactive shell
    /// (<c>command &amp;</c> in a script) starts: the tool asks for Ctrl-C, so it honours it either way.
    /// </summary>
    [Theory]
    [InlineData("adopt", "DEFAULT")]
    [InlineData("survey", "DEFAULT")]
    [InlineData("adopt", "IGNORE")]
    public void Sigint_to_the_process_group_during_the_survey_build_exits_130_and_leaves_the_repo_and_the_temp_folder_as_they_were(string command, string disposition)
    {
        CreateRepo();
        var before = Hashes();
        using var tool = StartTool(command, disposition);
        if (!WaitForBuild(tool))
        {
            Assert.Fail("The survey build did not start: " + Output(tool));
        }

        Assert.Equal(0, Run("kill", "-s", "INT", "--", $"-{tool.Id}").ExitCode);
        if (!tool.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            tool.Kill(entireProcessTree: true);
            Assert.Fail("The tool did not stop on SIGINT.");
        }

        tool.WaitForExit();
        var (output, error) = (tool.StandardOutput.ReadToEnd(), tool.StandardError.ReadToEnd());
        Assert.True(tool.ExitCode == 130, $"exit code {tool.ExitCode}: {output}{error}");
        Assert.Equal("Cancelled.", error.Trim());
        Assert.Empty(Run("git", "status", "--porcelain", "--ignored").Output);
        Assert.Equal(before, Hashes());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
        Assert.False(IsRunning(int.Parse(File.ReadAllText(Started).Trim(), System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void CreateRepo()
    {
        Directory.CreateDirectory(Temp);
        Write("bin/dotnet", ScriptedDotnet);
        File.SetUnixFileMode(Path.Combine(folder, "bin/dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Write("repo/src/A/A.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        Write("repo/src/A/C.cs", "namespace A;\n\npublic static class C\n{\n}\n");
        Write("repo/.gitignore", "bin/\nobj/\nartifacts/\n");
        Assert.Equal(0, Run("git", "init", "-q").ExitCode);
        Assert.Equal(0, Run("git", "add", "-A").ExitCode);
        Assert.Equal(0, Run("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "c").ExitCode);
    }

    /// <summary>The tool's apphost beside the tests, through perl (SIGINT's disposition) and setsid (its own process group).</summary>
    private Process StartTool(string command, string disposition)
    {
        var info = new ProcessStartInfo("perl") { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] arguments = ["-e", "$SIG{INT} = '" + disposition + "'; exec { $ARGV[0] } @ARGV or die \"exec: $!\"", "setsid", Path.Combine(AppContext.BaseDirectory, "dotnet-standards"), command, Repo];
        foreach (var argument in command == "adopt" ? [.. arguments, "--sdk-version", "9.9.9"] : arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PATH"] = Path.Combine(folder, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["TMPDIR"] = Temp;
        info.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        info.Environment["STANDARDS_TEST_BUILD_STARTED"] = Started;
        foreach (var name in new[] { "CI", "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD" })
        {
            info.Environment.Remove(name);
        }

        return Process.Start(info)!;
    }

    /// <summary>Waits (at most two minutes, a guard, not a measure) until the scripted survey build runs.</summary>
    private bool WaitForBuild(Process tool)
    {
        var watch = Stopwatch.StartNew();
        while (!File.Exists(Started) || File.ReadAllText(Started).Trim().Length == 0)
        {
            if (tool.HasExited || watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }

    private static string Output(Process tool)
    {
        if (!tool.HasExited)
        {
            tool.Kill(entireProcessTree: true);
        }

        return tool.StandardOutput.ReadToEnd() + tool.StandardError.ReadToEnd();
    }

    private static bool IsRunning(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Every file of the repo outside .git with the SHA-256 of its bytes.</summary>
    private Dictionary<string, string> Hashes() => Directory.EnumerateFiles(Repo, "*", SearchOption.AllDirectories)
        .Where(f => !Path.GetRelativePath(Repo, f).StartsWith(".git" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        .ToDictionary(f => Path.GetRelativePath(Repo, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);

    private CommandResult Run(string command, params string[] arguments) => new ProcessCommandRunner().Run(command, arguments, Repo);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
    }
}
