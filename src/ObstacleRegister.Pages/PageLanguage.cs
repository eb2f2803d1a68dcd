using System.Globalization;
using Microsoft.AspNetCore.Http;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Pages;

/// <summary>
/// A page speaks Vietnamese unless the reader chose English: <c>?lang=</c> chooses and is remembered in a cookie for a
/// year; without a choice, <c>Accept-Language</c> is honoured; an unknown <c>lang</c> is ignored rather than refused,
/// since a reader following an old link should still get a page.
/// </summary>
public static class PageLanguage
{
    public const string Parameter = "lang";

    public const string Cookie = "lang";

    /// <param name="Culture">The page's language.</param>
    /// <param name="Remembered">The request chose it and the answer sets the cookie: an answer for this reader only.</param>
    public readonly record struct Choice(CultureInfo Culture, bool Remembered);

    /// <summary>The page's language, chosen once per request (the cookie set at most once) and made the thread's.</summary>
    public static Choice Choose(HttpContext http)
    {
        if (http.Items[typeof(Choice)] is not Choice choice)
        {
            choice = ChooseFromRequest(http);
            http.Items[typeof(Choice)] = choice;
        }

        CultureInfo.CurrentUICulture = choice.Culture;
        return choice;
    }

    private static Choice ChooseFromRequest(HttpContext http)
    {
        var request = http.Request;
        if (Languages.Supported(request.Query[Parameter].FirstOrDefault()) is { } chosen)
        {
            http.Response.Cookies.Append(Cookie, Tag(chosen), new CookieOptions
            {
                Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = request.IsHttps, IsEssential = true,
            });
            return new Choice(chosen, Remembered: true);
        }

        var saved = Languages.Supported(request.Cookies[Cookie]);
        return new Choice(saved ?? Languages.FromAcceptLanguage(request, RegisterTexts.Vietnamese), Remembered: false);
    }

    /// <summary><c>vi</c> or <c>en</c>: the page's <c>lang</c> attribute and the value of the switch.</summary>
    public static string Tag(CultureInfo culture) => culture.TwoLetterISOLanguageName == "vi" ? "vi" : "en";
}
