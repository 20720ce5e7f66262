using Microsoft.CodeAnalysis.CSharp;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Tests.Catalog;

/// <summary>The nullable warning ids the checks and the analyzer know are the compiler's own.</summary>
public sealed class NullableWarningsTests
{
    [Fact]
    public void Every_id_the_compiler_calls_nullable_is_known()
    {
        var compiler = CSharpCommandLineParser.Default.Parse(["/warnaserror:nullable"], "/tmp", null).CompilationOptions.SpecificDiagnosticOptions.Keys;
        Assert.NotEmpty(compiler);
        Assert.All(compiler, id => Assert.Contains(id, NullableWarnings.Ids));
        Assert.Equal(NullableWarnings.Ids.Order(StringComparer.Ordinal), NullableWarnings.Ids);
    }

    [Fact]
    public void The_analyzer_knows_the_same_ids()
    {
        foreach (var id in NullableWarnings.Ids)
        {
            Assert.True(Standards.Sdk.Analyzers.LockedRuleSuppressionAnalyzer.IsNullableWarning(id), id);
        }

        Assert.False(Standards.Sdk.Analyzers.LockedRuleSuppressionAnalyzer.IsNullableWarning("CS0618"));
    }

    [Theory]
    [InlineData("8602", "CS8602")]
    [InlineData("618", "CS0618")]
    [InlineData("CS8602", "CS8602")]
    [InlineData("nullable", "nullable")]
    [InlineData("99999999999", "99999999999")]
    public void Numbers_are_compiler_ids(string written, string id) => Assert.Equal(id, NullableWarnings.CompilerId(written));
}
