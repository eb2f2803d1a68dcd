using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Amendments.Progress;

/// <summary>A check-in by the drafting unit.</summary>
/// <param name="Stage">The stage the work is at after this check-in.</param>
/// <param name="Note">What was done since the last check-in.</param>
/// <param name="Blockers">What stands in the way, if anything.</param>
/// <param name="ResourcesRequested">What the drafting unit asks for (people, budget, a decision), if anything.</param>
/// <param name="KeyId">The drafter's API key; absent when a person checked in on the staff pages.</param>
/// <param name="UnitId">The drafting unit.</param>
/// <param name="Person">The signed-in person who checked in; absent when an API key did.</param>
internal sealed record ProgressDto(
    Guid Id, DateTimeOffset At, AmendmentStatus Stage, string Note, string? Blockers, string? ResourcesRequested, Guid? KeyId, Guid UnitId,
    Access.Contracts.PersonRef? Person);

internal static class ProgressQueries
{
    private const string Columns = """
        id, at, stage, note, blockers, resources_requested,
        key_id, unit_id, person_id
        """;

    private const string Newest = $"SELECT {Columns} FROM amendment_progress WHERE amendment_id = @Id ORDER BY at DESC, id DESC";

    private const string OlderThan = $"""
        SELECT {Columns} FROM amendment_progress
        WHERE amendment_id = @Id AND (at < @BeforeAt OR (at = @BeforeAt AND id < @BeforeId))
        ORDER BY at DESC, id DESC
        """;

    private const string One = $"SELECT {Columns} FROM amendment_progress WHERE amendment_id = @Id AND id = @ProgressId";

    public static async Task<IReadOnlyList<ProgressDto>> Latest(IDbSession db, IMediator mediator, Guid id, int count, CancellationToken ct)
    {
        var rows = await db.QueryAsync<ProgressRow>(db.Dialect.Limit(Newest), new { Id = id, Limit = count }, ct);
        var names = await mediator.Send(Access.Contracts.GetActorNames.PeopleOf(rows), ct);
        return [.. rows.Select(r => r.ToDto(names))];
    }

    public static async Task<Page<ProgressDto>> Page(IDbSession db, IMediator mediator, Guid id, int limit, ProgressCursor? before, CancellationToken ct)
    {
        var rows = before is null
            ? await db.QueryAsync<ProgressRow>(db.Dialect.Limit(Newest), new { Id = id, Limit = limit + 1 }, ct)
            : await db.QueryAsync<ProgressRow>(db.Dialect.Limit(OlderThan), new { Id = id, BeforeAt = before.At, BeforeId = before.Id, Limit = limit + 1 }, ct);
        var names = await mediator.Send(Access.Contracts.GetActorNames.PeopleOf(rows), ct);
        return Cursor.ToPage(rows, limit, r => r.ToDto(names), r => new ProgressCursor(r.At, r.Id));
    }

    public static async Task<ProgressDto?> Find(IDbSession db, IMediator mediator, Guid id, Guid progressId, CancellationToken ct)
    {
        var row = await db.QuerySingleOrDefaultAsync<ProgressRow>(One, new { Id = id, ProgressId = progressId }, ct);
        return row?.ToDto(await mediator.Send(Access.Contracts.GetActorNames.PeopleOf([row]), ct));
    }

    private sealed class ProgressRow : Access.Contracts.IRecordedActor
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public string Stage { get; set; } = "";

        public string Note { get; set; } = "";

        public string? Blockers { get; set; }

        public string? ResourcesRequested { get; set; }

        public Guid? KeyId { get; set; }

        public Guid UnitId { get; set; }

        public Guid? PersonId { get; set; }

        public ProgressDto ToDto(Access.Contracts.ActorNames names) =>
            new(Id, At, WireNames.Parse<AmendmentStatus>(Stage), Note, Blockers, ResourcesRequested, KeyId, UnitId, names.Person(PersonId));
    }
}

internal sealed record ProgressCursor(DateTimeOffset At, Guid Id);

/// <summary>An amendment's check-ins, newest first.</summary>
internal sealed record ListProgress(Guid Id, int Limit, string? Cursor) : IQuery<Page<ProgressDto>>;

internal sealed class ListProgressHandler(IDbSession db, IMediator mediator) : IRequestHandler<ListProgress, Page<ProgressDto>>
{
    public async Task<Page<ProgressDto>> Handle(ListProgress request, CancellationToken cancellationToken)
    {
        await AmendmentQueries.Get(db, request.Id, cancellationToken);
        return await ProgressQueries.Page(db, mediator, request.Id, request.Limit, Cursor.Decode<ProgressCursor>(request.Cursor), cancellationToken);
    }
}

/// <summary>One check-in.</summary>
internal sealed record GetProgress(Guid Id, Guid ProgressId) : IQuery<ProgressDto>;

internal sealed class GetProgressHandler(IDbSession db, IMediator mediator) : IRequestHandler<GetProgress, ProgressDto>
{
    public async Task<ProgressDto> Handle(GetProgress request, CancellationToken cancellationToken) =>
        await ProgressQueries.Find(db, mediator, request.Id, request.ProgressId, cancellationToken)
            ?? throw new BuildingBlocks.Errors.NotFoundException("check-in", request.ProgressId);
}
