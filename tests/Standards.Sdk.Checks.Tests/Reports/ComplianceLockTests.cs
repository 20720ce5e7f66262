using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Reports.Compliance;

namespace Standards.Sdk.Checks.Tests.Reports;

/// <summary>compliance.json is never rewritten without its lock: a writer that cannot take it writes nothing and says so.</summary>
public sealed class ComplianceLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("standards-compliance-lock-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_free_lock_is_taken_and_reports_nothing()
    {
        var problems = new List<Finding>();
        using (var guard = ComplianceLock.Take(_folder, "compliance.json", problems))
        {
            Assert.NotNull(guard);
            Assert.True(guard.Held);
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void A_lock_another_build_holds_past_the_timeout_gives_STD0008_and_no_guard()
    {
        using var holder = new FileStream(ComplianceLock.LockFile(_folder), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var problems = new List<Finding>();

        var guard = ComplianceLock.Take(_folder, "artifacts/standards/compliance.json", problems, TimeSpan.FromMilliseconds(200));

        Assert.Null(guard);
        var problem = Assert.Single(problems);
        Assert.Equal("STD0008", problem.Code);
        Assert.Equal(Severity.Error, problem.Severity);
        Assert.Equal("artifacts/standards/compliance.json", problem.File);
        Assert.StartsWith($"Standards.Sdk did not update artifacts/standards/compliance.json: another build held {ComplianceLock.LockFile(_folder)} for 0.2 s.", problem.Message, StringComparison.Ordinal);
        Assert.Contains("may count less than there is", problem.Message, StringComparison.Ordinal);
    }
}
