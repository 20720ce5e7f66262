using System.CommandLine;

namespace Standards.Tool.Commands.Adopt;

/// <summary>adopt's command line (the shared options only); its handler is <see cref="AdoptCommand"/>.</summary>
internal sealed class AdoptCommandDefinition(CommandTree tree)
{
    /// <summary>The adopt command; its action writes to <paramref name="console"/>.</summary>
    public Command Create(ToolConsole console)
    {
        var adopt = new Command("adopt", "Put an existing repo on Standards.Sdk: pin it in global.json, switch every project to it, move inline package versions to Directory.Packages.props, write lock files, and record every current finding in the baselines so the CI build is green and only new findings fail. All files or none; run it again after fixing findings. Exit 1 when the CI build still fails (findings no baseline can hold).")
        {
            tree.PathArgument,
            tree.DryRunOption,
            tree.AllowDirtyOption,
            tree.SdkVersionOption,
        };
        adopt.SetAction((parse, cancellation) => AdoptCommand.RunAsync(tree, parse, console, cancellation));
        return adopt;
    }
}
