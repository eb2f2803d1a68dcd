using System.ComponentModel.DataAnnotations;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Http;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.Submit;
using ObstacleRegister.Obstacles.Triage;

namespace ObstacleRegister.Obstacles.Outcomes;

/// <summary>Why the obstacle is still there although the document meant to remove it is in force.</summary>
/// <param name="Reason">Up to 4000 characters: what still happens in practice. It is public, in both obstacles' history.</param>
internal sealed record ReopenBody([property: MaxLength(TriageRules.MaxReason)] string? Reason);

/// <summary>The reporting unit says a resolved obstacle is gone in practice.</summary>
internal sealed record ConfirmObstacle(Guid Id, string? IfMatch, string? Note) : IRequest<VersionedObstacle>;

/// <summary>The reporting unit says a resolved obstacle is not gone: it is reported again as a new obstacle.</summary>
internal sealed record ReopenObstacle(Guid Id, string? IfMatch, string Reason) : IIdempotentCommand<VersionedObstacle>
{
    public CommandResponse Describe(VersionedObstacle response) =>
        new(201, $"/api/v1/obstacles/{response.Obstacle.Id}", response.Version, response.Obstacle);
}

internal static class ReopenRules
{
    public static string Reason(ReopenBody? body) => RequestBodies.Check(body, (candidate, errors) =>
    {
        errors.Text("reason", candidate.Reason, TriageRules.MaxReason);
        return errors.Any ? null : candidate.Reason?.Trim();
    });
}

/// <summary>
/// What the reporting unit says once its obstacle is resolved, said once: the obstacle keeps its status
/// (<c>resolved</c>), and its history and <c>confirmation</c> carry the answer.
/// </summary>
internal sealed class ResultOutcomes(IDbSession db, History.ObstacleHistory history, ICaller caller, TimeProvider clock)
{
    private const string RecordOutcome = """
        UPDATE obstacle SET outcome = @Outcome, outcome_at = @Now, reopened_as_id = @ReopenedAsId, updated_at = @Now, version = version + 1
        WHERE id = @Id AND version = @Version AND status = 'resolved' AND outcome IS NULL
        """;

    /// <summary>403 for another unit, 409 unless resolved and not yet answered, 412 for a stale If-Match.</summary>
    public async Task<ObstacleRow> Load(Guid id, string? ifMatch, CancellationToken ct)
    {
        var row = await ObstacleQueries.Get(db, id, ct);
        if (row.UnitId != caller.UnitId)
        {
            throw new ForbiddenException(Say.Text("Problem.Detail.ConfirmOwnOnly"));
        }

        if (row.StatusValue != ObstacleStatus.Resolved)
        {
            throw IllegalTransition.Of(
                Say.Text("Problem.Detail.NotResolvedYet", row.Reference, WireNames.Of(row.StatusValue)),
                WireNames.Of(row.StatusValue), WireNames.Of(ObstacleStatus.Resolved));
        }

        if (row.Outcome is { } said)
        {
            throw new ConflictException(ProblemTypes.Conflict, "Conflict", Say.Text($"Problem.Detail.AlreadySaid.{said}", row.Reference));
        }

        Versions.EnsureMatches(ifMatch, row.Version);
        return row;
    }

    public async Task Record(ObstacleRow row, ResultConfirmation outcome, string? reason, Guid? reopenedAsId, CancellationToken ct)
    {
        var changed = await db.ExecuteAsync(RecordOutcome, new
        {
            row.Id, row.Version, Outcome = WireNames.Of(outcome), Now = clock.GetUtcNow(), ReopenedAsId = reopenedAsId,
        }, ct);
        if (changed == 0)
        {
            throw new PreconditionFailedException(row.Version + 1);
        }

        var action = outcome == ResultConfirmation.Confirmed ? ObstacleEvents.Confirmed : ObstacleEvents.Reopened;
        await history.Record(Actor.Of(caller), row, action, ObstacleStatus.Resolved, ObstacleStatus.Resolved, reason, reopenedAsId, ct);
    }
}

internal sealed class ConfirmObstacleHandler(ResultOutcomes outcomes, IMediator mediator) : IRequestHandler<ConfirmObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(ConfirmObstacle request, CancellationToken cancellationToken)
    {
        var row = await outcomes.Load(request.Id, request.IfMatch, cancellationToken);
        await outcomes.Record(row, ResultConfirmation.Confirmed, request.Note, null, cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}

/// <summary>
/// The new obstacle repeats the resolved one's report (its title, description, kind, provisions) from the same unit, is
/// <c>submitted</c> for the coordinators to answer, and names the one it reopens and the document that did not remove it.
/// </summary>
internal sealed class ReopenObstacleHandler(IDbSession db, ResultOutcomes outcomes, ObstacleSubmissions submissions, IMediator mediator)
    : IRequestHandler<ReopenObstacle, VersionedObstacle>
{
    private const string Citations = "SELECT regulation_id, provision, article FROM obstacle_regulation WHERE obstacle_id = @Id ORDER BY position";

    private const string LinkBack = "UPDATE obstacle SET reopened_from_id = @FromId WHERE id = @Id";

    public async Task<VersionedObstacle> Handle(ReopenObstacle request, CancellationToken cancellationToken)
    {
        var row = await outcomes.Load(request.Id, request.IfMatch, cancellationToken);
        var cited = await db.QueryAsync<(Guid RegulationId, string Provision, int Article)>(Citations, new { row.Id }, cancellationToken);
        var again = new NewObstacle(
            row.Title, row.Description, WireNames.Parse<ObstacleCategory>(row.Category), WireNames.Parse<ObstacleSeverity>(row.Severity),
            WireNames.Parse<RemedyRoute>(row.Proposal), row.Impact, row.Contact, [.. cited.Select(c => new NewCitation(c.RegulationId, c.Provision, c.Article))]);
        var created = (await submissions.Write([(again, [])], cancellationToken))[0];
        await db.ExecuteAsync(LinkBack, new { FromId = row.Id, created.Id }, cancellationToken);
        await outcomes.Record(row, ResultConfirmation.Reopened, request.Reason, created.Id, cancellationToken);
        return await mediator.Send(new GetObstacle(created.Id), cancellationToken);
    }
}
