using Standards.Sdk.Analyzers.Tests.Infrastructure;

namespace Standards.Sdk.Analyzers.Tests;

/// <summary>
/// EF Core migrations as `dotnet ef migrations add` writes them: the migration itself has no auto-generated header
/// (only its .Designer.cs has one) but starts with #nullable disable and has a long Up method. Our analyzers treat
/// it as generated code; the same text under another name, or a timestamped file without a Migration class, is the
/// team's code and is checked.
/// </summary>
public sealed class EfCoreMigrationTests
{
    private const string Stubs = "namespace Microsoft.EntityFrameworkCore.Migrations\n{\n    public class MigrationBuilder { public void Sql(string sql) { } }\n"
        + "    public abstract class Migration { protected abstract void Up(MigrationBuilder migrationBuilder); }\n}\n";

    private static readonly Dictionary<string, string> Locked = new()
    {
        ["standards.locked_rules"] = "RS0030",
        ["standards.nullable_locked"] = "true",
        ["build_property.ProjectDir"] = "/repo/src/Shop/",
    };

    public static TheoryData<string> Bases() => new()
    {
        "Migration",
        "Microsoft.EntityFrameworkCore.Migrations.Migration",
        "global::Microsoft.EntityFrameworkCore.Migrations.Migration",
    };

    private static string MigrationSource(string baseType, bool fileScoped) =>
        "using Microsoft.EntityFrameworkCore.Migrations;\n\n#nullable disable\n\n"
        + (fileScoped ? "namespace Shop.Migrations;\n\n" : "namespace Shop.Migrations\n{\n")
        + $"/// <inheritdoc />\npublic partial class Initial : {baseType}\n{{\n    /// <inheritdoc />\n    protected override void Up(MigrationBuilder migrationBuilder)\n    {{\n"
        + string.Concat(Enumerable.Range(1, 90).Select(i => $"        migrationBuilder.Sql(\"INSERT INTO T VALUES ({i})\");\n"))
        + "    }\n}\n" + (fileScoped ? string.Empty : "}\n");

    private static List<string> Ids(string path, string source) =>
        [.. AnalyzerRunner.Run([(path, source), ("/repo/src/Shop/Stubs.cs", Stubs)], new TestOptionsProvider(Locked)).Select(d => $"{d.Id}:{d.Line()}")];

    [Theory]
    [MemberData(nameof(Bases))]
    public void A_migration_is_generated_code_for_our_analyzers(string baseType)
    {
        Assert.Empty(Ids("/repo/src/Shop/Migrations/20240101120000_Initial.cs", MigrationSource(baseType, fileScoped: true)));
        Assert.Empty(Ids("/repo/src/Shop/Migrations/20240101120000_Initial.cs", MigrationSource(baseType, fileScoped: false)));
    }

    [Theory]
    [InlineData("/repo/src/Shop/Migrations/Initial.cs")]
    [InlineData("/repo/src/Shop/Migrations/2024010112000_Initial.cs")]
    [InlineData("/repo/src/Shop/Migrations/2024010112000a_Initial.cs")]
    public void The_same_code_under_another_name_is_the_teams_and_is_checked(string path) =>
        Assert.Equal(["STD0101:3", "STD1001:11"], Ids(path, MigrationSource("Migration", fileScoped: true)));

    [Fact]
    public void A_timestamped_file_without_a_migration_class_is_checked() =>
        Assert.Equal(
            ["STD0101:1"],
            Ids("/repo/src/Shop/Migrations/20240101120000_Notes.cs", "#nullable disable\nnamespace Shop.Migrations;\n\npublic sealed class Notes : System.Attribute\n{\n}\n"));
}
