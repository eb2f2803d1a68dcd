using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Pages;

/// <summary>The person a staff page is for, as their session names them.</summary>
public sealed record SignedInPerson(Guid Id, string Name, string Email, Guid UnitId, IReadOnlySet<string> Roles)
{
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>The person of a session, or null for a request without one (an API key's, or nobody's).</summary>
    public static SignedInPerson? Of(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(CallerClaims.PersonId), out var id) && Guid.TryParse(user.FindFirstValue(CallerClaims.UnitId), out var unit)
            ? new SignedInPerson(id, user.FindFirstValue(CallerClaims.PersonName) ?? "", user.FindFirstValue(CallerClaims.PersonEmail) ?? "", unit,
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal))
            : null;
}

/// <summary>
/// What every staff page needs besides its own model: its address, its language, who is signed in, and the
/// anti-forgery field its forms carry.
/// </summary>
public sealed record StaffView(
    string Path, IReadOnlyDictionary<string, string> Query, CultureInfo Culture, SignedInPerson? Person, string AntiforgeryField, string AntiforgeryToken,
    TimeZoneInfo Zone)
{
    /// <summary>A moment as the register's people read it: in its time zone, in the page's language.</summary>
    public string Moment(DateTimeOffset at) => PageFormat.Moment(at, Zone);

    /// <summary>The day a moment fell on in the register's time zone.</summary>
    public string Day(DateTimeOffset at) => PageFormat.Day(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime));

    public string Language => PageLanguage.Tag(Culture);

    public string OtherLanguage => Language == "vi" ? "en" : "vi";

    /// <summary>This page in the other language, with its query kept.</summary>
    public string LanguageSwitch => Link((PageLanguage.Parameter, OtherLanguage));

    /// <summary>This page with some query values changed (null removes one).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var query = Query.Where(q => q.Key != PageLanguage.Parameter).ToDictionary(q => q.Key, q => (string?)q.Value);
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(Path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    /// <summary>The path and query of this request: where to come back to after signing in.</summary>
    public static string ReturnPath(HttpRequest request) => request.PathBase + request.Path + request.QueryString;
}
