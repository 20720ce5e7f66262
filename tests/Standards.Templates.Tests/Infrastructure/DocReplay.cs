using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>A shell block of a Markdown document: the document's name, the line of its opening fence and its text.</summary>
/// <param name="Document">The document, as the test names it (e.g. <c>README.md of std-service</c>).</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Text">The commands, without the fences and without the indentation of a block inside a list.</param>
public sealed record DocBlock(string Document, int Line, string Text)
{
    /// <inheritdoc />
    public override string ToString() => $"{Document}:{Line}";
}

/// <summary>A block the replay does not run, and why it cannot (a push to a real feed, a real registry).</summary>
/// <param name="Document">The document of the block.</param>
/// <param name="Marker">Text that occurs in that block and in no other block of the document.</param>
/// <param name="Reason">Why it cannot run in a test.</param>
public sealed record NotRun(string Document, string Marker, string Reason);

/// <summary>
/// A command that serves until stopped (<c>dotnet run</c> of a service): the replay starts it in the background, waits
/// until <paramref name="ReadyUrl"/> answers, runs the next blocks against it and stops it (SIGTERM to its process
/// group) when the replay ends.
/// </summary>
/// <param name="Arguments">The dotnet arguments exactly as the document writes them, e.g. <c>run --project cmd/Acme.Orders.Api</c>.</param>
/// <param name="ReadyUrl">A URL that answers once it serves.</param>
public sealed record LongRunning(string Arguments, string ReadyUrl);

/// <summary>
/// Replays the shell blocks of Markdown documents as written: every block of a document, in order, in one bash
/// session (so a variable one block exports is there in the next, as in a reader's terminal), with errexit and
/// pipefail; a block that fails stops the replay. Only <c>dotnet</c> is wrapped: the arguments of a
/// <see cref="LongRunning"/> command start it in the background instead of blocking the session.
/// </summary>
public static partial class DocReplay
{
    /// <summary>The shell blocks (<c>bash</c>, <c>sh</c>, <c>shell</c>, <c>console</c>) of a Markdown text, in order.</summary>
    public static IReadOnlyList<DocBlock> ShellBlocks(string document, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var text = markdown.ReplaceLineEndings("\n");
        var blocks = new List<DocBlock>();
        foreach (Match match in FencedShellBlock().Matches(text))
        {
            var indent = match.Groups["indent"].Value;
            var line = text.AsSpan(0, match.Index).Count('\n') + 1;
            var body = string.Join('\n', match.Groups["body"].Value.TrimEnd('\n').Split('\n')
                .Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l));
            blocks.Add(new DocBlock(document, line, body));
        }

        return blocks;
    }

    /// <summary>
    /// The blocks to run: every block but the <paramref name="notRun"/> ones of their document. Throws when an entry
    /// of a document of <paramref name="blocks"/> matches no block of it or more than one, so the list cannot outlive
    /// the document.
    /// </summary>
    public static IReadOnlyList<DocBlock> ToRun(IReadOnlyList<DocBlock> blocks, IEnumerable<NotRun> notRun)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var skipped = new HashSet<DocBlock>();
        foreach (var entry in notRun.Where(n => blocks.Any(b => b.Document == n.Document)))
        {
            var matches = blocks.Where(b => b.Document == entry.Document && b.Text.Contains(entry.Marker, StringComparison.Ordinal)).ToList();
            if (matches.Count != 1)
            {
                throw new InvalidOperationException(
                    $"The not-run entry '{entry.Marker}' of {entry.Document} matches {matches.Count} blocks, not one: " +
                    "update the list when the document changes.");
            }

            skipped.Add(matches[0]);
        }

        return [.. blocks.Where(b => !skipped.Contains(b))];
    }

    /// <summary>
    /// The bash script of a replay: the <c>dotnet</c> wrapper for the long-running commands, then each block,
    /// announced with a <c>::: document:line</c> line. <paramref name="logs"/> receives the output of the
    /// background commands (<c>background-N.log</c>). <paramref name="before"/> gives the set-up a block assumes and
    /// the document states in words (e.g. "in an existing repo"), run just before it; it never edits a block.
    /// </summary>
    public static string Script(IReadOnlyList<DocBlock> blocks, IReadOnlyList<LongRunning> longRunning, string logs, Func<DocBlock, string?>? before = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(longRunning);
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"REPLAY_LOGS={Quote(logs)}\n");
        script.Append(Prologue);
        script.Append("dotnet() {\n  case \"$*\" in\n");
        for (var i = 0; i < longRunning.Count; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"    {Quote(longRunning[i].Arguments)}) replay_background {Quote(longRunning[i].ReadyUrl)} \"$REPLAY_LOGS/background-{i + 1}.log\" dotnet \"$@\" ;;\n");
        }

        script.Append("    *) command dotnet \"$@\" ;;\n  esac\n}\n");
        foreach (var block in blocks)
        {
            if (before?.Invoke(block) is { } setUp)
            {
                script.Append(CultureInfo.InvariantCulture, $"echo {Quote("::: set-up of " + block)}\n").Append(setUp).Append('\n');
            }

            script.Append(CultureInfo.InvariantCulture, $"echo {Quote("::: " + block)}\n");
            script.Append(block.Text).Append('\n');
        }

        script.Append("echo '::: replay done'\n");
        return script.ToString();
    }

    /// <summary>The last block the replay announced before it stopped.</summary>
    public static string LastBlock(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var last = output.Split('\n').LastOrDefault(l => l.StartsWith("::: ", StringComparison.Ordinal));
        return last is null ? "(none)" : last[4..].TrimEnd('\r');
    }

    /// <summary>Single-quotes a word for bash.</summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    // The background commands are session leaders (setsid), so stopping one stops what it started (dotnet run's
    // app); they are stopped when the replay ends, whether it passed or not.
    private const string Prologue = """
        set -eo pipefail
        REPLAY_PIDS=""
        replay_stop() {
          for pid in $REPLAY_PIDS; do kill -TERM -- "-$pid" 2>/dev/null || true; done
          for pid in $REPLAY_PIDS; do
            for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
            kill -KILL -- "-$pid" 2>/dev/null || true
          done
        }
        trap replay_stop EXIT
        replay_background() {
          local url="$1" log="$2"
          shift 2
          setsid "$@" >"$log" 2>&1 </dev/null &
          local pid=$!
          REPLAY_PIDS="$REPLAY_PIDS $pid"
          for _ in $(seq 1 300); do
            if curl -s -o /dev/null "$url"; then echo "(replay: '$*' serves $url, in the background)"; return 0; fi
            if ! kill -0 "$pid" 2>/dev/null; then echo "(replay: '$*' exited before serving $url)"; cat "$log"; return 1; fi
            sleep 1
          done
          echo "(replay: '$*' did not serve $url within 300 s)"
          cat "$log"
          return 1
        }

        """;

    [GeneratedRegex(@"^(?<indent>[ \t]*)```(?:bash|sh|shell|console)[ \t]*\n(?<body>.*?)^\k<indent>```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline, 5000)]
    private static partial Regex FencedShellBlock();
}
