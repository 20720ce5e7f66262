using Standards.Adoption.Update;
using Standards.Sdk.Checks.Baseline;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Adoption;

/// <summary>
/// The one way the tool reads a settings file of the repo (standards.json, the baselines, the template record,
/// global.json): only a regular file of at most <see cref="BoundedFile.SettingsLimit"/>, as the SDK's build reads it
/// (<see cref="BoundedFile"/>). A FIFO committed as a link would make the command wait for ever, /dev/zero or a file
/// of gigabytes would run it out of memory: each is the format's coded error naming the file, and nothing is written.
/// </summary>
internal static class RepoText
{
    private static readonly string[] MsBuildExtensions = [".csproj", ".props", ".targets"];

    /// <summary>
    /// The text of <paramref name="full"/>, or null when there is no such file; <paramref name="relative"/> is the name
    /// the error shows. A FIFO, socket or device, or a file over the limit, is <see cref="CodeFor"/>'s error.
    /// </summary>
    public static string? ReadOrNull(string full, string relative)
    {
        if (!File.Exists(full))
        {
            return null;
        }

        return Read(full, relative);
    }

    /// <summary>The text of an existing <paramref name="full"/>, under the same rules as <see cref="ReadOrNull"/>.</summary>
    public static string Read(string full, string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        if (BoundedFile.Problem(full, BoundedFile.SettingsLimit) is { } problem)
        {
            throw Refused(relative, problem);
        }

        try
        {
            return BoundedFile.ReadAllText(full, BoundedFile.SettingsLimit);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException))
        {
            // Grown past the limit (or swapped) between the look and the read.
            throw Refused(relative, ex.Message);
        }
    }

    /// <summary>The code of the format a repo file is: STD7504 for the baselines, STD7531 for the template record, STD7502 for a project or MSBuild file, STD7505 for the rest.</summary>
    public static string CodeFor(string relative)
    {
        var name = relative.Replace('\\', '/');
        return name switch
        {
            BaselineFile.DefaultFileName or CodeBaselineDocument.FileName => ToolRuleIds.BaselineMalformed,
            TemplateRecord.FileName or TemplateRecord.LegacyFileName => ToolRuleIds.TemplateRecordMalformed,
            _ when MsBuildExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)) => ToolRuleIds.ProjectUnparsable,
            _ => ToolRuleIds.ConfigurationMalformed,
        };
    }

    private static ToolException Refused(string relative, string problem) => new(CodeFor(relative),
        $"{relative} is not read: {problem}. It must be a regular file (not a link to a FIFO, a socket or a device) of at most {BoundedFile.Describe(BoundedFile.SettingsLimit)}: replace it with the file itself, then run the command again; nothing was written.",
        relative);
}
