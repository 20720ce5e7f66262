using Standards.Adoption;
using Standards.Adoption.Adopt;
using Standards.Sdk.Analyzers.Baseline;
using Standards.Sdk.Checks.Rules;

namespace Standards.Tool.Tests;

public class BuildOutputTests
{
    [Fact]
    public void Licence_findings_at_one_PackageReference_line_stay_one_finding_per_package_and_a_compiler_warning_there_stays_one()
    {
        const string output = """
            /w/src/T/T.csproj(11,5): error STD2011: Package Microsoft.CodeCoverage 16.9.4 (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. [/w/src/T/T.csproj]
            /w/src/T/T.csproj(11,5): error STD2011: Package Newtonsoft.Json 9.0.1 (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. [/w/src/T/T.csproj]
            /w/src/T/T.csproj(11,5): error STD2011: Package Newtonsoft.Json 9.0.1 (brought in by Microsoft.NET.Test.Sdk) has an unknown licence. [/w/src/T/T.csproj]
            /w/src/T/T.csproj(11,5): error STD2012: Package Gpl.Lib 1.0.0 (a direct dependency) is licensed under GPL-3.0-only. [/w/src/T/T.csproj]
            /w/src/T/C.cs(4,1): warning CS8602: Dereference of a possibly null reference 'a'. [/w/src/T/T.csproj::TargetFramework=net8.0]
            /w/src/T/C.cs(4,1): warning CS8602: Dereference of a possibly null reference 'a?'. [/w/src/T/T.csproj::TargetFramework=net48]
            """;

        var diagnostics = BuildOutput.Parse(output.Replace("\r", string.Empty, StringComparison.Ordinal), "/w");

        Assert.Equal(
            ["STD2011 Microsoft.CodeCoverage", "STD2011 Newtonsoft.Json", "STD2012 Gpl.Lib", "CS8602 Dereference"],
            diagnostics.Select(d => $"{d.Code} {d.Message.Replace("Package ", string.Empty, StringComparison.Ordinal).Split(' ')[0]}"));
    }

    [Fact]
    public void Reads_canonical_lines_relative_to_the_root_once_across_target_frameworks()
    {
        const string output = """
              Restored /w/src/A/A.csproj
            /w/src/A/Guard.cs(12,9): error CA1305: The behavior of 'int.ToString()' could vary [/w/src/A/A.csproj::TargetFramework=net8.0]
            /w/src/A/Guard.cs(12,9): error CA1305: The behavior of 'int.ToString()' could vary [/w/src/A/A.csproj::TargetFramework=netstandard2.0]
            /w/src/A/Guard.cs(14,5): error CA1305: The behavior of 'string.Format(string, object?, object?)' could vary [/w/src/A/A.csproj::TargetFramework=net8.0]
            /w/src/A/Guard.cs(14,5): error CA1305: The behavior of 'string.Format(string, object, object)' could vary [/w/src/A/A.csproj::TargetFramework=netstandard2.0]
            /w/src/A/Guard.cs(3,1,3,20): warning CS8602: Dereference of a possibly null reference. [/w/src/A/A.csproj]
            /w/standards-baseline.json(5): error STD3902: standards-baseline.json: the entry ... See https://example.test/STD3902.md [/nuget/standards.sdk/features/Standards.RepositoryChecks.proj]
            CSC : error CS5001: Program does not contain a static 'Main' method suitable for an entry point [/w/src/B/B.csproj]
            /w/src/A/A.csproj : warning NU1603: A depends on X (>= 1.0.0) but X 1.0.0 was not found. [/w/src/A/A.csproj]
            Build FAILED.
            """;
        var diagnostics = BuildOutput.Parse(output.Replace("\r", string.Empty, StringComparison.Ordinal), "/w");
        Assert.Equal(
            [
                "error CA1305 src/A/Guard.cs:12:9",
                "error CA1305 src/A/Guard.cs:14:5",
                "warning CS8602 src/A/Guard.cs:3:1",
                "error STD3902 standards-baseline.json:5:0",
                "error CS5001 :0:0",
                "warning NU1603 src/A/A.csproj:0:0",
            ],
            diagnostics.Select(d => $"{(d.IsError ? "error" : "warning")} {d.Code} {d.File}:{d.Line}:{d.Column}"));
        Assert.Equal("standards-baseline.json: the entry ...", diagnostics[3].Message);
        Assert.Equal("The behavior of 'string.Format(string, object?, object?)' could vary", diagnostics[1].Message);
    }
}

public class CodeBaselineDocumentTests
{
    private static readonly string[] Lines = ["class C", "{", "    int   x;", "}"];

    [Fact]
    public void An_entry_holds_the_id_file_and_hash_of_the_line_text()
    {
        var entry = CodeBaselineDocument.EntryFor(new BuildDiagnostic("CS0169", false, "src/C.cs", 3, 11, "unused"), _ => Lines);
        Assert.Equal(new CodeEntry("CS0169", "src/C.cs", CodeBaselineFormat.HashLine("int x;")), entry);
        Assert.Null(CodeBaselineDocument.EntryFor(new BuildDiagnostic("MA0001", false, "src/C.cs", 3, 1, "x"), _ => Lines));
        Assert.Null(CodeBaselineDocument.EntryFor(new BuildDiagnostic("CA1822", false, "src/C.cs", 9, 1, "x"), _ => Lines));
        Assert.Equal(new CodeEntry("CA1016", string.Empty, string.Empty), CodeBaselineDocument.EntryFor(new BuildDiagnostic("CA1016", false, string.Empty, 0, 0, "x"), _ => null));
    }

    [Fact]
    public void Written_entries_are_sorted_distinct_and_read_back_by_the_tool_and_the_suppressor()
    {
        CodeEntry[] entries = [new("CA1305", "src/b.cs", "00000000000000ff"), new("CS8602", "src/a \"q\".cs", "0000000000000001"), new("CA1305", "src/b.cs", "00000000000000ff")];
        var text = CodeBaselineDocument.Write(entries);
        Assert.Equal(text, CodeBaselineDocument.Write(entries.Reverse()));
        Assert.Equal([entries[1], entries[0]], CodeBaselineDocument.Read(text));
        Assert.Equal(
            ["CS8602 src/a \"q\".cs 0000000000000001", "CA1305 src/b.cs 00000000000000ff"],
            CodeBaselineFormat.ReadEntries(text).Select(e => $"{e.Id} {e.File} {e.Hash}"));
    }

    [Fact]
    public void Reason_and_expiry_are_written_after_the_hash_read_back_and_do_not_make_another_entry()
    {
        var dated = new CodeEntry("CA1305", "src/b.cs", "00000000000000ff", "new under Standards.Sdk 1.5.0", new DateOnly(2027, 3, 31));
        var text = CodeBaselineDocument.Write([dated, new CodeEntry("CS8602", "src/a.cs", "0000000000000001")]);
        Assert.Contains("{ \"id\": \"CA1305\", \"file\": \"src/b.cs\", \"hash\": \"00000000000000ff\", \"reason\": \"new under Standards.Sdk 1.5.0\", \"expires\": \"2027-03-31\" }", text, StringComparison.Ordinal);
        var read = CodeBaselineDocument.Read(text);
        Assert.Equal(("new under Standards.Sdk 1.5.0", (DateOnly?)new DateOnly(2027, 3, 31)), (read[1].Reason, read[1].Expires));
        Assert.Equal((null, null), (read[0].Reason, read[0].Expires));
        Assert.Equal(dated, dated with { Reason = null, Expires = null });
        Assert.Equal(["2027-03-31", null], CodeBaselineFormat.ReadEntries(text).Select(e => e.Expires).Reverse());
    }

    [Theory]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"id\": \"CA1305\", \"file\": \"a.cs\", \"hash\": \"1\",\n      \"expires\": \"2027-13-01\" }\n  ]\n}", 5)]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"id\": \"CA1305\", \"file\": \"a.cs\", \"hash\": \"1\", \"expires\": \"2027-01-01\", \"reason\": \"r\" }\n  ]\n}", 4)]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"id\": \"CA1305\", \"file\": \"a.cs\", \"hash\": \"1\", \"expires\": 20270101 }\n  ]\n}", 4)]
    public void A_malformed_expiry_is_STD7504_at_its_line(string text, int line)
    {
        var ex = Assert.Throws<ToolException>(() => CodeBaselineDocument.Read(text));
        Assert.Equal((ToolRuleIds.BaselineMalformed, line), (ex.Code, ex.Line));
    }

    [Theory]
    [InlineData("{ \"version\": 1, \"diagnostics\": [", 1)]
    [InlineData("{ \"version\": 2, \"diagnostics\": [] }", 1)]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"file\": \"a.cs\", \"id\": \"CA1305\", \"hash\": \"1\" }\n  ]\n}", 4)]
    [InlineData("{\n  \"version\": 1,\n  \"diagnostics\": [\n    { \"id\": \"CA1305\", \"file\": \"a.cs\", \"hash\": \"1\" },\n    { \"id\": \"MA0001\", \"file\": \"a.cs\", \"hash\": \"1\" }\n  ]\n}", 5)]
    public void A_malformed_code_baseline_is_STD7504_with_the_line(string text, int line)
    {
        var ex = Assert.Throws<ToolException>(() => CodeBaselineDocument.Read(text));
        Assert.Equal(ToolRuleIds.BaselineMalformed, ex.Code);
        Assert.Equal(line, ex.Line);
        Assert.Equal(CodeBaselineDocument.FileName, ex.File);
    }
}

public sealed class ChangeSetTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("changeset").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Commit_writes_every_file()
    {
        File.WriteAllText(Path.Combine(root, "a.txt"), "old");
        var changes = new ChangeSet();
        changes.Set("a.txt", "new");
        changes.Set("sub/b.txt", "b");
        changes.Commit(root);
        Assert.Equal("new", File.ReadAllText(Path.Combine(root, "a.txt")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(root, "sub", "b.txt")));
        Assert.Equal(["a.txt", "sub/b.txt"], Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_failed_write_puts_every_file_back_and_is_STD7509()
    {
        File.WriteAllText(Path.Combine(root, "a.txt"), "old");
        Directory.CreateDirectory(Path.Combine(root, "z.txt"));
        var changes = new ChangeSet();
        changes.Set("a.txt", "new");
        changes.Set("m/new.txt", "n");
        changes.Set("z.txt", "cannot replace a folder");
        var ex = Assert.Throws<ToolException>(() => changes.Commit(root));
        Assert.Equal(ToolRuleIds.WriteFailed, ex.Code);
        Assert.Equal("old", File.ReadAllText(Path.Combine(root, "a.txt")));
        Assert.False(File.Exists(Path.Combine(root, "m", "new.txt")));
        Assert.Empty(Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories));
    }
}
