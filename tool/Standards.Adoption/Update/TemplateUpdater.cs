using System.Runtime.ExceptionServices;
using NuGet.Versioning;
using Standards.Adoption.Upgrade;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Update;

/// <summary>The options of <c>dotnet standards update</c>.</summary>
/// <param name="Path">The repo root.</param>
/// <param name="To">The template pack version to move to; null for the newest listed one.</param>
/// <param name="DryRun">Report what would change; write nothing.</param>
/// <param name="Check">Report how far behind the repo is and which files would change; write nothing.</param>
/// <param name="AllowDirty">Run on a tree with uncommitted changes.</param>
public sealed record UpdateOptions(string Path, string? To = null, bool DryRun = false, bool Check = false, bool AllowDirty = false);

/// <summary>What an update found and did.</summary>
public sealed class UpdateResult
{
    /// <summary>The recorded template.</summary>
    public required string Template { get; init; }

    /// <summary>The recorded pack version.</summary>
    public required string From { get; init; }

    /// <summary>The version updated (or to update) to; equal to <see cref="From"/> when up to date.</summary>
    public required string To { get; init; }

    /// <summary>Versions the feeds list between <see cref="From"/> (excluded) and <see cref="To"/> (included).</summary>
    public required int VersionsBehind { get; init; }

    /// <summary>Every file the update writes, deletes or lists (unchanged files are left out), sorted by path.</summary>
    public required IReadOnlyList<FileMerge> Files { get; init; }

    /// <summary>True when the repo was written.</summary>
    public required bool Written { get; init; }

    /// <summary>
    /// The Standards.Sdk version the repo pins (global.json's <c>msbuild-sdks</c>, else the record's
    /// <c>sdk-version</c>), which update keeps: <c>dotnet standards upgrade</c> moves it, with the baselines and the
    /// verification build a new SDK version needs. Null when the repo pins none.
    /// </summary>
    public string? SdkPin { get; init; }

    /// <summary>True when the lock files still need <c>dotnet restore --force-evaluate</c>: a file the restore reads was written with conflict markers.</summary>
    public bool RestorePending { get; init; }

    /// <summary>The command that moves the SDK pin to the template version updated to; null when the pin is not older or there is none.</summary>
    public string? SdkUpgrade => Behind && NuGetVersion.TryParse(SdkPin, out var pin) && NuGetVersion.TryParse(To, out var to) && pin < to ? $"dotnet standards upgrade --to {To}" : null;

    /// <summary>
    /// True when the repo has no template record: a read-only run (<c>--check</c>, <c>--dry-run</c>) has nothing to
    /// compare and reports that instead of failing, since a repo that was adopted, not generated, is not behind.
    /// </summary>
    public bool NoRecord { get; init; }

    /// <summary>True when the repo is behind the target version.</summary>
    public bool Behind => From != To;

    /// <summary>The files that need a person: conflicts, binary files, files the team deleted or renamed, removed files the team changed.</summary>
    public IReadOnlyList<FileMerge> Attention => [.. Files.Where(f => Code(f.Outcome) is not null)];

    /// <summary>The code listed with a file that needs a person, or null.</summary>
    public static string? Code(MergeOutcome outcome) => outcome switch
    {
        MergeOutcome.Conflict => ToolRuleIds.TemplateMergeConflict,
        MergeOutcome.Binary => ToolRuleIds.TemplateBinaryConflict,
        MergeOutcome.DeletedByTeam => ToolRuleIds.TemplateFileGone,
        MergeOutcome.KeptChanged => ToolRuleIds.TemplateRemovedChanged,
        _ => null,
    };
}

/// <summary>
/// <c>dotnet standards update</c>: regenerates the template the repo records (<see cref="TemplateRecord"/>) at the
/// recorded version (base) and at the target version (theirs), each from its own package in a private template hive
/// (<c>dotnet new --debug:custom-hive</c>, never the user's), and merges the difference into the repo (ours) file
/// by file with <see cref="TemplateMerge"/>, each file compared as git's index holds it (<see cref="LineEndings"/>)
/// and written in the ending the checkout has. Theirs is generated at the SDK version the repo pins: the update keeps
/// the pin, and <c>dotnet standards upgrade</c> moves it. The repo is written all files or none, with the record's
/// version moved; lock files are restored, not merged, while the change is still journaled, so a failed or
/// cancelled restore puts every file back.
/// </summary>
public sealed class TemplateUpdater(ICommandRunner runner, ITemplatePacks packs, TextWriter log)
{
    /// <summary>The CLI's first-run work (banner, certificate, first-use sentinel, workload update check) is not done for a private hive.</summary>
    private static readonly Dictionary<string, string?> DotnetEnvironment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
    };

    /// <summary>
    /// The hive holds the one pack: the SDK's own template packages are not scanned into its cache, and no MSBuild
    /// project around the work folder is evaluated for context.
    /// </summary>
    private static readonly string[] HiveOnly = ["--debug:disable-sdk-templates", "--debug:disable-project-context"];

    /// <summary>The files a restore evaluates: conflict markers in one of them make it fail.</summary>
    private static readonly string[] RestoreInputs = [".csproj", ".fsproj", ".vbproj", ".proj", ".props", ".targets", ".sln", ".slnx", ".json", ".config"];

    /// <summary>The template option that pins Standards.Sdk in the generated global.json.</summary>
    private const string SdkVersionOption = "sdk-version";

    /// <summary>Runs the update.</summary>
    public UpdateResult Run(UpdateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var root = System.IO.Path.GetFullPath(options.Path);
        var writes = !options.DryRun && !options.Check;
        // A command killed while it wrote the repo left a journal: its files are put back before anything reads them
        // (a --check or --dry-run writes nothing and stops instead of judging a half-written tree).
        TreeWrite.RecoverBeforeCommand(runner, root, !writes, "`dotnet standards update`");
        if (!writes && !File.Exists(System.IO.Path.Combine(root, TemplateRecord.FileName)) && !File.Exists(System.IO.Path.Combine(root, TemplateRecord.LegacyFileName)))
        {
            return new UpdateResult { Template = string.Empty, From = string.Empty, To = string.Empty, VersionsBehind = 0, Files = [], Written = false, NoRecord = true };
        }

        var record = ReadRecord(root);
        if (writes && !options.AllowDirty && RepoFiles.IsGitRepo(runner, root) && RepoFiles.Uncommitted(runner, root) is { Count: > 0 } dirty)
        {
            throw new ToolException(ToolRuleIds.DirtyTree,
                $"the git tree has {dirty.Count} uncommitted change(s) ({string.Join(", ", dirty.Take(5))}). Commit or stash them first, so the update is one reviewable change and a conflict can be undone, or pass --allow-dirty.");
        }

        var (from, to, behind) = ChooseVersions(record, options.To);
        if (from == to)
        {
            // Up to date by the record, but a conflict the last update wrote is not resolved until its markers are gone.
            var unresolved = ConflictMarkers.Unresolved(runner, root).Select(path => new FileMerge(path, MergeOutcome.Conflict)).ToList();
            return new UpdateResult { Template = record.Template, From = record.Version, To = record.Version, VersionsBehind = 0, Files = unresolved, Written = false };
        }

        var pin = PinnedSdk(root, record);
        var (plan, endings) = Plan(root, record, from, to, pin);
        var files = plan.Where(f => f.Outcome != MergeOutcome.Unchanged).ToList();
        var restorePending = writes && Write(root, (pin is null ? record : WithSdk(record, pin)) with { Version = to.ToNormalizedString() }, files, endings);
        return new UpdateResult
        {
            Template = record.Template, From = record.Version, To = to.ToNormalizedString(), VersionsBehind = behind, Files = files, Written = writes,
            SdkPin = pin, RestorePending = restorePending,
        };
    }

    /// <summary>
    /// <c>update --init</c>: records what generated a repo made before the templates wrote the record. The version must
    /// be one the feeds serve (it is the base of every later update); a repo that has a record keeps it (STD7537).
    /// </summary>
    /// <param name="root">The repo root.</param>
    /// <param name="template">The template's short name.</param>
    /// <param name="from">The pack version the repo was generated with.</param>
    /// <param name="tokens">The options it was generated with, as typed for <c>dotnet new</c> (<c>--owner=x</c>, <c>--ci gitlab</c>, <c>-n Name</c>).</param>
    /// <param name="today">The generation date when the tokens give no <c>--generated-on</c>.</param>
    public TemplateRecord Init(string root, string template, string from, IReadOnlyList<string> tokens, string today)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        TreeWrite.RecoverBeforeCommand(runner, root, readOnly: false, "`dotnet standards update --init`");
        if (TemplateRecord.Find(root) is { } existing)
        {
            throw new ToolException(ToolRuleIds.TemplateRecordExists,
                $"{existing} exists already: the repo says what generated it. Run `dotnet standards update`; edit the record by hand to correct an option.", existing);
        }

        if (!NuGetVersion.TryParse(from, out var version) || !packs.Versions().Any(v => v.Version == version))
        {
            throw Unavailable(from, "--from names it as the version the repo was generated with");
        }

        var options = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? token : token[..equals]) switch
            {
                "-n" => "name",
                var t when t.StartsWith("--", StringComparison.Ordinal) && t.Length > 2 => t[2..],
                _ => throw new ToolException(ToolRuleIds.Usage, $"'{token}' is not a template option: give each as --option=value (the options of `dotnet new {template} --help`) and the name as --name=<-n value>."),
            };
            var value = equals >= 0 ? token[(equals + 1)..] : i + 1 < tokens.Count ? tokens[++i] : throw new ToolException(ToolRuleIds.Usage, $"{token} has no value: write {token}=<value>.");
            options.RemoveAll(o => o.Key == name);
            options.Add(new(name, value));
        }

        var date = options.FirstOrDefault(o => o.Key == TemplateRecord.DateOption).Value ?? today;
        options.RemoveAll(o => o.Key == TemplateRecord.DateOption);
        var text = new TemplateRecord(template, version.ToNormalizedString(), date, options).ToJson();

        // Read back: the same checks as every later update (a name, a template, a date), before anything is written.
        var record = TemplateRecord.Read(text);
        TreeWrite.Commit(root, [(TemplateRecord.FileName, System.Text.Encoding.UTF8.GetBytes(text))]);
        return record;
    }

    /// <summary>Reads the repo's record (under its earlier name too): STD7530 when it has none, STD7531 when it is not one.</summary>
    public static TemplateRecord ReadRecord(string root)
    {
        if (TemplateRecord.Find(root) is not { } name)
        {
            throw new ToolException(ToolRuleIds.TemplateRecordMissing,
                $"{TemplateRecord.FileName} does not exist, so there is no record of the template that generated {root}. Record it once with `dotnet standards update --init --template <short name> --from <version> --name=<-n value> [--option=value ...]` (the options it was generated with), commit the record, then run update.",
                TemplateRecord.FileName);
        }

        try
        {
            return TemplateRecord.Read(RepoText.Read(System.IO.Path.Combine(root, name), name));
        }
        catch (ToolException ex) when (name != TemplateRecord.FileName && ex.File == TemplateRecord.FileName)
        {
            // A record under its earlier name: the finding names the file the repo has.
            throw new ToolException(ex.Code, ex.Message.Replace(TemplateRecord.FileName, name, StringComparison.Ordinal), name, ex.Line);
        }
    }

    private (NuGetVersion From, NuGetVersion To, int Behind) ChooseVersions(TemplateRecord record, string? requested)
    {
        var served = packs.Versions();
        var from = NuGetVersion.Parse(record.Version);
        if (!served.Any(v => v.Version == from))
        {
            throw Unavailable(from, $"the recorded version ({TemplateRecord.FileName}) is the base of the merge");
        }

        NuGetVersion to;
        if (requested is null)
        {
            to = served.Where(v => v.Listed).Select(v => v.Version).DefaultIfEmpty(from).Max()!;
            to = to < from ? from : to;
        }
        else if (!NuGetVersion.TryParse(requested, out to!) || !served.Any(v => v.Version == to))
        {
            throw Unavailable(requested, "--to names it");
        }

        if (to < from)
        {
            throw new ToolException(ToolRuleIds.Downgrade,
                $"--to {to} is older than the recorded version {from}; update moves a repo forward only. Give a newer version, or none for the newest.", TemplateRecord.FileName);
        }

        return (from, to, served.Count(v => v.Listed && v.Version > from && v.Version <= to));
    }

    /// <summary>
    /// The Standards.Sdk version the repo pins: global.json's <c>msbuild-sdks</c> entry (a malformed global.json is
    /// STD7505), else the record's <c>sdk-version</c>; null when neither names one.
    /// </summary>
    private static string? PinnedSdk(string root, TemplateRecord record)
    {
        var file = System.IO.Path.Combine(root, GlobalJsonEditor.FileName);
        if (File.Exists(file))
        {
            try
            {
                var pin = VersionMoves.PinnedSdk(RepoText.Read(file, GlobalJsonEditor.FileName));
                return pin.OriginalVersion ?? pin.ToNormalizedString();
            }
            catch (ToolException ex) when (ex.Code == ToolRuleIds.NotOnSdk)
            {
                // A global.json without the pin: the record says what the repo was generated with.
            }
        }

        return record.Option(SdkVersionOption);
    }

    /// <summary>The record with its <c>sdk-version</c> option set to <paramref name="pin"/> (added when it has none).</summary>
    private static TemplateRecord WithSdk(TemplateRecord record, string pin) => record with
    {
        Options = record.Option(SdkVersionOption) is null
            ? [.. record.Options, new(SdkVersionOption, pin)]
            : [.. record.Options.Select(o => o.Key == SdkVersionOption ? new KeyValuePair<string, string>(o.Key, pin) : o)],
    };

    private ToolException Unavailable(object version, string why) =>
        new(ToolRuleIds.VersionUnavailable,
            $"the feeds do not serve {NuGetTemplatePacks.PackageId} {version} ({why}; feeds: {packs.Describe()}). Publish that version, add the feed that serves it to nuget.config, or give --to a version the feeds list; nothing was written.",
            TemplateRecord.FileName);

    /// <summary>
    /// The merge plan: both versions generated from the record in private hives (theirs at the SDK version the repo
    /// pins), compared with the repo as git's index holds each file; and the checkout's line endings.
    /// </summary>
    private (List<FileMerge> Files, LineEndings Endings) Plan(string root, TemplateRecord record, NuGetVersion from, NuGetVersion to, string? pin)
    {
        var work = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "standards-update-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        try
        {
            var (before, after) = GenerateBoth(work, record, from, to, pin);
            log.WriteLine($"Merging {after.Count} template files into the repo");
            var endings = LineEndings.Read(runner, root, [.. before.Keys.Union(after.Keys, StringComparer.Ordinal).Append(TemplateRecord.FileName).Append(TemplateRecord.LegacyFileName)]);
            return ([.. new TemplateMerge(runner).Plan(before, after, path => Ours(root, path), endings)], endings);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static byte[]? Ours(string root, string path)
    {
        // The template's file names come from a package: they go through the resolver as the repo's own do.
        var file = RepoPath.Resolve(root, path, "the template's file list");
        return File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    /// <summary>
    /// Base and theirs at once: each version is installed into its own hive and generated into its own folder, so the
    /// two <c>dotnet new</c> runs share nothing. The packages are downloaded first, one after the other; when either
    /// generation fails, the error of the base is thrown before that of theirs. Theirs keeps the SDK version the repo
    /// pins (<paramref name="pin"/>): moving it is upgrade's work (baselines for the new rules, a verification build),
    /// not a template merge's; without a pin it follows the pack, as the templates default.
    /// </summary>
    private (Dictionary<string, byte[]> Before, Dictionary<string, byte[]> After) GenerateBoth(string work, TemplateRecord record, NuGetVersion from, NuGetVersion to, string? pin)
    {
        (TemplateRecord Record, NuGetVersion Version, bool FollowSdkVersion)[] versions = [(record, from, false), pin is null ? (record, to, true) : (WithSdk(record, pin), to, false)];
        var packages = versions.Select(v => Download(work, record, v.Version)).ToArray();
        var files = new Dictionary<string, byte[]>[versions.Length];
        var errors = new ExceptionDispatchInfo?[versions.Length];
        Parallel.For(0, versions.Length, i =>
        {
            try
            {
                files[i] = Generate(work, versions[i].Record, versions[i].Version, packages[i], versions[i].FollowSdkVersion);
            }
            catch (Exception ex) when (ex is ToolException or OperationCanceledException or IOException or UnauthorizedAccessException)
            {
                errors[i] = ExceptionDispatchInfo.Capture(ex);
            }
        });
        errors.FirstOrDefault(e => e is not null)?.Throw();
        return (files[0], files[1]);
    }

    private string Download(string work, TemplateRecord record, NuGetVersion version)
    {
        var name = version.ToNormalizedString();
        log.WriteLine($"Generating {record.Template} {name} from the record");
        var package = System.IO.Path.Combine(work, $"{NuGetTemplatePacks.PackageId}.{name}.nupkg");
        return packs.Download(version, package) ? package : throw Unavailable(name, "the feeds list it but serve no package");
    }

    /// <summary>The files <c>dotnet new</c> writes for the record at one version (the record itself left out: update writes it).</summary>
    private Dictionary<string, byte[]> Generate(string work, TemplateRecord record, NuGetVersion version, string package, bool followSdkVersion)
    {
        var name = version.ToNormalizedString();
        var hive = System.IO.Path.Combine(work, "hive-" + name);
        Dotnet(work, $"install {NuGetTemplatePacks.PackageId} {name}", ["new", "install", package, "--debug:custom-hive", hive, .. HiveOnly]);
        var output = System.IO.Path.Combine(work, "out-" + name);
        Dotnet(work, $"generate {record.Template} {name} from the record", ["new", record.Template, .. record.Arguments(output, followSdkVersion), "--no-update-check", "--debug:custom-hive", hive, .. HiveOnly]);
        return Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => (Path: System.IO.Path.GetRelativePath(output, f).Replace('\\', '/'), File: f))
            .Where(f => f.Path is not (TemplateRecord.FileName or TemplateRecord.LegacyFileName))
            .ToDictionary(f => f.Path, f => File.ReadAllBytes(f.File), StringComparer.Ordinal);
    }

    private void Dotnet(string folder, string what, IReadOnlyList<string> arguments)
    {
        var result = runner.Run("dotnet", arguments, folder, DotnetEnvironment);
        if (result.ExitCode != 0)
        {
            throw new ToolException(ToolRuleIds.TemplateGenerationFailed,
                $"could not {what} (`dotnet {string.Join(' ', arguments)}` exited {result.ExitCode}): {Tail(result.Output)} Fix the option it names in {TemplateRecord.FileName} (each option of `dotnet new <template> --help`, written without --); nothing was written.",
                TemplateRecord.FileName);
        }
    }

    private static string Tail(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.TakeLast(6));
    }

    /// <summary>
    /// Writes the plan and the record at the new version (<paramref name="moved"/>), all or nothing, each file in the
    /// checkout's ending; then, when the template or the repo has lock files, restores them while the change is still
    /// journaled: a restore that fails or is cancelled puts every file back, the lock files included, and removes the
    /// lock files it created. Returns true when the restore is left to the person: a file it reads holds conflict markers.
    /// </summary>
    private bool Write(string root, TemplateRecord moved, List<FileMerge> files, LineEndings endings)
    {
        var changes = files.Where(f => f.Writes).Select(f => (f.Path, f.Content)).ToList();
        var legacy = Ours(root, TemplateRecord.LegacyFileName);
        changes.Add((TemplateRecord.FileName, endings.Checkout(TemplateRecord.FileName, System.Text.Encoding.UTF8.GetBytes(moved.ToJson()), Ours(root, TemplateRecord.FileName) ?? legacy)));
        if (legacy is not null)
        {
            // The record moves to the name the template engine does not load as a template.
            changes.Add((TemplateRecord.LegacyFileName, null));
        }

        // The template's lock files are regenerated, not merged; lock files the team committed itself (a template whose
        // output has none) follow too: the merged project files may reference other packages.
        var lockFiles = LockFiles(root);
        var restore = files.Any(f => f.Outcome == MergeOutcome.Regenerate) || lockFiles.Count > 0;
        if (!restore || files.Any(f => f.Outcome == MergeOutcome.Conflict && RestoreInputs.Any(e => f.Path.EndsWith(e, StringComparison.OrdinalIgnoreCase))))
        {
            TreeWrite.Commit(root, changes);
            return restore;
        }

        // The lock files join the journal unchanged, so putting the change back puts back what the restore rewrote.
        changes.AddRange(lockFiles.Select(path => (path, (byte[]?)File.ReadAllBytes(System.IO.Path.Combine(root, path)))));
        try
        {
            TreeWrite.CommitAfter(root, changes, () => Restore(root));
        }
        catch (Exception ex) when (ex is ToolException or OperationCanceledException or IOException or UnauthorizedAccessException)
        {
            // Read from the disk, not git: after Ctrl-C the runner starts no more commands.
            foreach (var created in LockFiles(root).Except(lockFiles, StringComparer.Ordinal))
            {
                File.Delete(System.IO.Path.Combine(root, created));
            }

            throw;
        }

        return false;
    }

    /// <summary>The repo's lock files, found on the disk (build output and .git left out).</summary>
    private List<string> LockFiles(string root) => [.. RepoFiles.List(runner, root, git: false).Where(TemplateMerge.IsLockFile)];

    private void Restore(string root)
    {
        log.WriteLine("Restoring to regenerate the lock files");
        var restore = runner.Run("dotnet", ["restore", "--force-evaluate", "-nologo"], root, DotnetEnvironment);
        // A project whose SDK does not resolve is skipped with a warning (NU1503) and the restore exits 0: the lock
        // files were not written, so that is a failure too.
        if (restore.ExitCode != 0 || restore.Output.Contains("NU1503", StringComparison.Ordinal) || restore.Output.Contains("MSB4236", StringComparison.Ordinal))
        {
            throw new ToolException(ToolRuleIds.BuildFailed,
                $"`dotnet restore --force-evaluate` failed on the merged files, so the lock files could not be regenerated: {Tail(restore.Output)} Every file was put back as it was; fix what the restore names (a package source, the SDK) and run `dotnet standards update` again.");
        }
    }
}
