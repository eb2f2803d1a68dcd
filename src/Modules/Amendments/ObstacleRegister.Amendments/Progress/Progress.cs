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
/// <param name="KeyId">The drafter's API key.</param>
/// <param name="UnitId">The drafting unit.</param>
internal sealed record ProgressDto(
    Guid Id, DateTimeOffset At, AmendmentStatus Stage, string Note, string? Blockers, string? ResourcesRequested, Guid KeyId, Guid UnitId);

internal static class ProgressQueries
{
    private const string Columns = """
        id, at, stage, note, blockers, resources_requested,
        key_id, unit_id
        """;

    private const string Newest = $"SELECT {Columns} FROM amendment_progress WHERE amendment_id = @Id ORDER BY at DESC, id DESC";

    private const string OlderThan = $"""
        SELECT {Columns} FROM amendment_progress
        WHERE amendment_id = @Id AND (at < @BeforeAt OR (at = @BeforeAt AND id < @BeforeId))
        ORDER BY at DESC, id DESC
        """;

    private const string One = $"SELECT {Columns} FROM amendment_progress WHERE amendment_id = @Id AND id = @ProgressId";

    public static async Task<IReadOnlyList<ProgressDto>> Latest(IDbSession db, Guid id, int count, CancellationToken ct) =>
        (await db.QueryAsync<ProgressRow>(db.Dialect.Limit(Newest), new { Id = id, Limit = count }, ct)).Select(r => r.ToDto()).ToList();

    public static async Task<Page<ProgressDto>> Page(IDbSession db, Guid id, int limit, ProgressCursor? before, CancellationToken ct)
    {
        var rows = before is null
            ? await db.QueryAsync<ProgressRow>(db.Dialect.Limit(Newest), new { Id = id, Limit = limit + 1 }, ct)
            : await db.QueryAsync<ProgressRow>(db.Dialect.Limit(OlderThan), new { Id = id, BeforeAt = before.At, BeforeId = before.Id, Limit = limit + 1 }, ct);
        return Cursor.ToPage(rows, limit, r => r.ToDto(), r => new ProgressCursor(r.At, r.Id));
    }

    public static async Task<ProgressDto?> Find(IDbSession db, Guid id, Guid progressId, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<ProgressRow>(One, new { Id = id, ProgressId = progressId }, ct))?.ToDto();

    private sealed class ProgressRow
    {
        public Guid Id { get; set; }

        public DateTimeOffset At { get; set; }

        public string Stage { get; set; } = "";

        public string Note { get; set; } = "";

        public string? Blockers { get; set; }

        public string? ResourcesRequested { get; set; }

        public Guid KeyId { get; set; }

        public Guid UnitId { get; set; }

        public ProgressDto ToDto() => new(Id, At, WireNames.Parse<AmendmentStatus>(Stage), Note, Blockers, ResourcesRequested, KeyId, UnitId);
    }
}

internal sealed record ProgressCursor(DateTimeOffset At, Guid Id);

/// <summary>An amendment's check-ins, newest first.</summary>
internal sealed record ListProgress(Guid Id, int Limit, string? Cursor) : IQuery<Page<ProgressDto>>;

internal sealed class ListProgressHandler(IDbSession db) : IRequestHandler<ListProgress, Page<ProgressDto>>
{
    public async Task<Page<ProgressDto>> Handle(ListProgress request, CancellationToken cancellationToken)
    {
        await AmendmentQueries.Get(db, request.Id, cancellationToken);
        return await ProgressQueries.Page(db, request.Id, request.Limit, Cursor.Decode<ProgressCursor>(request.Cursor), cancellationToken);
    }
}

/// <summary>One check-in.</summary>
internal sealed record GetProgress(Guid Id, Guid ProgressId) : IQuery<ProgressDto>;

internal sealed class GetProgressHandler(IDbSession db) : IRequestHandler<GetProgress, ProgressDto>
{
    public async Task<ProgressDto> Handle(GetProgress request, CancellationToken cancellationToken) =>
        await ProgressQueries.Find(db, request.Id, request.ProgressId, cancellationToken)
            ?? throw new BuildingBlocks.Errors.NotFoundException("check-in", request.ProgressId);
}
