using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Base of every Standards.Sdk task: a bug of ours becomes the coded error STD0000 with a way forward,
/// never MSBuild's "task failed unexpectedly" (MSB4018) with a stack trace.
/// </summary>
public abstract class StandardsTask : Microsoft.Build.Utilities.Task
{
    /// <inheritdoc />
    public sealed override bool Execute()
    {
        try
        {
            return ExecuteCore() && !Log.HasLoggedErrors;
        }
#pragma warning disable CA1031 // Catching everything is the point: no input may crash the build with MSB4018.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var help = Finding.HelpLink(Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, "STD0000");
            Log.LogError(null, "STD0000", help, null, 0, 0, 0, 0,
                $"Standards.Sdk could not run {GetType().Name}: {ex.GetType().Name}: {ex.Message} This is a bug in Standards.Sdk; please report it with the build log (-bl). As a workaround, set StandardsSkipChecks=true for this build. See {help}");
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, ex.ToString());
            return false;
        }
    }

    /// <summary>The task's work; findings are logged through <see cref="TaskLogging"/>.</summary>
    protected abstract bool ExecuteCore();
}
