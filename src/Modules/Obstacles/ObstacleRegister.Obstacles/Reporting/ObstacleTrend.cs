using Dapper;
using MediatR;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// A trend's periods in one statement: each period's whole days from the kept days and its edge hours from the
/// obstacles and their history, split as <see cref="CountObstacleActivityHandler"/> splits one period, so every point
/// is the figure that period's report shows. The periods are a constant table the engine joins to each time index.
/// </summary>
internal sealed class CountObstacleTrendHandler(IDbSession db) : IRequestHandler<CountObstacleTrend, IReadOnlyList<ObstacleTrendPoint>>
{
    private const string Resolutions = $"('{ObstacleEvents.Resolved}', '{ObstacleEvents.ResolvedWithMaster}')";

    /// <summary>The statement for <paramref name="periods"/> periods, each a row of the constant table <c>period</c>.</summary>
    internal static string Statement(int periods) => $"""
        WITH period AS ({string.Join(" UNION ALL ", Enumerable.Range(0, periods).Select(Period))})
        SELECT k AS Period, SUM(received) AS Received, SUM(resolved) AS Resolved
        FROM (
            SELECT p.k, d.received, d.resolved FROM period p JOIN obstacle_day d ON d.day >= p.first_day AND d.day < p.end_day
            UNION ALL
            SELECT p.k, 1, 0 FROM period p JOIN obstacle o ON o.created_at >= p.from_at AND o.created_at < p.whole_from
            UNION ALL
            SELECT p.k, 1, 0 FROM period p JOIN obstacle o ON o.created_at >= p.whole_to AND o.created_at < p.to_at
            UNION ALL
            SELECT p.k, 0, 1 FROM period p JOIN obstacle_event e ON e.at >= p.from_at AND e.at < p.whole_from AND e.action IN {Resolutions}
            UNION ALL
            SELECT p.k, 0, 1 FROM period p JOIN obstacle_event e ON e.at >= p.whole_to AND e.at < p.to_at AND e.action IN {Resolutions}
        ) counted
        GROUP BY k
        """;

    private static string Period(int k) =>
        $"SELECT {k} AS k, @FirstDay{k} AS first_day, @EndDay{k} AS end_day, @From{k} AS from_at, @WholeFrom{k} AS whole_from, " +
        $"@WholeTo{k} AS whole_to, @To{k} AS to_at";

    public async Task<IReadOnlyList<ObstacleTrendPoint>> Handle(CountObstacleTrend request, CancellationToken cancellationToken)
    {
        if (request.Periods.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        foreach (var (k, (from, to)) in request.Periods.Index())
        {
            var span = DaySpan.Of(from, to);
            parameters.Add($"From{k}", from);
            parameters.Add($"To{k}", to);
            parameters.Add($"FirstDay{k}", span.FirstDay);
            parameters.Add($"EndDay{k}", span.EndDay);
            parameters.Add($"WholeFrom{k}", span.WholeFrom);
            parameters.Add($"WholeTo{k}", span.WholeTo);
        }

        var counted = (await db.QueryAsync<Row>(Statement(request.Periods.Count), parameters, cancellationToken)).ToDictionary(r => r.Period);
        return [.. request.Periods.Select((_, k) => counted.TryGetValue(k, out var r) ? new ObstacleTrendPoint(r.Received, r.Resolved) : new ObstacleTrendPoint(0, 0))];
    }

    private sealed class Row
    {
        public int Period { get; set; }

        public int Received { get; set; }

        public int Resolved { get; set; }
    }
}
