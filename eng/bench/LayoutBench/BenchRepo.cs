using System.Diagnostics;
using System.Globalization;

/// <summary>The generated repo of the benchmark (LayoutBench), its git copy, and the printed table.</summary>
internal static class BenchRepo
{
    public static (int Files, int Skipped) Generate(string root, int target, int libraries, int configs)
    {
        var writer = new RepoWriter(root);
        var write = writer.Write;
        write("README.md", "# Bench\n");
        write("CHANGELOG.md", "# Changelog\n");
        write(".editorconfig", "root = true\n");
        write("SECURITY.md", "# Security\n");
        write("global.json", "{ \"sdk\": { \"version\": \"10.0.401\", \"rollForward\": \"latestFeature\" } }\n");
        write("Directory.Packages.props", "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally><CentralPackageTransitivePinningEnabled>true</CentralPackageTransitivePinningEnabled></PropertyGroup></Project>\n");
        write(".github/pull_request_template.md", "## What\n## Why\n## How\n## Testing\n## Checklist\n");
        WriteDocs(write);
        var perProject = (target - writer.Count - 200 - configs) / (libraries * 2 + 4);
        WriteConfigs(write, configs, libraries);
        var owners = WriteProjects(writer, libraries, perProject);
        write(".github/CODEOWNERS", owners);
        var filler = 0;
        while (writer.Count < target)
        {
            write($"assets/img-{filler / 100}/asset-{filler}.svg", "<svg/>\n");
            filler++;
        }

        return (writer.Count, writer.Skipped);
    }

    // The libraries with their tests, build output under bin/ and obj/, and the executables; returns CODEOWNERS.
    public static string WriteProjects(RepoWriter writer, int libraries, int perProject)
    {
        var write = writer.Write;
        var output = writer.Output;
        var owners = new System.Text.StringBuilder("* @acme/platform\n");
        for (var p = 1; p <= libraries; p++)
        {
            var name = $"Acme.Module{p:D2}";
            owners.Append($"/src/{name}/ @team-{p} @lead-{p}\n");
            write($"src/{name}/{name}.csproj", "<Project Sdk=\"Standards.Sdk\"><PropertyGroup><StandardsCritical>" + (p % 5 == 0 ? "true" : "false") + "</StandardsCritical></PropertyGroup></Project>\n");
            write($"src/{name}/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
            write($"tests/{name}.Tests/{name}.Tests.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
            write($"tests/{name}.Tests/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
            for (var f = 0; f < perProject; f++)
            {
                write($"src/{name}/Feature{f % 12}/Type{f}.cs", "namespace X;\n");
                write($"tests/{name}.Tests/Feature{f % 12}/Type{f}Tests.cs", "namespace X;\n");
            }

            for (var o = 0; o < 60; o++)
            {
                output($"src/{name}/obj/Debug/net10.0/f{o}.cache");
                output($"src/{name}/bin/Debug/net10.0/f{o}.dll");
            }
        }

        for (var e = 1; e <= 4; e++)
        {
            var name = $"Acme.App{e}.Api";
            write($"cmd/{name}/{name}.csproj", "<Project Sdk=\"Standards.Sdk\" />\n");
            write($"cmd/{name}/packages.lock.json", "{ \"version\": 1, \"dependencies\": { \"net10.0\": {} } }\n");
            for (var f = 0; f < perProject; f++)
            {
                write($"cmd/{name}/Endpoints/Endpoint{f}.cs", "namespace X;\n");
            }
        }

        return owners.ToString();
    }

    public static void WriteDocs(Action<string, string> write)
    {
        for (var a = 1; a <= 60; a++)
        {
            var adr = $"# ADR-{a:D4}: Decision {a}\n\n**Status**: Accepted\n**Date**: 2025-06-01\n\n## Context\nc\n## Decision\nd\n## Alternatives Considered\na\n## Consequences\nc\n\n**Next Review**: 2026-06-01\n";
            write($"docs/adr/{a:D4}-decision-number-{a}.md", adr);
        }

        for (var b = 1; b <= 15; b++)
        {
            write($"docs/runbooks/failure-{b}.md", "# Failure\n\nOwner: @ops\nLast Validated: 2026-01-01\n\n## Symptoms\n## Checks\n## Resolution\n## Escalation\n");
        }

        for (var d = 1; d <= 150; d++)
        {
            write($"docs/guides/area-{d % 10}/guide-{d}.md", $"# Guide {d}\n\nText.\n\n```markdown\nNext Review: 2020-01-01\n```\n\nLast Validated: 2026-01-01\nNext Review: 2026-12-01\n");
        }
    }

    public static void WriteConfigs(Action<string, string> write, int configs, int libraries)
    {
        string[] configKinds = ["appsettings.{0}.json", "deploy/values-{0}.yaml", "deploy/{0}.env", "scripts/task-{0}.sh", "config/{0}.xml"];
        for (var c = 0; c < configs; c++)
        {
            var folder = $"src/Acme.Module{(c % libraries) + 1:D2}";
            var file = string.Format(CultureInfo.InvariantCulture, configKinds[c % configKinds.Length], c);
            write($"{folder}/{file}", ConfigText(file, c));
        }
    }

    public static string ConfigText(string file, int seed)
    {
        var id = new Guid(seed, 7, 7, 1, 2, 3, 4, 5, 6, 7, 8).ToString();
        return Path.GetExtension(file) switch
        {
            ".json" => "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Service\": { \"Id\": \"" + id + "\", \"Url\": \"https://orders.internal/api/" + seed + "\", \"ApiKey\": \"${ORDERS_API_KEY}\", \"Retries\": 3 },\n  \"ConnectionStrings\": { \"Orders\": \"Host=db;Database=orders;Username=app;Password=${DB_PASSWORD}\" }\n}\n",
            ".yaml" => "replicaCount: 2\nimage:\n  repository: registry.internal/orders\n  tag: \"1." + seed + ".0\"\nenv:\n  - name: DB_PASSWORD\n    valueFrom: { secretKeyRef: { name: orders, key: password } }\nchecksum: " + id + "\n",
            ".env" => "LOG_LEVEL=info\nSERVICE_ID=" + id + "\nAPI_TOKEN=${API_TOKEN}\n",
            ".sh" => "#!/bin/sh\nset -eu\ncurl -fsS -H \"Authorization: Bearer $TOKEN\" https://orders.internal/jobs/" + seed + "\n",
            _ => "<configuration>\n  <appSettings>\n    <add key=\"ServiceId\" value=\"" + id + "\" />\n    <add key=\"Password\" value=\"%ORDERS_PASSWORD%\" />\n  </appSettings>\n</configuration>\n",
        };
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public static void Git(string root, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        process.WaitForExit();
    }

    public static void PrintTable(List<(string Step, List<double> Times)> rows, Dictionary<string, long> allocated)
    {
        Console.WriteLine();
        Console.WriteLine("| Step | median ms | min ms | max ms | allocated MB (one run) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (step, times) in rows)
        {
            times.Sort();
            var median = times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {median:F1} | {times[0]:F1} | {times[^1]:F1} | {allocated[step] / 1048576.0:F1} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Peak working set of the whole benchmark process (repo generation, every step, git): {Environment.WorkingSet / 1048576} MB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB peak."));
    }

    public static void DeleteRepos(string root)
    {
        Directory.Delete(root, recursive: true);
        if (Directory.Exists(root + "-git"))
        {
            Directory.Delete(root + "-git", recursive: true);
        }
    }
}

/// <summary>Writes the files of the generated repo and counts them (checked files, and build output that is skipped).</summary>
internal sealed class RepoWriter(string root)
{
    public int Count { get; private set; }

    public int Skipped { get; private set; }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Count++;
    }

    public void Output(string relative)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        Skipped++;
    }
}
