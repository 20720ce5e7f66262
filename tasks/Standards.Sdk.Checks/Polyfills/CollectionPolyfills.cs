#nullable enable
namespace Standards.Sdk;

/// <summary>
/// The LINQ and dictionary members of .NET that netstandard2.0 lacks (DistinctBy, Order, ToHashSet,
/// GetValueOrDefault, TryAdd, KeyValuePair deconstruction...), as extension members with .NET's semantics.
/// In namespace Standards.Sdk, so our code finds them before System.Linq's (no ambiguity when a .NET test
/// build sees both).
/// </summary>
internal static class CollectionPolyfills
{
    extension<TSource>(IEnumerable<TSource> source)
    {
        /// <summary>The first element of each key, in order (.NET 6).</summary>
        public IEnumerable<TSource> DistinctBy<TKey>(Func<TSource, TKey> keySelector, IEqualityComparer<TKey>? comparer = null)
        {
            ArgumentNullException.ThrowIfNull(source);
            ArgumentNullException.ThrowIfNull(keySelector);
            return Iterate(source, keySelector, comparer);

            static IEnumerable<TSource> Iterate(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey>? comparer)
            {
                var seen = new HashSet<TKey>(comparer);
                foreach (var item in source)
                {
                    if (seen.Add(keySelector(item)))
                    {
                        yield return item;
                    }
                }
            }
        }

        /// <summary>Sorted ascending by the default comparer (.NET 7), stable.</summary>
        public IOrderedEnumerable<TSource> Order() => source.OrderBy(x => x);

        /// <summary>Sorted ascending (.NET 7), stable.</summary>
        public IOrderedEnumerable<TSource> Order(IComparer<TSource>? comparer) => source.OrderBy(x => x, comparer);

        /// <summary>Sorted descending by the default comparer (.NET 7), stable.</summary>
        public IOrderedEnumerable<TSource> OrderDescending() => source.OrderByDescending(x => x);

        /// <summary>Sorted descending (.NET 7), stable.</summary>
        public IOrderedEnumerable<TSource> OrderDescending(IComparer<TSource>? comparer) => source.OrderByDescending(x => x, comparer);

        /// <summary>A new set of the elements.</summary>
        public HashSet<TSource> ToHashSet(IEqualityComparer<TSource>? comparer = null) => new(source, comparer);

        /// <summary>The element with the largest key; the first such (.NET 6).</summary>
        public TSource? MaxBy<TKey>(Func<TSource, TKey> keySelector) => Extreme(source, keySelector, sign: 1);

        /// <summary>The element with the smallest key; the first such (.NET 6).</summary>
        public TSource? MinBy<TKey>(Func<TSource, TKey> keySelector) => Extreme(source, keySelector, sign: -1);
    }

    extension<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> dictionary)
    {
        /// <summary>The value of <paramref name="key"/>, or default.</summary>
        public TValue? GetValueOrDefault(TKey key) => dictionary.TryGetValue(key, out var value) ? value : default;

        /// <summary>The value of <paramref name="key"/>, or <paramref name="defaultValue"/>.</summary>
        public TValue GetValueOrDefault(TKey key, TValue defaultValue) => dictionary.TryGetValue(key, out var value) ? value : defaultValue;
    }

    extension<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
        where TKey : notnull
    {
        /// <summary>Adds when the key is new; false when it was there already.</summary>
        public bool TryAdd(TKey key, TValue value)
        {
            if (dictionary.ContainsKey(key))
            {
                return false;
            }

            dictionary.Add(key, value);
            return true;
        }

        /// <summary>Removes the key and returns its value.</summary>
        public bool Remove(TKey key, out TValue value)
        {
            if (dictionary.TryGetValue(key, out value!))
            {
                return dictionary.Remove(key);
            }

            return false;
        }
    }

    extension<TKey, TValue>(KeyValuePair<TKey, TValue> pair)
    {
        /// <summary>Deconstructs into key and value: <c>foreach (var (key, value) in dictionary)</c>.</summary>
        public void Deconstruct(out TKey key, out TValue value)
        {
            key = pair.Key;
            value = pair.Value;
        }
    }

    private static TSource? Extreme<TSource, TKey>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector, int sign)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(keySelector);
        var comparer = Comparer<TKey>.Default;
        using var e = source.GetEnumerator();
        if (!e.MoveNext())
        {
            return default(TSource) is null ? default : throw new InvalidOperationException("Sequence contains no elements");
        }

        var best = e.Current;
        var bestKey = keySelector(best);
        while (e.MoveNext())
        {
            var key = keySelector(e.Current);
            if (sign * comparer.Compare(key, bestKey) > 0)
            {
                best = e.Current;
                bestKey = key;
            }
        }

        return best;
    }
}
