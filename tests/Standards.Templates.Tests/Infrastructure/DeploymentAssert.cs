using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace Standards.Templates.Tests.Infrastructure;

/// <summary>
/// Checks the deployment settings of a generated service or worker: the container settings as MSBuild evaluates
/// them (base images cannot be pulled here, so the image is not built) and the Kubernetes manifests, against each
/// other and against the app's own configuration.
/// </summary>
public static class DeploymentAssert
{
    /// <summary>The container settings the host project evaluates to.</summary>
    public sealed record ContainerSettings(string User, int Port, string Repository, IReadOnlyDictionary<string, string> Labels);

    /// <summary>Evaluates the container properties and items of the host project (CI mode).</summary>
    public static ContainerSettings EvaluateContainer(GeneratedRepo repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var project = repo.ProjectUnder("cmd");
        var result = repo.Dotnet(
            ["msbuild", project, "-nologo", "-getProperty:EnableSdkContainerSupport", "-getProperty:ContainerUser", "-getProperty:ContainerRepository", "-getItem:ContainerPort", "-getItem:ContainerLabel"]);
        Assert.True(result.Succeeded, result.Output);
        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..result.Output.LastIndexOf('}')];
        using var document = JsonDocument.Parse(json + "}");
        var properties = document.RootElement.GetProperty("Properties");
        var items = document.RootElement.GetProperty("Items");
        Assert.Equal("true", properties.GetProperty("EnableSdkContainerSupport").GetString());
        var port = Assert.Single(items.GetProperty("ContainerPort").EnumerateArray());
        Assert.Equal("tcp", port.GetProperty("Type").GetString());
        var labels = items.GetProperty("ContainerLabel").EnumerateArray()
            .ToDictionary(l => l.GetProperty("Identity").GetString()!, l => l.GetProperty("Value").GetString()!);
        return new ContainerSettings(
            properties.GetProperty("ContainerUser").GetString()!,
            int.Parse(port.GetProperty("Identity").GetString()!, CultureInfo.InvariantCulture),
            properties.GetProperty("ContainerRepository").GetString()!,
            labels);
    }

    /// <summary>
    /// Asserts the manifests: probes on the app's liveness and readiness paths and the container port, a non-root
    /// user equal to the image's, requests and limits, a grace period that covers the app's shutdown budget, and
    /// (when <paramref name="preStopMatchesDrain"/>) a preStop sleep equal to the app's drain delay.
    /// </summary>
    public static void Manifests(GeneratedRepo repo, ContainerSettings container, bool preStopMatchesDrain)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(container);
        foreach (var file in Directory.GetFiles(repo.PathOf("deploy/kubernetes"), "*.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            Assert.NotEmpty(stream.Documents);
        }

        var deployment = Load(repo, "deploy/kubernetes/deployment.yaml");
        Assert.Equal("Deployment", Scalar(deployment, "kind"));
        var pod = Map(Map(Map(deployment, "spec"), "template"), "spec");
        var app = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children[0];
        Assert.Equal("/health", Scalar(Map(Map(app, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal("/ready", Scalar(Map(Map(app, "readinessProbe"), "httpGet"), "path"));
        Assert.Equal(container.Labels["io.standards.probe.liveness"], Scalar(Map(Map(app, "livenessProbe"), "httpGet"), "path"));
        Assert.Equal(container.Labels["io.standards.probe.readiness"], Scalar(Map(Map(app, "readinessProbe"), "httpGet"), "path"));
        var port = (YamlMappingNode)((YamlSequenceNode)app["ports"]).Children[0];
        Assert.Equal(container.Port.ToString(CultureInfo.InvariantCulture), Scalar(port, "containerPort"));
        Assert.Equal("true", Scalar(Map(pod, "securityContext"), "runAsNonRoot"));
        Assert.Equal(container.User, Scalar(Map(pod, "securityContext"), "runAsUser"));
        Assert.Equal("false", Scalar(Map(app, "securityContext"), "allowPrivilegeEscalation"));
        foreach (var bound in new[] { "requests", "limits" })
        {
            var resources = Map(Map(app, "resources"), bound);
            Assert.False(string.IsNullOrEmpty(Scalar(resources, "cpu")));
            Assert.False(string.IsNullOrEmpty(Scalar(resources, "memory")));
        }

        using var settings = JsonDocument.Parse(
            File.ReadAllText(repo.PathOf($"{Path.GetDirectoryName(repo.ProjectUnder("cmd"))}/appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var shutdown = settings.RootElement.GetProperty("Shutdown");
        var timeout = TimeSpan.Parse(shutdown.GetProperty("Timeout").GetString()!, CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse(shutdown.GetProperty("DrainDelay").GetString()!, CultureInfo.InvariantCulture);
        var preStop = app.Children.ContainsKey("lifecycle")
            ? TimeSpan.FromSeconds(int.Parse(Scalar(Map(Map(Map(app, "lifecycle"), "preStop"), "sleep"), "seconds"), CultureInfo.InvariantCulture))
            : TimeSpan.Zero;
        if (preStopMatchesDrain)
        {
            Assert.True(drain > TimeSpan.Zero, "The service drains before it stops.");
            Assert.Equal(drain, preStop);
        }

        var grace = TimeSpan.FromSeconds(int.Parse(Scalar(pod, "terminationGracePeriodSeconds"), CultureInfo.InvariantCulture));
        Assert.True(grace >= preStop + timeout, $"terminationGracePeriodSeconds {grace.TotalSeconds} s < preStop {preStop.TotalSeconds} s + Shutdown:Timeout {timeout.TotalSeconds} s");
    }

    /// <summary>
    /// Asserts the service's guards: the Deployment trusts no proxy (no <c>ForwardedHeaders__*</c> variable), a
    /// PodDisruptionBudget and a NetworkPolicy select exactly the Deployment's pods (the policy admits traffic only
    /// on the container's named port), and the kustomization applies every manifest but the migration Job.
    /// </summary>
    public static void ServiceGuards(GeneratedRepo repo)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var deployment = Load(repo, "deploy/kubernetes/deployment.yaml");
        var template = Map(Map(deployment, "spec"), "template");
        var podLabels = Labels(Map(Map(template, "metadata"), "labels"));
        var app = (YamlMappingNode)((YamlSequenceNode)Map(template, "spec")["containers"]).Children[0];
        var env = ((YamlSequenceNode)app["env"]).Children.Select(e => Scalar((YamlMappingNode)e, "name")).ToList();
        Assert.DoesNotContain(env, name => name.StartsWith("ForwardedHeaders__", StringComparison.Ordinal));

        var budget = Load(repo, "deploy/kubernetes/pod-disruption-budget.yaml");
        Assert.Equal("policy/v1", Scalar(budget, "apiVersion"));
        Assert.Equal("PodDisruptionBudget", Scalar(budget, "kind"));
        Assert.Equal(podLabels, Labels(Map(Map(Map(budget, "spec"), "selector"), "matchLabels")));
        var replicas = int.Parse(Scalar(Map(deployment, "spec"), "replicas"), CultureInfo.InvariantCulture);
        var minAvailable = int.Parse(Scalar(Map(budget, "spec"), "minAvailable"), CultureInfo.InvariantCulture);
        Assert.InRange(minAvailable, 1, replicas - 1);

        var policy = Load(repo, "deploy/kubernetes/network-policy.yaml");
        Assert.Equal("networking.k8s.io/v1", Scalar(policy, "apiVersion"));
        Assert.Equal("NetworkPolicy", Scalar(policy, "kind"));
        var policySpec = Map(policy, "spec");
        Assert.Equal(podLabels, Labels(Map(Map(policySpec, "podSelector"), "matchLabels")));
        Assert.Equal(["Ingress"], ((YamlSequenceNode)policySpec["policyTypes"]).Children.Select(n => ((YamlScalarNode)n).Value!));
        var rule = (YamlMappingNode)Assert.Single(((YamlSequenceNode)policySpec["ingress"]).Children);
        Assert.NotEmpty(((YamlSequenceNode)rule["from"]).Children);
        var port = (YamlMappingNode)Assert.Single(((YamlSequenceNode)rule["ports"]).Children);
        var containerPort = (YamlMappingNode)((YamlSequenceNode)app["ports"]).Children[0];
        Assert.Equal(Scalar(containerPort, "name"), Scalar(port, "port"));

        var resources = ((YamlSequenceNode)Load(repo, "deploy/kubernetes/kustomization.yaml")["resources"]).Children
            .Select(n => ((YamlScalarNode)n).Value!).Order(StringComparer.Ordinal);
        var manifests = Directory.GetFiles(repo.PathOf("deploy/kubernetes"), "*.yaml").Select(Path.GetFileName)
            .Where(f => f is not "kustomization.yaml" and not "migrate-job.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(manifests, resources);
    }

    private static Dictionary<string, string> Labels(YamlMappingNode labels) =>
        labels.Children.ToDictionary(l => ((YamlScalarNode)l.Key).Value!, l => ((YamlScalarNode)l.Value).Value!);

    private static YamlMappingNode Load(GeneratedRepo repo, string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(repo.Read(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;
}
