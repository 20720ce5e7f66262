using System.Globalization;
using System.Text;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Coverage;

/// <summary>Cobertura text as coverlet.collector 8 writes it (source "/" and root-relative file names), for tests.</summary>
internal static class CoverageSamples
{
    public const string Root = "/repo";

    /// <summary>A report of one package; each file maps line numbers to (hits, branches covered, branches total).</summary>
    public static string Cobertura(string package, params (string File, (int Line, int Hits, int Covered, int Total)[] Lines)[] files)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<coverage line-rate=\"0\" branch-rate=\"0\" version=\"1.9\" timestamp=\"1795339362\" lines-covered=\"0\" lines-valid=\"0\" branches-covered=\"0\" branches-valid=\"0\">\n");
        sb.Append("  <sources>\n    <source>/</source>\n  </sources>\n  <packages>\n");
        sb.Append($"    <package name=\"{package}\" line-rate=\"0\" branch-rate=\"0\" complexity=\"1\">\n      <classes>\n");
        foreach (var (file, lines) in files)
        {
            sb.Append($"        <class name=\"{package}.{Path.GetFileNameWithoutExtension(file)}\" filename=\"{("repo/" + file)}\" line-rate=\"0\" branch-rate=\"0\" complexity=\"1\">\n          <methods />\n          <lines>\n");
            foreach (var (line, hits, covered, total) in lines)
            {
                var branch = total > 0
                    ? $" branch=\"True\" condition-coverage=\"{(100 * covered / total).ToString(CultureInfo.InvariantCulture)}% ({covered}/{total})\""
                    : " branch=\"False\"";
                sb.Append($"            <line number=\"{line}\" hits=\"{hits}\"{branch} />\n");
            }

            sb.Append("          </lines>\n        </class>\n");
        }

        sb.Append("      </classes>\n    </package>\n  </packages>\n</coverage>\n");
        return sb.ToString();
    }

    public static StandardsPolicy Policy(string json) =>
        PolicyLoader.Load("/repo/standards.json", json, new DateOnly(2026, 11, 22)).Policy;

    /// <summary>Lines 1..n, the first <paramref name="covered"/> hit.</summary>
    public static (int, int, int, int)[] Lines(int count, int covered) =>
        [.. Enumerable.Range(1, count).Select(i => (i, i <= covered ? 1 : 0, 0, 0))];
}
