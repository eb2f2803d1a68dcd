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

/// <summary>The likely duplicates of many obstacles about to be submitted together (a spreadsheet's rows), in one read.</summary>
internal sealed record SuggestDuplicatesOfMany(IReadOnlyList<NewObstacle> Obstacles) : IQuery<IReadOnlyList<IReadOnlyList<DuplicateHint>>>;

internal sealed class SuggestDuplicatesHandler(ObstacleIntake intake)
    : IRequestHandler<SuggestDuplicates, IReadOnlyList<DuplicateHint>>, IRequestHandler<SuggestDuplicatesOfMany, IReadOnlyList<IReadOnlyList<DuplicateHint>>>
{
    public Task<IReadOnlyList<DuplicateHint>> Handle(SuggestDuplicates request, CancellationToken cancellationToken) => Of(request.Obstacle, null, cancellationToken);

    public async Task<IReadOnlyList<IReadOnlyList<DuplicateHint>>> Handle(SuggestDuplicatesOfMany request, CancellationToken cancellationToken)
    {
        var hints = new List<IReadOnlyList<DuplicateHint>>(request.Obstacles.Count);
        var lookups = new HintLookups();
        foreach (var obstacle in request.Obstacles)
        {
            hints.Add(await Of(obstacle, lookups, cancellationToken));
        }

        return hints;
    }

    private Task<IReadOnlyList<DuplicateHint>> Of(NewObstacle obstacle, HintLookups? lookups, CancellationToken ct) =>
        intake.FindLikelyDuplicates(obstacle.Title, obstacle.Regulations.Select(r => (r.RegulationId, r.Article)).ToList(), lookups, ct);
}

internal sealed class SubmitObstacleHandler(IMediator mediator, ObstacleSubmissions submissions) : IRequestHandler<SubmitObstacle, VersionedObstacle>
{
    public async Task<VersionedObstacle> Handle(SubmitObstacle request, CancellationToken cancellationToken)
    {
        await CitedRegulations.EnsureExist(mediator, request.Obstacle.Regulations, cancellationToken);
        var rows = await submissions.Write([(request.Obstacle, request.Hints)], cancellationToken);
        return await mediator.Send(new GetObstacle(rows[0].Id), cancellationToken);
    }
}

/// <summary>
/// Writes a reported obstacle as the caller's unit: the row, its citations, search text and tallies, its first history
/// entry and its hints. One form or a spreadsheet's rows write through here, so both keep the same record.
/// </summary>
internal sealed class ObstacleSubmissions(
    IDbSession db, ICaller caller, TimeProvider clock, RegisterCalendar calendar, ObstacleIntake intake, ObstacleHistory history,
    Reporting.HotspotTally hotspots, Clocks.AnswerWaits waits, RegisterMetrics metrics)
{
    /// <summary>
    /// Writes the obstacles in order, numbered from one block of the year's references; their hotspot tallies move
    /// once for all of them, so a sheet of 5,000 rows citing one decree updates its tally once, not 5,000 times.
    /// </summary>
    public async Task<IReadOnlyList<ObstacleRow>> Write(IReadOnlyList<(NewObstacle Obstacle, IReadOnlyList<DuplicateHint> Hints)> obstacles, CancellationToken ct)
    {
        var year = calendar.Today.Year;
        var first = obstacles.Count == 0 ? 0 : await ReferenceNumbers.Take(db, year, obstacles.Count, ct);
        var rows = new List<ObstacleRow>(obstacles.Count);
        for (var i = 0; i < obstacles.Count; i++)
        {
            rows.Add(await Write(obstacles[i].Obstacle, obstacles[i].Hints, ReferenceNumbers.Format(year, first + i), ct));
        }

        await hotspots.AddedAll(caller.UnitId, obstacles.Select(o => o.Obstacle.Regulations.Select(c => (c.RegulationId, c.Article))), ct);
        return rows;
    }

    private async Task<ObstacleRow> Write(NewObstacle obstacle, IReadOnlyList<DuplicateHint> hints, string reference, CancellationToken ct)
    {
        db.AfterCommit(metrics.ObstacleSubmitted);
        var now = clock.GetUtcNow();
        var row = new ObstacleRow
        {
            Id = Guid.CreateVersion7(),
            Reference = reference,
            UnitId = caller.UnitId,
            ReportedByKeyId = caller.KeyId,
            ReportedByPersonId = caller.PersonId,
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
        await waits.Began(row.Id, row.UnitId, now, ct);
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
