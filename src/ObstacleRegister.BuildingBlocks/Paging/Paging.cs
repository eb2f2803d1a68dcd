using System.Buffers.Text;
using System.Text.Json;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.BuildingBlocks.Paging;

/// <summary>One page of a list and the opaque cursor of the next page, absent on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset paging: the cursor carries the sort key of the last row returned, so every page is an index
/// seek however deep the client reads, and rows inserted meanwhile never shift a page.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    /// <summary>Validates <c>limit</c> (1 to 200, default 50 unless another is given) and reports a bad one as a field error.</summary>
    public static int Limit(int? limit, int defaultLimit = DefaultLimit)
    {
        if (limit is null)
        {
            return defaultLimit;
        }

        if (limit < 1 || limit > MaxLimit)
        {
            throw RequestValidationException.For("limit", Say.Text("Validation.Limit", MaxLimit));
        }

        return limit.Value;
    }

    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key));

    /// <summary>Reads a cursor made by <see cref="Encode{TKey}"/>; anything else is a 400 on <c>cursor</c>.</summary>
    public static TKey? Decode<TKey>(string? cursor, string field = "cursor")
        where TKey : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            return JsonSerializer.Deserialize<TKey>(bytes)
                ?? throw new JsonException("empty cursor");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or NotSupportedException)
        {
            throw RequestValidationException.For(field, Say.Text("Validation.Cursor", field));
        }
    }

    /// <summary>
    /// Builds the page from rows fetched with <c>limit + 1</c>: the extra row only tells that more exist.
    /// </summary>
    public static Page<T> ToPage<TRow, T, TKey>(IReadOnlyList<TRow> rows, int limit, Func<TRow, T> map, Func<TRow, TKey> key)
    {
        var hasMore = rows.Count > limit;
        var items = rows.Take(limit).Select(map).ToList();
        var next = hasMore ? Encode(key(rows[limit - 1])) : null;
        return new Page<T>(items, next);
    }
}
