using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using ObstacleRegister.Amendments.Cancel;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.Amendments.Deadlines;
using ObstacleRegister.Amendments.Get;
using ObstacleRegister.Amendments.History;
using ObstacleRegister.Amendments.Issue;
using ObstacleRegister.Amendments.Link;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.Amendments.Open;
using ObstacleRegister.Amendments.Progress;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;

namespace ObstacleRegister.Amendments;

internal static class AmendmentEndpoints
{
    private const string IfMatchNote = " Send the ETag as If-Match: 412 when the amendment changed since. A move the process forbids is 409 " +
        "(type illegal-transition, with currentStatus).";

    public static void MapAmendmentEndpoints(this IEndpointRouteBuilder api)
    {
        var amendments = api.MapGroup("/amendments").WithTags("Amendments");

        amendments.MapPost("/", async (OpenAmendmentBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var command = new OpenAmendment(NewAmendmentRules.Check(body));
                return command.Describe(await mediator.Send(command, ct)).ToResult();
            })
            .AcceptsIdempotencyKey()
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator))
            .WithName("OpenAmendment")
            .WithSummary("Open an amendment")
            .WithDescription("Coordinators. Names the target regulation, the drafting unit, the responsible official and the due date " +
                "(which may already be past). The obstacles named must be accepted; they move to in_amendment. Honours Idempotency-Key.")
            .Produces<AmendmentDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        amendments.MapGet("/", async (
                [WireEnum<AmendmentStatus>] string? status, Guid? draftingUnitId, Guid? regulationId, [WireEnum<AmendmentKind>] string? kind, bool? overdue, bool? stale, bool? atRisk, DateOnly? dueBefore,
                int? limit, string? cursor, HttpRequest http, IMediator mediator, CancellationToken ct) =>
            {
                var list = new ListAmendments(
                    QueryValues.Enum<AmendmentStatus>(status, "status"), draftingUnitId, regulationId, QueryValues.Enum<AmendmentKind>(kind, "kind"),
                    overdue, stale, dueBefore, Cursor.Limit(limit), cursor, AtRisk: atRisk);
                return CsvDownload.IsWanted(http)
                    ? await CsvDownload.Stream("amendments.csv", AmendmentListCsv.Header, AmendmentListCsv.Pages(list, mediator), ct)
                    : TypedResults.Ok(await mediator.Send(list, ct));
            })
            .ProducesCsvToo()
            .Produces<Page<AmendmentListItem>>()
            .WithName("ListAmendments")
            .WithSummary("List amendments")
            .WithDescription("Soonest due first, paged by cursor. overdue: open and past its due date; stale: open with no check-in for " +
                "more than 7 days; both judged today in the register's time zone. atRisk: open, and its forecast (made by the notice round, " +
                "see forecast on one amendment) puts the 85th percentile of its issue date after its due date. dueBefore excludes that day. Accept: text/csv streams " +
                "every amendment the filters match (not one page; limit and cursor do not apply) as CSV, UTF-8 with BOM.")
            .ProducesValidationProblem();

        amendments.MapGet("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                var (amendment, version) = await mediator.Send(new GetAmendment(id), ct);
                return ApiResults.Ok(amendment, version);
            })
            .WithName("GetAmendment")
            .WithSummary("Get one amendment")
            .WithDescription("With its obstacles, stages, deadline history, latest check-ins, daysOverdue and totalDaysLate, and while open " +
                "its forecast issue date from the pace of the register's past amendments.")
            .Produces<AmendmentDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        amendments.MapGet("/{id:guid}/history", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAmendmentHistory(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("GetAmendmentHistory")
            .WithSummary("An amendment's history")
            .WithDescription("Every change, oldest first: who (key and unit; none when the register acted on the effective date), when, from, to, what.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        amendments.MapGet("/{id:guid}/progress", async (Guid id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProgress(id, Cursor.Limit(limit), cursor), ct)))
            .WithName("ListAmendmentProgress")
            .WithSummary("An amendment's check-ins")
            .WithDescription("Newest first, paged by cursor.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        amendments.MapGet("/{id:guid}/progress/{progressId:guid}", async (Guid id, Guid progressId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProgress(id, progressId), ct)))
            .WithName("GetAmendmentProgress")
            .WithSummary("One check-in")
            .WithDescription("Any key may read: the stage reported, the note, blockers and resources asked for, and who reported it.")
            .Produces<ProgressDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        amendments.MapPost("/{id:guid}/progress", async (
                Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, [FromBody] ReportProgressBody? body, IMediator mediator, CancellationToken ct) =>
            {
                var progress = await mediator.Send(new ReportProgress(id, ifMatch, NewProgressRules.Check(body)), ct);
                return TypedResults.Created($"/api/v1/amendments/{id}/progress/{progress.Id}", progress);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Drafter))
            .WithName("ReportAmendmentProgress")
            .WithSummary("Report progress")
            .WithDescription("Drafters of the drafting unit, at least weekly. A later stage moves the amendment forward (never back; the " +
                "shortened procedure may skip consultation and appraisal)." + IfMatchNote)
            .Produces<ProgressDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        MapChange<LinkObstaclesBody>(amendments, "obstacles", [Roles.Coordinator], "LinkAmendmentObstacles", "Link more obstacles",
            "Coordinators, while the amendment is open. Each obstacle must be accepted; it moves to in_amendment.",
            (id, ifMatch, body) => new LinkObstacles(id, ifMatch, LinkObstaclesRules.Check(body)));
        MapChange<MoveDeadlineBody>(amendments, "deadline", [Roles.Coordinator], "MoveAmendmentDeadline", "Move the due date",
            "Coordinators, while the amendment is open, with a reason. Every due date stays in the deadline history; totalDaysLate " +
            "keeps counting from the first.", (id, ifMatch, body) => new MoveDeadline(id, ifMatch, NewDeadlineRules.Check(body)));
        MapChange<IssueAmendmentBody>(amendments, "issue", [Roles.Drafter, Roles.Coordinator], "IssueAmendment", "Record issuance",
            "Drafters of the drafting unit, or coordinators, from submitted. Registers the document in Regulations as amending, replacing, " +
            "repealing or guiding the target. When effectiveOn is today or past the amendment is in_force at once: its obstacles are " +
            "resolved and the target's status changes, in the same transaction; otherwise that happens on effectiveOn.",
            (id, ifMatch, body) => new IssueAmendment(id, ifMatch, IssueAmendmentRules.Check(body)));
        MapChange<CancelAmendmentBody>(amendments, "cancel", [Roles.Coordinator], "CancelAmendment", "Cancel an amendment",
            "Coordinators, before issuance, with a reason. Its obstacles go back to accepted.", (id, ifMatch, body) => new CancelAmendment(id, ifMatch, CancelAmendmentRules.Check(body)));

        api.MapGet("/deadlines", async (Guid? unitId, int? withinDays, int? limit, ICaller caller, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDeadlines(unitId ?? caller.UnitId, WithinDays(withinDays), Cursor.Limit(limit)), ct)))
            .WithTags("Amendments")
            .WithName("GetDeadlines")
            .WithSummary("A drafting unit's deadlines")
            .WithDescription("What is overdue (with days), due within withinDays (default 14, at most 366), stale, and at risk of missing " +
                "its date by its forecast, for unitId (default: " +
                "the key's unit), judged today in the register's time zone. Each part gives its count and its first limit items.")
            .Produces<DeadlinesDto>()
            .ProducesValidationProblem();
    }

    private static int WithinDays(int? withinDays) => withinDays switch
    {
        null => GetDeadlinesHandler.DefaultWithinDays,
        < 0 or > GetDeadlinesHandler.MaxWithinDays => throw RequestValidationException.For(
            "withinDays", $"'withinDays' must be between 0 and {GetDeadlinesHandler.MaxWithinDays}."),
        _ => withinDays.Value,
    };

    /// <summary>A change: <c>POST /amendments/{id}/{action}</c>, honouring If-Match, answering the amendment with its new ETag.</summary>
    private static void MapChange<TBody>(
        RouteGroupBuilder amendments, string action, string[] roles, string name, string summary, string description,
        Func<Guid, string?, TBody?, IRequest<VersionedAmendment>> command)
        where TBody : class =>
        amendments.MapVersionedAction(action, roles, command, r => (r.Amendment, r.Version))
            .WithName(name)
            .WithSummary(summary)
            .WithDescription(description + IfMatchNote);
}
