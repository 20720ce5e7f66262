using Standards.Sdk.Checks.Rules;

namespace Standards.Sdk.Checks.Layout;

/// <summary>STD3032: a markdown document whose 'Next Review: YYYY-MM-DD' date has passed.</summary>
internal static class DocumentRules
{
    public static void Run(LayoutContext context)
    {
        if (!context.IsOn(LayoutRuleIds.DocumentPastReview))
        {
            return;
        }

        context.ForEach(context.Files.Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)), "check the review date of", path =>
        {
            var field = context.Markdown(path)?.Field("Next Review");
            if (field is null)
            {
                return;
            }

            if (!AdrRules.TryDate(field.Value, out var due))
            {
                context.Report(LayoutRuleIds.DocumentPastReview,
                    $"{path} has Next Review '{field.Value}'; write the date as YYYY-MM-DD so the review can be tracked.",
                    path, field.Line);
            }
            else if (due < context.Today)
            {
                context.Report(LayoutRuleIds.DocumentPastReview,
                    $"{path} was due for review on {due:yyyy-MM-dd}. Check it is still right, then update 'Last Validated' and set a new 'Next Review' date.",
                    path, field.Line);
            }
        });
    }
}
