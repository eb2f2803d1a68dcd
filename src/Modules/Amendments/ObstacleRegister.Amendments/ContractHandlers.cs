using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments;

internal sealed class GetAmendmentsTargetingHandler(IDbSession db) : IRequestHandler<GetAmendmentsTargeting, IReadOnlyList<AmendmentSummary>>
{
    private const string Targeting = $"SELECT {AmendmentQueries.Columns} FROM amendment WHERE regulation_id IN @Ids AND status <> 'cancelled'";

    public async Task<IReadOnlyList<AmendmentSummary>> Handle(GetAmendmentsTargeting request, CancellationToken cancellationToken) =>
        request.RegulationIds.Count == 0
            ? []
            : [.. (await db.QueryAsync<AmendmentRow>(Targeting, new { Ids = db.Dialect.IdList(request.RegulationIds) }, cancellationToken))
                .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Select(r => r.ToSummary())];
}

internal sealed class GetRemediesOfObstaclesHandler(IDbSession db) : IRequestHandler<GetRemediesOfObstacles, IReadOnlyList<ObstacleRemedy>>
{
    private const string InForce = """
        SELECT l.obstacle_id, l.amendment_id
        FROM amendment_obstacle l JOIN amendment a ON a.id = l.amendment_id
        WHERE l.obstacle_id IN @Ids AND a.status = 'in_force'
        """;

    public Task<IReadOnlyList<ObstacleRemedy>> Handle(GetRemediesOfObstacles request, CancellationToken cancellationToken) =>
        LinkedAmendments.Read(db, InForce, request.ObstacleIds, cancellationToken);
}

internal sealed class GetAmendmentsOfObstaclesHandler(IDbSession db) : IRequestHandler<GetAmendmentsOfObstacles, IReadOnlyList<ObstacleRemedy>>
{
    private const string AnyStage = "SELECT obstacle_id, amendment_id FROM amendment_obstacle WHERE obstacle_id IN @Ids";

    public Task<IReadOnlyList<ObstacleRemedy>> Handle(GetAmendmentsOfObstacles request, CancellationToken cancellationToken) =>
        LinkedAmendments.Read(db, AnyStage, request.ObstacleIds, cancellationToken);
}

/// <summary>The amendments behind obstacles' links: the links by one query, their amendments by a second.</summary>
internal static class LinkedAmendments
{
    public static async Task<IReadOnlyList<ObstacleRemedy>> Read(IDbSession db, string linksQuery, IReadOnlyCollection<Guid> obstacleIds, CancellationToken ct)
    {
        if (obstacleIds.Count == 0)
        {
            return [];
        }

        var links = await db.QueryAsync<Link>(linksQuery, new { Ids = db.Dialect.IdList(obstacleIds) }, ct);
        if (links.Count == 0)
        {
            return [];
        }

        var amendments = (await AmendmentQueries.FindMany(db, [.. links.Select(l => l.AmendmentId).Distinct()], ct)).ToDictionary(a => a.Id, a => a.ToSummary());
        return [.. links.Where(l => amendments.ContainsKey(l.AmendmentId)).Select(l => new ObstacleRemedy(l.ObstacleId, amendments[l.AmendmentId]))];
    }

    private sealed class Link
    {
        public Guid ObstacleId { get; set; }

        public Guid AmendmentId { get; set; }
    }
}
