using CompanyProduct.Worker.Hosting;
using Microsoft.AspNetCore.Builder;

WebApplication app = WorkerHost.Build(args);
await app.RunAsync();

/// <summary>The entry point; public so that integration tests can host the worker in-process.</summary>
public partial class Program;
