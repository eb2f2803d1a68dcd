using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Reports.Contracts;

namespace ObstacleRegister.Reports.Public;

/// <summary>The three publicities: progress, responsibility and results, for anyone, without a key.</summary>
internal static class PublicViewEndpoints
{
    private const string Anyone = " No key needed; cacheable (ETag, Cache-Control: public), and served up to that max-age old with an Age header; " +
        "rate limited per client address (429 with Retry-After).";

    public static void MapPublicViewEndpoints(this IEndpointRouteBuilder api)
    {
        var pages = api.MapGroup("/public").WithTags("Public");

        pages.MapGet("/progress", async ([WireEnum<ReportPeriod>] string? period, DateOnly? on, IMediator mediator, RegisterCalendar calendar, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProgressReport(
                    QueryValues.Enum<ReportPeriod>(period, "period") ?? ReportPeriod.Week, on ?? calendar.Today, null), ct)))
            .AsPublicPage()
            .WithName("GetPublicProgress")
            .WithSummary("Progress (public)")
            .WithDescription("The register's weekly (default) or monthly progress report for the period containing on (default today), " +
                "with every unit's figures." + Anyone)
            .Produces<ProgressReport>()
            .ProducesValidationProblem();

        pages.MapGet("/amendments", async (
                Guid? draftingUnitId, [WireEnum<AmendmentStatus>] string? status, bool? overdue, bool? open, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPublicAmendmentItems(
                    draftingUnitId, QueryValues.Enum<AmendmentStatus>(status, "status"), overdue, Cursor.Limit(limit), cursor, open), ct)))
            .AsPublicPage()
            .WithName("ListPublicAmendments")
            .WithSummary("Responsibility (public)")
            .WithDescription("Every amendment with its drafting unit, responsible official, due date, stage and days late; soonest " +
                "due first (so the most overdue open work leads), paged by cursor; open=true keeps the work not yet issued, in force or " +
                "cancelled." + Anyone)
            .Produces<Page<PublicAmendmentItem>>()
            .ProducesValidationProblem();

        pages.MapGet("/obstacles", async ([WireEnum<ObstacleStatus>] string? status, Guid? unitId, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPublicObstacleItems(
                    QueryValues.Enum<ObstacleStatus>(status, "status") ?? ObstacleStatus.Resolved, unitId, Cursor.Limit(limit), cursor), ct)))
            .AsPublicPage()
            .WithName("ListPublicObstacles")
            .WithSummary("Results (public)")
            .WithDescription("Resolved obstacles (status=resolved, the default) or rejected ones with their reasoned answers " +
                "(status=rejected), newest first. Titles and answers only: never the description, impact or contact." + Anyone)
            .Produces<Page<PublicObstacleItem>>()
            .ProducesValidationProblem();
    }
}
