using ObstacleRegister.Reports.Public;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Reports.Site.Components;

using ObstacleRegister.Pages;

namespace ObstacleRegister.Reports.Site;

/// <summary>
/// The public site: each page at its address as HTML, its figures as JSON at <c>/data/{page}.json</c> and each of its
/// tables as CSV at <c>/data/{page}/{table}.csv</c>, all from one loader, so the page and its open data agree. Like the
/// JSON public pages: no key, rate limited per client address, ETag and Cache-Control.
/// </summary>
internal static class SiteEndpoints
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static void MapPublicSite(this IEndpointRouteBuilder app)
    {
        Page<ProgressView>(app, SiteMap.Progress, (IMediator mediator, CancellationToken ct) => mediator.Send(new LoadProgressPage(), ct));
        Page<ResponsibilityView>(app, SiteMap.Responsibility,
            (Guid? unitId, [WireEnum<AmendmentStatus>] string? stage, string? cursor, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new LoadResponsibilityPage(unitId, Stage(stage), cursor), ct));
        Page<ResultsView>(app, SiteMap.Results, (string? resolved, string? rejected, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadResultsPage(resolved, rejected), ct));
        Page<HotspotsView>(app, SiteMap.Hotspots, (IMediator mediator, CancellationToken ct) => mediator.Send(new LoadHotspotsPage(), ct));
        Page<BacklogView>(app, SiteMap.Backlog, (string? cursor, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new LoadBacklogPage(cursor), ct));
        Public(app.MapGet("/site.css", (HttpContext http) => PublicEndpoints.Cacheable(http, SiteAssets.Stylesheet, "text/css; charset=utf-8")));
    }

    private static void Page<TView>(IEndpointRouteBuilder app, string name, Delegate load)
        where TView : IComponent
    {
        HtmlPage<TView>(app.MapGet(SiteMap.PathOf(name), load), name).KeepsAnswers(name);
        Public(app.MapGet($"/data/{name}.json", load)).AddEndpointFilter(async (context, next) =>
        {
            var model = await next(context);
            SiteHeaders.Apply(context.HttpContext.Response, html: false);
            return PublicEndpoints.CacheableJson(context.HttpContext, model!);
        }).KeepsAnswers(name);
        Public(app.MapGet($"/data/{name}/{{table}}.csv", load)).AddEndpointFilter(async (context, next) =>
        {
            var page = (ISitePage)(await next(context))!;
            var http = context.HttpContext;
            var wanted = http.GetRouteValue("table") as string;
            var table = page.Tables().FirstOrDefault(t => t.Name == wanted)
                ?? throw new NotFoundException("table", wanted ?? "");
            SiteHeaders.Apply(http.Response, html: false);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{table.Name}.csv\"";
            return PublicEndpoints.Cacheable(http, table.ToCsv(), CsvDownload.ContentType);
        }).KeepsAnswers(name);
    }

    /// <summary>Renders what the endpoint's loader answers as the page <typeparamref name="TView"/>, in the reader's language, cacheable.</summary>
    public static RouteHandlerBuilder HtmlPage<TView>(RouteHandlerBuilder endpoint, string name)
        where TView : IComponent =>
        Public(endpoint).AddEndpointFilter(async (context, next) =>
        {
            var model = await next(context);
            var http = context.HttpContext;
            var language = PageLanguage.Choose(http);
            var view = SiteView.For(http, name, language.Culture, http.RequestServices.GetRequiredService<RegisterCalendar>());
            var html = await SiteRenderer.Render<TView>(http, view, model!);
            SiteHeaders.Apply(http.Response, html: true);
            return PublicEndpoints.Cacheable(http, html, HtmlType, shared: !language.Remembered);
        });

    public static RouteHandlerBuilder Public(RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().RequireRateLimiting(PublicAccess.RateLimitPolicy).ExcludeFromDescription();

    /// <summary>Open work's stages only: a filter on a stage no open work can be at would always be empty.</summary>
    private static AmendmentStatus? Stage(string? stage) =>
        QueryValues.Enum<AmendmentStatus>(stage, "stage") is not { } chosen ? null
        : ResponsibilityPage.OpenStages.Contains(chosen) ? chosen
        : throw RequestValidationException.For("stage", Say.Text("Validation.UnknownValue", "stage"));
}

/// <summary>What the site's answers tell the browser beyond caching: nothing runs but the page's own markup and styles.</summary>
internal static class SiteHeaders
{
    private const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response, bool html)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.Vary = "Accept-Language, Cookie";
        if (html)
        {
            response.Headers.ContentSecurityPolicy = Policy;
            response.Headers["Referrer-Policy"] = "no-referrer";
        }
    }
}
