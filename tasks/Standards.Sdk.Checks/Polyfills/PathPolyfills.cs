#nullable enable
using System.Runtime.InteropServices;

namespace Standards.Sdk;

/// <summary>
/// <c>Path.GetRelativePath</c>, <c>Path.EndsInDirectorySeparator</c> and <c>Path.Join</c> for the netstandard2.0
/// build, with .NET's rules: both paths are made full first; paths on different roots give the full path; the
/// common part ends at a separator; a trailing separator of the target is kept; names compare ignoring case on
/// Windows and macOS, exactly on other systems. Polyfills tests compare them with the real members.
/// </summary>
internal static class PathPolyfills
{
    extension(Path)
    {
        /// <summary>The path of <paramref name="path"/> relative to the folder <paramref name="relativeTo"/>.</summary>
        public static string GetRelativePath(string relativeTo, string path)
        {
            ArgumentException.ThrowIfNullOrEmpty(relativeTo);
            ArgumentException.ThrowIfNullOrEmpty(path);
            var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            relativeTo = Path.GetFullPath(relativeTo);
            path = Path.GetFullPath(path);
            var rootLength = RootLength(relativeTo);
            if (rootLength != RootLength(path) || string.Compare(relativeTo, 0, path, 0, rootLength, comparison) != 0)
            {
                return path;
            }

            var common = CommonPathLength(relativeTo, path, comparison);
            if (common == 0)
            {
                return path;
            }

            var relativeToLength = relativeTo.Length - (Path.EndsInDirectorySeparator(relativeTo) ? 1 : 0);
            var pathEndsInSeparator = Path.EndsInDirectorySeparator(path);
            var pathLength = path.Length - (pathEndsInSeparator ? 1 : 0);
            if (relativeToLength == pathLength && common >= relativeToLength)
            {
                return ".";
            }

            var result = new System.Text.StringBuilder();
            if (common < relativeToLength)
            {
                // One ".." per folder of relativeTo below the common part.
                result.Append("..");
                for (var i = common + 1; i < relativeToLength; i++)
                {
                    if (IsSeparator(relativeTo[i]))
                    {
                        result.Append(Path.DirectorySeparatorChar).Append("..");
                    }
                }
            }
            else if (IsSeparator(path[common]))
            {
                common++;
            }

            var rest = pathLength - common + (pathEndsInSeparator ? 1 : 0);
            if (rest > 0)
            {
                if (result.Length > 0)
                {
                    result.Append(Path.DirectorySeparatorChar);
                }

                result.Append(path, common, rest);
            }

            return result.ToString();
        }

        /// <summary>True when the path ends in a directory separator.</summary>
        public static bool EndsInDirectorySeparator(string? path) => !string.IsNullOrEmpty(path) && IsSeparator(path![path.Length - 1]);

        /// <summary>Joins two parts with one separator, without Combine's "a rooted part wins" rule.</summary>
        public static string Join(string? path1, string? path2) => JoinParts([path1, path2]);

        /// <summary>Joins three parts with one separator between each.</summary>
        public static string Join(string? path1, string? path2, string? path3) => JoinParts([path1, path2, path3]);

        /// <summary>Joins the parts with one separator between each.</summary>
        public static string Join(params string?[] paths) => JoinParts(paths);
    }

    private static bool IgnoreCase =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

    private static int RootLength(string fullPath) => Path.GetPathRoot(fullPath)?.Length ?? 0;

    /// <summary>Length of the common start of two full paths, ending at a separator (or at the end of one of them).</summary>
    private static int CommonPathLength(string first, string second, StringComparison comparison)
    {
        var length = 0;
        var max = Math.Min(first.Length, second.Length);
        while (length < max && string.Compare(first, length, second, length, 1, comparison) == 0)
        {
            length++;
        }

        if (length == 0)
        {
            return 0;
        }

        if (length == first.Length && (length == second.Length || IsSeparator(second[length])))
        {
            return length;
        }

        if (length == second.Length && IsSeparator(first[length]))
        {
            return length;
        }

        while (length > 0 && !IsSeparator(first[length - 1]))
        {
            length--;
        }

        return length;
    }

    private static string JoinParts(string?[] paths)
    {
        var result = new System.Text.StringBuilder();
        foreach (var part in paths)
        {
            if (string.IsNullOrEmpty(part))
            {
                continue;
            }

            if (result.Length > 0 && !IsSeparator(result[result.Length - 1]) && !IsSeparator(part![0]))
            {
                result.Append(Path.DirectorySeparatorChar);
            }

            result.Append(part);
        }

        return result.ToString();
    }
}
