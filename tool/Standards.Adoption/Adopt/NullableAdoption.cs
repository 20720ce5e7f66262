using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Json;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>
/// A project file or Directory.Build file that turns nullable reference types off (<c>&lt;Nullable&gt;disable&lt;/Nullable&gt;</c>,
/// <c>annotations</c>, <c>warnings</c>) and the same file with nullable on.
/// </summary>
/// <param name="File">The repo-relative file.</param>
/// <param name="Folder">The repo-relative folder whose code the setting governs ("" for the repo root).</param>
/// <param name="Scope">The scope of a standards.json exception that covers the projects the file governs: the project's name, or the folder of a Directory.Build file (<c>**</c> at the root).</param>
/// <param name="Before">The file's text without this edit (the other edits of adopt applied).</param>
/// <param name="After">The file's text with every literal <c>&lt;Nullable&gt;</c> value set to <c>enable</c>.</param>
/// <param name="Settings">Each value changed: <c>line 5: disable</c>.</param>
public sealed record NullableTurnOn(string File, string Folder, string Scope, string Before, string After, IReadOnlyList<string> Settings)
{
    /// <summary>True when <paramref name="file"/> (repo-relative) is under the folder this setting governs.</summary>
    public bool Governs(string file) => Folder.Length == 0 || file.StartsWith(Folder + "/", StringComparison.Ordinal);
}

/// <summary>
/// Nullable turned off by a project: adopt turns it on, so new code is checked from day one, and the survey build
/// records today's nullable warnings in the code baseline at their places. A file whose code has more nullable
/// warnings than <see cref="DefaultLimit"/> keeps nullable off under a dated STD0101 exception instead, with an owner
/// to fill in (docs/adopting.md, "Nullable turned off").
/// </summary>
public static partial class NullableAdoption
{
    /// <summary>
    /// The most nullable warnings adopt records in the code baseline for one file that turned nullable off; above it,
    /// an exception (docs/adopting.md gives the reason for the number).
    /// </summary>
    public const int DefaultLimit = 500;

    /// <summary>How long the exception adopt records lasts.</summary>
    public const int ExceptionDays = 180;

    /// <summary>The owner the exception names until the team fills it in.</summary>
    public const string OwnerPlaceholder = "TODO: owner";

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"(?<open><Nullable(\s[^>]*)?>)(?<value>[^<]*)</Nullable\s*>", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex NullableElement();

    [GeneratedRegex("<!--.*?-->", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>
    /// The file with nullable on: every <c>&lt;Nullable&gt;</c> element outside a comment whose value is a literal other
    /// than <c>enable</c> gets <c>enable</c>, and every other byte stays. Null when there is nothing to change (an
    /// MSBuild expression such as <c>$(LegacyNullable)</c> is left as it is: the build reports STD0101 where it is set).
    /// </summary>
    public static NullableTurnOn? TurnOn(string relativePath, string text, bool isProject)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        var comments = Comment().Matches(text).Select(c => (c.Index, End: c.Index + c.Length)).ToList();
        var settings = new List<string>();
        var after = NullableElement().Replace(text, match =>
        {
            var value = match.Groups["value"].Value.Trim();
            if (comments.Any(c => match.Index >= c.Index && match.Index < c.End)
                || value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Contains("$(", StringComparison.Ordinal))
            {
                return match.Value;
            }

            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            settings.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}: {value}"));
            return match.Groups["open"].Value + "enable" + match.Value[(match.Groups["value"].Index - match.Index + match.Groups["value"].Length)..];
        });
        if (settings.Count == 0)
        {
            return null;
        }

        ProjectFileEditor.Parse(relativePath, after);
        var folder = Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? string.Empty;
        var scope = isProject ? Path.GetFileNameWithoutExtension(relativePath) : folder.Length == 0 ? "**" : folder;
        return new NullableTurnOn(relativePath, folder, scope, text, after, settings);
    }

    /// <summary>
    /// The scopes standards.json (null: none) already excepts from STD0101: a file adopt finds under one of them (by
    /// the exact scope adopt would write) keeps its setting, so a second run does not undo the team's exception or
    /// add it twice.
    /// </summary>
    public static IReadOnlySet<string> ExceptedScopes(string? policy) =>
        Exceptions(policy).Where(e => e.Rule == PolicyRuleIds.NullableLocked).Select(e => e.Scope).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rule and scope of every exception of standards.json (null: none), as written.</summary>
    public static IReadOnlySet<(string Rule, string Scope)> Exceptions(string? policy)
    {
        if (policy is null)
        {
            return new HashSet<(string, string)>();
        }

        var (root, _) = EditableJson.Load(JsonFormats.Policy, CoverageMinimums.PolicyFile, policy, "Fix it (the build reports it as STD0001 or STD0002) and run the command again.");
        return (root["exceptions"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(e => (Rule: Text(e["rule"]), Scope: Text(e["scope"])))
            .Where(e => e.Rule is not null && e.Scope is not null)
            .Select(e => (e.Rule!, e.Scope!))
            .ToHashSet();
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The nullable warnings of <paramref name="entries"/> in the code <paramref name="turnOn"/> governs.</summary>
    public static List<CodeEntry> Warnings(NullableTurnOn turnOn, IEnumerable<CodeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(turnOn);
        return entries.Where(e => NullableWarnings.Covers(e.Id) && turnOn.Governs(e.File)).ToList();
    }

    /// <summary>standards.json (null: none yet) with an STD0101 exception for <paramref name="turnOn"/>'s scope; other settings are kept.</summary>
    public static string AddException(string? policy, NullableTurnOn turnOn, int warnings, int limit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(turnOn);
        return AddException(policy, PolicyRuleIds.NullableLocked, turnOn.Scope, string.Create(CultureInfo.InvariantCulture,
            $"{turnOn.File} turns nullable off and its code has {warnings} nullable warnings, more than adopt records in the code baseline ({limit}); turn it on project by project (or folder by folder with #nullable enable) before the expiry."), today);
    }

    /// <summary>
    /// standards.json (null: none yet) with a file-scoped STD0101 exception for a source file that turns nullable
    /// off itself (<c>#nullable disable</c>: vendored or legacy code); other settings are kept.
    /// </summary>
    public static string AddFileException(string? policy, string file, DateOnly today) =>
        AddException(policy, PolicyRuleIds.NullableLocked, file,
            $"{file} turns nullable off in its source (#nullable disable, or a pragma that silences nullable warnings) since before the adoption: vendored code, or legacy code to annotate. Name its owner; remove the directive and this entry, or renew it with a reason, before the expiry.", today);

    /// <summary>standards.json (null: none yet) with a dated exception of <paramref name="rule"/> for <paramref name="scope"/>, an owner to fill in and the reason; other settings are kept.</summary>
    internal static string AddException(string? policy, string rule, string scope, string reason, DateOnly today)
    {
        var (root, positions) = policy is null
            ? ([], null)
            : EditableJson.Load(JsonFormats.Policy, CoverageMinimums.PolicyFile, policy, "Fix it (the build reports it as STD0001 or STD0002) and run the command again.");
        if (root["exceptions"] is not JsonArray exceptions)
        {
            if (positions?.Get("exceptions") is { } wrong)
            {
                throw new ToolException(ToolRuleIds.ConfigurationMalformed,
                    $"standards.json's \"exceptions\" must be an array, not {wrong.Kind}. Fix it (the build reports it as STD0002) and run the command again.", CoverageMinimums.PolicyFile, wrong.Line);
            }

            exceptions = [];
            root["exceptions"] = exceptions;
        }

        exceptions.Add(new JsonObject
        {
            ["rule"] = rule,
            ["scope"] = scope,
            ["owner"] = OwnerPlaceholder,
            ["reason"] = reason,
            ["expires"] = today.AddDays(ExceptionDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        return root.ToJsonString(WriteOptions) + "\n";
    }
}
