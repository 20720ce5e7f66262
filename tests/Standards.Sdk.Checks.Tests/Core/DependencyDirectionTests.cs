using Mono.Cecil;
using Standards.Sdk.Checks.Diagnostics;

namespace Standards.Sdk.Checks.Tests.Core;

/// <summary>
/// The direction of the dependencies between the checks' folders (= namespaces), read from the built assembly with
/// Mono.Cecil (what each type's signatures, attributes and method bodies reference), so a fully qualified name or a
/// global using counts as much as a using directive, and from the sources bound by the compiler (what the IL no longer
/// shows: a const, an enum value or a nameof, which the compiler copies into the user). The core (findings, state files, JSON, rule declarations, the repo snapshot) is
/// used by the features and uses none of them; the other folders form no circle.
/// </summary>
public partial class DependencyDirectionTests
{
    private const string Root = "Standards.Sdk.Checks";

    /// <summary>
    /// The core: folders every feature may use, which use no feature.
    /// </summary>
    private static readonly HashSet<string> Core = new(StringComparer.Ordinal) { "Diagnostics", "Json", "Rules", "Snapshot", "State" };

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Graph = new(ReadGraph);

    [Fact]
    public void The_core_uses_no_feature()
    {
        var violations = Graph.Value
            .Where(from => Core.Contains(from.Key))
            .SelectMany(from => from.Value.Where(to => !Core.Contains(to.Key)).Select(to => $"{from.Key} uses the feature {to.Key} ({to.Value})"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(violations.Count == 0, "The core of the checks must not use a feature:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Features_form_no_cycle()
    {
        var cycles = Cycles(Graph.Value).Select(Describe).ToList();

        Assert.True(cycles.Count == 0, "The checks' folders depend on each other in a circle:\n" + string.Join("\n", cycles.Select(c => c.Text)));
    }

    [Fact]
    public void The_graph_sees_the_dependencies_it_judges()
    {
        // A reader that found no reference would pass both tests above: the features use the core's findings.
        Assert.Contains("Diagnostics", Graph.Value["Coverage"].Keys);
        Assert.Contains("Coverage", Graph.Value.Keys);
    }

    [Fact]
    public void The_cycle_finder_finds_a_planted_circle()
    {
        // With no circle left in the checks, the test above passes only if this finder would see one.
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["A"] = new(StringComparer.Ordinal) { ["B"] = "A.X -> B.Y" },
            ["B"] = new(StringComparer.Ordinal) { ["C"] = "B.Y -> C.Z" },
            ["C"] = new(StringComparer.Ordinal) { ["A"] = "C.Z -> A.X", ["D"] = "C.Z -> D.W" },
            ["D"] = new(StringComparer.Ordinal),
        };

        var circle = Assert.Single(Cycles(graph));
        Assert.Equal(["A", "B", "C"], circle.Order(StringComparer.Ordinal));
    }

    /// <summary>Each folder and, for each folder it uses, one example of a use ("Type -> Type").</summary>
    private static Dictionary<string, Dictionary<string, string>> ReadGraph()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Finding).Assembly.Location);
        var graph = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in module.Types)
        {
            if (Folder(type) is not { } from)
            {
                continue;
            }

            var uses = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new(StringComparer.Ordinal);
            foreach (var used in References(type))
            {
                if (Folder(used) is { } to && to != from && !uses.ContainsKey(to))
                {
                    uses[to] = $"{type.FullName} -> {used.FullName}";
                }
            }
        }

        foreach (var (from, to, example) in SourceUses())
        {
            var uses = graph.TryGetValue(from, out var existing) ? existing : graph[from] = new(StringComparer.Ordinal);
            uses.TryAdd(to, example);
        }

        return graph;
    }

    /// <summary>The folder of a type of the checks (the namespace's first part after Standards.Sdk.Checks), or null.</summary>
    private static string? Folder(TypeReference type) => Folder(Outermost(type).Namespace);

    private static string? Folder(string ns)
    {
        return ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        var element = type.GetElementType();
        while (element.DeclaringType is { } declaring)
        {
            element = declaring;
        }

        return element;
    }

    /// <summary>Every type <paramref name="type"/> and its nested types reference in signatures, attributes and bodies.</summary>
    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        foreach (var t in NestedAndSelf(type))
        {
            Add(found, t.BaseType);
            found.AddRange(t.Interfaces.Select(i => i.InterfaceType));
            AddAttributes(found, t.CustomAttributes);
            foreach (var field in t.Fields)
            {
                Add(found, field.FieldType);
                AddAttributes(found, field.CustomAttributes);
            }

            foreach (var property in t.Properties)
            {
                Add(found, property.PropertyType);
                AddAttributes(found, property.CustomAttributes);
            }

            foreach (var method in t.Methods)
            {
                AddMethod(found, method);
            }
        }

        return found.SelectMany(Expand);
    }

    private static void AddMethod(List<TypeReference> found, MethodDefinition method)
    {
        Add(found, method.ReturnType);
        found.AddRange(method.Parameters.Select(p => p.ParameterType));
        AddAttributes(found, method.CustomAttributes);
        if (!method.HasBody)
        {
            return;
        }

        found.AddRange(method.Body.Variables.Select(v => v.VariableType));
        foreach (var instruction in method.Body.Instructions)
        {
            switch (instruction.Operand)
            {
                case TypeReference operand:
                    found.Add(operand);
                    break;
                case MethodReference called:
                    found.Add(called.DeclaringType);
                    found.Add(called.ReturnType);
                    found.AddRange(called.Parameters.Select(p => p.ParameterType));
                    if (called is GenericInstanceMethod generic)
                    {
                        found.AddRange(generic.GenericArguments);
                    }

                    break;
                case FieldReference field:
                    found.Add(field.DeclaringType);
                    found.Add(field.FieldType);
                    break;
                default:
                    break;
            }
        }
    }

    private static void AddAttributes(List<TypeReference> found, IEnumerable<CustomAttribute> attributes)
    {
        foreach (var attribute in attributes)
        {
            found.Add(attribute.AttributeType);
            found.AddRange(attribute.ConstructorArguments.Select(a => a.Value).OfType<TypeReference>());
        }
    }

    private static void Add(List<TypeReference> found, TypeReference? type)
    {
        if (type is not null)
        {
            found.Add(type);
        }
    }

    private static IEnumerable<TypeDefinition> NestedAndSelf(TypeDefinition type) =>
        type.NestedTypes.SelectMany(NestedAndSelf).Prepend(type);

    /// <summary>A type and the type arguments, element types and generic parameters' constraints inside it.</summary>
    private static IEnumerable<TypeReference> Expand(TypeReference type)
    {
        yield return type;
        if (type is GenericInstanceType generic)
        {
            foreach (var argument in generic.GenericArguments.SelectMany(Expand))
            {
                yield return argument;
            }
        }

        if (type is TypeSpecification specification && specification.ElementType is { } element && element != type)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The circles among the features: the strongly connected components of more than one folder.</summary>
    private static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
    {
        var tarjan = new Tarjan(graph);
        foreach (var node in graph.Keys.Where(n => !Core.Contains(n)).Order(StringComparer.Ordinal))
        {
            tarjan.VisitOnce(node);
        }

        return tarjan.Components;
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private sealed class Tarjan(Dictionary<string, Dictionary<string, string>> graph)
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> low = new(StringComparer.Ordinal);
        private readonly Stack<string> stack = new();

        public List<List<string>> Components { get; } = [];

        public void VisitOnce(string node)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        private void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                Pop(node);
            }
        }

        private void Pop(string node)
        {
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
            {
                Components.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }
    }

    /// <summary>A circle's members, and one path around it with an example use for each step.</summary>
    private static (string Members, string Text) Describe(List<string> component)
    {
        var graph = Graph.Value;
        var members = new HashSet<string>(component, StringComparer.Ordinal);
        var steps = component
            .SelectMany(from => graph[from].Where(to => members.Contains(to.Key)).Select(to => $"  {from} -> {to.Key} ({to.Value})"));
        return (string.Join(" -> ", component), $"{string.Join(" -> ", component)}:\n{string.Join("\n", steps)}");
    }
}
