using Standards.Tool;

// Ctrl-C (SIGINT) and SIGTERM cancel the run: the running build is killed, the temporary copy deleted, exit 130.
using var signals = new SignalCancellation();
return await CommandLine.RunAsync(args, ToolConsole.FromProcess(), signals.Token).ConfigureAwait(false);
