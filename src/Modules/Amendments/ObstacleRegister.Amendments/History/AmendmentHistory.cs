using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Amendments.History;

/// <summary>One change in an amendment's life.</summary>
/// <param name="Action">What happened: <c>opened</c>, <c>obstacles_linked</c>, <c>progress_reported</c>, <c>deadline_moved</c>, <c>issued</c>, <c>entered_into_force</c>, <c>cancelled</c>.</param>
/// <param name="From">The stage before; absent for the opening.</param>
/// <param name="To">The stage after.</param>
/// <param name="Detail">What changed, in words: a person's note or reason as written, or what the register did in the reader's language.</param>
/// <param name="KeyId">The API key that made the change; absent for a person's change and for what the register did itself.</param>
/// <param name="KeyName">That key's name, as its admin gave it.</param>
/// <param name="UnitId">The unit of the key or person.</param>
/// <param name="DetailCode">For what the register wrote itself, what kind: <c>issued</c>, <c>entered_into_force</c>, <c>deadline_moved</c>; null for a person's words.</param>
/// <param name="Person">The signed-in person who made the change on the staff pages; absent for a key's change.</param>
internal sealed record AmendmentEventDto(
    Guid Id, DateTimeOffset At, string Action, AmendmentStatus? From, AmendmentStatus To, string? Detail, Guid? KeyId, string? KeyName, Guid? UnitId,
    string? DetailCode, Access.Contracts.PersonRef? Person);

/// <summary>
/// The append-only record of every change, written in the same transaction as the change, and announced in the
/// change log (<c>amendment.{action}</c>, with the drafting unit) for the feed and webhooks.
/// </summary>
internal sealed class AmendmentHistory(IDbSession db, IChangeLog changes, TimeProvider clock)
{
    private const string Insert = """
        INSERT INTO amendment_event (id, amendment_id, at, action, from_status, to_status, detail, detail_code, detail_args, key_id, unit_id, person_id)
        VALUES (@Id, @AmendmentId, @At, @Action, @FromStatus, @ToStatus, @Detail, @DetailCode, @DetailArgs, @KeyId, @UnitId, @PersonId)
        """;

    /// <summary>The texts of what the register writes itself: <c>History.Amendment.{code}</c>.</summary>
    public const string Texts = "History.Amendment.";

    /// <param name="detail">A person's words, stored as written.</param>
    /// <param name="because">What the register did, as a code and parameters rendered when read; instead of <paramref name="detail"/>.</param>
    public async Task Record(
        AmendmentRow amendment, Actor actor, string action, AmendmentStatus? from, AmendmentStatus to, string? detail, CancellationToken ct, CodedText? because = null)
    {
        await db.ExecuteAsync(Insert, new
        {
            Id = Guid.CreateVersion7(),
            AmendmentId = amendment.Id,
            At = clock.GetUtcNow(),
            Action = action,
            FromStatus = from is { } f ? WireNames.Of(f) : null,
            ToStatus = WireNames.Of(to),
            Detail = detail,
            DetailCode = because?.Code,
            DetailArgs = because?.ArgsJson,
            actor.KeyId,
            actor.UnitId,
            actor.PersonId,
        }, ct);
        await changes.Record(new ResourceChange(AmendmentEvents.Type(action), AmendmentEvents.Resource, amendment.Id, amendment.DraftingUnitId), ct);
    }
}

/// <summary>The kinds of entry the register writes itself, rendered from <c>History.Amendment.{code}</c>.</summary>
internal static class AmendmentHistoryCodes
{
    public const string Issued = "issued";

    public const string EnteredIntoForce = "entered_into_force";

    public const string DeadlineMoved = "deadline_moved";
}

/// <summary>An amendment's history, oldest first.</summary>
internal sealed record GetAmendmentHistory(Guid Id, int Limit, string? Cursor) : IQuery<Page<AmendmentEventDto>>;

internal sealed record AmendmentEventCursor(DateTimeOffset At, Guid Id);

internal sealed class GetAmendmentHistoryHandler(IDbSession db, MediatR.IMediator mediator) : IRequestHandler<GetAmendmentHistory, Page<AmendmentEventDto>>
{
    private const string Query = """
        SELECT id, at, action, from_status, to_status, detail, detail_code, detail_args,
               key_id, unit_id, person_id
        FROM amendment_event
        WHERE amendment_id = @AmendmentId AND (@AfterAt IS NULL OR at > @AfterAt OR (at = @AfterAt AND id > @AfterId))
        ORDER BY at, id
        """;

    public async Task<Page<AmendmentEventDto>> Handle(GetAmendmentHistory request, CancellationToken cancellationToken)
    {
        await AmendmentQueries.Get(db, request.Id, cancellationToken);
        var after = Cursor.Decode<AmendmentEventCursor>(request.Cursor);
        var rows = await db.QueryAsync<EventRow>(db.Dialect.Limit(Query), new
        {
            AmendmentId = request.Id, AfterAt = after?.At, AfterId = after?.Id, Limit = request.Limit + 1,
        }, cancellationToken);
        var names = await mediator.Send(Access.Contracts.GetActorNames.Of(rows), cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(names), r => new AmendmentEventCursor(r.At, r.Id));
    }

    private sealed class EventRow : Access.Contracts.IRecordedActor
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public string Action { get; set; } = "";

        public string? FromStatus { get; set; }

        public string ToStatus { get; set; } = "";

        public string? Detail { get; set; }

        public string? DetailCode { get; set; }

        public string? DetailArgs { get; set; }

        public Guid? KeyId { get; set; }

        public Guid? UnitId { get; set; }

        public Guid? PersonId { get; set; }

        public AmendmentEventDto ToDto(Access.Contracts.ActorNames names) => new(
            Id, At, Action, FromStatus is null ? null : WireNames.Parse<AmendmentStatus>(FromStatus), WireNames.Parse<AmendmentStatus>(ToStatus),
            DetailCode is { } code ? CodedText.Render(AmendmentHistory.Texts, code, DetailArgs) : Detail, KeyId,
            names.KeyName(KeyId), UnitId, DetailCode, names.Person(PersonId));
    }
}
