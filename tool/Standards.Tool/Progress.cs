using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Standards.Adoption;

namespace Standards.Tool;

/// <summary>How much the tool prints (<c>-v|--verbosity</c>), as the dotnet CLI names the levels.</summary>
internal enum Verbosity
{
    /// <summary>Errors only (and the JSON document with --format json).</summary>
    Quiet,

    /// <summary>The result, no progress.</summary>
    Minimal,

    /// <summary>Progress by phase, with what is being built and the elapsed time, then the result.</summary>
    Normal,

    /// <summary>Also each command run and each project built.</summary>
    Detailed,

    /// <summary>Also every line the builds print.</summary>
    Diagnostic,
}

/// <summary>Progress of a long run: the phases the adoption logs, the commands it runs and their output.</summary>
internal abstract class Progress : ICommandObserver
{
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>The elapsed time as printed, m:ss.</summary>
    protected string Elapsed => clock.Elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    /// <summary>The progress for a verbosity and a console: a live display on a terminal, plain lines otherwise.</summary>
    public static Progress For(Verbosity verbosity, TextWriter writer, bool terminal, bool noColor) => verbosity switch
    {
        < Verbosity.Normal => new PlainProgress(TextWriter.Null, verbosity),
        Verbosity.Diagnostic => new PlainProgress(writer, verbosity),
        _ when terminal => new LiveProgress(writer, verbosity, noColor),
        _ => new PlainProgress(writer, verbosity),
    };

    /// <summary>The writer the adoption logs its phases to, a line each.</summary>
    public TextWriter Log => new LineWriter(Phase);

    /// <summary>A phase starts (a line the adoption logs).</summary>
    public abstract void Phase(string line);

    /// <inheritdoc />
    public abstract void Started(string command, IReadOnlyList<string> arguments);

    /// <inheritdoc />
    public abstract void Line(string line);

    /// <summary>Runs the work off this thread while the progress shows.</summary>
    public virtual Task<T> RunAsync<T>(Func<T> work) => Task.Run(work);

    /// <summary>The project a line of <c>dotnet build -v:m</c> says was built ("  Name -> path"), or null.</summary>
    protected static string? Built(string line)
    {
        var arrow = line.IndexOf(" -> ", StringComparison.Ordinal);
        return arrow > 0 && line.StartsWith("  ", StringComparison.Ordinal) ? line[..arrow].Trim() : null;
    }

    /// <summary>A command as printed: its name and its first two arguments.</summary>
    protected static string Describe(string command, IReadOnlyList<string> arguments) =>
        string.Join(' ', new[] { command }.Concat(arguments.Take(2).Select(a => Path.IsPathRooted(a) ? Path.GetFileName(a) : a)));

    /// <summary>Calls back once per line written.</summary>
    private sealed class LineWriter(Action<string> line) : TextWriter
    {
        private readonly StringBuilder pending = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                line(pending.ToString().TrimEnd('\r'));
                pending.Clear();
            }
            else
            {
                pending.Append(value);
            }
        }
    }
}

/// <summary>Plain lines, each with the elapsed time: for redirected output, CI and <c>--verbosity diag</c>.</summary>
internal sealed class PlainProgress(TextWriter writer, Verbosity verbosity) : Progress
{
    private readonly Lock gate = new();

    public override void Phase(string line) => Write($"[{Elapsed}] {line}");

    public override void Started(string command, IReadOnlyList<string> arguments)
    {
        if (verbosity >= Verbosity.Detailed)
        {
            Write($"[{Elapsed}]   running {Describe(command, arguments)}");
        }
    }

    public override void Line(string line)
    {
        if (verbosity >= Verbosity.Diagnostic)
        {
            Write("    " + line);
        }
        else if (verbosity >= Verbosity.Detailed && Built(line) is { } project)
        {
            Write($"[{Elapsed}]   built {project}");
        }
    }

    private void Write(string line)
    {
        lock (gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }
}

/// <summary>
/// A live status line on a terminal (Spectre.Console): the phase, what it is building, the elapsed time; each
/// finished phase stays above it as a line. No colour when NO_COLOR is set.
/// </summary>
internal sealed class LiveProgress : Progress
{
    private readonly IAnsiConsole console;
    private readonly Verbosity verbosity;
    private readonly ConcurrentQueue<string> lines = new();
    private volatile string phase = "Starting";
    private volatile string building = string.Empty;

    public LiveProgress(TextWriter writer, Verbosity verbosity, bool noColor)
    {
        this.verbosity = verbosity;
        console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Yes,
        });
    }

    public override void Phase(string line)
    {
        lines.Enqueue($"[{Elapsed}] {line}");
        phase = line.TrimEnd('.');
        building = string.Empty;
    }

    public override void Started(string command, IReadOnlyList<string> arguments)
    {
        building = Describe(command, arguments);
        if (verbosity >= Verbosity.Detailed)
        {
            lines.Enqueue($"[{Elapsed}]   running {building}");
        }
    }

    public override void Line(string line)
    {
        if (Built(line) is { } project)
        {
            building = "built " + project;
            if (verbosity >= Verbosity.Detailed)
            {
                lines.Enqueue($"[{Elapsed}]   built {project}");
            }
        }
    }

    public override async Task<T> RunAsync<T>(Func<T> work)
    {
        return await console.Status().Spinner(Spinner.Known.Dots).StartAsync(Status(), async context =>
        {
            var task = Task.Run(work);
            while (!task.IsCompleted)
            {
                Flush();
                context.Status(Status());
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
            }

            Flush();
            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private string Status() =>
        Markup.Escape($"{phase}{(building.Length == 0 ? string.Empty : " | " + building)} | {Elapsed}");

    private void Flush()
    {
        while (lines.TryDequeue(out var line))
        {
            console.WriteLine(line);
        }
    }
}
