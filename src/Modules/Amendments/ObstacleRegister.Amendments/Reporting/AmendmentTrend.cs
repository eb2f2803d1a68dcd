using Dapper;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Reporting;

/// <summary>
/// A trend's periods in two statements, each one pass over its index with a column per period: the overdue rule of
/// the reports (<see cref="CountAmendmentActivityHandler.OverdueAsOf"/>) at each as-of date over the amendments due before the last
/// of them, and the in-force test over those that took effect within the periods. A statement per period would walk
/// the same overdue entries once for each.
/// </summary>
internal sealed class CountAmendmentTrendHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<CountAmendmentTrend, IReadOnlyList<AmendmentTrendPoint>>
{
    public async Task<IReadOnlyList<AmendmentTrendPoint>> Handle(CountAmendmentTrend request, CancellationToken cancellationToken)
    {
        var periods = request.Periods;
        if (periods.Count == 0)
        {
            return [];
        }

        var parameters = new DynamicParameters();
        parameters.Add("LatestAsOf", periods.Max(p => p.AsOf));
        parameters.Add("EarliestAsOf", periods.Min(p => p.AsOf));
        parameters.Add("EarliestDay", periods.Min(p => p.FirstDay));
        parameters.Add("LatestDay", periods.Max(p => p.LastDay));
        foreach (var (k, (firstDay, lastDay, asOf)) in periods.Index())
        {
            parameters.Add($"FirstDay{k}", firstDay);
            parameters.Add($"LastDay{k}", lastDay);
            parameters.Add($"AsOf{k}", asOf);
            parameters.Add($"AsOfEnd{k}", clock.StartOfDay(asOf.AddDays(1)));
        }

        var overdue = await Counts(Overdue(db.Dialect, periods.Count), parameters, periods.Count, cancellationToken);
        var inForce = await Counts(InForce(periods.Count), parameters, periods.Count, cancellationToken);
        return [.. periods.Select((_, k) => new AmendmentTrendPoint(inForce[k], overdue[k]))];
    }

    /// <summary>
    /// Read from the overdue index alone, which holds every column the tests ask: SQLite's statistics of a large
    /// register made it prefer the plain due-day index and fetch each row (20 times slower at a million). An amendment
    /// issued by the earliest as-of date is overdue at none of them, and is passed over before the per-period tests.
    /// </summary>
    internal static string Overdue(ISqlDialect dialect, int periods) => $"""
        SELECT {Columns(periods, k => CountAmendmentActivityHandler.OverdueAsOf($"@AsOf{k}", $"@AsOfEnd{k}"))}
        FROM amendment {dialect.ReadThrough("ix_amendment_overdue")}
        WHERE due_on < @LatestAsOf AND status <> 'cancelled' AND (issued_on IS NULL OR issued_on > @EarliestAsOf)
        """;

    internal static string InForce(int periods) => $"""
        SELECT {Columns(periods, k => $"effective_on >= @FirstDay{k} AND effective_on <= @LastDay{k}")}
        FROM amendment WHERE status = 'in_force' AND effective_on >= @EarliestDay AND effective_on <= @LatestDay
        """;

    /// <summary>A count per period, <c>c0</c>, <c>c1</c>, …: the rows that pass the period's test.</summary>
    private static string Columns(int periods, Func<int, string> test) =>
        string.Join(",\n", Enumerable.Range(0, periods).Select(k => $"COALESCE(SUM(CASE WHEN {test(k)} THEN 1 ELSE 0 END), 0) AS c{k}"));

    /// <summary>The one row's columns <c>c0</c>, <c>c1</c>, … in order (an engine answers integers of its own width).</summary>
    private async Task<int[]> Counts(string sql, DynamicParameters parameters, int periods, CancellationToken ct)
    {
        var row = (IDictionary<string, object?>)(await db.QuerySingleOrDefaultAsync<object>(sql, parameters, ct))!;
        return [.. Enumerable.Range(0, periods).Select(k => Convert.ToInt32(row[$"c{k}"], System.Globalization.CultureInfo.InvariantCulture))];
    }
}
