using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Standards.Sdk.Checks.Layout;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Layout;

/// <summary>
/// An ADR named with non-ASCII digits (which \d matches and int.Parse rejects), a number too large for an int, a
/// markdown line that makes a regex time out: none may turn the whole layout check into one STD0000.
/// Generated variants: every Unicode decimal digit block, numbers of every length, pathological lines; the parsers
/// must be total (a finding or nothing, never an exception), the STD3011 hint must always be a valid free name, and
/// the hand-written scanners must find what the original regular expressions found.
/// </summary>
public sealed class ParserTotalityTests
{
    // Plain Regex fields, not [GeneratedRegex]: this file is also compiled against the netstandard2.0 checks, whose
    // GeneratedRegex polyfill would clash with .NET's. ValidName is an ADR file name; the Old* are the regular
    // expressions MarkdownDocument used before its scanners: the oracle for the scanners that replace them.
    private static readonly Regex ValidName = new(@"^[0-9]{4}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$");
    private static readonly Regex OldFence = new(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex OldHeading = new(@"^ {0,3}(?<level>#{1,6})(?:[ \t]+(?<text>.*))?$", RegexOptions.CultureInvariant);
    private static readonly Regex OldClosingHashes = new(@"(?:[ \t]+#+)?[ \t]*$", RegexOptions.CultureInvariant);
    private static readonly Regex OldField = new(@"^ {0,3}(?:[-*+][ \t]+)?(?:\*\*|__)?(?<key>[A-Za-z][A-Za-z ]{0,40}?)(?:(?:\*\*|__):|:(?:\*\*|__)|:)[ \t]*(?<value>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex OldInlineLink = new(@"\[[^\]\n]*\]\((?<target>[^)\s]+)(?:[ \t]+""[^""]*"")?\)", RegexOptions.CultureInvariant);
    private static readonly Regex OldReferenceLink = new(@"^ {0,3}\[[^\]\n]+\]:[ \t]*(?<target>\S+)", RegexOptions.CultureInvariant);

    /// <summary>The zero of every Unicode decimal digit block (Nd): Arabic-Indic, Devanagari, Thai, fullwidth, math, ...</summary>
    public static IEnumerable<int> DigitZeros() =>
        Enumerable.Range(0, 0x20000).Where(c => (c < 0xD800 || c > 0xDFFF) && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber
            && CharUnicodeInfo.GetDecimalDigitValue(char.ConvertFromUtf32(c), 0) == 0);

    [Fact]
    public void Adr_names_and_titles_with_any_decimal_digits_give_findings_not_crashes()
    {
        var zeros = DigitZeros().ToList();
        Assert.True(zeros.Count > 50, "the Unicode tables must be there");
        foreach (var zero in zeros)
        {
            var digits = string.Concat(Enumerable.Range(0, 4).Select(i => char.ConvertFromUtf32(zero + new[] { 0, 0, 0, 2 }[i])));
            var path = $"docs/adr/{digits}-use-postgres.md";
            var findings = FakeRepo.Library()
                .With(path, FakeRepo.Adr1.Replace("ADR-0001", $"ADR-{digits}", StringComparison.Ordinal))
                .With("docs/adr/0001-record-architecture-decisions.md", FakeRepo.Adr1.Replace("ADR-0001", $"ADR-{digits}", StringComparison.Ordinal))
                .Layout();
            Assert.DoesNotContain(findings, f => f.Code == "STD0000");
            if (zero != '0')
            {
                var misnamed = Assert.Single(findings, f => f.Code == "STD3011");
                Assert.Equal(path, misnamed.File);
                AssertValidSuggestion(misnamed.Message, [1]);
            }
        }
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("10000")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999999")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("00001")]
    public void Out_of_range_numbers_never_crash_and_the_hint_is_a_valid_free_name(string number)
    {
        var path = $"docs/adr/{number}-use-postgres.md";
        var findings = FakeRepo.Library()
            .With(path, FakeRepo.Adr1.Replace("ADR-0001", $"ADR-{number}", StringComparison.Ordinal))
            .Layout();
        Assert.DoesNotContain(findings, f => f.Code == "STD0000");
        var finding = Assert.Single(findings, f => f.Code == "STD3011");
        AssertValidSuggestion(finding.Message, [1]);
    }

    [Fact]
    public void Generated_bad_names_always_get_a_name_that_passes_STD3011_and_STD3012()
    {
        var random = new Random(7301);
        string[] pieces = ["0", "7", "42", "9999", "10000", "123456789012", "-", "_", " ", "ADR", "adr-", "Use", "Postgres", "é", "٣", "！", ".", "..", "md", "#", "--"];
        for (var i = 0; i < 1000; i++)
        {
            var used = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(1, 12)).ToHashSet();
            var name = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)])) + ".md";
            var suggestion = AdrRules.SuggestName(name, used);
            Assert.NotNull(suggestion);
            Assert.Matches(ValidName, suggestion);
            Assert.DoesNotContain(int.Parse(suggestion[..4], CultureInfo.InvariantCulture), used);
        }

        Assert.Null(AdrRules.SuggestName("x.md", Enumerable.Range(1, 9999).ToHashSet()));
        Assert.Equal("0001-x.md", AdrRules.SuggestName("99999-x.md", Enumerable.Range(2, 9998).ToHashSet()));
    }

    public static TheoryData<string> PathologicalLines() => new()
    {
        new string('[', 200_000),
        string.Concat(Enumerable.Repeat("[a](", 50_000)),
        string.Concat(Enumerable.Repeat("[a]", 60_000)) + "(x y \"t",
        "# " + new string(' ', 100_000) + "x",
        "# " + string.Concat(Enumerable.Repeat(" #", 80_000)) + "x",
        "**" + new string('a', 100_000) + ":",
        "- " + new string('\t', 100_000) + "Status",
        new string('`', 100_000),
        "   [" + new string('x', 100_000) + "]:" + new string(' ', 100_000),
        string.Concat(Enumerable.Repeat("[](", 60_000)),
    };

    [Theory]
    [MemberData(nameof(PathologicalLines))]
    public void Pathological_markdown_lines_are_read_without_a_failure(string line)
    {
        var text = $"# ADR-0001: Title\n\nStatus: Accepted\nDate: 2026-01-10\n## Context\n## Decision\n## Alternatives Considered\n## Consequences\n{line}\n";
        var findings = FakeRepo.Library().With("docs/adr/0001-record-architecture-decisions.md", text).With("docs/notes.md", "Next Review: 2020-01-01\n" + line + "\n").Layout();
        Assert.DoesNotContain(findings, f => f.Code == "STD0000");
        Assert.Contains(findings, f => f.Code == "STD3032" && f.File == "docs/notes.md");
    }

    [Fact]
    public void The_scanners_find_what_the_original_regular_expressions_found()
    {
        var random = new Random(7302);
        string[] pieces = ["#", "##", " ", "\t", "[", "]", "(", ")", "\"", ":", "**", "__", "-", "*", "+", "`", "```", "~~~", "Status", "a", "b c", "x.md", "<", ">", "é", "1"];
        for (var i = 0; i < 20_000; i++)
        {
            var line = string.Concat(Enumerable.Range(0, random.Next(0, 14)).Select(_ => pieces[random.Next(pieces.Length)]));
            var fence = OldFence.Match(line);
            Assert.Equal(fence.Success ? (fence.Groups["fence"].Value, fence.Groups["info"].Value) : null, MarkdownScanner.Fence(line));
            var heading = OldHeading.Match(line);
            var expectedHeading = heading.Success ? (heading.Groups["level"].Value.Length, OldClosingHashes.Replace(heading.Groups["text"].Value, string.Empty).Trim()) : ((int, string)?)null;
            Assert.Equal(expectedHeading, MarkdownScanner.Heading(line));
            var field = OldField.Match(line);
            Assert.Equal(field.Success ? (field.Groups["key"].Value, field.Groups["value"].Value) : null, MarkdownScanner.Field(line));
            Assert.Equal(OldInlineLink.Matches(line).Select(m => m.Groups["target"].Value), MarkdownScanner.InlineLinkTargets(line));
            var reference = OldReferenceLink.Match(line);
            Assert.Equal(reference.Success ? reference.Groups["target"].Value : null, MarkdownScanner.ReferenceLinkTarget(line));
        }
    }

    [Fact]
    public void Globs_match_what_the_original_regular_expressions_matched_and_stay_linear()
    {
        var random = new Random(7303);
        string[] patternPieces = ["*", "**", "?", "/", "a", "b", ".", "**/", "-"];
        string[] pathPieces = ["a", "b", "/", ".", "ab", "-", "x"];
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = string.Concat(Enumerable.Range(0, random.Next(1, 8)).Select(_ => patternPieces[random.Next(patternPieces.Length)]));
            var path = string.Concat(Enumerable.Range(0, random.Next(0, 10)).Select(_ => pathPieces[random.Next(pathPieces.Length)]));
            Assert.True(OldGlob(pattern).IsMatch(Glob.Normalize(path)) == Glob.IsMatch(pattern, path), $"'{pattern}' on '{path}'");
        }

        // Thousands of ** segments against a long path: a backtracking engine never returns.
        var hostile = string.Concat(Enumerable.Repeat("**/", 2000)) + "z";
        Assert.False(Glob.IsMatch(hostile, string.Concat(Enumerable.Repeat("a/", 2000)) + "y"));
        Assert.False(Glob.CompileGitignore(hostile).IsMatch(string.Concat(Enumerable.Repeat("a/", 2000)) + "y"));
    }

    private static void AssertValidSuggestion(string message, int[] used)
    {
        var match = Regex.Match(message, @"docs/adr/(?<name>\S+\.md)\.");
        Assert.True(match.Success, message);
        var name = match.Groups["name"].Value;
        Assert.Matches(ValidName, name);
        Assert.DoesNotContain(int.Parse(name[..4], CultureInfo.InvariantCulture), used);
    }

    private static Regex OldGlob(string pattern)
    {
        var p = Glob.Normalize(pattern).TrimEnd('/');
        var sb = new StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                sb.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(sb.Append("/?$").ToString(), RegexOptions.CultureInvariant);
    }
}
