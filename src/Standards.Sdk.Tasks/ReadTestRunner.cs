using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Whether dotnet test runs the test app on Microsoft.Testing.Platform: the repo's global.json sets
/// <c>"test": { "runner": "Microsoft.Testing.Platform" }</c>. Read here, in a task, with the bounded reader, not by a
/// property function while MSBuild evaluates the project: evaluation cannot tell a FIFO from a file, and opening a
/// FIFO waits for a writer for ever. A global.json that is not a regular file of at most
/// <see cref="BoundedFile.SettingsLimit"/> bytes is STD0007 naming it, and the test app is taken to run on VSTest.
/// </summary>
public sealed class ReadTestRunner : StandardsTask
{
    /// <summary>The global.json nearest above the project; empty when there is none.</summary>
    public string GlobalJsonFile { get; set; } = string.Empty;

    /// <summary>True when global.json names Microsoft.Testing.Platform as dotnet test's runner.</summary>
    [Microsoft.Build.Framework.Output]
    public bool RunsMicrosoftTestingPlatform { get; private set; }

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        if (string.IsNullOrEmpty(GlobalJsonFile) || !File.Exists(GlobalJsonFile))
        {
            return true;
        }

        try
        {
            RunsMicrosoftTestingPlatform = NamesMicrosoftTestingPlatform(BoundedFile.ReadAllText(GlobalJsonFile, BoundedFile.SettingsLimit));
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            var finding = new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                $"{GlobalJsonFile} exists but could not be read ({ReadFailure.Describe(GlobalJsonFile, ex)}), so the build cannot tell whether dotnet test runs this test project on Microsoft.Testing.Platform and takes VSTest. Make it a regular file the build can read, of at most {BoundedFile.Describe(BoundedFile.SettingsLimit)}.",
                GlobalJsonFile);
            return LogAndRecord([finding], Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
        }
    }

    /// <summary>The test the SDK made at evaluation before, unchanged: a "runner" member whose value is Microsoft.Testing.Platform.</summary>
    internal static bool NamesMicrosoftTestingPlatform(string globalJson) =>
        Regex.IsMatch(globalJson, "\"runner\"\\s*:\\s*\"Microsoft\\.Testing\\.Platform\"", RegexOptions.None, TimeSpan.FromSeconds(5));
}
