#nullable enable
using System.Runtime.InteropServices;

namespace Standards.Sdk;

/// <summary>
/// <c>Path.GetRelativePath</c>, <c>Path.EndsInDirectorySeparator</c>, <c>Path.TrimEndingDirectorySeparator</c>,
/// <c>Path.Join</c> and <c>FileSystemInfo.LinkTarget</c> for the netstandard2.0 build, with .NET's rules: both
/// paths are made full first; paths on different roots give the full path; the common part ends at a separator;
/// a trailing separator of the target is kept; names compare ignoring case on Windows and macOS, exactly on other
/// systems. LinkTarget is empty (a link, target unknown) on Windows, where .NET Framework cannot read a link.
/// Polyfills tests compare them with the real members.
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
            var common = SharedLength(relativeTo, path, comparison);
            return common == 0 ? path : RelativeFrom(relativeTo, path, common);
        }

        /// <summary>True when the path ends in a directory separator.</summary>
        public static bool EndsInDirectorySeparator(string? path) => !string.IsNullOrEmpty(path) && IsSeparator(path![path.Length - 1]);

        /// <summary>The path without one trailing separator, unless it is a root ("/", "C:\\").</summary>
        public static string TrimEndingDirectorySeparator(string path) =>
            Path.EndsInDirectorySeparator(path) && path.Length > RootLength(path) ? path.Substring(0, path.Length - 1) : path;

        /// <summary>Joins two parts with one separator, without Combine's "a rooted part wins" rule.</summary>
        public static string Join(string? path1, string? path2) => JoinParts([path1, path2]);

        /// <summary>Joins three parts with one separator between each.</summary>
        public static string Join(string? path1, string? path2, string? path3) => JoinParts([path1, path2, path3]);

        /// <summary>Joins the parts with one separator between each.</summary>
        public static string Join(params string?[] paths) => JoinParts(paths);
    }

    extension(FileSystemInfo info)
    {
        /// <summary>
        /// The target of a symbolic link as written in the link, or null when the entry is not a link. Where the
        /// link cannot be read here (Windows: .NET Framework has no API for it), a link gives an empty string
        /// rather than a target: a link, target unknown. On Unix the target is read with readlink(2).
        /// </summary>
        public string? LinkTarget
        {
            get
            {
                info.Refresh();
                if (!info.Exists && !Exists(info.FullName))
                {
                    return null;
                }

                if ((info.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    return null;
                }

                return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? string.Empty : ReadLink(info.FullName) ?? string.Empty;
            }
        }
    }

    /// <summary>True when the entry itself exists (a link to nothing does, though File.Exists says no).</summary>
    private static bool Exists(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static string? ReadLink(string path)
    {
        try
        {
            var buffer = new byte[4096];
            var length = NativeMethods.ReadLink(System.Text.Encoding.UTF8.GetBytes(path + "\0"), buffer, buffer.Length);
            return length > 0 ? System.Text.Encoding.UTF8.GetString(buffer, 0, (int)length) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "readlink", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern nint ReadLink(byte[] path, byte[] buffer, nint size);
    }

    private static bool IgnoreCase =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

    private static int RootLength(string fullPath) => Path.GetPathRoot(fullPath)?.Length ?? 0;

    /// <summary>The length of the common part of two full paths, or 0 when they are on different roots or share nothing.</summary>
    private static int SharedLength(string relativeTo, string path, StringComparison comparison)
    {
        var rootLength = RootLength(relativeTo);
        if (rootLength != RootLength(path) || string.Compare(relativeTo, 0, path, 0, rootLength, comparison) != 0)
        {
            return 0;
        }

        return CommonPathLength(relativeTo, path, comparison);
    }

    /// <summary>The relative path from the folder <paramref name="relativeTo"/> to <paramref name="path"/>, which share <paramref name="common"/> characters.</summary>
    private static string RelativeFrom(string relativeTo, string path, int common)
    {
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
            AppendParents(result, relativeTo, common, relativeToLength);
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

    /// <summary>One ".." per folder of relativeTo below the common part.</summary>
    private static void AppendParents(System.Text.StringBuilder result, string relativeTo, int common, int relativeToLength)
    {
        result.Append("..");
        for (var i = common + 1; i < relativeToLength; i++)
        {
            if (IsSeparator(relativeTo[i]))
            {
                result.Append(Path.DirectorySeparatorChar).Append("..");
            }
        }
    }

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
