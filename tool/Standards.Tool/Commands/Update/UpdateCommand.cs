using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Standards.Adoption;
using Standards.Adoption.Update;
using Standards.Adoption.Upgrade;

namespace Standards.Tool.Commands.Update;

/// <summary>
/// <c>dotnet standards update</c>: runs the <see cref="TemplateUpdater"/> with progress and cancellation, and says
/// what it did per file. Exit codes: 0 clean (or up to date), 1 files that need a person (conflicts, binary files,
/// deleted or renamed files) or, with --check, the repo is behind; 2 a coded error; 130 cancelled.
/// </summary>
internal static class UpdateCommand
{
    /// <summary>The template packs of a repo root; tests replace them.</summary>
    internal static Func<string, ITemplatePacks> Packs { get; set; } = root => new NuGetTemplatePacks(new NuGetPackageFeeds(root));

    /// <summary>The parsed options of one update command line.</summary>
    internal sealed record Request(UpdateOptions Options, bool Init, string? Template, string? From, IReadOnlyList<string> TemplateOptions);

    /// <summary>Runs a parsed update command line.</summary>
    public static async Task<int> RunAsync(Request request, Verbosity verbosity, bool json, ToolConsole console, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var progress = Progress.For(verbosity, json ? console.Error : console.Output, json ? console.ErrorIsTerminal : console.OutputIsTerminal, console.NoColor);
        try
        {
            if (!request.Init && request.TemplateOptions.Count > 0)
            {
                throw new ToolException(Standards.Sdk.Checks.Rules.ToolRuleIds.Usage, $"Unrecognized command or argument '{request.TemplateOptions[0]}' (template options go with --init only). See `dotnet standards update --help`.");
            }

            var runner = console.Runner(cancellation, progress);
            var root = Path.GetFullPath(request.Options.Path);
            if (!Directory.Exists(root))
            {
                throw new ToolException(Standards.Sdk.Checks.Rules.ToolRuleIds.Usage, $"{request.Options.Path} is not a folder. Give the repo's root folder.");
            }

            var updater = new TemplateUpdater(runner, Packs(root), progress.Log);
            if (request.Init)
            {
                var record = await progress.RunAsync(() => updater.Init(root, request.Template!, request.From!, request.TemplateOptions, DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ConfigureAwait(false);
                Print(console, json, "init", CommandLine.Success, new JsonObject { ["template"] = record.Template, ["version"] = record.Version, ["record"] = TemplateRecord.FileName },
                    $"Recorded {record.Template} {record.Version} in {TemplateRecord.FileName}; commit it, then run `dotnet standards update`.\n");
                return CommandLine.Success;
            }

            var result = await progress.RunAsync(() => updater.Run(request.Options)).ConfigureAwait(false);
            var exit = result.Attention.Count > 0 || (request.Options.Check && result.Behind) ? CommandLine.Findings : CommandLine.Success;
            Print(console, json, "update", exit, Json(result, request.Options), Text(result, request.Options));
            return exit;
        }
        catch (OperationCanceledException)
        {
            console.Error.WriteLine("Cancelled.");
            WriteJson(console, json, JsonResult.Cancelled("update"));
            return CommandLine.Cancelled;
        }
        catch (ToolException) when (cancellation.IsCancellationRequested)
        {
            console.Error.WriteLine("Cancelled.");
            WriteJson(console, json, JsonResult.Cancelled("update"));
            return CommandLine.Cancelled;
        }
        catch (ToolException ex)
        {
            console.Error.WriteLine(ex.Formatted());
            WriteJson(console, json, JsonResult.Error("update", ex));
            return CommandLine.Error;
        }
    }

    /// <summary>The report of an update as text: where it stands, then one line per file, codes first for what needs a person.</summary>
    internal static string Text(UpdateResult result, UpdateOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        if (result.NoRecord)
        {
            text.Append(CultureInfo.InvariantCulture, $"No {TemplateRecord.FileName}: the repo records no template (it was adopted, or generated before the templates wrote the record), so there is nothing to update. A repo generated from a template records it once with `dotnet standards update --init --template <short name> --from <version> --name=<-n value>`.\n");
            return text.ToString();
        }

        if (!result.Behind && result.Attention.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.Template} {result.From} is the newest template version the feeds serve; nothing to do.\n");
            return text.ToString();
        }

        if (!result.Behind)
        {
            text.Append(CultureInfo.InvariantCulture, $"{result.Template} {result.From} is the newest template version the feeds serve, but {result.Attention.Count} file(s) still hold conflict markers:\n");
            foreach (var file in result.Attention)
            {
                text.Append(CultureInfo.InvariantCulture, $"  conflict     {file.Path}  [{UpdateResult.Code(file.Outcome)}] resolve the conflict markers (<<<<<<< ... >>>>>>>), then commit\n");
            }

            return text.ToString();
        }

        var verb = result.Written ? "Updated" : options.Check ? "Behind:" : "Would update";
        text.Append(CultureInfo.InvariantCulture, $"{verb} {result.Template} {result.From} -> {result.To} ({result.VersionsBehind} version(s) behind); {result.Files.Count} file(s) {(result.Written ? "changed or listed" : "would change or need a person")}.\n");
        foreach (var file in result.Files)
        {
            var code = UpdateResult.Code(file.Outcome);
            text.Append(CultureInfo.InvariantCulture, $"  {Describe(file.Outcome),-12} {file.Path}{(code is null ? string.Empty : $"  [{code}] {Advice(file.Outcome, result.Written)}")}\n");
        }

        if (result.Attention.Count > 0 && result.Written)
        {
            var restore = result.RestorePending ? ", run `dotnet restore --force-evaluate` (the lock files are not regenerated: the restore reads a file with markers)" : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"{result.Attention.Count} file(s) need you: resolve the conflict markers (<<<<<<< ... >>>>>>>){restore}, then commit.\n");
        }

        if (result.SdkUpgrade is { } upgrade)
        {
            text.Append(CultureInfo.InvariantCulture, $"Standards.Sdk stays at {result.SdkPin}, the version the repo pins: update merges the template files only. `{upgrade}` moves the pin, with the baselines and the build the new version's rules need.\n");
        }

        return text.ToString();
    }

    private static string Describe(MergeOutcome outcome) => outcome switch
    {
        MergeOutcome.TakeTemplate => "updated",
        MergeOutcome.Merged => "merged",
        MergeOutcome.Conflict => "conflict",
        MergeOutcome.Added => "added",
        MergeOutcome.Removed => "removed",
        MergeOutcome.KeptChanged => "kept",
        MergeOutcome.DeletedByTeam => "gone",
        MergeOutcome.Binary => "binary",
        MergeOutcome.Regenerate => "restored",
        _ => "unchanged",
    };

    private static string Advice(MergeOutcome outcome, bool written) => outcome switch
    {
        MergeOutcome.Conflict => written ? "both changed the same lines: written with conflict markers" : "both changed the same lines: the update will write conflict markers",
        MergeOutcome.Binary => "a binary file both changed: yours is kept; compare it with the template's by hand",
        MergeOutcome.DeletedByTeam => "you deleted or renamed it and the template changed it: apply the template's change to your file by hand",
        MergeOutcome.KeptChanged => "the template removed it but you changed it: kept; delete it if you no longer need it",
        _ => string.Empty,
    };

    private static JsonObject Json(UpdateResult result, UpdateOptions options) => new()
    {
        ["recorded"] = !result.NoRecord,
        ["template"] = result.NoRecord ? null : result.Template,
        ["from"] = result.NoRecord ? null : result.From,
        ["to"] = result.NoRecord ? null : result.To,
        ["behind"] = result.Behind,
        ["versionsBehind"] = result.VersionsBehind,
        ["check"] = options.Check,
        ["dryRun"] = options.DryRun,
        ["written"] = result.Written,
        ["sdkPin"] = result.SdkPin,
        ["sdkUpgrade"] = result.SdkUpgrade,
        ["restorePending"] = result.RestorePending,
        ["files"] = new JsonArray([.. result.Files.Select(f => (JsonNode?)new JsonObject
        {
            ["path"] = f.Path,
            ["outcome"] = Describe(f.Outcome),
            ["code"] = UpdateResult.Code(f.Outcome),
        })]),
    };

    private static void Print(ToolConsole console, bool json, string command, int exit, JsonObject result, string text)
    {
        if (json)
        {
            var document = new JsonObject
            {
                ["schemaVersion"] = JsonResult.SchemaVersion,
                ["tool"] = "dotnet-standards",
                ["toolVersion"] = CommandLine.ToolVersion,
                ["command"] = command,
                ["status"] = exit == CommandLine.Success ? "ok" : "findings",
                ["exitCode"] = exit,
                ["result"] = result,
                ["error"] = null,
            };
            console.Output.WriteLine(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else
        {
            console.Output.Write(text);
        }
    }

    private static void WriteJson(ToolConsole console, bool json, string document)
    {
        if (json)
        {
            console.Output.WriteLine(document);
        }
    }
}
