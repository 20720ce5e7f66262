#nullable enable
#pragma warning disable IDE0161 // Several namespaces: each type lives where .NET (and the compiler) looks for it.
// System.Index and System.Range for ^ and .. (C# 8) in the netstandard2.0 build. The compiler needs only the
// members below; on strings it turns s[a..b] into Substring.

namespace System
{
    /// <summary>A position from the start or from the end of a sequence.</summary>
    internal readonly struct Index : IEquatable<Index>
    {
        private readonly int value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
            }

            this.value = fromEnd ? ~value : value;
        }

        private Index(int raw, int unused)
        {
            _ = unused;
            value = raw;
        }

        public static Index Start => new(0, 0);

        public static Index End => new(~0, 0);

        public int Value => value < 0 ? ~value : value;

        public bool IsFromEnd => value < 0;

        public static Index FromStart(int value) => new(value);

        public static Index FromEnd(int value) => new(value, fromEnd: true);

        public static implicit operator Index(int value) => FromStart(value);

        public int GetOffset(int length) => IsFromEnd ? length + value + 1 : value;

        public bool Equals(Index other) => value == other.value;

        public override bool Equals(object? obj) => obj is Index other && Equals(other);

        public override int GetHashCode() => value;

        public override string ToString() => IsFromEnd ? "^" + Value.ToString(Globalization.CultureInfo.InvariantCulture) : Value.ToString(Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A range of a sequence, from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
    internal readonly struct Range(Index start, Index end) : IEquatable<Range>
    {
        public Index Start { get; } = start;

        public Index End { get; } = end;

        public static Range All => new(Index.Start, Index.End);

        public static Range StartAt(Index start) => new(start, Index.End);

        public static Range EndAt(Index end) => new(Index.Start, end);

        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            var start = Start.GetOffset(length);
            var end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end)
            {
                throw new ArgumentOutOfRangeException(nameof(length));
            }

            return (start, end - start);
        }

        public bool Equals(Range other) => Start.Equals(other.Start) && End.Equals(other.End);

        public override bool Equals(object? obj) => obj is Range other && Equals(other);

        public override int GetHashCode() => (Start.GetHashCode() * 31) + End.GetHashCode();

        public override string ToString() => Start + ".." + End;
    }
}
