using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Time;

using ObstacleRegister.Pages;

namespace ObstacleRegister.Reports.Site;

/// <summary>The site's pages, by name (their data's address and their text <c>Site.Page.{name}</c>) and path, in menu order.</summary>
public static class SiteMap
{
    public const string Progress = "progress";
    public const string Responsibility = "responsibility";
    public const string Results = "results";
    public const string Hotspots = "hotspots";
    public const string Backlog = "backlog";

    public static readonly IReadOnlyList<(string Name, string Path)> Pages =
        [(Progress, "/"), (Responsibility, "/responsibility"), (Results, "/results"), (Hotspots, "/hotspots"), (Backlog, "/backlog")];

    public static string PathOf(string name) => Pages.Single(p => p.Name == name).Path;
}

/// <summary>What every page needs besides its figures: its name, its address and query, its language and when it was made (register time).</summary>
public sealed record SiteView(string Page, string Path, IReadOnlyDictionary<string, string> Query, CultureInfo Culture, DateTimeOffset MadeAt)
{
    /// <summary>The register's public address, for the absolute identifiers a page embeds (its JSON-LD).</summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>The register's time zone, in which every instant on a page is shown.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>An instant as the page shows it: in the register's time, in the page's language.</summary>
    public string Moment(DateTimeOffset at) => PageFormat.Moment(at, Zone);

    public string Language => PageLanguage.Tag(Culture);

    public string OtherLanguage => Language == "vi" ? "en" : "vi";

    /// <summary>This page in the other language, with every filter kept.</summary>
    public string LanguageSwitch => Link((PageLanguage.Parameter, OtherLanguage));

    /// <summary>This page with some query values changed (null removes one); the language choice is not carried, the cookie keeps it.</summary>
    public string Link(params (string Key, string? Value)[] changes) => Address(Path, changes);

    /// <summary>The page's data: <c>/data/{page}.json</c>, with the same filters.</summary>
    public string Json => Address($"/data/{Page}.json");

    /// <summary>One table's data: <c>/data/{page}/{table}.csv</c>, with the same filters.</summary>
    public string Csv(string table) => Address($"/data/{Page}/{table}.csv");

    private string Address(string path, params (string Key, string? Value)[] changes)
    {
        var query = Query.Where(q => q.Key != PageLanguage.Parameter).ToDictionary(q => q.Key, q => (string?)q.Value);
        foreach (var (key, value) in changes)
        {
            query[key] = value;
        }

        return QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    internal static SiteView For(HttpContext http, string page, CultureInfo culture, RegisterCalendar calendar) => new(
        page, http.Request.Path.Value ?? "/",
        http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal), culture, calendar.LocalNow)
    {
        BaseUrl = http.RequestServices.GetRequiredService<PublicAddress>().BaseFor(http.Request),
        Zone = calendar.Zone,
    };
}
