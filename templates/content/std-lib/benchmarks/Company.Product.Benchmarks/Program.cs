using BenchmarkDotNet.Running;
using CompanyProduct.Benchmarks;

// dotnet run -c Release --project benchmarks/Company.Product.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SlugBenchmarks).Assembly).Run(args);
