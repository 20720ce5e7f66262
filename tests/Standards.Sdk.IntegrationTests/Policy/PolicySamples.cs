using System.Text;

namespace Standards.Sdk.IntegrationTests.Policy;

/// <summary>A diagnostic a sample must produce: code, repo-relative file, line.</summary>
public sealed record ExpectedDiagnostic(string Code, string File, int Line);

/// <summary>
/// One project demonstrating one row of profile §1. Violating samples produce exactly their expected
/// diagnostics; compliant samples build clean with zero warnings in CI mode.
/// </summary>
public sealed record PolicySample(string Row, string Project, string ProjectBody, IReadOnlyDictionary<string, string> Files, IReadOnlyList<ExpectedDiagnostic> Expected)
{
    /// <summary>Repo-relative folder of the project.</summary>
    public string Folder => $"src/{Project}";

    /// <inheritdoc />
    public override string ToString() => Project;
}

/// <summary>The samples, one violating and one compliant per policy row.</summary>
public static class PolicySamples
{
    private const string Doc = "/// <summary>Sample.</summary>";

    /// <summary>A documented public static class around <paramref name="members"/>; members start at line 6.</summary>
    private static string Class(string ns, string name, string members, string usings = "") =>
        $"{usings}namespace {ns};\n\n{Doc}\npublic static class {name}\n{{\n{members}}}\n";

    private static Dictionary<string, string> One(string path, string content) => new() { [path] = content };

    private static PolicySample Sample(string row, string project, string body, Dictionary<string, string> files, params ExpectedDiagnostic[] expected) =>
        new(row, project, body, files, expected);

    private static string Lines(int count, string line)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static ExpectedDiagnostic E(string code, string file, int line) => new(code, file, line);

    private static string Kind(string kind) => $"  <PropertyGroup>\n    <StandardsProjectKind>{kind}</StandardsProjectKind>\n  </PropertyGroup>";

    /// <summary>Violating samples.</summary>
    public static IReadOnlyList<PolicySample> Violating { get; } =
    [
        Sample("nullable", "Nullability.Bad", "", One("Names.cs", Class("Samples.Nullability", "Names",
            $"    {Doc}\n    /// <returns>A name.</returns>\n    public static string Missing()\n    {{\n        string? name = null;\n        return name;\n    }}\n")),
            E("CS8603", "Names.cs", 11)),
        Sample("nullable locked", "NullableOff.Bad", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>", One("Empty.cs", Class("Samples.NullableOff", "Empty", "")),
            E("STD0101", "NullableOff.Bad.csproj", 3)),
        Sample("warnings as errors", "Warnings.Bad", "", One("Counter.cs", Class("Samples.Warnings", "Counter",
            $"    {Doc}\n    /// <returns>One.</returns>\n    public static int Count()\n    {{\n        int unused;\n        return 1;\n    }}\n")),
            E("CS0168", "Counter.cs", 10)),
        Sample("warnings as errors locked", "WarningsOff.Bad", "  <PropertyGroup>\n    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>\n  </PropertyGroup>", One("Empty.cs", Class("Samples.WarningsOff", "Empty", "")),
            E("STD0102", "WarningsOff.Bad.csproj", 3)),
        Sample("security rules", "Security.Bad", "", One("Hashing.cs", Class("Samples.Security", "Hashing",
            $"    {Doc}\n    /// <param name=\"data\">Data.</param>\n    /// <returns>Hash.</returns>\n    public static byte[] Hash(byte[] data) => System.Security.Cryptography.MD5.HashData(data);\n")),
            E("CA5351", "Hashing.cs", 9)),
        Sample("cyclomatic complexity", "Complexity.Bad", "", One("Grades.cs", Class("Samples.Complexity", "Grades",
            $"    {Doc}\n    /// <param name=\"x\">Score.</param>\n    /// <returns>Grade.</returns>\n    public static int Grade(int x)\n    {{\n{Lines(15, "        if (x > 0) { x--; }")}        return x;\n    }}\n")),
            E("CA1502", "Grades.cs", 9)),
        Sample("method length warning", "MethodLength.Bad", "", One("Totals.cs", Class("Samples.MethodLength", "Totals",
            $"    {Doc}\n    /// <returns>Total.</returns>\n    public static int Sum()\n    {{\n        var total = 0;\n{Lines(49, "        total += 1;")}        return total;\n    }}\n")),
            E("STD1001", "Totals.cs", 8)),
        Sample("method length error", "MethodLengthError.Bad", "", One("Totals.cs", Class("Samples.MethodLengthError", "Totals",
            $"    {Doc}\n    /// <returns>Total.</returns>\n    public static int Sum()\n    {{\n        var total = 0;\n{Lines(99, "        total += 1;")}        return total;\n    }}\n")),
            E("STD1002", "Totals.cs", 8)),
        Sample("nesting depth", "Nesting.Bad", "", One("Deep.cs", Class("Samples.Nesting", "Deep",
            $"    {Doc}\n    /// <param name=\"x\">X.</param>\n    /// <returns>Y.</returns>\n    public static int Dig(int x)\n    {{\n" +
            "        if (x > 1)\n        {\n            if (x > 2)\n            {\n                if (x > 3)\n                {\n                    if (x > 4)\n                    {\n                        if (x > 5)\n                        {\n                            return 5;\n                        }\n                    }\n                }\n            }\n        }\n\n        return 0;\n    }\n")),
            E("STD1003", "Deep.cs", 19)),
        Sample("file length", "FileLength.Bad", "", One("Big.cs", Class("Samples.FileLength", "Big", Lines(495, "    // filler"))),
            E("STD1004", "Big.cs", 1)),
        Sample("generic namespace", "Naming.Bad", "", One("Text.cs", Class("Samples.Helpers", "Text", "")),
            E("STD1005", "Text.cs", 1)),
        Sample("generic project name", "Samples.Common", "", One("Clock.cs", Class("Samples.Clocks", "Clock", "")),
            E("STD1007", "Samples.Common.csproj", 1)),
        Sample("unused members", "Unused.Bad", "", One("Parts.cs", Class("Samples.Unused", "Parts", "    private static int Unused() => 1;\n")),
            E("IDE0051", "Parts.cs", 6)),
        Sample("structured logging", "Logging.Bad", Kind("worker"), new()
        {
            ["Program.cs"] = "using Microsoft.Extensions.Logging.Abstractions;\n\nvar logger = NullLogger.Instance;\nvar name = args.Length;\nlogger.LogInformation($\"Started with {name}\");\n",
        },
            E("CA1848", "Program.cs", 5), E("CA1873", "Program.cs", 5), E("CA2254", "Program.cs", 5)),
        Sample("banned apis", "Banned.Bad", "", One("Clock.cs", Class("Samples.Banned", "Clock",
            $"    {Doc}\n    /// <returns>Now.</returns>\n    public static System.DateTime Now() => System.DateTime.UtcNow;\n")),
            E("RS0030", "Clock.cs", 8)),
        Sample("banned console in workers", "Console.Bad", Kind("worker"), One("Program.cs", "System.Console.WriteLine(\"started\");\n"),
            E("RS0030", "Program.cs", 1)),
        Sample("public api documented", "Docs.Bad", "", One("Api.cs", "namespace Samples.Docs;\n\npublic static class Api\n{\n}\n"),
            E("CS1591", "Api.cs", 3)),
        Sample("todo format", "Todo.Bad", "", One("Work.cs", "// TODO fix this later\nnamespace Samples.Todo;\n\n" + Doc + "\npublic static class Work\n{\n}\n"),
            E("STD1006", "Work.cs", 1)),
        Sample("locked rule silenced", "Silenced.Bad", "  <PropertyGroup>\n    <NoWarn>$(NoWarn);RS0030</NoWarn>\n  </PropertyGroup>", One("Empty.cs", Class("Samples.Silenced", "Empty", "")),
            E("STD0103", "Silenced.Bad.csproj", 3)),
    ];

    /// <summary>Compliant samples: each row's fix, plus the kinds that relax rules.</summary>
    public static IReadOnlyList<PolicySample> Compliant { get; } =
    [
        Sample("nullable", "Nullability.Good", "", One("Names.cs", Class("Samples.Nullability", "Names",
            $"    {Doc}\n    /// <returns>A name.</returns>\n    public static string Missing()\n    {{\n        string? name = null;\n        return name ?? string.Empty;\n    }}\n"))),
        Sample("nullable locked with exception", "NullableOff.Good", "  <PropertyGroup>\n    <Nullable>disable</Nullable>\n  </PropertyGroup>", One("Empty.cs", Class("Samples.NullableOff", "Empty", ""))),
        Sample("security rules", "Security.Good", "", One("Hashing.cs", Class("Samples.Security", "Hashing",
            $"    {Doc}\n    /// <param name=\"data\">Data.</param>\n    /// <returns>Hash.</returns>\n    public static byte[] Hash(byte[] data) => System.Security.Cryptography.SHA256.HashData(data);\n"))),
        Sample("method length", "MethodLength.Good", "", One("Totals.cs", Class("Samples.MethodLength", "Totals",
            $"    {Doc}\n    /// <returns>Total.</returns>\n    public static int Sum()\n    {{\n        var total = 0;\n{Lines(48, "        total += 1;")}        return total;\n    }}\n"))),
        Sample("structured logging", "Logging.Good", Kind("worker"), new()
        {
            ["Program.cs"] = "using Microsoft.Extensions.Logging.Abstractions;\nusing Samples.Logging;\n\nvar logger = NullLogger.Instance;\nLog.Started(logger, args.Length);\n",
            ["Log.cs"] = "namespace Samples.Logging;\n\ninternal static partial class Log\n{\n    [LoggerMessage(Level = LogLevel.Information, Message = \"Started with {Count}\")]\n    public static partial void Started(ILogger logger, int count);\n}\n",
        }),
        Sample("banned apis", "Banned.Good", "", One("Clock.cs", Class("Samples.Banned", "Clock",
            $"    {Doc}\n    /// <param name=\"time\">Time source.</param>\n    /// <returns>Now.</returns>\n    public static System.DateTimeOffset Now(System.TimeProvider time) => time.GetUtcNow();\n"))),
        Sample("banned apis allowed in tests", "Clock.Tests", "", One("ClockTests.cs", "namespace Samples.Clock.Tests;\n\npublic static class ClockTests\n{\n    public static System.DateTime Now() => System.DateTime.UtcNow;\n}\n")),
        Sample("console allowed in tools", "Cli.Tool", "  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n  </PropertyGroup>", One("Program.cs", "System.Console.WriteLine(\"hello\");\n")),
        Sample("todo format", "Todo.Good", "", One("Work.cs", "// TODO(alice): drop the shim once v2 ships #123\nnamespace Samples.Todo;\n\n" + Doc + "\npublic static class Work\n{\n}\n")),
        Sample("benchmark kind", "Orders.Benchmarks", "", One("Program.cs", "System.Console.WriteLine(\"benchmarks\");\n")),
        Sample("multi-targeting", "Multi.Good", "  <PropertyGroup>\n    <TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>\n  </PropertyGroup>", One("Api.cs", Class("Samples.Multi", "Api", ""))),
    ];

    /// <summary>standards.json of the compliant repo: the exception that lets NullableOff.Good turn nullable off.</summary>
    public const string CompliantPolicy = """
        {
          "exceptions": [
            { "rule": "STD0101", "scope": "NullableOff.Good", "owner": "@platform-team", "reason": "Sample of an approved deviation", "expires": "2099-12-31" }
          ]
        }
        """;
}
