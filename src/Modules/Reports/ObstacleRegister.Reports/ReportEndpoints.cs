using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Reports.Backlog;
using ObstacleRegister.Reports.Contracts;
using ObstacleRegister.Reports.Progress;

namespace ObstacleRegister.Reports;

internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/progress", async (string? period, DateOnly? on, Guid? unitId, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var which = QueryValues.Enum<ReportPeriod>(period, "period") ?? throw RequestValidationException.For("period", "'period' is required: week or month.");
                var report = await mediator.Send(new ReadProgressReport(which, on, unitId), ct);
                return WantsCsv(http)
                    ? Results.File(ProgressCsv.Write(report), ProgressCsv.ContentType, $"progress-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}.csv")
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
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        reports.MapGet("/guidance-backlog", async (int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListGuidanceBacklog(Cursor.Limit(limit), cursor), ct)))
            .WithName("GetGuidanceBacklog")
            .WithSummary("Guiding documents not in force yet")
            .WithDescription("New-guidance amendments not yet in force (nor cancelled): the document they guide, drafting unit, " +
                "responsible official, due date and days overdue; soonest due first, paged by cursor.")
            .ProducesValidationProblem();
    }

    private static bool WantsCsv(HttpRequest http) =>
        http.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
}
