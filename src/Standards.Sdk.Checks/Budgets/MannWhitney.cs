namespace Standards.Sdk.Checks.Budgets;

/// <summary>
/// The one-sided Mann-Whitney U test (Wilcoxon rank-sum), normal approximation with tie and continuity
/// correction. dotnet/performance's ResultsComparer uses this test on the raw measurements to tell a real
/// regression from noise (https://github.com/dotnet/performance/tree/main/src/tools/ResultsComparer); this is our
/// own implementation of the textbook test (https://en.wikipedia.org/wiki/Mann%E2%80%93Whitney_U_test).
/// </summary>
public static class MannWhitney
{
    /// <summary>
    /// The p-value of "<paramref name="x"/> is stochastically greater than <paramref name="y"/>": small when the
    /// values of x are systematically above those of y. 1 when either sample has fewer than two values.
    /// </summary>
    public static double GreaterPValue(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int nx = x.Count, ny = y.Count, n = nx + ny;
        if (nx < 2 || ny < 2)
        {
            return 1;
        }

        var all = x.Select(v => (Value: v, FromX: true)).Concat(y.Select(v => (Value: v, FromX: false))).OrderBy(p => p.Value).ToList();
        double rankSumX = 0, tieTerm = 0;
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && all[j + 1].Value.Equals(all[i].Value))
            {
                j++;
            }

            var rank = (i + j + 2) / 2.0; // ranks are 1-based; ties share their average rank
            var ties = j - i + 1;
            tieTerm += Math.Pow(ties, 3) - ties;
            for (var k = i; k <= j; k++)
            {
                if (all[k].FromX)
                {
                    rankSumX += rank;
                }
            }

            i = j + 1;
        }

        var u = rankSumX - (nx * (nx + 1) / 2.0);
        var mean = nx * ny / 2.0;
        var variance = nx * ny / 12.0 * ((n + 1) - (tieTerm / ((double)n * (n - 1))));
        if (variance <= 0)
        {
            return u > mean ? 0 : 1;
        }

        var z = (u - mean - 0.5) / Math.Sqrt(variance);
        return 1 - NormalCdf(z);
    }

    /// <summary>The standard normal distribution function (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(z) / Math.Sqrt(2)));
        var erf = 1 - (((((((((1.061405429 * t) - 1.453152027) * t) + 1.421413741) * t) - 0.284496736) * t) + 0.254829592) * t * Math.Exp(-z * z / 2));
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
