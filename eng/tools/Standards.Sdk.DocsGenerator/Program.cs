namespace Standards.Sdk.DocsGenerator;

/// <summary>
/// <c>dotnet run --project eng/tools/Standards.Sdk.DocsGenerator -- &lt;repo root&gt;</c>: writes every file generated
/// from the rule catalog under the repo root (eng/update-generated.sh), and says which ones changed.
/// </summary>
public static class Program
{
    /// <summary>The generated files, repo-relative, with what writes each.</summary>
    public static IReadOnlyList<(string Path, Func<string> Write)> Files { get; } =
    [
        ("sdk/schema/standards.schema.json", PolicySchemaWriter.Write),
        ("docs/rules/README.md", RuleIndexWriter.Write),
    ];

    /// <summary>Writes the files; 2 when the repo root is not given or not a folder.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: Standards.Sdk.DocsGenerator <repo root>");
            return 2;
        }

        foreach (var (path, write) in Files)
        {
            var full = Path.Combine(args[0], path);
            var text = write();
            var old = File.Exists(full) ? File.ReadAllText(full) : null;
            if (old != text)
            {
                File.WriteAllText(full, text);
                Console.WriteLine($"wrote {path}");
            }
        }

        return 0;
    }
}
