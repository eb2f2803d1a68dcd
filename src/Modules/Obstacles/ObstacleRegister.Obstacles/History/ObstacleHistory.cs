using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.History;

/// <summary>One change in an obstacle's life.</summary>
/// <param name="Action">What happened: <c>submitted</c>, <c>accepted</c>, <c>rejected</c>, <c>marked_duplicate</c>, <c>withdrawn</c>, …</param>
/// <param name="From">The status before; absent for the submission.</param>
/// <param name="To">The status after.</param>
/// <param name="Reason">Why: the actor's note, or what the register says about its own step, in the reader's language.</param>
/// <param name="ReasonCode">For a step the register took itself, what kind: <c>taken_on</c>, <c>amendment_cancelled</c>, <c>document_in_force</c>, <c>master_resolved</c>, <c>merged_into</c>; null for a person's note.</param>
/// <param name="RelatedId">The other obstacle or amendment involved, if any.</param>
/// <param name="KeyId">The API key that made the change; absent for a person's change and for what the register did itself.</param>
/// <param name="KeyName">That key's name, as its admin gave it.</param>
/// <param name="UnitId">The unit of the key or person.</param>
/// <param name="Person">The signed-in person who made the change on the staff pages; absent for a key's change.</param>
internal sealed record ObstacleEventDto(
    Guid Id, DateTimeOffset At, string Action, ObstacleStatus? From, ObstacleStatus To, string? Reason, Guid? RelatedId, Guid? KeyId, string? KeyName,
    Guid? UnitId, string? ReasonCode, Access.Contracts.PersonRef? Person);

internal sealed class ObstacleEventRow : Access.Contracts.IRecordedActor
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string Action { get; set; } = "";

    public string? FromStatus { get; set; }

    public string ToStatus { get; set; } = "";

    public string? Reason { get; set; }

    public string? ReasonCode { get; set; }

    public string? ReasonArgs { get; set; }

    public Guid? RelatedId { get; set; }

    public Guid? KeyId { get; set; }

    public Guid? UnitId { get; set; }

    public Guid? PersonId { get; set; }

    public ObstacleEventDto ToDto(Access.Contracts.ActorNames names, bool fullView) => new(
        Id, At, Action, FromStatus is null ? null : WireNames.Parse<ObstacleStatus>(FromStatus), WireNames.Parse<ObstacleStatus>(ToStatus),
        ReasonCode is { } code ? HistoryReason.RenderFor(code, ReasonArgs, fullView) : Reason, RelatedId, KeyId, names.KeyName(KeyId),
        UnitId, ReasonCode, names.Person(PersonId));
}

/// <summary>
/// The append-only record of every change, written in the same transaction as the change itself, and announced
/// in the change log (<c>obstacle.{action}</c>, with the reporting unit) for the feed and webhooks.
/// </summary>
internal sealed class ObstacleHistory(IDbSession db, IChangeLog changes, TimeProvider clock, Reporting.ObstacleDays days)
{
    private const string Insert = """
        INSERT INTO obstacle_event (id, obstacle_id, at, action, from_status, to_status, reason, reason_code, reason_args, related_id, key_id, unit_id, person_id)
        VALUES (@Id, @ObstacleId, @At, @Action, @FromStatus, @ToStatus, @Reason, @ReasonCode, @ReasonArgs, @RelatedId, @KeyId, @UnitId, @PersonId)
        """;

    /// <summary>Records a step with a person's note (<paramref name="reason"/>) or the register's own words (<paramref name="because"/>).</summary>
    public async Task Record(
        Actor actor, ObstacleRow obstacle, string action, ObstacleStatus? from, ObstacleStatus to, string? reason, Guid? relatedId,
        CancellationToken ct, HistoryReason? because = null)
    {
        var at = clock.GetUtcNow();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            Id = id,
            ObstacleId = obstacle.Id,
            At = at,
            Action = action,
            FromStatus = from is { } f ? WireNames.Of(f) : null,
            ToStatus = WireNames.Of(to),
            Reason = reason,
            ReasonCode = because?.Code,
            ReasonArgs = because?.ArgsJson,
            RelatedId = relatedId,
            actor.KeyId,
            actor.UnitId,
            actor.PersonId,
        }, ct);
        await days.Recorded(obstacle, id, action, at, ct);
        await changes.Record(new ResourceChange(ObstacleEvents.Type(action), ObstacleEvents.Resource, obstacle.Id, obstacle.UnitId), ct);
    }
}

/// <summary>An obstacle's history, oldest first. Anyone who may read the obstacle may read its history.</summary>
internal sealed record GetObstacleHistory(Guid Id, int Limit, string? Cursor) : IQuery<Page<ObstacleEventDto>>;

internal sealed record ObstacleEventCursor(DateTimeOffset At, Guid Id);

internal sealed class GetObstacleHistoryHandler(IDbSession db, MediatR.IMediator mediator, ICaller caller) : IRequestHandler<GetObstacleHistory, Page<ObstacleEventDto>>
{
    private const string Query = """
        SELECT id, at, action, from_status, to_status, reason,
               reason_code, reason_args, related_id, key_id, unit_id, person_id
        FROM obstacle_event
        WHERE obstacle_id = @ObstacleId AND (@AfterAt IS NULL OR at > @AfterAt OR (at = @AfterAt AND id > @AfterId))
        ORDER BY at, id
        """;

    public async Task<Page<ObstacleEventDto>> Handle(GetObstacleHistory request, CancellationToken cancellationToken)
    {
        var obstacle = await ObstacleQueries.Get(db, request.Id, cancellationToken);
        var fullView = obstacle.IsFullyVisibleTo(caller);
        var after = Cursor.Decode<ObstacleEventCursor>(request.Cursor);
        var rows = await db.QueryAsync<ObstacleEventRow>(db.Dialect.Limit(Query), new
        {
            ObstacleId = request.Id, AfterAt = after?.At, AfterId = after?.Id, Limit = request.Limit + 1,
        }, cancellationToken);
        var names = await mediator.Send(Access.Contracts.GetActorNames.Of(rows), cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(names, fullView), r => new ObstacleEventCursor(r.At, r.Id));
    }
}
