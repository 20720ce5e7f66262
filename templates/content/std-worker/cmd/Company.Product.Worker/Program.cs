using CompanyProduct.Worker.Data;
using CompanyProduct.Worker.Hosting;

// Commands run instead of the worker (README, "Operating"):
//   migrate                                          applies the database migrations and exits
//   enqueue --type <type> --body <json> [--id <id>]  puts a message on the queue and exits
string? command = HostCommands.CommandOf(args);
if (command == EnqueueCommand.Name)
{
    // Disposed before the process exits, so the console logger writes out what the command logged.
    await using WebApplication producer = WorkerHost.Build([]);
    return await EnqueueCommand.RunAsync(producer, args[1..]);
}

await using WebApplication app = WorkerHost.Build(HostCommands.HostArguments(args));
if (command is not null)
{
    return command == HostCommands.Migrate ? await HostCommands.MigrateAsync(app) : HostCommands.Unknown(app, command);
}

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host the worker in-process.</summary>
public partial class Program;
