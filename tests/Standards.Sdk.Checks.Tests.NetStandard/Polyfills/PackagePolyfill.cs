using System.Reflection;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>
/// A member of the Polyfill package as compiled into the netstandard2.0 checks, to compare with .NET's own. Its
/// types are embedded (the compiler does not see them from here), so the member is found by reflection: the
/// static method the compiler emits for an extension member, named as the member (<c>get_X</c> for a property),
/// with the extended value first for an instance member.
/// </summary>
internal static class PackagePolyfill
{
    private static readonly Assembly Checks = typeof(Diagnostics.Finding).Assembly;

    /// <summary>
    /// The method <paramref name="name"/> of class <c>Polyfills.Polyfill</c> whose parameters are those of
    /// <typeparamref name="TDelegate"/>, made generic with <paramref name="typeArguments"/> when given.
    /// </summary>
    public static TDelegate Get<TDelegate>(string name, params Type[] typeArguments)
        where TDelegate : Delegate => Get<TDelegate>("Polyfill", name, typeArguments);

    /// <summary>As <see cref="Get{TDelegate}(string, Type[])"/>, from class <c>Polyfills.<paramref name="className"/></c>.</summary>
    public static TDelegate Get<TDelegate>(string className, string name, params Type[] typeArguments)
        where TDelegate : Delegate
    {
        var type = Checks.GetType("Polyfills." + className, throwOnError: true)!;
        var parameters = typeof(TDelegate).GetMethod("Invoke")!.GetParameters().Select(p => p.ParameterType).ToArray();
        var method = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(m => m.Name == name && m.GetGenericArguments().Length == typeArguments.Length && m.GetParameters().Length == parameters.Length)
            .Select(m => typeArguments.Length == 0 ? m : MakeGeneric(m, typeArguments))
            .Single(m => m is not null && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
        return method!.CreateDelegate<TDelegate>();
    }

    /// <summary>The method made generic, or null when the type arguments break its constraints (another overload).</summary>
    private static MethodInfo? MakeGeneric(MethodInfo method, Type[] typeArguments)
    {
        try
        {
            return method.MakeGenericMethod(typeArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
