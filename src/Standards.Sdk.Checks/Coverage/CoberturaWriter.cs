using System.Globalization;
using System.Text;
using System.Xml;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>
/// Writes a report as Cobertura XML (coverage-04.dtd), the format ReportGenerator and the CI systems read.
/// Deterministic: sorted content and no timestamp unless one is given, so an unchanged per-project report is the
/// same bytes and the merge's incremental check sees no change (the merged report, which nothing reads back, carries
/// the time of the merge: ReportGenerator shows it as the coverage date). File names are repo-relative under a
/// &lt;source&gt; of the repo root.
/// </summary>
public static class CoberturaWriter
{
    /// <summary>The XML text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="repoRoot">The &lt;source&gt; its file names are relative to.</param>
    /// <param name="timestamp">Unix seconds of the coverage date; 0 for none.</param>
    public static string Write(CoverageReport report, string repoRoot, long timestamp = 0)
    {
        ArgumentNullException.ThrowIfNull(report);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var stringWriter = new Utf8StringWriter(sb))
        using (var xml = XmlWriter.Create(stringWriter, settings))
        {
            var total = CoverageNumbers.Total(report);
            xml.WriteStartElement("coverage");
            Rates(xml, total);
            xml.WriteAttributeString("lines-covered", Number(total.LinesCovered));
            xml.WriteAttributeString("lines-valid", Number(total.LinesValid));
            xml.WriteAttributeString("branches-covered", Number(total.BranchesCovered));
            xml.WriteAttributeString("branches-valid", Number(total.BranchesValid));
            xml.WriteAttributeString("complexity", "0");
            xml.WriteAttributeString("version", "1.9");
            xml.WriteAttributeString("timestamp", Number(timestamp));
            xml.WriteStartElement("sources");
            xml.WriteElementString("source", repoRoot.Replace('\\', '/'));
            xml.WriteEndElement();
            xml.WriteStartElement("packages");
            foreach (var package in report.Packages.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                WritePackage(xml, package);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return sb.ToString() + "\n";
    }

    private static void WritePackage(XmlWriter xml, CoveragePackage package)
    {
        xml.WriteStartElement("package");
        xml.WriteAttributeString("name", package.Name);
        Rates(xml, CoverageNumbers.Total(new CoverageReport([package])));
        xml.WriteAttributeString("complexity", "0");
        xml.WriteStartElement("classes");
        foreach (var cls in package.Classes.OrderBy(c => c.File, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal))
        {
            xml.WriteStartElement("class");
            xml.WriteAttributeString("name", cls.Name);
            xml.WriteAttributeString("filename", cls.File);
            Rates(xml, CoverageNumbers.Total(new CoverageReport([new CoveragePackage(package.Name, [cls])])));
            xml.WriteAttributeString("complexity", "0");
            xml.WriteStartElement("methods");
            xml.WriteEndElement();
            xml.WriteStartElement("lines");
            foreach (var line in cls.Lines.Values.OrderBy(l => l.Number))
            {
                xml.WriteStartElement("line");
                xml.WriteAttributeString("number", Number(line.Number));
                xml.WriteAttributeString("hits", Number(line.Hits));
                xml.WriteAttributeString("branch", line.BranchesTotal > 0 ? "True" : "False");
                if (line.BranchesTotal > 0)
                {
                    var percent = (int)Math.Floor(100.0 * line.BranchesCovered / line.BranchesTotal);
                    xml.WriteAttributeString("condition-coverage", $"{Number(percent)}% ({Number(line.BranchesCovered)}/{Number(line.BranchesTotal)})");
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Rates(XmlWriter xml, CoverageCounts counts)
    {
        xml.WriteAttributeString("line-rate", Rate(counts.LinesCovered, counts.LinesValid));
        xml.WriteAttributeString("branch-rate", Rate(counts.BranchesCovered, counts.BranchesValid));
    }

    private static string Rate(long covered, long valid) =>
        (valid == 0 ? 1.0 : (double)covered / valid).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
