using System.Reflection;
using System.Text.RegularExpressions;

namespace Standards.Sdk.Checks.Tests.Polyfills;

/// <summary>
/// The netstandard2.0 directory walk returns what .NET's FileSystemEnumerable returns with the same options and
/// predicates, and every [GeneratedRegex] method of the netstandard2.0 checks is implemented with the
/// attribute's pattern, options and timeout.
/// </summary>
public sealed class EnumerationAndRegexPolyfillTests
{
    [Fact]
    public void FileSystemEnumerable_walks_like_dotnets()
    {
        var root = Directory.CreateTempSubdirectory("polyfill-walk-").FullName;
        try
        {
            foreach (var file in new[] { "a.txt", ".hidden", "src/b.cs", "src/obj/skip.cs", "src/deep/er/c.md", "obj/x", ".git/config", "docs/.keep" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, file))!);
                File.WriteAllText(Path.Combine(root, file), file);
            }

            Directory.CreateDirectory(Path.Combine(root, "empty"));
            File.CreateSymbolicLink(Path.Combine(root, "link-to-file.txt"), Path.Combine(root, "a.txt"));
            Directory.CreateSymbolicLink(Path.Combine(root, "link-to-src"), Path.Combine(root, "src"));

            foreach (var skip in new[] { (FileAttributes)0, FileAttributes.Hidden | FileAttributes.System })
            {
                Assert.Equal(RealWalk(root, skip), PolyfillWalk(root, skip));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Every_generated_regex_uses_the_attributes_pattern_options_and_timeout()
    {
        var methods = typeof(Standards.Sdk.Checks.Diagnostics.Finding).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType.Name == "GeneratedRegexAttribute")))
            .Where(x => x.Attribute is not null)
            .ToList();
        Assert.True(methods.Count >= 10, $"found only {methods.Count} [GeneratedRegex] methods");
        foreach (var (method, attribute) in methods)
        {
            var arguments = attribute!.ConstructorArguments.Select(a => a.Value).ToList();
            var regex = (Regex)method.Invoke(null, null)!;
            Assert.Same(regex, method.Invoke(null, null));
            Assert.Equal((string)arguments[0]!, regex.ToString());
            Assert.Equal(arguments.Count > 1 ? (RegexOptions)(int)arguments[1]! : RegexOptions.None, regex.Options);
            var timeout = arguments.Count > 2 && arguments[2] is int ms ? TimeSpan.FromMilliseconds(ms) : Regex.InfiniteMatchTimeout;
            Assert.Equal(timeout, regex.MatchTimeout);
        }
    }

    private static List<string> RealWalk(string root, FileAttributes skip)
    {
        var options = new System.IO.EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = skip };
        var walk = new System.IO.Enumeration.FileSystemEnumerable<string>(root, (ref System.IO.Enumeration.FileSystemEntry e) => e.ToFullPath() + (e.IsDirectory ? "/" : string.Empty), options)
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => e.FileName.ToString() != "obj",
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0 && e.FileName.ToString() is not ("obj" or ".git"),
        };
        return [.. walk.Order(StringComparer.Ordinal)];
    }

    private static List<string> PolyfillWalk(string root, FileAttributes skip)
    {
        var options = new Standards.Sdk.EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = skip };
        var walk = new Standards.Sdk.FileSystemEnumerable<string>(root, (ref Standards.Sdk.FileSystemEntry e) => e.ToFullPath() + (e.IsDirectory ? "/" : string.Empty), options)
        {
            ShouldIncludePredicate = (ref Standards.Sdk.FileSystemEntry e) => e.FileName.ToString() != "obj",
            ShouldRecursePredicate = (ref Standards.Sdk.FileSystemEntry e) => (e.Attributes & FileAttributes.ReparsePoint) == 0 && e.FileName.ToString() is not ("obj" or ".git"),
        };
        return [.. walk.Order(StringComparer.Ordinal)];
    }
}
