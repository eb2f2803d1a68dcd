using System.Globalization;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Time;

namespace ObstacleRegister.Api.Http;

/// <summary>
/// Answers each request in the language it asks for: the first of Vietnamese and English its <c>Accept-Language</c>
/// names (by quality), else <c>Register:DefaultLanguage</c>. Only the UI culture changes: numbers, dates and the wire
/// formats stay invariant whatever the language.
/// </summary>
internal static class RequestLanguage
{
    public static void UseRequestLanguage(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<RegisterOptions>>().Value.DefaultLanguage;
        var fallback = Supported(configured)
            ?? throw new InvalidOperationException($"Register:DefaultLanguage must be 'en' or 'vi', not '{configured}'.");
        // Async, so the culture set here stays with this request and never outlives it on the connection's context.
        app.Use(async (context, next) =>
        {
            CultureInfo.CurrentUICulture = Choose(context.Request, fallback);
            await next(context);
        });
    }

    internal static CultureInfo Choose(HttpRequest request, CultureInfo fallback)
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

    private static CultureInfo? Supported(string? tag) =>
        tag is null ? null
        : tag.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? RegisterTexts.Vietnamese
        : tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? RegisterTexts.English
        : null;
}
