using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;
using static ObstacleRegister.BuildingBlocks.Data.QueryFilters;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// Hotspots: by regulation (an obstacle citing two articles counts once), then the articles of the regulations ranked,
/// then the articles ranked across the register. All time, they read the tallies <see cref="HotspotTally"/> keeps, in
/// index order; for a period, they are counted from the citations of the obstacles reported in it.
/// </summary>
internal sealed class GetObstacleHotspotsHandler(IDbSession db) : IRequestHandler<GetObstacleHotspots, ObstacleHotspots>
{
    public async Task<ObstacleHotspots> Handle(GetObstacleHotspots request, CancellationToken cancellationToken)
    {
        var source = request.From is null && request.To is null ? (IHotspotSource)new Tallies(request) : new Citations(request);
        var regulations = await Query(source.Regulations, new { request.From, request.To, request.UnitId, request.Top }, request.Top, cancellationToken);
        var articlesOfThose = regulations.Count == 0
            ? []
            : await Query(source.ArticlesOf, new { request.From, request.To, request.UnitId, Ids = db.Dialect.IdList(regulations.Select(r => r.RegulationId)) },
                null, cancellationToken);
        var articles = await Query(source.Articles, new { request.From, request.To, request.UnitId, request.Top }, request.Top, cancellationToken);
        return new ObstacleHotspots(regulations, [.. articlesOfThose.OrderBy(a => a.RegulationId).ThenBy(a => a.Article)], articles);
    }

    private async Task<IReadOnlyList<ObstacleHotspot>> Query(string sql, object parameters, int? top, CancellationToken ct) =>
        [.. (await db.QueryAsync<Row>(top is null ? sql : db.Dialect.Limit(sql, "@Top"), parameters, ct))
            .Select(r => new ObstacleHotspot(r.RegulationId, r.Article == 0 ? null : r.Article, r.OpenObstacles, r.UnitsAffected, r.ResolvedObstacles))];

    private interface IHotspotSource
    {
        string Regulations { get; }

        string ArticlesOf { get; }

        string Articles { get; }
    }

    /// <summary>The kept tallies: the register's or one unit's, in the order of their indexes.</summary>
    private sealed class Tallies(GetObstacleHotspots request) : IHotspotSource
    {
        private const string Counted = "(open_obstacles > 0 OR resolved_obstacles > 0)";

        private const string Register = "SELECT regulation_id, article, open_obstacles, units_affected, resolved_obstacles FROM obstacle_hotspot";

        private const string OfUnit = "SELECT regulation_id, article, open_obstacles, CASE WHEN open_obstacles > 0 THEN 1 ELSE 0 END AS UnitsAffected, resolved_obstacles FROM obstacle_hotspot_unit WHERE unit_id = @UnitId";

        private string From => request.UnitId is null ? $"{Register} WHERE" : $"{OfUnit} AND";

        // For one unit, units affected is 1 exactly when it has an open obstacle there: both rankings are one order.
        private string Order => request.UnitId is null && request.RankBy == HotspotRanking.UnitsAffected
            ? "ORDER BY units_affected DESC, open_obstacles DESC, resolved_obstacles DESC, regulation_id"
            : request.UnitId is null
                ? "ORDER BY open_obstacles DESC, units_affected DESC, resolved_obstacles DESC, regulation_id"
                : "ORDER BY open_obstacles DESC, resolved_obstacles DESC, regulation_id";

        public string Regulations => $"{From} article = 0 AND {Counted} {Order}";

        public string ArticlesOf => $"{From} article > 0 AND regulation_id IN @Ids AND {Counted}";

        public string Articles => $"{From} article > 0 AND {Counted} {Order}, article";
    }

    /// <summary>
    /// Counted from the citations of the obstacles reported in the period. Only the period narrows the rows, so the
    /// engine walks the obstacles by creation time; what counts is decided per row, and groups of none are dropped.
    /// </summary>
    private sealed class Citations(GetObstacleHotspots request) : IHotspotSource
    {
        private const string Open = "o.status IN ('submitted', 'needs_information', 'accepted', 'in_amendment')";

        private const string Resolved = "o.status = 'resolved' AND o.duplicate_of_id IS NULL";

        private const string Figures = $"""
            COUNT(DISTINCT CASE WHEN {Open} THEN o.id END) AS OpenObstacles,
            COUNT(DISTINCT CASE WHEN {Open} THEN o.unit_id END) AS UnitsAffected,
            COUNT(DISTINCT CASE WHEN {Resolved} THEN o.id END) AS ResolvedObstacles
            FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
            WHERE 1 = 1 /*from*/ /*to*/ /*unit*/
            """;

        private const string Counted = $"HAVING COUNT(CASE WHEN {Open} OR ({Resolved}) THEN 1 END) > 0";

        private const string ByRegulation = $"SELECT c.regulation_id, 0 AS Article, {Figures} GROUP BY c.regulation_id {Counted}";

        private const string ByArticle = $"SELECT c.regulation_id, c.article, {Figures} /*regulations*/ GROUP BY c.regulation_id, c.article {Counted}";

        private string Order => request.RankBy == HotspotRanking.UnitsAffected
            ? "ORDER BY UnitsAffected DESC, OpenObstacles DESC, ResolvedObstacles DESC, regulation_id"
            : "ORDER BY OpenObstacles DESC, UnitsAffected DESC, ResolvedObstacles DESC, regulation_id";

        public string Regulations => $"{Filtered(ByRegulation, null)} {Order}";

        public string ArticlesOf => Filtered(ByArticle, "AND c.regulation_id IN @Ids");

        public string Articles => $"{Filtered(ByArticle, null)} {Order}, Article";

        private string Filtered(string sql, string? regulations) =>
            ForUnit(Optional(Optional(Optional(sql, "/*from*/", request.From is null ? null : "AND o.created_at >= @From"),
                "/*to*/", request.To is null ? null : "AND o.created_at < @To"), "/*regulations*/", regulations), "o.unit_id", request.UnitId);
    }

    private sealed class Row
    {
        public Guid RegulationId { get; set; }

        public int Article { get; set; }

        public int OpenObstacles { get; set; }

        public int UnitsAffected { get; set; }

        public int ResolvedObstacles { get; set; }
    }
}
