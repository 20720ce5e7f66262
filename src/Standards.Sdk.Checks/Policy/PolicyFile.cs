using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;
using Standards.Sdk.Checks.State;

namespace Standards.Sdk.Checks.Policy;

/// <summary>
/// Reads standards.json from disk for the build's tasks: only a regular file of at most
/// <see cref="BoundedFile.SettingsLimit"/> (<see cref="FileReading.ReadSettings"/>); one that exists but is not read is
/// STD0007 naming it and why, and the build checks against the defaults rather than wait on a FIFO or run out of memory.
/// </summary>
public static class PolicyFile
{
    /// <summary>The policy of <paramref name="path"/> and its findings; the defaults without a file (or without a path).</summary>
    public static PolicyLoadResult Read(string? path, DateOnly today)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new PolicyLoadResult(StandardsPolicy.Default, []);
        }

        if (FileReading.ReadSettings(path, out var problem) is not { } text)
        {
            return new PolicyLoadResult(StandardsPolicy.Default,
            [
                new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                    $"{path} exists but could not be read ({problem ?? "it disappeared while the build ran"}), so the build checks against the default policy. Make it a regular file the build can read, of at most {BoundedFile.Describe(BoundedFile.SettingsLimit)}.",
                    path),
            ]);
        }

        return PolicyLoader.Load(path, text, today);
    }
}
