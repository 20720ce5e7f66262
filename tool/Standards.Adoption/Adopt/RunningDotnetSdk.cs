using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Rules;

namespace Standards.Adoption.Adopt;

/// <summary>The version of the .NET SDK that builds the repo (<c>dotnet --version</c> in its root), which adopt pins in global.json.</summary>
internal static partial class RunningDotnetSdk
{
    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]{3}(?:-[0-9A-Za-z\.\-]+)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SdkVersion();

    /// <summary>Asks <c>dotnet --version</c> in <paramref name="root"/>; an answer that is no SDK version is <see cref="ToolRuleIds.BuildDidNotRun"/>.</summary>
    public static string Version(ICommandRunner runner, string root)
    {
        var result = runner.Run("dotnet", ["--version"], root);
        var version = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        if (result.ExitCode != 0 || !SdkVersion().IsMatch(version))
        {
            throw new ToolException(ToolRuleIds.BuildDidNotRun,
                $"`dotnet --version` in the repo did not name a .NET SDK (exit code {result.ExitCode}: {(version.Length == 0 ? "no output" : version)}), so adopt cannot pin it in global.json. Install a .NET SDK (or fix the sdk section of global.json) so that `dotnet --version` works in the repo root, then run the command again. Nothing was written.",
                GlobalJsonEditor.FileName);
        }

        return version;
    }
}
