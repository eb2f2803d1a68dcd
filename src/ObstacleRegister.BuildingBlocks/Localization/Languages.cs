using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace ObstacleRegister.BuildingBlocks.Localization;

/// <summary>The two languages the register speaks, and how a request names one.</summary>
public static class Languages
{
    /// <summary>Vietnamese for a tag starting <c>vi</c>, English for one starting <c>en</c>, else null.</summary>
    public static CultureInfo? Supported(string? tag) =>
        tag is null ? null
        : tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? RegisterTexts.Vietnamese
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? RegisterTexts.English
        : null;

    /// <summary>The first of Vietnamese and English the request's <c>Accept-Language</c> names (by quality), else <paramref name="fallback"/>.</summary>
    public static CultureInfo FromAcceptLanguage(HttpRequest request, CultureInfo fallback)
    {
        var asked = request.GetTypedHeaders().AcceptLanguage
            .Where(language => language.Quality is not 0)
            .OrderByDescending(language => language.Quality ?? 1);
        foreach (var language in asked)
        {
            if (language.Value.Value == "*")
            {
                return fallback;
            }

            if (Supported(language.Value.Value) is { } culture)
            {
                return culture;
            }
        }

        return fallback;
    }
}
