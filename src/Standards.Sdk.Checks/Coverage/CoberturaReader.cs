using System.Globalization;
using System.Xml;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Coverage;

/// <summary>The outcome of reading one Cobertura file: the report, or the problem with its line.</summary>
/// <param name="Report">What could be read (empty when the file is unusable).</param>
/// <param name="Problem">An STD4001 finding, or null when the file was read.</param>
public sealed record CoberturaReadResult(CoverageReport Report, Finding? Problem);

/// <summary>
/// Reads Cobertura XML as coverlet, ReportGenerator and Microsoft.CodeCoverage write it
/// (https://github.com/cobertura/cobertura/blob/master/cobertura/src/site/htdocs/xml/coverage-04.dtd). Class file
/// names are resolved against the report's &lt;source&gt; folders (coverlet 8 writes "/" and a root-relative
/// name, older versions the project folder and a relative name) and made repo-relative, so the same file covered
/// by two test projects is one file. Bad input never throws: it is one STD4001 finding with the line.
/// </summary>
public static class CoberturaReader
{
    /// <summary>Reads a report.</summary>
    /// <param name="path">The file, for findings.</param>
    /// <param name="text">Its content.</param>
    /// <param name="repoRoot">The repo root; files below it become repo-relative.</param>
    /// <param name="fileExists">Decides between several &lt;source&gt; folders.</param>
    public static CoberturaReadResult Read(string path, string text, string repoRoot, Func<string, bool>? fileExists = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        var state = new ReaderState(repoRoot, fileExists ?? File.Exists);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            return new CoberturaReadResult(state.ReadDocument(reader), null);
        }
        catch (XmlException ex)
        {
            return Fail(path, $"is not well-formed XML: {ex.Message}", ex.LineNumber, ex.LinePosition);
        }
        catch (CoberturaFormatException ex)
        {
            return Fail(path, ex.Message, ex.Line, ex.Column);
        }
    }

    private static CoberturaReadResult Fail(string path, string problem, int line, int column) =>
        new(CoverageReport.Empty, new Finding(CoverageRuleIds.ReportMalformed, Severity.Error,
            $"The coverage report {Path.GetFileName(path)} {problem} Re-run the tests to write it again; if another tool writes it, make it write Cobertura XML.",
            path, Math.Max(line, 0), Math.Max(column, 0)));

    private sealed class CoberturaFormatException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }

    private sealed class ReaderState(string repoRoot, Func<string, bool> fileExists)
    {
        private readonly List<string> _sources = [];
        private readonly string _root = repoRoot.Length == 0 ? string.Empty : Path.GetFullPath(repoRoot).Replace('\\', '/').TrimEnd('/') + "/";

        public CoverageReport ReadDocument(XmlReader reader)
        {
            if (!reader.Read() || reader.MoveToContent() != XmlNodeType.Element)
            {
                throw Format(reader, "is empty.");
            }

            if (reader.LocalName != "coverage")
            {
                throw Format(reader, $"is not a Cobertura report: its root element is <{reader.LocalName}>, not <coverage>.");
            }

            var packages = new List<CoveragePackage>();
            if (reader.IsEmptyElement)
            {
                return new CoverageReport(packages);
            }

            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "source":
                        var source = reader.ReadElementContentAsString().Trim();
                        if (source.Length > 0)
                        {
                            _sources.Add(source.Replace('\\', '/'));
                        }

                        break;
                    case "package":
                        packages.Add(ReadPackage(reader));
                        break;
                    default:
                        break;
                }
            }

            return new CoverageReport(packages);
        }

        private CoveragePackage ReadPackage(XmlReader reader)
        {
            var name = Required(reader, "name");
            var classes = new List<CoverageClass>();
            if (reader.IsEmptyElement)
            {
                return new CoveragePackage(name, classes);
            }

            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "class")
                {
                    classes.Add(ReadClass(reader));
                }
            }

            return new CoveragePackage(name, classes);
        }

        private CoverageClass ReadClass(XmlReader reader)
        {
            var name = Required(reader, "name");
            var file = ResolveFile(Required(reader, "filename"));
            var lines = new Dictionary<int, CoverageLine>();
            if (reader.IsEmptyElement)
            {
                return new CoverageClass(name, file, lines);
            }

            // Lines appear under <methods> and again under the class's own <lines>; both are read and a line is
            // kept once (the class-level list is complete, the method lists are a subset).
            var depth = reader.Depth;
            while (reader.Read() && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "line")
                {
                    var line = ReadLine(reader);
                    lines[line.Number] = lines.TryGetValue(line.Number, out var seen) ? CoverageMerger.Combine(seen, line, sumHits: false) : line;
                }
            }

            return new CoverageClass(name, file, lines);
        }

        private static CoverageLine ReadLine(XmlReader reader)
        {
            var numberText = Required(reader, "number");
            var hitsText = Required(reader, "hits");
            if (!int.TryParse(numberText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw Format(reader, $"has a <line> whose number is '{numberText}', not a line number.");
            }

            if (!long.TryParse(hitsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var hits) || hits < 0)
            {
                throw Format(reader, $"has a <line> whose hits are '{hitsText}', not a whole number.");
            }

            var (covered, total) = (0, 0);
            if (string.Equals(reader.GetAttribute("branch"), "true", StringComparison.OrdinalIgnoreCase)
                && reader.GetAttribute("condition-coverage") is { } condition)
            {
                (covered, total) = ParseCondition(reader, condition);
            }

            return new CoverageLine(number, hits, covered, total);
        }

        /// <summary>"50% (1/2)": the numbers in brackets are the branch outcomes taken and possible.</summary>
        private static (int Covered, int Total) ParseCondition(XmlReader reader, string condition)
        {
            var open = condition.IndexOf('(', StringComparison.Ordinal);
            var slash = condition.IndexOf('/', StringComparison.Ordinal);
            var close = condition.IndexOf(')', StringComparison.Ordinal);
            if (open < 0 || slash < open || close < slash
                || !int.TryParse(condition[(open + 1)..slash], NumberStyles.Integer, CultureInfo.InvariantCulture, out var covered)
                || !int.TryParse(condition[(slash + 1)..close], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total)
                || covered < 0 || total < covered)
            {
                throw Format(reader, $"has a condition-coverage of '{condition}'; expected the form '50% (1/2)'.");
            }

            return (covered, total);
        }

        private string ResolveFile(string fileName)
        {
            var name = fileName.Replace('\\', '/');
            string full;
            if (Path.IsPathRooted(name) || (name.Length > 1 && name[1] == ':'))
            {
                full = name;
            }
            else
            {
                var candidates = _sources.Select(s => Join(s, name)).ToList();
                full = candidates.FirstOrDefault(fileExists) ?? candidates.FirstOrDefault() ?? name;
            }

            return _root.Length > 0 && full.StartsWith(_root, StringComparison.Ordinal) ? full[_root.Length..] : full;
        }

        private static string Join(string source, string name) =>
            source.EndsWith('/') ? source + name : source + "/" + name;

        private static string Required(XmlReader reader, string attribute) =>
            reader.GetAttribute(attribute) is { Length: > 0 } value
                ? value
                : throw Format(reader, $"has a <{reader.LocalName}> without its '{attribute}' attribute.");

        private static CoberturaFormatException Format(XmlReader reader, string message)
        {
            var info = reader as IXmlLineInfo;
            return new CoberturaFormatException(message, info?.LineNumber ?? 0, info?.LinePosition ?? 0);
        }
    }
}
