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
    // Whole days from the kept days, the hours at the period's edges from the obstacles and their history.
    private const string Counted = $"""
        SELECT unit_id, SUM(received) AS Received, SUM(accepted) AS Accepted, SUM(rejected) AS Rejected,
               SUM(duplicates) AS Duplicates, SUM(withdrawn) AS Withdrawn, SUM(resolved) AS Resolved
        FROM (
            SELECT unit_id, received, accepted, rejected, duplicates, withdrawn, resolved
            FROM obstacle_day WHERE day >= @FirstDay AND day < @EndDay /*unit*/
            UNION ALL
            SELECT unit_id, 1, 0, 0, 0, 0, 0
            FROM obstacle WHERE ((created_at >= @From AND created_at < @WholeFrom) OR (created_at >= @WholeTo AND created_at < @To)) /*unit*/
            UNION ALL
            SELECT o.unit_id, 0,
                   CASE WHEN e.action = '{ObstacleEvents.Accepted}' THEN 1 ELSE 0 END,
                   CASE WHEN e.action = '{ObstacleEvents.Rejected}' THEN 1 ELSE 0 END,
                   CASE WHEN e.action = '{ObstacleEvents.MarkedDuplicate}' THEN 1 ELSE 0 END,
                   CASE WHEN e.action = '{ObstacleEvents.Withdrawn}' THEN 1 ELSE 0 END,
                   CASE WHEN e.action IN ('{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}') THEN 1 ELSE 0 END
            FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
            WHERE ((e.at >= @From AND e.at < @WholeFrom) OR (e.at >= @WholeTo AND e.at < @To))
              AND e.action IN ('{ObstacleEvents.Accepted}', '{ObstacleEvents.Rejected}', '{ObstacleEvents.MarkedDuplicate}', '{ObstacleEvents.Withdrawn}',
                               '{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}') /*o.unit*/
        ) counted
        GROUP BY unit_id
        """;

    // Read from the (status, seq) index: the obstacles waiting now are few whatever the register's size.
    private const string Waiting = """
        SELECT unit_id, COUNT(*) AS Count, MIN(updated_at) AS Since FROM obstacle
        WHERE status = 'needs_information' /*unit*/
        GROUP BY unit_id
        """;

    public async Task<IReadOnlyList<ObstacleActivity>> Handle(CountObstacleActivity request, CancellationToken cancellationToken)
    {
        var span = DaySpan.Of(request.From, request.To);
        var parameters = new { request.From, request.To, request.UnitId, span.FirstDay, span.EndDay, span.WholeFrom, span.WholeTo };
        var counted = (await db.QueryAsync<UnitDay>(DaySpan.ForUnit(Counted, request.UnitId), parameters, cancellationToken)).ToDictionary(r => r.UnitId);
        var waiting = (await db.QueryAsync<UnitWaiting>(ForUnit(Waiting, "unit_id", request.UnitId), parameters, cancellationToken)).ToDictionary(r => r.UnitId);
        return counted.Keys.Union(waiting.Keys).Select(unit =>
        {
            var day = counted.GetValueOrDefault(unit) ?? new UnitDay();
            return new ObstacleActivity(
                unit, day.Received, day.Accepted, day.Rejected, day.Duplicates, day.Withdrawn, day.Resolved,
                waiting.GetValueOrDefault(unit)?.Count ?? 0, waiting.GetValueOrDefault(unit)?.Since);
        }).ToList();
    }

    private sealed class UnitDay
    {
        public Guid UnitId { get; set; }

        public int Received { get; set; }

        public int Accepted { get; set; }

        public int Rejected { get; set; }

        public int Duplicates { get; set; }

        public int Withdrawn { get; set; }

        public int Resolved { get; set; }
    }

    private sealed class UnitWaiting
    {
        public Guid UnitId { get; set; }

        public int Count { get; set; }

        public DateTimeOffset? Since { get; set; }
    }
}

internal sealed class MedianDaysToResolutionHandler(IDbSession db) : IRequestHandler<MedianDaysToResolution, double?>
{
    private const string ResolvedIn = "FROM obstacle_resolution r WHERE r.at >= @From AND r.at < @To /*unit*/";

    private const string Count = $"SELECT COUNT(*) {ResolvedIn}";

    /// <summary>The middle one or two durations: the engine sorts the period's kept resolutions, only those rows come back.</summary>
    public async Task<double?> Handle(MedianDaysToResolution request, CancellationToken cancellationToken)
    {
        var parameters = new { request.From, request.To, request.UnitId };
        var count = await db.ExecuteScalarAsync<int>(ForUnit(Count, "r.unit_id", request.UnitId), parameters, cancellationToken);
        if (count == 0)
        {
            return null;
        }

        var middle = db.Dialect.SkipTake(
            ForUnit($"SELECT r.days {ResolvedIn} ORDER BY r.days", "r.unit_id", request.UnitId),
            "@Skip", "@Take");
        var days = await db.QueryAsync<double>(middle, new { request.From, request.To, request.UnitId, Skip = (count - 1) / 2, Take = 2 - (count % 2) }, cancellationToken);
        return Math.Round(days.Average(), 1);
    }
}

internal sealed class MedianDaysToResolutionByUnitHandler(IDbSession db) : IRequestHandler<MedianDaysToResolutionByUnit, IReadOnlyList<UnitMedian>>
{
    public async Task<IReadOnlyList<UnitMedian>> Handle(MedianDaysToResolutionByUnit request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<Row>(Query, new { request.From, request.To }, cancellationToken))
            .Select(r => new UnitMedian(r.UnitId, Math.Round(r.MedianDays, 1)))];

    /// <summary>Rows numbered within each unit by duration; the middle one (odd count) or two (even) are averaged.</summary>
    private const string Query = """
        SELECT unit_id, AVG(days) AS MedianDays FROM (
            SELECT r.unit_id, r.days,
                ROW_NUMBER() OVER (PARTITION BY r.unit_id ORDER BY r.days) AS position,
                COUNT(*) OVER (PARTITION BY r.unit_id) AS total
            FROM obstacle_resolution r
            WHERE r.at >= @From AND r.at < @To
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

/// <summary>A kept week or month of the register is read ranked (<see cref="PeriodCitations"/>); any other period or one unit's, from the kept days.</summary>
internal sealed class MostCitedRegulationsHandler(IDbSession db, PeriodCitations periods) : IRequestHandler<MostCitedRegulations, IReadOnlyList<RegulationObstacleCount>>
{
    // Summed per regulation before the ranking: an obstacle counts once, on the one day it was reported.
    private const string Query = """
        SELECT regulation_id, SUM(obstacles) AS Obstacles
        FROM (
            SELECT regulation_id, obstacles FROM obstacle_day_citation WHERE day >= @FirstDay AND day < @EndDay /*unit*/
            UNION ALL
            SELECT c.regulation_id, COUNT(DISTINCT o.id)
            FROM obstacle o JOIN obstacle_regulation c ON c.obstacle_id = o.id
            WHERE ((o.created_at >= @From AND o.created_at < @WholeFrom) OR (o.created_at >= @WholeTo AND o.created_at < @To))
              AND o.status <> 'withdrawn' /*o.unit*/
            GROUP BY c.regulation_id
        ) cited
        GROUP BY regulation_id
        HAVING SUM(obstacles) > 0
        ORDER BY SUM(obstacles) DESC, regulation_id
        """;

    public async Task<IReadOnlyList<RegulationObstacleCount>> Handle(MostCitedRegulations request, CancellationToken cancellationToken)
    {
        if (request.UnitId is null && await periods.Top(request.From, request.To, request.Top, cancellationToken) is { } ranked)
        {
            return ranked;
        }

        var span = DaySpan.Of(request.From, request.To);
        var parameters = new { request.From, request.To, request.UnitId, request.Top, span.FirstDay, span.EndDay, span.WholeFrom, span.WholeTo };
        return (await db.QueryAsync<Row>(db.Dialect.Limit(DaySpan.ForUnit(Query, request.UnitId), "@Top"), parameters, cancellationToken))
            .Select(r => new RegulationObstacleCount(r.RegulationId, r.Obstacles)).ToList();
    }

    private sealed class Row
    {
        public Guid RegulationId { get; set; }

        public int Obstacles { get; set; }
    }
}

/// <summary>
/// The whole UTC days inside a period, read from the kept days, and where they start and end: the hours before the
/// first and after the last are counted from the obstacles themselves, so any period adds up exactly.
/// </summary>
internal readonly record struct DaySpan(DateOnly FirstDay, DateOnly EndDay, DateTimeOffset WholeFrom, DateTimeOffset WholeTo)
{
    public static DaySpan Of(DateTimeOffset from, DateTimeOffset to)
    {
        var start = from.UtcDateTime.TimeOfDay == TimeSpan.Zero ? from.UtcDateTime : from.UtcDateTime.Date.AddDays(1);
        var end = to.UtcDateTime.Date;
        if (end <= start)
        {
            // No whole day: the period is all edge, read from the obstacles.
            return new(DateOnly.FromDateTime(start), DateOnly.FromDateTime(start), to, to);
        }

        return new(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end), new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(end, TimeSpan.Zero));
    }

    /// <summary>The unit filter in each part of a query: <c>/*unit*/</c> on the kept days and obstacles, <c>/*o.unit*/</c> where obstacles are joined.</summary>
    public static string ForUnit(string sql, Guid? unitId) =>
        unitId is null ? sql.Replace("/*unit*/", "", StringComparison.Ordinal).Replace("/*o.unit*/", "", StringComparison.Ordinal)
        : sql.Replace("/*unit*/", "AND unit_id = @UnitId", StringComparison.Ordinal).Replace("/*o.unit*/", "AND o.unit_id = @UnitId", StringComparison.Ordinal);
}
