using System.Collections.Concurrent;
using System.Text.Json;

namespace ObstacleRegister.BuildingBlocks.Data;

/// <summary>
/// Enum values as they appear in JSON and in the database: snake_case (<c>national_assembly_resolution</c>).
/// One mapping for both, so a stored value always reads back as the value the API accepted.
/// </summary>
public static class WireNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    /// <summary>The wire name of a value whose enumeration is known only at run time (a table cell).</summary>
    public static string OfAny(Enum value) => Names.GetOrAdd(value, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a stored {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
