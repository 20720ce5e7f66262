#nullable enable
using System.Runtime.InteropServices;

namespace Standards.Sdk;

// Hand-written: Polyfill 11.4.5 has no FileSystemInfo.LinkTarget (Path.GetRelativePath, Join... come from it).

/// <summary>
/// <c>FileSystemInfo.LinkTarget</c> for the netstandard2.0 build. Empty (a link, target unknown) on Windows, where
/// .NET Framework cannot read a link. Polyfills tests compare it with the real member.
/// </summary>
internal static class PathPolyfills
{
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
}
