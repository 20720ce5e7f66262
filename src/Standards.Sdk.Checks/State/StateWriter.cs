using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.State;

/// <summary>
/// Writes Standards.Sdk's own files (state, generated configs, reports). A folder that cannot be written is an
/// environment problem, not a bug: it is collected as "what, where, why" and reported as STD0008 with the way
/// out, never as STD0000.
/// </summary>
public static class StateWriter
{
    /// <summary>
    /// STD0008 for the files <see cref="TryWrite"/> could not write (each with its reason): a folder the build
    /// cannot write is the environment, not a bug, so it is said with what is missing and how to fix it, never as
    /// STD0000 (docs/rules/STD0008.md). <paramref name="missing"/> says what the files are for, <paramref name="fix"/>
    /// which folder to make writable or which setting moves them.
    /// </summary>
    public static Finding NotWritten(IEnumerable<string> notWritten, string missing, string fix, string? file) =>
        new(PolicyRuleIds.StateNotWritable, Severity.Error,
            $"Standards.Sdk could not write {string.Join("; ", notWritten.Distinct(StringComparer.Ordinal))}: {missing}. {fix}", file);

    /// <summary>Writes the file (through a temporary file and a rename, so a concurrent reader never sees half of it); on failure adds a problem and returns false.</summary>
    public static bool TryWrite(string path, string content, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(temporary, content);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            TryDelete(temporary);
            problems.Add($"{path} ({ReadFailure.Describe(path, ex)})");
            return false;
        }
    }

    /// <summary>
    /// Writes the file only when it does not already hold exactly <paramref name="content"/> (<see cref="StateFileText.Holds"/>:
    /// its bytes as <see cref="TryWrite"/> writes them), so a file other targets read as an input keeps its timestamp,
    /// and nothing is read back as text on a no-op build. Returns whether the content differed (and was written, or a
    /// problem added).
    /// </summary>
    public static bool TryWriteIfChanged(string path, string content, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (StateFileText.Holds(path, content))
        {
            return false;
        }

        TryWrite(path, content, problems);
        return true;
    }

    /// <summary>Deletes a file if it exists; on failure adds a problem and returns false.</summary>
    public static bool TryDelete(string path, List<string>? problems = null)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            problems?.Add($"{path} ({ReadFailure.Describe(path, ex)})");
            return false;
        }
    }
}
