using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Idempotency;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Telemetry;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;
using ObstacleRegister.Obstacles.Provisions;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Obstacles.Submit;

/// <summary>Reports an obstacle; <paramref name="Hints"/> are the likely duplicates found just before, outside the write lock.</summary>
internal sealed record SubmitObstacle(NewObstacle Obstacle, IReadOnlyList<DuplicateHint> Hints) : IIdempotentCommand<VersionedObstacle>
{
    public CommandResponse Describe(VersionedObstacle response) =>
        new(201, $"/api/v1/obstacles/{response.Obstacle.Id}", response.Version, response.Obstacle);
}

/// <summary>Looks for obstacles the one about to be submitted may repeat; reads only.</summary>
internal sealed record SuggestDuplicates(NewObstacle Obstacle) : IQuery<IReadOnlyList<DuplicateHint>>;

internal sealed class SuggestDuplicatesHandler(ObstacleIntake intake) : IRequestHandler<SuggestDuplicates, IReadOnlyList<DuplicateHint>>
{
    public Task<IReadOnlyList<DuplicateHint>> Handle(SuggestDuplicates request, CancellationToken cancellationToken) =>
        intake.FindLikelyDuplicates(
            request.Obstacle.Title, request.Obstacle.Regulations.Select(r => (r.RegulationId, r.Article)).ToList(), cancellationToken);
}

internal sealed class SubmitObstacleHandler(IMediator mediator, ObstacleSubmissions submissions) : IRequestHandler<SubmitObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(SubmitObstacle request, CancellationToken cancellationToken)
    {
        await CitedRegulations.EnsureExist(mediator, request.Obstacle.Regulations, cancellationToken);
        var references = await submissions.TakeReferences(1, cancellationToken);
        var row = await submissions.Write(request.Obstacle, request.Hints, references[0], cancellationToken);
        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }
}

/// <summary>
/// Writes a reported obstacle as the caller's unit: the row, its citations, search text and tallies, its first history
/// entry and its hints. One form or a spreadsheet's rows write through here, so both keep the same record.
/// </summary>
internal sealed class ObstacleSubmissions(
    IDbSession db, ICaller caller, TimeProvider clock, RegisterCalendar calendar, ObstacleIntake intake, ObstacleHistory history, RegisterMetrics metrics)
{
    /// <summary>The next <paramref name="count"/> references of the register's year, taken in one step.</summary>
    public async Task<IReadOnlyList<string>> TakeReferences(int count, CancellationToken ct)
    {
        var year = calendar.Today.Year;
        var first = await ReferenceNumbers.Take(db, year, count, ct);
        return [.. Enumerable.Range(first, count).Select(n => ReferenceNumbers.Format(year, n))];
    }

    public async Task<ObstacleRow> Write(NewObstacle obstacle, IReadOnlyList<DuplicateHint> hints, string reference, CancellationToken ct)
    {
        db.AfterCommit(metrics.ObstacleSubmitted);
        var now = clock.GetUtcNow();
        var row = new ObstacleRow
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            UnitId = caller.UnitId,
            ReportedByKeyId = caller.KeyId,
            Title = obstacle.Title,
            Description = obstacle.Description,
            Category = WireNames.Of(obstacle.Category),
            Severity = WireNames.Of(obstacle.Severity),
            Proposal = WireNames.Of(obstacle.Proposal),
            Impact = obstacle.Impact,
            Contact = obstacle.Contact,
            Status = WireNames.Of(ObstacleStatus.Submitted),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await intake.Store(row, obstacle.Regulations.Select(c => (c.RegulationId, c.Provision)).ToList(), ct);
        await history.Record(Actor.Of(caller), row, ObstacleEvents.Submitted, null, ObstacleStatus.Submitted, null, null, ct);
        await intake.StoreHints(row.Id, hints, ct);
        return row;
    }
}

/// <summary>The regulations an obstacle cites must be registered: one lookup for all of them.</summary>
internal static class CitedRegulations
{
    public static async Task EnsureExist(IMediator mediator, IReadOnlyList<NewCitation> cited, CancellationToken ct)
    {
        var ids = cited.Select(c => c.RegulationId).ToList();
        var known = (await mediator.Send(new GetRegulations(ids), ct)).Select(r => r.Id).ToHashSet();
        var errors = new ValidationErrors();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"regulations[{i}].regulationId", Say.NoSuch("regulation", ids[i]));
            }
        }

        errors.ThrowIfAny();
    }
}
