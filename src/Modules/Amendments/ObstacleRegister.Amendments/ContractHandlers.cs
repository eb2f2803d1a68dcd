using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments;

internal sealed class GetAmendmentsTouchingRegulationHandler(IDbSession db)
    : IRequestHandler<GetAmendmentsTouchingRegulation, IReadOnlyList<AmendmentSummary>>
{
    private const string Targeting = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE regulation_id = @Id";

    private const string Issuing = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE issued_regulation_id = @Id";

    public async Task<IReadOnlyList<AmendmentSummary>> Handle(GetAmendmentsTouchingRegulation request, CancellationToken cancellationToken)
    {
        var targeting = await db.QueryAsync<AmendmentRow>(Targeting, new { Id = request.RegulationId }, cancellationToken);
        var issuing = await db.QueryAsync<AmendmentRow>(Issuing, new { Id = request.RegulationId }, cancellationToken);
        return targeting.Concat(issuing).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary()).ToList();
    }
}

internal sealed class GetAmendmentsTargetingHandler(IDbSession db) : IRequestHandler<GetAmendmentsTargeting, IReadOnlyList<AmendmentSummary>>
{
    private const string Targeting = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE regulation_id IN @Ids AND status <> 'cancelled'";

    public async Task<IReadOnlyList<AmendmentSummary>> Handle(GetAmendmentsTargeting request, CancellationToken cancellationToken) =>
        request.RegulationIds.Count == 0
            ? []
            : [.. (await db.QueryAsync<AmendmentRow>(Targeting, new { Ids = db.Dialect.IdList(request.RegulationIds) }, cancellationToken))
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary())];
}

internal sealed class GetAmendmentOfObstacleHandler(IDbSession db) : IRequestHandler<GetAmendmentOfObstacle, AmendmentSummary?>
{
    private const string Latest = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE id IN (SELECT l.amendment_id FROM amendment_obstacle l WHERE l.obstacle_id = @ObstacleId)
        ORDER BY created_at DESC, id DESC
        """;

    public async Task<AmendmentSummary?> Handle(GetAmendmentOfObstacle request, CancellationToken cancellationToken) =>
        await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(Latest), new { request.ObstacleId, Limit = 1 }, cancellationToken) is [var latest, ..]
            ? latest.ToSummary()
            : null;
}
