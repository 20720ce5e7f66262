using Standards.Sdk.Checks.Dependencies;

namespace Standards.Sdk.Checks.Tests.Dependencies;

public class PackageVersionTextTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("1.*")]
    [InlineData("1.2.*")]
    [InlineData("1.0.0-*")]
    [InlineData("*-*")]
    [InlineData("[1.0,)")]
    [InlineData("(1.0,)")]
    [InlineData("(,2.0]")]
    [InlineData("[1.0, 2.0)")]
    [InlineData(" [1.0 , ) ")]
    public void Floating_and_ranges_are_reported(string text)
    {
        Assert.NotNull(PackageVersionText.FloatingReason(text));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.2")]
    [InlineData("1.2.3-beta.1")]
    [InlineData("[1.2.3]")]
    [InlineData("[1.2.3, 1.2.3]")]
    [InlineData("$(Version)")]
    [InlineData("")]
    [InlineData("garbage")]
    public void Fixed_versions_properties_and_unreadable_text_are_not_floating(string text)
    {
        Assert.Null(PackageVersionText.FloatingReason(text));
    }

    [Theory]
    [InlineData("13.0.3", "[13.0.3, )")]
    [InlineData("13.0", "[13.0.0, )")]
    [InlineData("1.0.0.0", "[1.0.0, )")]
    [InlineData("1.2.3.4", "[1.2.3.4, )")]
    [InlineData("1.2.3-Beta+meta", "[1.2.3-Beta, )")]
    [InlineData("[1.2.3]", "[1.2.3, 1.2.3]")]
    [InlineData("[1.0,2.0)", "[1.0.0, 2.0.0)")]
    public void Requested_range_is_normalised_like_NuGet(string text, string expected)
    {
        Assert.Equal(expected, PackageVersionText.RequestedRange(text));
    }

    [Theory]
    [InlineData("1.*")]
    [InlineData("$(V)")]
    [InlineData("x")]
    [InlineData("(1.0)")]
    [InlineData("[,]")]
    [InlineData("[1,2,3]")]
    [InlineData("99999999999.0")]
    public void Unknown_text_has_no_requested_range(string text)
    {
        Assert.Null(PackageVersionText.RequestedRange(text));
    }

    [Theory]
    [InlineData("[13.0.3, )", "[13.0.3,)", true)]
    [InlineData("[13.0.3, )", "13.0.3", true)]
    [InlineData("[1.0.0-BETA, )", "[1.0.0-beta, )", true)]
    [InlineData("[13.0.3, )", "[13.0.4, )", false)]
    [InlineData("[13.0.3, )", "[13.0.3, 13.0.3]", false)]
    public void Ranges_compare_semantically(string a, string b, bool same)
    {
        Assert.Equal(same, PackageVersionText.SameRange(a, b));
    }

    [Theory]
    [InlineData("1.2.3", true)]
    [InlineData("1.*", true)]
    [InlineData("[1.0,)", true)]
    [InlineData("$(X)", true)]
    [InlineData("1..2", false)]
    [InlineData("abc", false)]
    public void Well_formedness(string text, bool expected)
    {
        Assert.Equal(expected, PackageVersionText.IsWellFormed(text));
    }
}
