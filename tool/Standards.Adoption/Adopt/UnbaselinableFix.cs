using Standards.Sdk.Analyzers.Baseline;

namespace Standards.Adoption.Adopt;

/// <summary>What a user does about a finding adopt cannot baseline, by the kind of its code.</summary>
internal static class UnbaselinableFix
{
    /// <summary>What to do about a finding the baseline cannot hold.</summary>
    public static string For(BuildDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var code = diagnostic.Code;
        if (code.StartsWith("CS", StringComparison.Ordinal))
        {
            // The baseline holds every compiler warning (CS4014 too), also when the policy makes it an error: what is
            // left is an error by the compiler's own rules, which no suppressor reaches.
            return $"a compiler error (an error whatever the policy, not a warning it makes an error): the code baseline holds compiler warnings only, so no entry can hide it. Fix the code (https://learn.microsoft.com/dotnet/csharp/language-reference/compiler-messages/{code.ToLowerInvariant()}).";
        }

        if (CoverageMinimums.Gates.ContainsKey(code))
        {
            return "the tests reach none of it (0 %): a minimum of 0 % would pass on anything, so adopt sets none. Add a test that reaches it, or except the project under test from this rule in standards.json with an owner and an expiry date.";
        }

        if (code.StartsWith("STD", StringComparison.Ordinal))
        {
            return $"a policy or configuration error of Standards.Sdk that must be fixed or excepted in standards.json, not baselined; see {Standards.Sdk.Checks.Rules.RuleHelp.Link(Standards.Sdk.Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, code)}.";
        }

        if (BuildFailures.Codes.Contains(code) || code.StartsWith("MSB", StringComparison.Ordinal) || code.StartsWith("NETSDK", StringComparison.Ordinal))
        {
            return $"an error of the build itself (MSBuild or the .NET SDK), not a finding of the code: no baseline holds it. {BuildFailures.Hint(code)}";
        }

        if (code.StartsWith("NU", StringComparison.Ordinal))
        {
            return $"a NuGet restore warning or error: fix the package reference (https://learn.microsoft.com/nuget/reference/errors-and-warnings/{code.ToLowerInvariant()}).";
        }

        if (CodeBaselineFormat.IsSuppressible(code))
        {
            // The survey recorded it and the code baseline holds its rule, yet the CI-mode build still reports it: the
            // compiler saw the line under another path or text than the file adopt hashed.
            return "the code baseline holds this rule and adopt recorded the finding, but the CI-mode build did not match its entry: the compiler read that line from other text than the file names (code a generator wrote for a file the build does not pass to the compiler, a #line directive). Fix the code, or except the file with an owner and an expiry date in standards.json.";
        }

        return "a diagnostic of an analyzer the repo added itself, which the code baseline cannot hold (it holds every diagnostic the policy turns on: CA, IDE, every compiler warning, RS0030, STD1001-STD1099): fix the code, or except the files it fires in with an owner and an expiry date in standards.json.";
    }
}
