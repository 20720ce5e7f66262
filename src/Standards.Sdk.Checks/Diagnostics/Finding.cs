namespace Standards.Sdk.Checks.Diagnostics;

/// <summary>
/// One diagnostic produced by a check. Tasks turn findings into MSBuild errors, warnings and messages;
/// reports (SARIF, markdown) are written from the same records. A rule's help link: <c>Rules.RuleHelp</c>.
/// </summary>
/// <param name="Code">Stable rule code, e.g. <c>STD0001</c>.</param>
/// <param name="Severity">How it is reported.</param>
/// <param name="Message">What is wrong and how to fix it (one or two sentences).</param>
/// <param name="File">The file the finding is about, or null for a repo-wide finding.</param>
/// <param name="Line">1-based line, 0 when the finding has no line.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
public sealed record Finding(string Code, Severity Severity, string Message, string? File = null, int Line = 0, int Column = 0);
