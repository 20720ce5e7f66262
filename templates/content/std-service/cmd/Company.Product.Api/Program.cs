using CompanyProduct.Api.Hosting;
using Microsoft.AspNetCore.Builder;

WebApplication app = ApiHost.Build(args);
await app.RunAsync();

/// <summary>The entry point; public so that integration tests can host the API in-process.</summary>
public partial class Program;
