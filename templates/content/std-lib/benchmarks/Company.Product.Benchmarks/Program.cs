using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Running;
using CompanyProduct.Benchmarks;

// dotnet run -c Release --project benchmarks/Company.Product.Benchmarks -- --filter '*'
// The full JSON report is what Standards.Sdk's benchmark gate reads (budgets and baseline: docs/quality-gates.md);
// then: dotnet build benchmarks/Company.Product.Benchmarks -t:StandardsBenchmarks
BenchmarkSwitcher.FromAssembly(typeof(SlugBenchmarks).Assembly).Run(args, DefaultConfig.Instance.AddExporter(JsonExporter.Full));
