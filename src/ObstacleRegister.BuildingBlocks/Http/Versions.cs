using System.Globalization;
using ObstacleRegister.BuildingBlocks.Errors;

namespace ObstacleRegister.BuildingBlocks.Http;

/// <summary>ETags are the resource's integer version, quoted: <c>"3"</c>.</summary>
public static class Versions
{
    public static string ToETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Throws 412 unless the <c>If-Match</c> header is absent, <c>*</c>, or lists the current version.
    /// A header that is not a list of entity tags is a 400.
    /// </summary>
    public static void EnsureMatches(string? ifMatch, long currentVersion)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return;
        }

        var current = ToETag(currentVersion);
        foreach (var raw in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // RFC 9110: If-Match uses the strong comparison, so a weak tag never matches.
            if (raw.StartsWith("W/", StringComparison.Ordinal))
            {
                continue;
            }

            if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
            {
                throw RequestValidationException.For("If-Match", Localization.Say.Text("Validation.IfMatch"));
            }

            if (raw == current)
            {
                return;
            }
        }

        throw new PreconditionFailedException(currentVersion);
    }
}
