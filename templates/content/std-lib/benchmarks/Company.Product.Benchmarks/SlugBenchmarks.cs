using BenchmarkDotNet.Attributes;

namespace CompanyProduct.Benchmarks;

/// <summary>Cost of creating and parsing slugs.</summary>
[MemoryDiagnoser]
public class SlugBenchmarks
{
    private string _slugText = string.Empty;

    /// <summary>Gets or sets the input text.</summary>
    [Params("Hello, World!", "Crème Brûlée: the 10 most common mistakes, and how to avoid every one of them")]
    public string Text { get; set; } = string.Empty;

    /// <summary>Prepares the slug that <see cref="TryParse"/> parses.</summary>
    [GlobalSetup]
    public void Setup() => _slugText = Slug.Create(Text).Value;

    /// <summary>Creates the slug of <see cref="Text"/>.</summary>
    /// <returns>The slug.</returns>
    [Benchmark(Baseline = true)]
    public Slug Create() => Slug.Create(Text);

    /// <summary>Parses the slug of <see cref="Text"/>.</summary>
    /// <returns>Whether it parsed.</returns>
    [Benchmark]
    public bool TryParse() => Slug.TryParse(_slugText, out _);
}
