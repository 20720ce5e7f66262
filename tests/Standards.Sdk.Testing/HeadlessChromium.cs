using System.Diagnostics;

namespace Standards.Sdk.Testing;

/// <summary>
/// Headless Chromium from its command line (Debian's package, installed by eng/setup.sh): the DOM of a page after its
/// scripts ran, and screenshots. For the tests that read a page we write (the fleet report) in a real browser.
/// </summary>
public static class HeadlessChromium
{
    private static readonly string[] Common =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--hide-scrollbars", "--virtual-time-budget=10000"];

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    /// <summary>The browser's executable; throws, saying how to install it, when there is none.</summary>
    public static string Executable =>
        Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is missing: the browser tests need Debian's 'chromium' package. Run eng/setup.sh (it installs it with apt-get).");

    /// <summary>The serialized DOM of <paramref name="url"/> once its scripts ran (<c>--dump-dom</c>).</summary>
    public static string DumpDom(string url) => Run("--dump-dom", url);

    /// <summary>Writes a PNG of <paramref name="url"/> in a window of the given size to <paramref name="file"/> (its folder is made).</summary>
    public static void Screenshot(string url, string file, int width = 1400, int height = 1200)
    {
        ArgumentNullException.ThrowIfNull(file);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.Delete(file);
        Run($"--screenshot={file}", $"--window-size={width},{height}", url);
    }

    /// <summary>Runs the browser headless with <paramref name="args"/> and returns what it wrote to standard output.</summary>
    public static string Run(params string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Common.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 3 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited {process.ExitCode}: {error.Result}");
        }

        return output;
    }
}
