using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Standards.Adoption.Fleet;

/// <summary>What a path is, without following it (lstat) or following it (stat).</summary>
internal enum FleetEntryKind
{
    /// <summary>Nothing there, or it cannot be examined.</summary>
    Missing,

    /// <summary>A regular file: the only kind that is read.</summary>
    File,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only without following).</summary>
    Link,

    /// <summary>A FIFO, socket or device: opening or reading one can block for ever or never end.</summary>
    Special,
}

/// <summary>
/// The file-system questions the fleet report asks of untrusted input folders: what a path is (a FIFO named
/// compliance.json must never be opened: open(2) blocks until a writer comes), where a link really leads (realpath),
/// and a read-only open that refuses a link or a non-regular file swapped in after the question (O_NOFOLLOW,
/// O_NONBLOCK, then fstat of the open file). On Linux through glibc; elsewhere through .NET, where a link is
/// never followed.
/// </summary>
internal static class FleetFileSystem
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28;
    private const int StatxBufferSize = 256;
    private const int ORdOnly = 0, ONonBlock = 0x800, OCloExec = 0x80000;

    private static bool unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    /// <summary>True where links can be resolved and file types told apart (Linux with glibc).</summary>
    public static bool Native => !Volatile.Read(ref unavailable);

    /// <summary>What <paramref name="path"/> is; a link is followed only when <paramref name="follow"/>.</summary>
    public static FleetEntryKind Kind(string path, bool follow)
    {
        if (Native && TryStatx(AtFdCwd, path, follow ? 0 : AtSymlinkNoFollow, out var mode))
        {
            return FromMode(mode);
        }

        if (Native)
        {
            return FleetEntryKind.Missing;
        }

        var info = new FileInfo(path);
        if (info.LinkTarget is not null && !follow)
        {
            return FleetEntryKind.Link;
        }

        return Directory.Exists(path) ? FleetEntryKind.Directory : info.Exists ? FleetEntryKind.File : FleetEntryKind.Missing;
    }

    /// <summary>The canonical absolute path (every link resolved), or null when it leads nowhere or loops; null without <see cref="Native"/>.</summary>
    public static string? RealPath(string path)
    {
        if (!Native)
        {
            return null;
        }

        try
        {
            var resolved = NativeMethods.RealPath(Utf8(path), IntPtr.Zero);
            if (resolved == IntPtr.Zero)
            {
                return null;
            }

            try
            {
                return Marshal.PtrToStringUTF8(resolved);
            }
            finally
            {
                NativeMethods.Free(resolved);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            Volatile.Write(ref unavailable, true);
            return null;
        }
    }

    /// <summary>
    /// Opens a regular file for reading, refusing a link or anything else that was put there since it was examined;
    /// null when it is not (then nothing was read).
    /// </summary>
    public static FileStream? OpenRegular(string path)
    {
        if (!Native)
        {
            return Kind(path, follow: false) == FleetEntryKind.File ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan) : null;
        }

        var noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        var fd = NativeMethods.Open(Utf8(path), ORdOnly | ONonBlock | OCloExec | noFollow, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"it cannot be opened ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (!TryStatx(fd, string.Empty, AtEmptyPath, out var mode) || FromMode(mode) != FleetEntryKind.File)
        {
            handle.Dispose();
            return null;
        }

        return new FileStream(handle, FileAccess.Read, 1);
    }

    private static FleetEntryKind FromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x8000 => FleetEntryKind.File,
        0x4000 => FleetEntryKind.Directory,
        0xA000 => FleetEntryKind.Link,
        _ => FleetEntryKind.Special,
    };

    private static bool TryStatx(int directoryFd, string path, int flags, out ushort mode)
    {
        mode = 0;
        var buffer = new byte[StatxBufferSize];
        try
        {
            if (NativeMethods.Statx(directoryFd, Utf8(path), flags, StatxType, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            Volatile.Write(ref unavailable, true);
            return false;
        }

        // struct statx: stx_mode (u16) at 28, the same on every Linux architecture.
        mode = BitConverter.ToUInt16(buffer, StatxModeOffset);
        return true;
    }

    private static byte[] Utf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directoryFd, byte[] path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern IntPtr RealPath(byte[] path, IntPtr resolved);

        [DllImport("libc", EntryPoint = "free")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern void Free(IntPtr pointer);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Open(byte[] path, int flags, int mode);
    }
}
