#nullable enable
// Hand-written: Polyfill 11.4.5 has no IReadOnlySet<T>.
namespace Standards.Sdk;

/// <summary>
/// Stands in for .NET's <c>System.Collections.Generic.IReadOnlySet&lt;T&gt;</c> in the netstandard2.0 build,
/// where <see cref="HashSet{T}"/> implements no such interface: a read-only view of a set, converted implicitly
/// from <see cref="HashSet{T}"/>, so declarations and assignments read the same on both runtimes. Membership
/// uses the wrapped set's comparer. Namespace Standards.Sdk for the reason given on <see cref="DateOnly"/>.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
#pragma warning disable CA1711, CA1715 // Named as the .NET interface it stands in for.
public sealed class IReadOnlySet<T> : IReadOnlyCollection<T>
#pragma warning restore CA1711, CA1715
{
    private readonly HashSet<T> set;

    private IReadOnlySet(HashSet<T> set) => this.set = set;

    /// <inheritdoc />
    public int Count => set.Count;

    /// <summary>A read-only view of <paramref name="set"/> (null stays null).</summary>
#pragma warning disable CA2225 // The conversion is the point: it is what HashSet<T> to IReadOnlySet<T> is on .NET.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(set))]
    public static implicit operator IReadOnlySet<T>?(HashSet<T>? set) => set is null ? null : new IReadOnlySet<T>(set);
#pragma warning restore CA2225

    /// <summary>True when the set holds <paramref name="item"/>.</summary>
    public bool Contains(T item) => set.Contains(item);

    /// <summary>True when every element is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(IEnumerable<T> other) => set.IsSubsetOf(other);

    /// <summary>True when <paramref name="other"/> holds every element.</summary>
    public bool IsSupersetOf(IEnumerable<T> other) => set.IsSupersetOf(other);

    /// <summary>True when the two share an element.</summary>
    public bool Overlaps(IEnumerable<T> other) => set.Overlaps(other);

    /// <summary>True when both hold the same elements.</summary>
    public bool SetEquals(IEnumerable<T> other) => set.SetEquals(other);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => set.GetEnumerator();

    /// <inheritdoc />
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
