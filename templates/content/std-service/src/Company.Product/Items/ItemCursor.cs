using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;

namespace CompanyProduct.Items;

/// <summary>
/// The position after which a page of items starts. Lists are ordered by <see cref="Item.CreatedAt"/>, then by
/// <see cref="Item.Id"/>, so a cursor stays valid while items are added (keyset pagination).
/// </summary>
/// <param name="CreatedAt">The creation time of the last item of the previous page.</param>
/// <param name="Id">The identifier of the last item of the previous page.</param>
public readonly record struct ItemCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const byte FormatVersion = 1;
    private const int EncodedLength = 1 + sizeof(long) + 16;

    // The length of an encoded cursor: unpadded base64url of EncodedLength bytes.
    private const int EncodedChars = ((EncodedLength * 4) + 2) / 3;

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Creates the cursor that continues after the given item.</summary>
    /// <param name="item">The last item of a page.</param>
    /// <returns>The cursor.</returns>
    public static ItemCursor After(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemCursor(item.CreatedAt, item.Id);
    }

    /// <summary>Encodes the cursor as an opaque, URL-safe string.</summary>
    /// <returns>The encoded cursor.</returns>
    public string Encode()
    {
        Span<byte> buffer = stackalloc byte[EncodedLength];
        buffer[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(buffer[1..], CreatedAt.UtcTicks);
        Id.TryWriteBytes(buffer[(1 + sizeof(long))..], bigEndian: true, out _);
        return Base64Url.EncodeToString(buffer);
    }

    /// <summary>
    /// Decodes a cursor produced by <see cref="Encode"/>; never throws. Only the exact form <see cref="Encode"/> writes
    /// is accepted: unpadded base64url of the right length, no whitespace, no padding, no other alphabet.
    /// </summary>
    /// <param name="value">The encoded cursor.</param>
    /// <param name="cursor">The decoded cursor when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a valid cursor.</returns>
    public static bool TryDecode(string? value, out ItemCursor cursor)
    {
        cursor = default;
        if (value is not { Length: EncodedChars } || value.AsSpan().IndexOfAnyExcept(Base64UrlAlphabet) >= 0)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[EncodedLength];
        if (!Base64Url.TryDecodeFromChars(value, buffer, out int written) || written != EncodedLength || buffer[0] != FormatVersion)
        {
            return false;
        }

        long ticks = BinaryPrimitives.ReadInt64BigEndian(buffer[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        var id = new Guid(buffer.Slice(1 + sizeof(long), 16), bigEndian: true);
        cursor = new ItemCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    /// <summary>Tells whether an item comes after this cursor in list order.</summary>
    /// <param name="item">The item.</param>
    /// <returns><see langword="true"/> when <paramref name="item"/> belongs to a page that starts at this cursor.</returns>
    public bool IsBefore(Item item)
    {
        ArgumentNullException.ThrowIfNull(item);
        int byTime = item.CreatedAt.CompareTo(CreatedAt);
        return byTime > 0 || (byTime == 0 && item.Id.CompareTo(Id) > 0);
    }
}
