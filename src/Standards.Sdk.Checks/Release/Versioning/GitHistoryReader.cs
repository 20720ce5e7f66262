using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Standards.Sdk.Checks.Release.Versioning;

/// <summary>
/// Computes <see cref="VersionFacts"/> with the git CLI, in four processes whatever the history's size:
/// <c>rev-list</c> lists the commits children-first, <c>cat-file --batch</c> reads version.json blobs,
/// <c>diff-tree --stdin</c> streams each commit's changes against its parents (stopped as soon as the
/// <see cref="HeightWalk"/> needs no more), and <c>for-each-ref</c> lists the tags.
/// </summary>
public static class GitHistoryReader
{
    /// <summary>Reads the facts for the version.json folder <paramref name="versionDirectory"/> (repo-relative); error text when git fails.</summary>
    public static (VersionFacts? Facts, string? Error) Read(GitWorkTree workTree, string versionDirectory)
    {
        ArgumentNullException.ThrowIfNull(workTree);
        var revList = GitCommand.Run(workTree.Root, ["rev-list", "--topo-order", "--parents", "--timestamp", "HEAD"]);
        if (!revList.Succeeded)
        {
            return (null, "git rev-list HEAD failed: " + revList.FirstErrorLine);
        }

        var (commits, headTime) = ParseRevList(revList.Output);
        if (commits.Count == 0)
        {
            return (null, "git rev-list HEAD listed no commits.");
        }

        var head = commits[0].Id;
        var candidates = VersionFileChain.CandidatePaths(versionDirectory);
        using var blobs = BlobReader.Start(workTree.Root, out var blobError);
        if (blobs is null)
        {
            return (null, blobError);
        }

        var headBlobs = candidates.Select(path => blobs.Resolve($"{head}:{path}")).ToList();
        if (blobs.Error is { } catError)
        {
            return (null, catError);
        }

        var options = new ChainOptions(candidates, blobs);
        var (height, incomplete, walkError) = Height(workTree, commits, candidates, headBlobs, options);
        if (walkError is not null)
        {
            return (null, walkError);
        }

        var (headTags, reachable, tagError) = Tags(workTree.Root, head);
        if (tagError is not null)
        {
            return (null, tagError);
        }

        return (new VersionFacts
        {
            HeadCommit = head,
            HeadCommitTime = headTime,
            CommittedFiles = Committed(candidates, headBlobs, blobs),
            Height = height,
            HistoryIncomplete = incomplete,
            HeadTags = headTags,
            ReachableTags = reachable,
            AbbreviatedCommit = Abbreviated(workTree.Root, head, options.At(headBlobs)),
        }, null);
    }

    /// <summary>The version.json files committed at HEAD, nearest last as the candidates list them, with their content.</summary>
    private static List<KeyValuePair<string, string>> Committed(IReadOnlyList<string> candidates, List<string?> headBlobs, BlobReader blobs)
    {
        var committed = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (headBlobs[i] is { } blob && blobs.Content(blob) is { } content)
            {
                committed.Add(new(candidates[i], content));
            }
        }

        return committed;
    }

    /// <summary>The version height at HEAD (0 when HEAD's files give no version), and whether the history was cut short.</summary>
    private static (int Height, bool Incomplete, string? Error) Height(
        GitWorkTree workTree, List<CommitNode> commits, IReadOnlyList<string> candidates, List<string?> headBlobs, ChainOptions options)
    {
        if (options.At(headBlobs)?.Version is not { } baseline)
        {
            return (0, false, null);
        }

        var walk = new HeightWalk(commits[0].Id, candidates, headBlobs, baseline, options.At, workTree.ShallowCommits());
        var walkError = Walk(workTree.Root, commits, walk);
        return walkError is not null ? (0, false, walkError) : (walk.Height(), walk.HistoryIncomplete, null);
    }

    /// <summary>The shortest unique abbreviation of HEAD's id, when version.json asks for one (gitCommitIdShortAutoMinimum).</summary>
    private static string? Abbreviated(string root, string head, VersionOptions? options)
    {
        if (options is not { GitCommitIdShortAutoMinimum: > 0 } auto)
        {
            return null;
        }

        var rev = GitCommand.Run(root, ["rev-parse", $"--short={auto.GitCommitIdShortAutoMinimum}", head]);
        return rev.Succeeded ? rev.Output.Trim() : null;
    }

    private static (List<CommitNode> Commits, long HeadTime) ParseRevList(string output)
    {
        var commits = new List<CommitNode>();
        long headTime = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !GitWorkTree.IsObjectId(parts[1]))
            {
                continue;
            }

            if (commits.Count == 0)
            {
                _ = long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out headTime);
            }

            commits.Add(new CommitNode(parts[1], [.. parts.Skip(2)]));
        }

        return (commits, headTime);
    }

    /// <summary>Streams diffs to the walk in rev-list order; stops git as soon as the walk is done.</summary>
    private static string? Walk(string root, List<CommitNode> commits, HeightWalk walk)
    {
        using var process = GitCommand.Start(root, ["diff-tree", "--stdin", "--always", "-r", "--no-renames", "--root", "-z"], out var startError);
        if (process is null)
        {
            return startError;
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() => WriteRequests(process, commits));
        var tokens = new NulTokenReader(process.StandardOutput);
        try
        {
            foreach (var commit in commits)
            {
                var blocks = Math.Max(1, commit.Parents.Count);
                var diffs = new List<IReadOnlyList<DiffEntry>>(blocks);
                for (var b = 0; b < blocks; b++)
                {
                    var header = tokens.Next();
                    if (header is null)
                    {
                        return "git diff-tree stopped early: " + FirstLine(stderr);
                    }

                    diffs.Add(ReadBlock(tokens, keep: walk.Wants(commit.Id)));
                }

                walk.Feed(commit, diffs);
                if (walk.Done)
                {
                    break;
                }
            }
        }
        finally
        {
            Stop(process);
            try
            {
                writer.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The writer fails with a broken pipe once git is stopped early; expected.
            }
        }

        return null;
    }

    private static List<DiffEntry> ReadBlock(NulTokenReader tokens, bool keep)
    {
        var entries = new List<DiffEntry>();
        while (tokens.Peek() is { } next && next.StartsWith(':'))
        {
            var meta = tokens.Next()!;
            var path = tokens.Next() ?? string.Empty;
            if (!keep)
            {
                continue;
            }

            // :<old mode> <new mode> <old blob> <new blob> <status>
            var fields = meta.Split(' ');
            var parentBlob = fields.Length > 2 && fields[2].Trim('0').Length > 0 ? fields[2] : null;
            entries.Add(new DiffEntry(path, parentBlob));
        }

        return entries;
    }

    private static void WriteRequests(Process process, List<CommitNode> commits)
    {
        try
        {
            var input = process.StandardInput;
            foreach (var commit in commits)
            {
                if (commit.Parents.Count == 0)
                {
                    input.Write(commit.Id + "\n");
                }
                else
                {
                    foreach (var parent in commit.Parents)
                    {
                        input.Write(commit.Id + " " + parent + "\n");
                    }
                }
            }

            input.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // git was stopped because the walk had all it needed.
        }
    }

    private static (List<string> HeadTags, List<GitTag> Reachable, string? Error) Tags(string root, string head)
    {
        var result = GitCommand.Run(root, ["for-each-ref", "--merged=" + head, "--format=%(refname)%00%(objectname)%00%(*objectname)", "refs/tags"]);
        if (!result.Succeeded)
        {
            return ([], [], "git for-each-ref refs/tags failed: " + result.FirstErrorLine);
        }

        var reachable = new List<GitTag>();
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\0');
            if (parts.Length < 3)
            {
                continue;
            }

            reachable.Add(new GitTag(parts[0], parts[2].Trim().Length > 0 ? parts[2].Trim() : parts[1].Trim()));
        }

        return ([.. reachable.Where(t => string.Equals(t.Commit, head, StringComparison.OrdinalIgnoreCase)).Select(t => t.Name)], reachable, null);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(5000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static string FirstLine(Task<string> stderr) =>
        stderr.Wait(TimeSpan.FromSeconds(2)) ? stderr.Result.Split('\n').FirstOrDefault()?.Trim() ?? "no error output" : "no error output";

    /// <summary>Reads NUL-separated tokens from git's -z output.</summary>
    private sealed class NulTokenReader(StreamReader reader)
    {
        private readonly StringBuilder buffer = new();
        private string? peeked;
        private bool hasPeeked;

        public string? Peek()
        {
            if (!hasPeeked)
            {
                peeked = Read();
                hasPeeked = true;
            }

            return peeked;
        }

        public string? Next()
        {
            var token = Peek();
            hasPeeked = false;
            return token;
        }

        private string? Read()
        {
            buffer.Clear();
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    return buffer.Length > 0 ? buffer.ToString() : null;
                }

                if (c == 0)
                {
                    return buffer.ToString();
                }

                buffer.Append((char)c);
            }
        }
    }

    /// <summary>The options the version.json files with the given blob ids (one per candidate path, null where absent) resolve to, each combination resolved once.</summary>
    private sealed class ChainOptions
    {
        private readonly Dictionary<string, VersionOptions?> cache = new(StringComparer.Ordinal);

        public ChainOptions(IReadOnlyList<string> candidates, BlobReader blobs) => At = ids =>
        {
            var key = string.Join('|', ids.Select(id => id ?? "-"));
            if (!cache.TryGetValue(key, out var options))
            {
                var files = candidates.Select((path, i) => new VersionFileCandidate(path, path, ids[i] is { } id ? blobs.Content(id) : null));
                options = VersionFileChain.Resolve(files, [], out var sources)?.ToOptions(sources);
                cache[key] = options;
            }

            return options;
        };

        /// <summary>The options for one blob id per candidate path.</summary>
        public Func<IReadOnlyList<string?>, VersionOptions?> At { get; }
    }

    /// <summary>An interactive <c>git cat-file --batch</c>: resolves names to blob ids and reads blob contents.</summary>
    private sealed class BlobReader : IDisposable
    {
        private readonly Process process;
        private readonly Stream output;
        private readonly Dictionary<string, string?> contents = new(StringComparer.Ordinal);

        private BlobReader(Process process)
        {
            this.process = process;
            output = process.StandardOutput.BaseStream;
            _ = process.StandardError.ReadToEndAsync();
        }

        public string? Error { get; private set; }

        public static BlobReader? Start(string root, out string? error)
        {
            var process = GitCommand.Start(root, ["cat-file", "--batch"], out error);
            return process is null ? null : new BlobReader(process);
        }

        /// <summary>The blob id of <c>commit:path</c>, or null when there is no such file (its content is read and kept).</summary>
        public string? Resolve(string name)
        {
            var (id, content) = Query(name);
            if (id is not null)
            {
                contents[id] = content;
            }

            return id;
        }

        public string? Content(string id)
        {
            if (!contents.TryGetValue(id, out var content))
            {
                (_, content) = Query(id);
                contents[id] = content;
            }

            return content;
        }

        public void Dispose()
        {
            try
            {
                process.StandardInput.Close();
                if (!process.WaitForExit(5000))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // Gone already.
            }

            process.Dispose();
        }

        private (string? Id, string? Content) Query(string name)
        {
            if (Error is not null)
            {
                return (null, null);
            }

            try
            {
                process.StandardInput.Write(name + "\n");
                process.StandardInput.Flush();
                var header = ReadLine();
                if (header is null)
                {
                    Error = "git cat-file --batch stopped unexpectedly.";
                    return (null, null);
                }

                // "<id> <type> <size>" or "<name> missing" / "<name> ambiguous".
                var parts = header.Split(' ');
                if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var size))
                {
                    return (null, null);
                }

                var bytes = new byte[size];
                var read = 0;
                while (read < size)
                {
                    var n = output.Read(bytes, read, (int)(size - read));
                    if (n <= 0)
                    {
                        Error = "git cat-file --batch stopped in the middle of an object.";
                        return (null, null);
                    }

                    read += n;
                }

                _ = output.ReadByte(); // the newline after the content
                return parts[1] == "blob" ? (parts[0], DecodeText(bytes)) : (null, null);
            }
            catch (IOException ex)
            {
                Error = "git cat-file --batch failed: " + ex.Message;
                return (null, null);
            }
        }

        private string? ReadLine()
        {
            var line = new List<byte>();
            while (true)
            {
                var b = output.ReadByte();
                if (b < 0)
                {
                    return null;
                }

                if (b == '\n')
                {
                    return Encoding.UTF8.GetString([.. line]);
                }

                line.Add((byte)b);
            }
        }

        private static string DecodeText(byte[] bytes)
        {
            var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
        }
    }
}
