using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using CompanyProduct.Benchmarks;

// dotnet run -c Release --project benchmarks/Company.Product.Benchmarks -- --filter '*'
// The full JSON report is what Standards.Sdk's benchmark gate reads (budgets and baseline: docs/quality-gates.md);
// then: dotnet build benchmarks/Company.Product.Benchmarks -t:StandardsBenchmarks
// BenchmarkDotNet builds its runner project first and gives up after 2 minutes by default, which a busy CI agent can
// take for a project that builds under the whole policy: the build is not what is measured, so it may take longer.
var config = DefaultConfig.Instance.AddExporter(JsonExporter.Full).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(SlugBenchmarks).Assembly).Run(args, config);
