using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Validation;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.Obstacles.Get;
using ObstacleRegister.Obstacles.History;

namespace ObstacleRegister.Obstacles.Triage;

/// <summary>
/// Merges an obstacle into another: its reporters follow the master from now on. There are no chains: a
/// duplicate of a duplicate points at the master, and obstacles that followed this one follow the master too.
/// </summary>
internal sealed record MarkDuplicate(Guid Id, string? IfMatch, DuplicateOf Duplicate) : IRequest<VersionedObstacle>;

internal sealed class MarkDuplicateHandler(IDbSession db, ObstacleTransitions transitions, ObstacleHistory history, IMediator mediator, ICaller caller, TimeProvider clock)
    : IRequestHandler<MarkDuplicate, VersionedObstacle>
{
    private const string Followers = $"SELECT {ObstacleQueries.Columns} FROM obstacle WHERE duplicate_of_id = @Id";

    private const string Repoint = """
        UPDATE obstacle SET duplicate_of_id = @MasterId, updated_at = @Now, version = version + 1
        WHERE duplicate_of_id = @Id
        """;

    public async Task<VersionedObstacle> Handle(MarkDuplicate request, CancellationToken cancellationToken)
    {
        var row = await transitions.Load(request.Id, cancellationToken);
        var master = await Master(row, request.Duplicate.MasterId, cancellationToken);
        var note = request.Duplicate.Note;
        await transitions.Apply(row, request.IfMatch, new ObstacleChange(ObstacleStatus.Duplicate, ObstacleEvents.MarkedDuplicate, note) { DuplicateOfId = master.Id }, cancellationToken);

        var followers = await db.QueryAsync<ObstacleRow>(Followers, new { row.Id }, cancellationToken);
        await db.ExecuteAsync(Repoint, new { MasterId = master.Id, row.Id, Now = clock.GetUtcNow() }, cancellationToken);
        foreach (var follower in followers)
        {
            await history.Record(Actor.Of(caller), follower, ObstacleEvents.MasterChanged, ObstacleStatus.Duplicate, ObstacleStatus.Duplicate,
                null, master.Id, cancellationToken, HistoryReason.MergedInto(row.Reference, master.Reference));
        }

        return await mediator.Send(new GetObstacle(row.Id), cancellationToken);
    }

    private async Task<ObstacleRow> Master(ObstacleRow row, Guid duplicateOfId, CancellationToken ct)
    {
        var target = await ObstacleQueries.Find(db, duplicateOfId, ct)
            ?? throw RequestValidationException.For("duplicateOfId", Say.NoSuch("obstacle", duplicateOfId));
        var master = target.DuplicateOfId is { } masterId ? await ObstacleQueries.Get(db, masterId, ct) : target;
        if (master.Id == row.Id)
        {
            throw RequestValidationException.For("duplicateOfId", Say.Text("Validation.DuplicateOfItself"));
        }

        if (master.StatusValue == ObstacleStatus.Withdrawn)
        {
            throw RequestValidationException.For("duplicateOfId", Say.Text("Validation.DuplicateOfWithdrawn", master.Reference));
        }

        return master;
    }
}
