using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Backlog;
using ObstacleRegister.Reports.Hotspots;
using ObstacleRegister.Reports.Contracts;
using ObstacleRegister.Reports.Progress;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Reports;

internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/progress", async ([WireEnum<ReportPeriod>] string? period, DateOnly? on, Guid? unitId, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var which = QueryValues.Enum<ReportPeriod>(period, "period") ?? throw RequestValidationException.For("period", Say.Text("Validation.PeriodRequired"));
                var report = await mediator.Send(new ReadProgressReport(which, on, unitId), ct);
                return CsvDownload.IsWanted(http)
                    ? Results.File(ProgressCsv.Write(report), CsvDownload.ContentType, $"progress-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv")
                    : TypedResults.Ok(report);
            })
            .WithName("GetProgressReport")
            .WithSummary("Weekly or monthly progress")
            .WithDescription("For the ISO week (Monday to Sunday) or calendar month containing on (default today), in the register's " +
                "time zone: obstacles received and their triage outcomes, amendments opened, issued, in force, cancelled, overdue and " +
                "stale, total days late, on-time rate, median days from report to resolution, the most cited regulations; for the " +
                "register and per unit. Coordinators read any; a unit reads its own (unitId defaults to the key's unit), else 403. " +
                "Accept: text/csv gives the same figures as CSV (UTF-8 with BOM).")
            .Produces<ProgressReport>()
            .ProducesCsvToo()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reports.MapGet("/hotspots", async (DateOnly? from, DateOnly? to, Guid? unitId, [WireEnum<HotspotRanking>] string? rankBy, int? limit, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var ranking = QueryValues.Enum<HotspotRanking>(rankBy, "rankBy") ?? HotspotRanking.OpenObstacles;
                var report = await mediator.Send(new ReadHotspots(from, to, unitId, ranking, Cursor.Limit(limit, defaultLimit: 20)), ct);
                return CsvDownload.IsWanted(http)
                    ? Results.File(HotspotsCsv.Write(report), CsvDownload.ContentType, $"hotspots-{report.AsOf:yyyy-MM-dd}.csv")
                    : TypedResults.Ok(report);
            })
            .WithName("GetHotspots")
            .WithSummary("Regulations and provisions causing most obstacles")
            .WithDescription("Regulations ranked by the open obstacles citing them (submitted, waiting for information, accepted or in an amendment) and the " +
                "distinct units that reported those (rankBy=units_affected puts units first), each with its cited articles and the " +
                "amendments targeting it; then the articles ranked across every regulation. Counts obstacles reported from from to to " +
                "(both optional, inclusive days in the register's time zone); rejected, duplicate and withdrawn reports do not count. " +
                "limit (default 20, at most 200) bounds each ranking. Coordinators read any scope; a unit reads its own (unitId " +
                "defaults to the key's unit), else 403. Accept: text/csv gives the same as CSV (UTF-8 with BOM).")
            .Produces<HotspotsReport>()
            .ProducesCsvToo()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reports.MapGet("/guidance-backlog", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListGuidanceBacklog(Cursor.Limit(limit), cursor), ct)))
            .WithName("GetGuidanceBacklog")
            .WithSummary("Guiding documents not in force yet")
            .WithDescription("New-guidance amendments not yet in force (nor cancelled): the document they guide, drafting unit, " +
                "responsible official, due date and days overdue; soonest due first, paged by cursor.")
            .ProducesValidationProblem();

        reports.MapGet("/forecast-accuracy", async (int? weeks, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Amendments.Contracts.GetForecastAccuracy(BacktestWeeks(weeks)), ct)))
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .WithName("GetForecastAccuracy")
            .WithSummary("How the at-risk forecast did on the register's past")
            .WithDescription("Coordinators. As of each of the last weeks (default 26, at most 104), forecasts every amendment then open and " +
                "not yet late from only the history known that day, and compares the at-risk flags with what happened by each due date " +
                "that has passed since: how often a flag was right (precision), how much of the late work was flagged ahead (recall), and " +
                "how many days ahead (median). Computed on request from the whole history: seconds on a large register.")
            .Produces<Amendments.Contracts.ForecastAccuracy>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private const int MaxBacktestWeeks = 104;

    private static int BacktestWeeks(int? weeks) => weeks switch
    {
        null => 26,
        < 1 or > MaxBacktestWeeks => throw RequestValidationException.For("weeks", Say.Text("Validation.Weeks", MaxBacktestWeeks)),
        _ => weeks.Value,
    };
}
