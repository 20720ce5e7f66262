using System.Text;
using Standards.Adoption;

namespace Standards.Tool.Tests;

/// <summary>
/// A project rewritten by adopt keeps its bytes except the change: a UTF-8 byte order mark, CRLF or LF line endings
/// and tab or space indentation, in every combination, for the three edits (the Sdk attribute, the layered Sdk
/// element, an inline version moved out), written through the change set as adopt writes them.
/// </summary>
public sealed class ByteFidelityTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("bytes").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    public static TheoryData<bool, string, string> Shapes()
    {
        var data = new TheoryData<bool, string, string>();
        foreach (var bom in new[] { true, false })
        {
            foreach (var newline in new[] { "\r\n", "\n" })
            {
                foreach (var indent in new[] { "\t", "  ", "    " })
                {
                    data.Add(bom, newline, indent);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_plain_project_keeps_every_byte_but_the_Sdk_and_the_version(bool bom, string newline, string indent)
    {
        var before = Lines(newline, "<Project Sdk=\"Microsoft.NET.Sdk\">", $"{indent}<ItemGroup>", $"{indent}{indent}<PackageReference Include=\"xunit\" Version=\"2.9.3\" />", $"{indent}</ItemGroup>", "</Project>");
        var after = Lines(newline, "<Project Sdk=\"Standards.Sdk\">", $"{indent}<ItemGroup>", $"{indent}{indent}<PackageReference Include=\"xunit\" />", $"{indent}</ItemGroup>", "</Project>");

        var text = ProjectFileEditor.AdoptSdk("A.csproj", before).NewText;
        text = ProjectFileEditor.TakeInlineVersions("A.csproj", text, CentralPackages.Choose(ProjectFileEditor.TakeInlineVersions("A.csproj", text).Versions)).NewText;

        Assert.Equal(Bytes(after, bom), WriteThroughChangeSet(Bytes(before, bom), text));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_project_on_another_SDK_gains_the_layered_Sdk_in_its_own_line_ending_and_indentation(bool bom, string newline, string indent)
    {
        var before = Lines(newline, "<Project Sdk=\"Microsoft.NET.Sdk.Web\">", $"{indent}<PropertyGroup />", "</Project>");
        var after = Lines(newline, "<Project Sdk=\"Microsoft.NET.Sdk.Web\">", $"{indent}<Sdk Name=\"Standards.Sdk\" />", $"{indent}<PropertyGroup />", "</Project>");

        var text = ProjectFileEditor.AdoptSdk("Web.csproj", before).NewText;

        Assert.Equal(Bytes(after, bom), WriteThroughChangeSet(Bytes(before, bom), text));
    }

    private static string Lines(string newline, params string[] lines) => string.Join(newline, lines) + newline;

    private static byte[] Bytes(string text, bool bom) => [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)];

    /// <summary>Writes the original bytes, then the new text through a change set, as adopt does; the bytes on disk after.</summary>
    private byte[] WriteThroughChangeSet(byte[] original, string newText)
    {
        var path = Path.Combine(root, "A.csproj");
        File.WriteAllBytes(path, original);
        var changes = new ChangeSet();
        changes.Set("A.csproj", newText);
        changes.Commit(root);
        return File.ReadAllBytes(path);
    }
}
