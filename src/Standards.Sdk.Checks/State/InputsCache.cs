using System.Globalization;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.State;

/// <summary>One inputs cache: its file, its own setting lines and the full paths of the files whose content it records.</summary>
public sealed record InputsCacheSection(string Path, IReadOnlyList<string> Lines, IReadOnlyList<string> ContentFiles);

/// <summary>What one write of a project's inputs caches records.</summary>
/// <param name="Header">The lines that open every cache (the task assembly's line, today's date, the common setting lines).</param>
/// <param name="CommonFiles">Files whose content every cache records (full paths, each once).</param>
/// <param name="Sections">The caches.</param>
/// <param name="NotWritableFix">How to fix a cache that cannot be written (STD0008).</param>
public sealed record InputsCacheRequest(IReadOnlyList<string> Header, IReadOnlyList<string> CommonFiles, IReadOnlyList<InputsCacheSection> Sections, string NotWritableFix);

/// <summary>
/// The inputs caches of a project's checks (features/Standards.InputsCache.targets): each cache holds the setting lines
/// of its check plus a content hash of each file whose content decides the verdict, and is rewritten only when its text
/// changed (<see cref="StateWriter.TryWriteIfChanged"/>). The check's target has the cache as an input, so an edit that
/// keeps or moves back a file's timestamp still re-runs the check: a timestamp alone is never trusted.
/// </summary>
public static class InputsCache
{
    /// <summary>
    /// Writes every cache of <paramref name="request"/>; <paramref name="hashAll"/> gives the content hash of each file
    /// (a file two caches name is hashed once). Returns STD0008 for the caches that could not be written, or null.
    /// </summary>
    public static Finding? Write(InputsCacheRequest request, Func<IEnumerable<string>, IReadOnlyDictionary<string, string>> hashAll)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(hashAll);
        var contentFiles = request.CommonFiles.Concat(request.Sections.SelectMany(section => section.ContentFiles)).Distinct(StringComparer.Ordinal);
        var hashes = hashAll(contentFiles);
        var problems = new List<string>();
        foreach (var section in request.Sections)
        {
            var files = request.CommonFiles.Concat(section.ContentFiles).Distinct(StringComparer.Ordinal).Select(f => $"content={hashes[f]} {f}");
            var text = string.Join("\n", request.Header.Concat(section.Lines).Concat(files).Append(string.Empty));
            StateWriter.TryWriteIfChanged(section.Path, text, problems);
        }

        return problems.Count == 0
            ? null
            : StateWriter.NotWritten(problems, "the record of what its checks read", request.NotWritableFix, request.Sections[0].Path);
    }

    /// <summary>The line that records the date exceptions are judged against, and the override it came from.</summary>
    public static string TodayLine(DateOnly today, string? todayOverride) =>
        $"today={today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} override={OneLine(todayOverride ?? string.Empty)}";

    /// <summary>
    /// The policy check's cache: its setting values, then the compiler's sources, analyzer configs and additional files by
    /// full path (an added or removed file re-runs the check) and its analyzers by file name (a restore to another folder
    /// is no change). <paramref name="generated"/>, the analyzer config the SDK writes itself, is left out of the content files.
    /// </summary>
    public static InputsCacheSection PolicySection(string path, string? settings, PolicyCompilerInputs compiler, IEnumerable<string> contentFiles, string? generated)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        var lines = new[] { OneLine(settings ?? string.Empty) }
            .Concat(compiler.Sources.Select(file => "compile=" + file))
            .Concat(compiler.AnalyzerConfigs.Select(file => "analyzerconfig=" + file))
            .Concat(compiler.Analyzers.Select(file => "analyzer=" + file))
            .Concat(compiler.AdditionalFiles.Select(file => "additional=" + file));
        var files = contentFiles.Where(file => !string.Equals(file, generated, PathComparison));
        return new InputsCacheSection(path, [.. lines], [.. files]);
    }

    /// <summary>A value as one line of a cache: a line break inside it would read as two lines.</summary>
    public static string OneLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace('\n', ' ').Replace('\r', ' ');
    }

    /// <summary>How the file system compares paths: the generated analyzer config is left out by path.</summary>
    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}

/// <summary>What the compiler reads, as the policy check's cache records it.</summary>
/// <param name="Sources">The compiler's sources (full paths).</param>
/// <param name="AnalyzerConfigs">The analyzer config files the compiler reads (full paths).</param>
/// <param name="Analyzers">The analyzers the compiler loads (file names without extension).</param>
/// <param name="AdditionalFiles">The compiler's additional files (full paths).</param>
public sealed record PolicyCompilerInputs(IEnumerable<string> Sources, IEnumerable<string> AnalyzerConfigs, IEnumerable<string> Analyzers, IEnumerable<string> AdditionalFiles);
