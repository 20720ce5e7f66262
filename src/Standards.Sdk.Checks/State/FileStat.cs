using System.Runtime.InteropServices;

namespace Standards.Sdk.Checks.State;

/// <summary>
/// What the file system says about a file without reading it: size, modification and change times, and identity
/// (inode). git decides whether a file may have changed from the same data ("racy git",
/// https://git-scm.com/docs/racy-git): a new file put in place by <c>mv</c>, <c>cp -p</c>, <c>rsync -a</c> or
/// <c>tar x</c> keeps an old modification time but gets a new inode and change time, and an in-place edit whose
/// time is set back (<c>touch -d</c>) still gets a new change time. <see cref="Exact"/> is false where that data
/// is not available (the caller then reads the file every time rather than trust a time that can lie).
/// </summary>
/// <param name="Size">Length in bytes.</param>
/// <param name="ModifiedTicks">Modification time (UTC ticks, nanosecond precision where the system has it).</param>
/// <param name="ChangedTicks">Status change time (UTC ticks), 0 when unknown.</param>
/// <param name="Inode">File identity, 0 when unknown.</param>
/// <param name="Exact">True when change time and inode are known.</param>
/// <param name="Special">
/// True for a FIFO, socket or device (known only where <paramref name="Exact"/> is): opening a FIFO for reading waits
/// for a writer for ever, and a device like /dev/zero never ends, so such a file is never read.
/// </param>
public readonly record struct FileStat(long Size, long ModifiedTicks, long ChangedTicks, ulong Inode, bool Exact, bool Special = false)
{
    /// <summary>The stat of <paramref name="path"/> (following links), or null when it does not exist or cannot be examined.</summary>
    public static FileStat? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (LinuxStat.TryGet(path, out var exact))
        {
            return exact;
        }

        try
        {
            var info = new FileInfo(path);
            return info.Exists ? new FileStat(info.Length, info.LastWriteTimeUtc.Ticks, 0, 0, Exact: false) : null;
        }
        catch (Exception ex) when (ReadFailure.IsEnvironmental(ex))
        {
            return null;
        }
    }

    /// <summary>The latest of the two times.</summary>
    public long LatestTicks => Math.Max(ModifiedTicks, ChangedTicks);

    /// <summary>
    /// statx(2) through glibc (2.28 and later): its struct has the same layout on every Linux architecture, unlike
    /// struct stat. Anything else (no glibc, an older one, another OS) answers false and the caller falls back.
    /// </summary>
    private static class LinuxStat
    {
        private const int AtFdCwd = -100;
        private const uint StatxBasicStats = 0x7ff;
        private const int BufferSize = 256;
        private const int RegularType = 0x8000;
        private const int DirectoryType = 0x4000;
        private static readonly long UnixEpochTicks = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
        private static bool unavailable = !RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

        public static bool TryGet(string path, out FileStat stat)
        {
            stat = default;
            if (Volatile.Read(ref unavailable))
            {
                return false;
            }

            // One result buffer and one path buffer per thread: a fingerprint stats every file of the repo (100,000
            // and more), and two arrays per call were most of what it allocated.
            var buffer = resultBuffer ??= new byte[BufferSize];
            try
            {
                // A NUL-terminated UTF-8 path, encoded here (the marshaller's UTF-8 strings need .NET Core).
                var utf8 = PathBytes(path);
                if (NativeMethods.Statx(AtFdCwd, utf8, 0, StatxBasicStats, buffer) != 0)
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                Volatile.Write(ref unavailable, true);
                return false;
            }

            // struct statx: stx_mode at 28 (u16, the type in its S_IFMT bits), stx_ino at 32, stx_size at 40, stx_ctime at 96,
            // stx_mtime at 112 ({ s64 sec; u32 nsec; s32 pad }).
            var type = BitConverter.ToUInt16(buffer, 28) & 0xF000;
            var inode = BitConverter.ToUInt64(buffer, 32);
            var size = BitConverter.ToInt64(buffer, 40);
            stat = new FileStat(size, Ticks(buffer, 112), Ticks(buffer, 96), inode, Exact: true, Special: type is not (RegularType or DirectoryType));
            return true;
        }

        [ThreadStatic]
        private static byte[]? resultBuffer;

        [ThreadStatic]
        private static byte[]? pathBuffer;

        private static byte[] PathBytes(string path)
        {
            var needed = System.Text.Encoding.UTF8.GetMaxByteCount(path.Length) + 1;
            if (pathBuffer is null || pathBuffer.Length < needed)
            {
                pathBuffer = new byte[Math.Max(needed, 1024)];
            }

            var length = System.Text.Encoding.UTF8.GetBytes(path, 0, path.Length, pathBuffer, 0);
            pathBuffer[length] = 0;
            return pathBuffer;
        }

        private static long Ticks(byte[] buffer, int offset)
        {
            var seconds = BitConverter.ToInt64(buffer, offset);
            var nanoseconds = BitConverter.ToUInt32(buffer, offset + 8);
            return UnixEpochTicks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directoryFd, byte[] path, int flags, uint mask, byte[] buffer);
    }
}
