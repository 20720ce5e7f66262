using System.Text;
using Standards.Sdk.Checks.Policy;

namespace Standards.Sdk.Checks.Tests.Policy;

/// <summary>Hundreds of malformed standards.json variants: never an exception, always coded findings with a line.</summary>
public class PolicyFuzzTests
{
    private const string Valid = """
        {
          "$schema": "./standards.schema.json",
          "profile": "strict",
          "kind": "worker",
          "helpBaseUrl": "https://docs.example.com/rules/",
          "rules": {
            "STD1001": { "severity": "error", "maxLines": 40, "testSeverity": "none" },
            "STD1005": { "names": ["Util", "Shared"] },
            "CA1502": "warning"
          },
          "exceptions": [
            { "rule": "STD0101", "scope": "src/**", "owner": "@o", "reason": "r", "expires": "2030-01-01" }
          ]
        }
        """;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < 400; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Malformed_variant_never_throws_and_findings_are_coded(int seed)
    {
        var text = Mutate(Valid, new Random(seed));

        var result = PolicyLoader.Load("standards.json", text, new DateOnly(2026, 11, 21));

        Assert.NotNull(result.Policy);
        Assert.All(result.Findings, f =>
        {
            Assert.Matches("^STD000[1-5]$", f.Code);
            Assert.True(f.Line >= 1, $"finding without a line: {f}");
            Assert.False(string.IsNullOrWhiteSpace(f.Message));
        });
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        switch (random.Next(6))
        {
            case 0:
                return text[..random.Next(text.Length)];
            case 1:
                for (var i = 0; i < 1 + random.Next(5); i++)
                {
                    const string noise = "{}[]\",:0aZ\\\n /*";
                    chars[random.Next(chars.Length)] = noise[random.Next(noise.Length)];
                }

                return chars.ToString();
            case 2:
                return text.Replace("40", random.Next(2) == 0 ? "\"forty\"" : "-3", StringComparison.Ordinal);
            case 3:
                return text.Replace("\"error\"", random.Next(2) == 0 ? "true" : "[\"error\"]", StringComparison.Ordinal);
            case 4:
                return text.Replace("2030-01-01", random.Next(2) == 0 ? "2030-1-1" : "1999-01-01", StringComparison.Ordinal);
            default:
                chars.Insert(random.Next(chars.Length), new string((char)random.Next(0, 0x3000), 1 + random.Next(3)));
                return chars.ToString();
        }
    }
}
