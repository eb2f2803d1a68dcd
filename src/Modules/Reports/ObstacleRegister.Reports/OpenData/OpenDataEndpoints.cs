using System.Globalization;
using System.Text.Json;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.Pages;
using ObstacleRegister.Regulations.Contracts;
using ObstacleRegister.Reports.Public;
using ObstacleRegister.Reports.Site;
using ObstacleRegister.Reports.Site.Components;

namespace ObstacleRegister.Reports.OpenData;

/// <summary>
/// The register's open data: a page for each regulation, amendment and public obstacle, ELI addresses, Atom feeds, the
/// data catalogue with its DCAT-AP description, and the full dumps. Open without a key, rate limited, cacheable like the
/// rest of the public site.
/// </summary>
internal static class OpenDataEndpoints
{
    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        SiteEndpoints.HtmlPage<RegulationView>(app.MapGet("/regulations/{id:guid}", (Guid id, string? cursor, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadRegulationPage(id, cursor), ct)), "regulation").KeepsAnswers();
        SiteEndpoints.HtmlPage<AmendmentView>(app.MapGet("/amendments/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadAmendmentPage(id), ct)), "amendment").KeepsAnswers();
        SiteEndpoints.HtmlPage<ObstacleView>(app.MapGet("/obstacles/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadObstaclePage(id), ct)), "obstacle").KeepsAnswers();
        SiteEndpoints.HtmlPage<DataView>(app.MapGet("/data", (IOptions<OpenDataOptions> options) => options.Value), DataCatalogue.PageName);

        SiteEndpoints.Public(app.MapGet($"{Eli.Prefix}/{{type}}/{{year:int}}/{{number}}/{{**provision}}", FollowEli));

        Feed(app.MapGet(PublicPaths.AllFeed, (IMediator mediator, CancellationToken ct) => mediator.Send(new LoadFeed(FeedScope.All, null), ct)));
        Feed(app.MapGet("/feeds/regulations/{id:guid}.atom", (Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadFeed(FeedScope.Regulation, id), ct)));
        Feed(app.MapGet("/feeds/units/{id:guid}.atom", (Guid id, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadFeed(FeedScope.Unit, id), ct)));

        SiteEndpoints.Public(app.MapGet("/data/catalog.jsonld", (HttpContext http, PublicAddress address, IOptions<OpenDataOptions> options) =>
        {
            SiteHeaders.Apply(http.Response, html: false);
            var catalog = DcatCatalog.Build(address.BaseFor(http.Request), options.Value);
            return PublicEndpoints.Cacheable(http, JsonSerializer.SerializeToUtf8Bytes(catalog), DcatCatalog.ContentType);
        }));
        foreach (var dump in new[] { DataDumps.Regulations, DataDumps.Amendments, DataDumps.Obstacles })
        {
            SiteEndpoints.Public(app.MapGet($"/data/{dump}.csv", async (HttpContext http, PublicAddress address, IMediator mediator, CancellationToken ct) =>
            {
                SiteHeaders.Apply(http.Response, html: false);
                return await CsvDownload.Stream($"{dump}.csv", DataDumps.Header(dump), DataDumps.Of(dump, mediator, address.BaseFor(http.Request)), ct);
            }));
        }
    }

    /// <summary>
    /// An ELI address names the document; its page is where it is read: 303 See Other to the page (and the provision's
    /// place on it). An address that folds to another document's, or to none, is 404.
    /// </summary>
    private static async Task<IResult> FollowEli(string type, int year, string number, string? provision, IMediator mediator, CancellationToken ct)
    {
        var anchor = string.IsNullOrEmpty(provision) ? null : Eli.AnchorOf(provision) ?? throw new NotFoundException("regulation", provision);
        var candidates = Eli.IsType(type) ? Eli.CandidateSymbols(year, number) : [];
        var found = await mediator.Send(new FindRegulationsBySymbols(candidates), ct);
        var path = $"{Eli.Prefix}/{type}/{year}/{number}";
        var regulation = found.Values.FirstOrDefault(r => Eli.PathOf(r) == path) ?? throw new NotFoundException("regulation", path);
        return new SeeOther(PublicPaths.Regulation(regulation.Id) + (anchor is null ? "" : "#" + anchor));
    }

    private static void Feed(RouteHandlerBuilder endpoint) =>
        SiteEndpoints.Public(endpoint).AddEndpointFilter(async (context, next) =>
        {
            // The entries are told in the reader's language as they are read, so the language is chosen first.
            var http = context.HttpContext;
            var language = PageLanguage.Choose(http);
            CultureInfo.CurrentUICulture = language.Culture;
            var feed = (Feed)(await next(context))!;
            var baseUrl = http.RequestServices.GetRequiredService<PublicAddress>().BaseFor(http.Request);
            var atom = AtomFeed.Write(feed, baseUrl, PageLanguage.Tag(language.Culture), Say.Text("Site.Name"));
            SiteHeaders.Apply(http.Response, html: false);
            return PublicEndpoints.Cacheable(http, atom, AtomFeed.ContentType, shared: !language.Remembered);
        }).KeepsAnswers();

    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
