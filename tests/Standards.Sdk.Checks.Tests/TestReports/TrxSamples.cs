namespace Standards.Sdk.Checks.Tests.TestReports;

/// <summary>TRX files as VSTest's TRX logger writes them (dotnet test --logger trx), for tests.</summary>
internal static class TrxSamples
{
    public const string Assembly = "/repo/tests/Acme.Tests/bin/Release/net10.0/Acme.Tests.dll";

    /// <summary>
    /// An xunit run of Acme.Tests: a passing fact with output, a failing fact (message and stack trace), a skipped
    /// fact, and a theory with two data rows; the storage lower-cased as VSTest writes it.
    /// </summary>
    public static string Xunit(string assembly = Assembly) => $$"""
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="6a0e1c1e-4f4e-4d59-9a39-8d1f0f2a0001" name="ci@runner 2026-11-22 16:04:32" runUser="ci" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Times creation="2026-11-22T16:04:32.1000000+00:00" queuing="2026-11-22T16:04:32.1000000+00:00" start="2026-11-22T16:04:31.5000000+00:00" finish="2026-11-22T16:04:32.7500000+00:00" />
          <TestSettings name="default" id="6a0e1c1e-4f4e-4d59-9a39-8d1f0f2a0002">
            <Deployment runDeploymentRoot="ci_runner_2026-11-22_16_04_32" />
          </TestSettings>
          <Results>
            <UnitTestResult executionId="e1" testId="t1" testName="Acme.Tests.CalcTests.Adds" computerName="runner" duration="00:00:00.0123456" startTime="2026-11-22T16:04:32.1+00:00" endTime="2026-11-22T16:04:32.2+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Passed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e1">
              <Output>
                <StdOut>adding 1 and 2</StdOut>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e2" testId="t2" testName="Acme.Tests.CalcTests.Divides" computerName="runner" duration="00:00:00.0500000" startTime="2026-11-22T16:04:32.1+00:00" endTime="2026-11-22T16:04:32.2+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Failed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e2">
              <Output>
                <ErrorInfo>
                  <Message>Assert.Equal() Failure: Values differ
        Expected: 2
        Actual:   3</Message>
                  <StackTrace>   at Acme.Tests.CalcTests.Divides() in /repo/tests/Acme.Tests/CalcTests.cs:line 21</StackTrace>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e3" testId="t3" testName="Acme.Tests.CalcTests.Later" computerName="runner" duration="00:00:00" startTime="2026-11-22T16:04:32.1+00:00" endTime="2026-11-22T16:04:32.1+00:00" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="NotExecuted" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e3">
              <Output>
                <ErrorInfo>
                  <Message>Needs the billing service</Message>
                </ErrorInfo>
              </Output>
            </UnitTestResult>
            <UnitTestResult executionId="e4" testId="t4" testName="Acme.Tests.CalcTests.Maps(x: 1, expected: &quot;one&quot;)" computerName="runner" duration="00:00:00.0010000" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Passed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e4" />
            <UnitTestResult executionId="e5" testId="t5" testName="Acme.Tests.CalcTests.Maps(x: 2, expected: &quot;two&quot;)" computerName="runner" duration="00:00:00.0020000" testType="13cdc9d9-ddb5-4fa4-a97d-d965ccfc6d4b" outcome="Passed" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" relativeResultsDirectory="e5" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Acme.Tests.CalcTests.Adds" storage="{{assembly.ToLowerInvariant()}}" id="t1">
              <Execution id="e1" />
              <TestMethod codeBase="{{assembly}}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Acme.Tests.CalcTests" name="Adds" />
            </UnitTest>
            <UnitTest name="Acme.Tests.CalcTests.Divides" storage="{{assembly.ToLowerInvariant()}}" id="t2">
              <Execution id="e2" />
              <TestMethod codeBase="{{assembly}}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Acme.Tests.CalcTests" name="Divides" />
            </UnitTest>
            <UnitTest name="Acme.Tests.CalcTests.Later" storage="{{assembly.ToLowerInvariant()}}" id="t3">
              <Execution id="e3" />
              <TestMethod codeBase="{{assembly}}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Acme.Tests.CalcTests" name="Later" />
            </UnitTest>
            <UnitTest name="Acme.Tests.CalcTests.Maps(x: 1, expected: &quot;one&quot;)" storage="{{assembly.ToLowerInvariant()}}" id="t4">
              <Execution id="e4" />
              <TestMethod codeBase="{{assembly}}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Acme.Tests.CalcTests" name="Maps" />
            </UnitTest>
            <UnitTest name="Acme.Tests.CalcTests.Maps(x: 2, expected: &quot;two&quot;)" storage="{{assembly.ToLowerInvariant()}}" id="t5">
              <Execution id="e5" />
              <TestMethod codeBase="{{assembly}}" adapterTypeName="executor://xunit/VsTestRunner2/netcoreapp" className="Acme.Tests.CalcTests" name="Maps" />
            </UnitTest>
          </TestDefinitions>
          <TestEntries>
            <TestEntry testId="t1" executionId="e1" testListId="8c84fa94-04c1-424b-9868-57a2d4851a1d" />
          </TestEntries>
          <TestLists>
            <TestList name="Results Not in a List" id="8c84fa94-04c1-424b-9868-57a2d4851a1d" />
          </TestLists>
          <ResultSummary outcome="Failed">
            <Counters total="5" executed="4" passed="3" failed="1" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
          </ResultSummary>
        </TestRun>
        """;

    /// <summary>An MSTest data-driven test: one result with a data row per inner result, the class assembly-qualified.</summary>
    public const string MsTestDataRows = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="r" name="ci@runner" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult executionId="p" testId="t" testName="Rounds" duration="00:00:00.0300000" outcome="Failed" resultType="DataDrivenTest">
              <InnerResults>
                <UnitTestResult executionId="r1" parentExecutionId="p" testId="t" testName="Rounds (1.5,2)" duration="00:00:00.0100000" outcome="Passed" resultType="DataDrivenDataRow" dataRowInfo="1" />
                <UnitTestResult executionId="r2" parentExecutionId="p" testId="t" testName="Rounds (2.5,3)" duration="00:00:00.0200000" outcome="Failed" resultType="DataDrivenDataRow" dataRowInfo="2">
                  <Output>
                    <StdErr>rounding 2.5</StdErr>
                    <ErrorInfo>
                      <Message>Assert.AreEqual failed. Expected:&lt;3&gt;. Actual:&lt;2&gt;.</Message>
                      <StackTrace>   at Acme.MsTests.RoundingTests.Rounds(Double value, Int32 expected)</StackTrace>
                    </ErrorInfo>
                  </Output>
                </UnitTestResult>
              </InnerResults>
            </UnitTestResult>
            <UnitTestResult executionId="x" testId="u" testName="TimesOut" duration="00:00:05" outcome="Timeout" />
          </Results>
          <TestDefinitions>
            <UnitTest name="Rounds" storage="/repo/tests/acme.mstests/bin/release/net10.0/acme.mstests.dll" id="t">
              <TestMethod codeBase="/repo/tests/Acme.MsTests/bin/Release/net10.0/Acme.MsTests.dll" className="Acme.MsTests.RoundingTests, Acme.MsTests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null" name="Rounds" />
            </UnitTest>
            <UnitTest name="TimesOut" storage="/repo/tests/acme.mstests/bin/release/net10.0/acme.mstests.dll" id="u">
              <TestMethod codeBase="/repo/tests/Acme.MsTests/bin/Release/net10.0/Acme.MsTests.dll" className="Acme.MsTests.RoundingTests" name="TimesOut" />
            </UnitTest>
          </TestDefinitions>
        </TestRun>
        """;
}
