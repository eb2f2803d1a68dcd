using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;
using static ObstacleRegister.BuildingBlocks.Data.QueryFilters;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// Period figures for the reports, computed by SQL aggregates over the time indexes (obstacles by created_at,
/// history by at): nothing is loaded row by row. An outcome counts in the period its history event happened.
/// </summary>
internal sealed class CountObstacleActivityHandler(IDbSession db) : IRequestHandler<CountObstacleActivity, IReadOnlyList<ObstacleActivity>>
{
    private const string Received = """
        SELECT unit_id AS UnitId, COUNT(*) AS Count FROM obstacle
        WHERE created_at >= @From AND created_at < @To /*unit*/
        GROUP BY unit_id
        """;

    private const string Outcomes = $"""
        SELECT o.unit_id AS UnitId, e.action AS Action, COUNT(*) AS Count
        FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.at >= @From AND e.at < @To
          AND e.action IN ('{ObstacleEvents.Accepted}', '{ObstacleEvents.Rejected}', '{ObstacleEvents.MarkedDuplicate}', '{ObstacleEvents.Withdrawn}',
                           '{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}') /*unit*/
        GROUP BY o.unit_id, e.action
        """;

    // Read from the (status, seq) index: the obstacles waiting now are few whatever the register's size.
    private const string Waiting = """
        SELECT unit_id AS UnitId, COUNT(*) AS Count, MIN(updated_at) AS Since FROM obstacle
        WHERE status = 'needs_information' /*unit*/
        GROUP BY unit_id
        """;

    public async Task<IReadOnlyList<ObstacleActivity>> Handle(CountObstacleActivity request, CancellationToken cancellationToken)
    {
        var parameters = new { request.From, request.To, request.UnitId };
        var received = (await db.QueryAsync<UnitCount>(ForUnit(Received, "unit_id", request.UnitId), parameters, cancellationToken)).ToDictionary(r => r.UnitId, r => r.Count);
        var outcomes = (await db.QueryAsync<UnitCount>(ForUnit(Outcomes, "o.unit_id", request.UnitId), parameters, cancellationToken)).ToLookup(r => r.UnitId);
        var waiting = (await db.QueryAsync<UnitCount>(ForUnit(Waiting, "unit_id", request.UnitId), parameters, cancellationToken)).ToDictionary(r => r.UnitId);
        return received.Keys.Union(outcomes.Select(g => g.Key)).Union(waiting.Keys).Select(unit =>
        {
            int Of(params string[] actions) => outcomes[unit].Where(o => actions.Contains(o.Action)).Sum(o => o.Count);
            return new ObstacleActivity(
                unit, received.GetValueOrDefault(unit), Of(ObstacleEvents.Accepted), Of(ObstacleEvents.Rejected), Of(ObstacleEvents.MarkedDuplicate),
                Of(ObstacleEvents.Withdrawn), Of(ObstacleEvents.Resolved, ObstacleEvents.ResolvedWithMaster),
                waiting.GetValueOrDefault(unit)?.Count ?? 0, waiting.GetValueOrDefault(unit)?.Since);
        }).ToList();
    }

    private sealed class UnitCount
    {
        public Guid UnitId { get; set; }

        public string Action { get; set; } = "";

        public int Count { get; set; }

        public DateTimeOffset? Since { get; set; }
    }
}

internal sealed class MedianDaysToResolutionHandler(IDbSession db) : IRequestHandler<MedianDaysToResolution, double?>
{
    private const string ResolvedIn = $"""
        FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.at >= @From AND e.at < @To AND e.action IN ('{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}') /*unit*/
        """;

    private const string Count = $"SELECT COUNT(*) {ResolvedIn}";

    /// <summary>The middle one or two durations: the engine sorts the period's resolutions, only those rows come back.</summary>
    public async Task<double?> Handle(MedianDaysToResolution request, CancellationToken cancellationToken)
    {
        var parameters = new { request.From, request.To, request.UnitId };
        var count = await db.ExecuteScalarAsync<int>(ForUnit(Count, "o.unit_id", request.UnitId), parameters, cancellationToken);
        if (count == 0)
        {
            return null;
        }

        var middle = db.Dialect.SkipTake(
            ForUnit($"SELECT {db.Dialect.DaysBetweenInstants("o.created_at", "e.at")} AS days {ResolvedIn} ORDER BY days", "o.unit_id", request.UnitId),
            "@Skip", "@Take");
        var days = await db.QueryAsync<double>(middle, new { request.From, request.To, request.UnitId, Skip = (count - 1) / 2, Take = 2 - (count % 2) }, cancellationToken);
        return Math.Round(days.Average(), 1);
    }
}

internal sealed class MedianDaysToResolutionByUnitHandler(IDbSession db) : IRequestHandler<MedianDaysToResolutionByUnit, IReadOnlyList<UnitMedian>>
{
    public async Task<IReadOnlyList<UnitMedian>> Handle(MedianDaysToResolutionByUnit request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<Row>(Query(db.Dialect), new { request.From, request.To }, cancellationToken))
            .Select(r => new UnitMedian(r.UnitId, Math.Round(r.MedianDays, 1)))];

    /// <summary>Rows numbered within each unit by duration; the middle one (odd count) or two (even) are averaged.</summary>
    internal static string Query(ISqlDialect dialect) => $"""
        SELECT unit_id AS UnitId, AVG(days) AS MedianDays FROM (
            SELECT o.unit_id, {dialect.DaysBetweenInstants("o.created_at", "e.at")} AS days,
                ROW_NUMBER() OVER (PARTITION BY o.unit_id ORDER BY {dialect.DaysBetweenInstants("o.created_at", "e.at")}) AS position,
                COUNT(*) OVER (PARTITION BY o.unit_id) AS total
            FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
            WHERE e.at >= @From AND e.at < @To AND e.action IN ('{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}')
        ) ranked
        WHERE position IN ((total + 1) / 2, (total + 2) / 2)
        GROUP BY unit_id
        """;

    private sealed class Row
    {
        public Guid UnitId { get; set; }

        public double MedianDays { get; set; }
    }
}

internal sealed class MostCitedRegulationsHandler(IDbSession db) : IRequestHandler<MostCitedRegulations, IReadOnlyList<RegulationObstacleCount>>
{
    private const string Query = """
        SELECT c.regulation_id AS RegulationId, COUNT(DISTINCT o.id) AS Obstacles
        FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
        WHERE o.created_at >= @From AND o.created_at < @To AND o.status <> 'withdrawn' /*unit*/
        GROUP BY c.regulation_id
        ORDER BY COUNT(DISTINCT o.id) DESC, c.regulation_id
        """;

    public async Task<IReadOnlyList<RegulationObstacleCount>> Handle(MostCitedRegulations request, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Row>(db.Dialect.Limit(ForUnit(Query, "o.unit_id", request.UnitId), "@Top"), new { request.From, request.To, request.UnitId, request.Top }, cancellationToken))
            .Select(r => new RegulationObstacleCount(r.RegulationId, r.Obstacles)).ToList();

    private sealed class Row
    {
        public Guid RegulationId { get; set; }

        public int Obstacles { get; set; }
    }
}
