using System.Text;

namespace Standards.Sdk.Analyzers.Tests.Infrastructure;

/// <summary>Builders for test sources of a given size or depth.</summary>
internal static class Sources
{
    /// <summary>
    /// A class whose method <c>M</c> (identifier on line 3) has <paramref name="bodyLines"/> code lines, each
    /// followed by <paramref name="blankAndCommentLinesEach"/> blank and comment-only lines.
    /// </summary>
    public static string MethodWithLines(int bodyLines, int blankAndCommentLinesEach = 0)
    {
        var builder = new StringBuilder();
        builder.Append("class C\n{\n    int M()\n    {\n        var x = 0;\n");
        for (var i = 1; i < bodyLines - 1; i++)
        {
            builder.Append("        x += ").Append(i).Append(";\n");
            for (var j = 0; j < blankAndCommentLinesEach; j++)
            {
                builder.Append(j % 2 == 0 ? "\n" : "        // just a comment\n");
            }
        }

        builder.Append("        return x;\n    }\n}\n");
        return builder.ToString();
    }

    /// <summary>A method <c>M</c> with <paramref name="depth"/> nested ifs; the innermost if is on line 4 + depth.</summary>
    public static string NestedIfs(int depth)
    {
        var builder = new StringBuilder();
        builder.Append("class C\n{\n    void M(bool a)\n    {\n");
        for (var i = 0; i < depth; i++)
        {
            builder.Append(' ', 8 + (4 * i)).Append("if (a) {\n");
        }

        builder.Append(' ', 8 + (4 * depth)).Append("a = !a;\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            builder.Append(' ', 8 + (4 * i)).Append("}\n");
        }

        builder.Append("    }\n}\n");
        return builder.ToString();
    }

    /// <summary>A file of exactly <paramref name="lines"/> physical lines (with a final line break).</summary>
    public static string FileWithLines(int lines)
    {
        var builder = new StringBuilder("class C\n{\n");
        for (var i = 2; i < lines - 1; i++)
        {
            builder.Append("    // filler ").Append(i).Append('\n');
        }

        builder.Append("}\n");
        return builder.ToString();
    }

    public static Dictionary<string, string> Options(params (string Key, string Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);
}
