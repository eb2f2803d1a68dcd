using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;
using static ObstacleRegister.BuildingBlocks.Data.QueryFilters;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// Hotspots by SQL aggregates over the citations: by regulation (an obstacle citing two articles counts once), then the
/// articles of the regulations ranked, then the articles ranked across the register. Open means submitted, accepted or
/// in an amendment; units affected are the distinct units behind the open ones.
/// </summary>
internal sealed class GetObstacleHotspotsHandler(IDbSession db) : IRequestHandler<GetObstacleHotspots, ObstacleHotspots>
{
    private const string Open = "o.status IN ('submitted', 'accepted', 'in_amendment')";

    private const string Figures = $"""
        COUNT(DISTINCT CASE WHEN {Open} THEN o.id END) AS OpenObstacles,
        COUNT(DISTINCT CASE WHEN {Open} THEN o.unit_id END) AS UnitsAffected,
        COUNT(DISTINCT CASE WHEN o.status = 'resolved' THEN o.id END) AS ResolvedObstacles
        FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
        WHERE o.status IN ('submitted', 'accepted', 'in_amendment', 'resolved') /*from*/ /*to*/ /*unit*/
        """;

    private const string ByRegulation = $"SELECT c.regulation_id AS RegulationId, {Figures} GROUP BY c.regulation_id";

    private const string ByArticle = $"SELECT c.regulation_id AS RegulationId, c.article AS Article, {Figures} /*regulations*/ GROUP BY c.regulation_id, c.article";

    public async Task<ObstacleHotspots> Handle(GetObstacleHotspots request, CancellationToken cancellationToken)
    {
        var order = request.RankBy == HotspotRanking.UnitsAffected
            ? "ORDER BY UnitsAffected DESC, OpenObstacles DESC, ResolvedObstacles DESC, RegulationId"
            : "ORDER BY OpenObstacles DESC, UnitsAffected DESC, ResolvedObstacles DESC, RegulationId";
        var parameters = new { request.From, request.To, request.UnitId, request.Top };
        var regulations = await Query($"{ByRegulation} {order}", parameters, request, null, cancellationToken);
        var articlesOfThose = regulations.Count == 0
            ? []
            : await Query(ByArticle, new { request.From, request.To, request.UnitId, Ids = db.Dialect.IdList(regulations.Select(r => r.RegulationId)) }, request,
                "AND c.regulation_id IN @Ids", cancellationToken, limit: false);
        var articles = await Query($"{ByArticle} {order}, Article", parameters, request, null, cancellationToken);
        return new ObstacleHotspots(regulations, [.. articlesOfThose.OrderBy(a => a.RegulationId).ThenBy(a => a.Article)], articles);
    }

    private async Task<IReadOnlyList<ObstacleHotspot>> Query(
        string sql, object parameters, GetObstacleHotspots request, string? regulations, CancellationToken ct, bool limit = true)
    {
        var filtered = ForUnit(Optional(Optional(Optional(sql, "/*from*/", request.From is null ? null : "AND o.created_at >= @From"),
            "/*to*/", request.To is null ? null : "AND o.created_at < @To"), "/*regulations*/", regulations), "o.unit_id", request.UnitId);
        var rows = await db.QueryAsync<Row>(limit ? db.Dialect.Limit(filtered, "@Top") : filtered, parameters, ct);
        return [.. rows.Select(r => new ObstacleHotspot(r.RegulationId, r.Article, r.OpenObstacles, r.UnitsAffected, r.ResolvedObstacles))];
    }

    private sealed class Row
    {
        public Guid RegulationId { get; set; }

        public int? Article { get; set; }

        public int OpenObstacles { get; set; }

        public int UnitsAffected { get; set; }

        public int ResolvedObstacles { get; set; }
    }
}
