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
        var fallback = Languages.Supported(configured)
            ?? throw new InvalidOperationException($"Register:DefaultLanguage must be 'en' or 'vi', not '{configured}'.");
        // Async, so the culture set here stays with this request and never outlives it on the connection's context.
        app.Use(async (context, next) =>
        {
            CultureInfo.CurrentUICulture = Languages.FromAcceptLanguage(context.Request, fallback);
            await next(context);
        });
    }
}
