using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Localization;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Security;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Desk;

/// <summary>A report waiting for the coordinators' answer, with how many likely duplicates intake found.</summary>
internal sealed record QueuedReport(Guid Id, string Reference, string Title, Guid UnitId, DateTimeOffset CreatedAt, long Hints);

/// <summary>
/// The coordinators' triage queue: reports not yet answered, oldest first (the longest wait is answered first), and how
/// many wait, counted up to <see cref="CountedUpTo"/> (a larger backlog reads as "more than"): counting every waiting
/// report is an index range as long as the backlog, the desk's dearest read at a million reports.
/// </summary>
internal sealed record GetTriageQueue(int Limit) : IQuery<(IReadOnlyList<QueuedReport> Reports, int Total)>
{
    public const int CountedUpTo = 1000;
}

/// <summary>Obstacles by id with their public fields, for showing likely duplicates by reference and title.</summary>
internal sealed record GetObstacleTitles(IReadOnlyCollection<Guid> Ids) : IQuery<IReadOnlyList<QueuedReport>>;

internal sealed class DeskQueryHandlers(IDbSession db, ICaller caller)
    : IRequestHandler<GetTriageQueue, (IReadOnlyList<QueuedReport> Reports, int Total)>, IRequestHandler<GetObstacleTitles, IReadOnlyList<QueuedReport>>
{
    private const string Queue = """
        SELECT o.id, o.reference, o.title, o.unit_id, o.created_at,
               (SELECT COUNT(*) FROM obstacle_likely_duplicate h WHERE h.obstacle_id = o.id) AS hints
        FROM obstacle o WHERE o.status = 'submitted' ORDER BY o.seq
        """;

    private const string Waiting = "SELECT seq FROM obstacle WHERE status = 'submitted' ORDER BY seq";

    private const string Titles = "SELECT id, reference, title, unit_id, created_at, 0 AS hints FROM obstacle WHERE id IN @Ids";

    public async Task<(IReadOnlyList<QueuedReport> Reports, int Total)> Handle(GetTriageQueue request, CancellationToken cancellationToken)
    {
        if (!caller.IsInRole(Roles.Coordinator))
        {
            throw new ForbiddenException(Say.Text("Staff.NoRole"));
        }

        var reports = await db.QueryAsync<QueuedReport>(db.Dialect.Limit(Queue), new { request.Limit }, cancellationToken);
        return (reports, await db.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM ({db.Dialect.Limit(Waiting)}) waiting", new { Limit = GetTriageQueue.CountedUpTo + 1 }, cancellationToken));
    }

    public async Task<IReadOnlyList<QueuedReport>> Handle(GetObstacleTitles request, CancellationToken cancellationToken) =>
        request.Ids.Count == 0 ? [] : await db.QueryAsync<QueuedReport>(Titles, new { Ids = db.Dialect.IdList(request.Ids) }, cancellationToken);
}
