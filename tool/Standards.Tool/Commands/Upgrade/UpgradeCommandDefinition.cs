using System.CommandLine;

namespace Standards.Tool.Commands.Upgrade;

/// <summary>upgrade's options and command line; its handler is <see cref="UpgradeCommand"/>.</summary>
internal sealed class UpgradeCommandDefinition(CommandTree tree)
{
    private readonly Option<int> GraceOption = new("--grace")
    {
        Description = "Days the findings new under the new version stay baselined: each entry the upgrade records expires that many days from today and then fails the CI build again.",
        DefaultValueFactory = _ => Standards.Adoption.Upgrade.UpgradeOptions.DefaultGraceDays,
        HelpName = "days",
    };

    private readonly Option<string?> ToOption = new("--to")
    {
        Description = "The Standards.Sdk version to move to [default: the newest version the feeds list].",
        HelpName = "version",
    };

    private readonly Option<bool> LatestOption = new("--latest") { Description = "Move to the newest version the feeds list (the default; says so explicitly)." };

    private readonly Option<bool> AllowDowngradeOption = new("--allow-downgrade") { Description = "Accept a --to version older than the pinned one." };

    /// <summary>The upgrade command; its action writes to <paramref name="console"/>.</summary>
    public Command Create(ToolConsole console)
    {
        var upgrade = new Command("upgrade", "Move the repo to a newer Standards.Sdk from its feeds (nuget.config, package source mapping): global.json's pin, the tool manifest's Standards.Tool and the Standards.* package versions together; restore, survey and verify on the new version as adopt does, recording new findings in the baselines; write artifacts/standards/upgrade.md (upgrade.json with --format json) with the policy changes. All files or none. A downgrade is refused unless --allow-downgrade. Exit 1 when the CI build on the new version still fails.")
        {
            tree.PathArgument,
            ToOption,
            LatestOption,
            tree.DryRunOption,
            tree.AllowDirtyOption,
            AllowDowngradeOption,
            GraceOption,
        };
        upgrade.Validators.Add(result =>
        {
            if (result.GetResult(GraceOption) is { Implicit: false, Tokens.Count: 1 } grace
                && int.TryParse(grace.Tokens[0].Value, System.Globalization.CultureInfo.InvariantCulture, out var days) && days is < 1 or > Standards.Adoption.Upgrade.UpgradeOptions.MaxGraceDays)
            {
                result.AddError($"--grace is {days}; give a number of days from 1 to {Standards.Adoption.Upgrade.UpgradeOptions.MaxGraceDays}.");
            }

            if (result.GetResult(ToOption) is not null && result.GetValue(LatestOption))
            {
                result.AddError("--to and --latest exclude each other: give one.");
            }
        });
        upgrade.SetAction((parse, cancellation) => UpgradeCommand.RunAsync(tree, parse, console, cancellation));
        return upgrade;
    }

    /// <summary>The upgrade options of a parsed upgrade command line, and whether the changelog is JSON.</summary>
    public (Standards.Adoption.Upgrade.UpgradeOptions Options, bool Json) UpgradeOptions(ParseResult parse) => (
        new Standards.Adoption.Upgrade.UpgradeOptions(
            parse.GetValue(tree.PathArgument) ?? ".",
            parse.GetValue(ToOption),
            parse.GetValue(tree.DryRunOption),
            parse.GetValue(tree.AllowDirtyOption),
            parse.GetValue(AllowDowngradeOption),
            GraceDays: parse.GetValue(GraceOption)),
        parse.GetValue(tree.FormatOption) == "json");
}
