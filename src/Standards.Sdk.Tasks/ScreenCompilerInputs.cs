using Microsoft.Build.Framework;
using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Tasks;

/// <summary>
/// Before the compiler gets a repo file the SDK hands it (the code baseline): the compiler opens an additional file
/// itself, so a FIFO there would make the build wait for ever and a device would never end. Only a regular file of at
/// most <see cref="BoundedFile.SettingsLimit"/> bytes is passed on (<see cref="Passed"/>); any other is STD0007 naming
/// it and why, and is left out, so nothing opens it. Nothing is read: the file type and size come from
/// <see cref="FileStat"/>.
/// </summary>
public sealed class ScreenCompilerInputs : StandardsTask
{
    /// <summary>The repo files the SDK would hand the compiler.</summary>
    public ITaskItem[] Files { get; set; } = [];

    /// <summary>What the file is to the build ("the code baseline"), for the message.</summary>
    public string What { get; set; } = "a file the SDK hands the compiler";

    /// <summary>The files that may be handed on: regular files within the limit, or missing ones (the compiler says so).</summary>
    [Output]
    public ITaskItem[] Passed { get; private set; } = [];

    /// <inheritdoc />
    protected override bool ExecuteCore()
    {
        var passed = new List<ITaskItem>();
        var findings = new List<Finding>();
        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            if (BoundedFile.Problem(path, BoundedFile.SettingsLimit) is { } problem)
            {
                findings.Add(new Finding(PolicyRuleIds.InputUnreadable, Severity.Error,
                    $"{path} is {What}, but {problem}: it is not given to the compiler, which would wait on it or never finish reading it. Make it a regular file of at most {BoundedFile.Describe(BoundedFile.SettingsLimit)}, or remove it.",
                    path));
            }
            else
            {
                passed.Add(item);
            }
        }

        Passed = [.. passed];
        return LogAndRecord(findings, Checks.Policy.StandardsPolicy.DefaultHelpBaseUrl, warningsAsErrors: false);
    }
}
