using Standards.Sdk.Checks.Diagnostics;
using Standards.Sdk.Checks.Repository;
using Standards.Sdk.Checks.Secrets;
using Standards.Sdk.Checks.Snapshot;
using Standards.Sdk.Checks.Tests.Layout;

namespace Standards.Sdk.Checks.Tests.Secrets;

/// <summary>
/// GitHub workflows name secrets everywhere without holding one: permissions (<c>id-token: write</c>, the OIDC
/// permission), <c>secrets: inherit</c>, references to the repository's secrets. Those are keywords and references;
/// a literal credential in the same file is still a finding.
/// </summary>
public sealed class WorkflowSecretTests
{
    private const string Workflow = """
        name: release
        on:
          push:
            tags: [ 'v*' ]
        permissions:
          contents: read
          id-token: write
          packages: write
          attestations: write
        jobs:
          build:
            permissions:
              id-token: write
              contents: write
              pull-requests: read
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  persist-credentials: false
                  token: ${{ secrets.CHECKOUT_TOKEN }}
              - uses: azure/login@v2
                with:
                  client-id: ${{ secrets.AZURE_CLIENT_ID }}
              - uses: docker/login-action@v3
                with:
                  username: ${{ github.actor }}
                  password: ${{ secrets.PW }}
              - run: dotnet nuget push artifacts/*.nupkg --api-key "$NUGET_API_KEY"
                env:
                  NUGET_API_KEY: ${{ secrets.NUGET_API_KEY }}
                  GITHUB_TOKEN: ${{ github.token }}
          call:
            uses: ./.github/workflows/deploy.yml
            secrets: inherit
          scoped:
            permissions: read-all
            runs-on: ubuntu-latest
            steps:
              - run: echo done
        """;

    [Fact]
    public void Permissions_inherited_secrets_and_references_to_secrets_are_not_secrets()
    {
        Assert.Empty(SecretDetector.Find(Workflow));
    }

    [Theory]
    [InlineData("id-token: write")]
    [InlineData("id-token: read")]
    [InlineData("token: none")]
    [InlineData("secrets: inherit")]
    [InlineData("token-permissions: write-all")]
    [InlineData("\"access_token\": \"read-only\"")]
    [InlineData("SECRET_ACCESS=readwrite")]
    public void An_access_level_under_a_secret_name_is_a_keyword(string line)
    {
        Assert.Empty(SecretDetector.Find("a: 1\n" + line + "\n"));
    }

    [Theory]
    [InlineData("password", "Wq8#vL2pZr7t")]
    [InlineData("id-token", "eyX9Qm2TzR5aLp7c")]
    [InlineData("NUGET_API_KEY", "oy2kd7c4vqh3xqz6l1m9p0s8t5u4w3r2e1q0a9z8")]
    public void A_literal_credential_in_the_same_workflow_is_still_found(string name, string value)
    {
        var line = $"          {name}: {value}";
        var text = Workflow.Replace("      - run: echo done", "      - run: echo done\n        env:\n" + line, StringComparison.Ordinal);

        var finding = Assert.Single(SecretDetector.Find(text));

        Assert.Equal(SecretKinds.NamedSecret, finding.Kind);
        Assert.Equal((text.Split('\n').Length, line.IndexOf(value, StringComparison.Ordinal) + 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void The_check_reads_a_workflow_with_the_OIDC_permission_without_a_finding()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { [".github/workflows/release.yml"] = Workflow };
        var snapshot = new RepositorySnapshot(FakeRepo.Root, [.. files.Keys], [], p => files.GetValueOrDefault(p), new HashSet<string>(files.Keys, StringComparer.Ordinal), null);

        IReadOnlyList<Finding> findings = new SecretsCheck().Run(snapshot, FakeRepo.Policy(null), FakeRepo.Today);

        Assert.Empty(findings);
    }
}
