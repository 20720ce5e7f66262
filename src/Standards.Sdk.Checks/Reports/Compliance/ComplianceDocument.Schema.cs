using Standards.Sdk.Checks.Json;

namespace Standards.Sdk.Checks.Reports.Compliance;

/// <summary>
/// What schema/compliance.schema.json forbids beyond the members' types, checked on read: a file the build never
/// writes is refused (STD7520) with the line of the value, never shown as if a build had recorded it.
/// </summary>
public static partial class ComplianceDocument
{
    private static readonly string[] RepoKinds = ["service", "worker", "library"];

    private static readonly string[] SbomFormats = ["spdx", "cyclonedx", "both"];

    private sealed partial class Reader
    {
        /// <summary>The schema's constraints on a record whose members all read; the first one broken is the problem.</summary>
        private void CheckSchema(int version, IReadOnlyList<ComplianceRuleCount> findings, IReadOnlyList<ComplianceProject> projects)
        {
            foreach (var name in (string[])["commit", "version"])
            {
                if (root.Get(name) is null)
                {
                    Fail($"\"{name}\" is missing (the build writes null when it has none)", root.Line);
                }
            }

            if (root.Get("commit") is JsonStringNode commit && !IsCommit(commit.Value))
            {
                Fail($"\"commit\" is '{commit.Value}', not a commit id (40 to 64 lowercase hex digits)", commit.Line);
            }

            if (root.Get("repoKind") is JsonStringNode kind && !RepoKinds.Contains(kind.Value, StringComparer.Ordinal))
            {
                Fail($"\"repoKind\" is '{kind.Value}'; use service, worker or library", kind.Line);
            }

            if (root.Get("sbom") is JsonObjectNode sbom)
            {
                var format = sbom.Get("format");
                if (format is null || (format is not JsonNullNode && (format is not JsonStringNode text || !SbomFormats.Contains(text.Value, StringComparer.Ordinal))))
                {
                    Fail("\"format\" of \"sbom\" must be spdx, cyclonedx, both or null", (format ?? sbom).Line);
                }
            }

            CheckExceptions();
            if (version >= 2)
            {
                CheckBuildSums();
                CheckProjects();
            }

            CheckTotals(findings, projects);
        }

        private static bool IsCommit(string text) =>
            text.Length is >= 40 and <= 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

        private void CheckExceptions()
        {
            foreach (var entry in (root.Get("exceptions") as JsonArrayNode)?.Items.OfType<JsonObjectNode>() ?? [])
            {
                if (entry.Get("reason") is not JsonStringNode)
                {
                    Fail(entry.Get("reason") is not null ? "\"reason\" must be a string" : "\"reason\" is missing", (entry.Get("reason") ?? entry).Line);
                }
            }
        }

        // Version 2's sums over the build: the reader makes them again from the parts, but a file with a wrong one is not the build's.
        private void CheckBuildSums()
        {
            if (root.Get("findings") is not JsonObjectNode findings)
            {
                return;
            }

            if (findings.Get("scope") is not JsonStringNode { Value: "build" })
            {
                Fail("\"scope\" of \"findings\" must be \"build\"", (findings.Get("scope") ?? findings).Line);
            }

            foreach (var name in (string[])["errors", "warnings", "infos", "baselined", "suppressedInSource"])
            {
                _ = Count(findings, name, nullable: false);
            }
        }

        private void CheckProjects()
        {
            foreach (var entry in (root.Get("projects") as JsonArrayNode)?.Items.OfType<JsonObjectNode>() ?? [])
            {
                if (entry.Get("targetFrameworks") is not JsonStringNode)
                {
                    Fail(entry.Get("targetFrameworks") is null ? "\"targetFrameworks\" is missing" : "\"targetFrameworks\" must be a string", (entry.Get("targetFrameworks") ?? entry).Line);
                }
            }
        }

        /// <summary>
        /// Every sum the report makes of one record (findings by rule and severity, by project, in all; baselined;
        /// suppressed in source; the two baselines) fits in an int when these totals do; a record whose totals do not
        /// is refused, so no sum can overflow.
        /// </summary>
        private void CheckTotals(IReadOnlyList<ComplianceRuleCount> findings, IReadOnlyList<ComplianceProject> projects)
        {
            var counts = findings.Concat(projects.SelectMany(p => p.Findings)).Sum(f => (long)f.Count);
            if (counts > int.MaxValue)
            {
                Fail($"its findings add up to {counts}, more than {int.MaxValue}, which no build records", (root.Get("findings") ?? root).Line);
            }

            var suppressed = projects.Sum(p => (long)p.SuppressedInSource);
            if (suppressed > int.MaxValue)
            {
                Fail($"the projects' \"suppressedInSource\" add up to {suppressed}, more than {int.MaxValue}, which no build records", (root.Get("projects") ?? root).Line);
            }

            if (root.Get("baselines") is JsonObjectNode baselines && baselines.Get("repo") is JsonNumberNode repo && baselines.Get("code") is JsonNumberNode code
                && repo.TryGetInt32(out var repoEntries) && code.TryGetInt32(out var codeEntries) && (long)repoEntries + codeEntries > int.MaxValue)
            {
                Fail($"the baselines' entries add up to {(long)repoEntries + codeEntries}, more than {int.MaxValue}, which no repo has", baselines.Line);
            }
        }
    }
}
