using System.Globalization;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// A 128-bit content hash for cache keys (two FNV-1a 64-bit hashes with different offsets), written as hex. Not
/// for security: it only has to tell inputs apart, and it must cost nothing on the no-op path, where starting the
/// platform's cryptography (a SHA-256 the first time in a process) costs more than the rest of the work.
/// </summary>
internal static class StableHash
{
    /// <summary>32 hex characters.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong prime = 1099511628211;
        ulong a = 14695981039346656037, b = 0x9E3779B97F4A7C15;
        foreach (var c in text)
        {
            a = (a ^ c) * prime;
            b = (b ^ c) * prime;
            b ^= b >> 29;
        }

        return a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture);
    }
}
