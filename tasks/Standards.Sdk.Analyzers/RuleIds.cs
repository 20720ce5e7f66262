namespace Standards.Sdk.Analyzers;

/// <summary>The diagnostic ids of the Standards.Sdk code rules. The ids are fixed; never renumber them.</summary>
public static class RuleIds
{
    /// <summary>STD0101: the source turns nullable off (<c>#nullable disable</c>) or silences nullable warnings.</summary>
    public const string NullableTurnedOff = "STD0101";

    /// <summary>STD0103: the source silences a locked rule (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>).</summary>
    public const string LockedRuleSilenced = "STD0103";

    /// <summary>STD1001: a member body is longer than <c>standards.method_length.warning</c> lines.</summary>
    public const string MethodTooLong = "STD1001";

    /// <summary>STD1002: a member body is longer than <c>standards.method_length.error</c> lines.</summary>
    public const string MethodFarTooLong = "STD1002";

    /// <summary>STD1003: control flow inside a member nests deeper than <c>standards.nesting_depth.warning</c>.</summary>
    public const string NestingTooDeep = "STD1003";

    /// <summary>STD1004: a source file has more than <c>standards.file_length.warning</c> lines.</summary>
    public const string FileTooLong = "STD1004";

    /// <summary>STD1005: a namespace segment or source folder has a generic name (<c>standards.generic_names</c>).</summary>
    public const string GenericName = "STD1005";

    /// <summary>STD1006: a TODO, FIXME or HACK comment without the form <c>TODO(owner): text #123</c>.</summary>
    public const string TodoWithoutOwnerAndIssue = "STD1006";
}
