using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>
/// Reads enum filters from the query string by their wire names (<c>?type=joint_circular</c>); the
/// framework's binder only knows the C# names, and would turn a typo into an unexplained 400.
/// </summary>
public static class QueryValues
{
    public static TEnum? Enum<TEnum>(string? value, string field)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (WireNames.TryParse<TEnum>(value, out var parsed))
        {
            return parsed;
        }

        var allowed = string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => WireNames.Of(v)));
        throw RequestValidationException.For(field, Localization.Say.Text("Validation.OneOf", field, allowed));
    }
}
