namespace Standards.Sdk.Analyzers;

/// <summary>The defaults of the options in <see cref="StandardsOptionKeys"/> (the default standards profile).</summary>
public static class StandardsDefaults
{
    /// <summary>Default for <see cref="StandardsOptionKeys.MethodLengthWarning"/>.</summary>
    public const int MethodLengthWarning = 50;

    /// <summary>Default for <see cref="StandardsOptionKeys.MethodLengthError"/>.</summary>
    public const int MethodLengthError = 100;

    /// <summary>Default for <see cref="StandardsOptionKeys.NestingDepthWarning"/>.</summary>
    public const int NestingDepthWarning = 4;

    /// <summary>Default for <see cref="StandardsOptionKeys.FileLengthWarning"/>.</summary>
    public const int FileLengthWarning = 500;

    /// <summary>Default for <see cref="StandardsOptionKeys.GenericNames"/>.</summary>
    public const string GenericNames = "Util,Utils,Common,Helper,Helpers,Misc";

    /// <summary>Default for <see cref="StandardsOptionKeys.HelpBaseUrl"/>.</summary>
    public const string HelpBaseUrl = "https://github.com/standards-sdk/standards-sdk/blob/main/docs/rules/";
}
