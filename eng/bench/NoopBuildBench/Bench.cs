/// <summary>The builds NoopBuildBench measures: the rounds, then one attribution build per variant.</summary>
internal static class Bench
{
    /// <summary>
    /// Builds every variant <paramref name="rounds"/> times, alternating their order, after the edit when there is one;
    /// keeps the measures of every round but the first.
    /// </summary>
    public static void Rounds(List<Variant> variants, int rounds, SourceEdit? edit)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var variant in round % 2 == 0 ? variants : Enumerable.Reverse(variants))
            {
                edit?.Apply(variant.Solution);
                var measured = NoopBuild.Run(variant.Solution, attribute: false).Measure;
                Console.Error.WriteLine(FormattableString.Invariant($"{variant.Name}, round {round + 1}: {measured.Bytes / 1e6:F1} MB, CPU {measured.CpuMilliseconds:F0} ms"));
                if (round > 0)
                {
                    variant.Rounds.Add(measured);
                }
            }
        }
    }

    /// <summary>
    /// One more build of each variant, attributing its bytes to targets, tasks and evaluation
    /// (&lt;output&gt;/&lt;variant&gt;.targets.tsv); false when an edit-and-build compiled nothing (the edited file is in
    /// none of the solution's projects).
    /// </summary>
    public static bool Attribute(List<Variant> variants, string output, SourceEdit? edit)
    {
        foreach (var variant in variants)
        {
            edit?.Apply(variant.Solution);
            variant.ByTarget = NoopBuild.Run(variant.Solution, attribute: true).ByTarget;
            if (edit is not null && variant.ByTarget.GetValueOrDefault("task Csc").Calls == 0)
            {
                Console.Error.WriteLine($"{variant.Name}: the build after editing {edit.File} compiled nothing; the edit is not in a project of {variant.Solution}.");
                return false;
            }

            File.WriteAllLines(Path.Combine(output, variant.Name + ".targets.tsv"), variant.ByTarget
                .OrderByDescending(entry => entry.Value.Bytes)
                .Select(entry => FormattableString.Invariant($"{entry.Value.Bytes}\t{entry.Value.Calls}\t{entry.Key}")));
        }

        return true;
    }
}
