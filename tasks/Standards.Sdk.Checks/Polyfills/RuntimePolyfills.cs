#nullable enable
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Standards.Sdk;

/// <summary>
/// Small .NET members that netstandard2.0 lacks: hashing and hex (<c>SHA256.HashData</c> of bytes or a stream,
/// <c>Convert.ToHexString</c>), <c>Encoding.GetString(ReadOnlySpan)</c>, the ASCII tests of <c>char</c>, and the
/// process members the git calls use (<c>ProcessStartInfo.ArgumentList</c>, <c>Process.Kill(bool)</c>),
/// <c>Environment.ProcessId</c> and <c>File.Move(source, destination, overwrite)</c>.
/// </summary>
internal static class RuntimePolyfills
{
    extension(SHA256)
    {
        /// <summary>The SHA-256 of <paramref name="source"/>.</summary>
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }

        /// <summary>The SHA-256 of the rest of <paramref name="source"/>.</summary>
        public static byte[] HashData(Stream source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }
    }

    extension(Environment)
    {
        /// <summary>The id of the current process.</summary>
        public static int ProcessId
        {
            get
            {
                using var process = Process.GetCurrentProcess();
                return process.Id;
            }
        }
    }

    extension(File)
    {
        /// <summary>
        /// Moves a file; with <paramref name="overwrite"/> an existing destination is replaced (File.Replace, which
        /// swaps the file in as .NET's move does).
        /// </summary>
        public static void Move(string sourceFileName, string destFileName, bool overwrite)
        {
            if (overwrite && File.Exists(destFileName))
            {
                File.Replace(sourceFileName, destFileName, destinationBackupFileName: null);
                return;
            }

            File.Move(sourceFileName, destFileName);
        }
    }

    extension(Convert)
    {
        /// <summary>Upper-case hex, two digits per byte, as .NET's Convert.ToHexString.</summary>
        public static string ToHexString(byte[] inArray)
        {
            ArgumentNullException.ThrowIfNull(inArray);
            var text = new StringBuilder(inArray.Length * 2);
            foreach (var b in inArray)
            {
                text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }

    extension(Encoding encoding)
    {
        /// <summary>Decodes a span of bytes.</summary>
        public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
    }

    extension(char)
    {
        /// <summary>'0'-'9'.</summary>
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

        /// <summary>'a'-'z' or 'A'-'Z'.</summary>
        public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        /// <summary>'a'-'z'.</summary>
        public static bool IsAsciiLetterLower(char c) => c is >= 'a' and <= 'z';

        /// <summary>'A'-'Z'.</summary>
        public static bool IsAsciiLetterUpper(char c) => c is >= 'A' and <= 'Z';

        /// <summary>An ASCII letter or digit.</summary>
        public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);

        /// <summary>'0'-'9', 'a'-'f' or 'A'-'F'.</summary>
        public static bool IsAsciiHexDigit(char c) => char.IsAsciiDigit(c) || c is (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
    }

    extension(ProcessStartInfo info)
    {
        /// <summary>
        /// Arguments added one by one, quoted for the receiving process exactly as .NET quotes ArgumentList on
        /// Windows (and as .NET on Unix parses a single Arguments string), appended to <see cref="ProcessStartInfo.Arguments"/>.
        /// </summary>
        public ArgumentListBuilder ArgumentList => new(info);
    }

    extension(Process process)
    {
        /// <summary>
        /// Stops the process. .NET Framework has no tree kill; our callers start git commands that run no
        /// children, so killing the process itself is the same outcome.
        /// </summary>
        public void Kill(bool entireProcessTree)
        {
            _ = entireProcessTree;
            process.Kill();
        }
    }
}

/// <summary>The <c>ArgumentList.Add</c> of netstandard2.0: quotes each argument onto <see cref="ProcessStartInfo.Arguments"/>.</summary>
internal readonly struct ArgumentListBuilder(ProcessStartInfo info)
{
    /// <summary>Appends one argument.</summary>
    public void Add(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var text = new StringBuilder(info.Arguments);
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        AppendQuoted(text, argument);
        info.Arguments = text.ToString();
    }

    /// <summary>
    /// The Windows command-line convention (CommandLineToArgvW): quote when empty or holding white space or a
    /// quote; inside quotes, backslashes before a quote or the closing quote are doubled and quotes escaped.
    /// </summary>
    private static void AppendQuoted(StringBuilder text, string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            text.Append(argument);
            return;
        }

        text.Append('"');
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            text.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes);
            backslashes = 0;
            text.Append(c);
        }

        text.Append('\\', backslashes * 2).Append('"');
    }
}
