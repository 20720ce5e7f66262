using CompanyProduct.Api.Hosting;
//#if (hasDatabase)
using CompanyProduct.Api.Data;
//#endif

//#if (hasDatabase)
// `dotnet CompanyProduct.Api.dll migrate` applies the database migrations and exits (see README, "Database").
string? command = HostCommands.CommandOf(args);
// Disposed before the process exits, so the console logger writes out what a command logged.
await using WebApplication app = ApiHost.Build(HostCommands.HostArguments(args));
if (command is not null)
{
    return command == HostCommands.Migrate ? await HostCommands.MigrateAsync(app) : HostCommands.Unknown(app, command);
}
//#else
await using WebApplication app = ApiHost.Build(args);
//#endif

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host the API in-process.</summary>
public partial class Program;
