using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// A week (ISO, from Monday) or a calendar month of the register's zone, bounded by the instants its first day and the
/// day after its last begin: exactly the bounds a report of that period asks for, so a kept period holds what the
/// report would count.
/// </summary>
internal readonly record struct KeptPeriod(string Kind, DateOnly FirstDay)
{
    public const string Week = "week";

    public const string Month = "month";

    public DateOnly EndDay => Kind == Week ? FirstDay.AddDays(7) : FirstDay.AddMonths(1);

    /// <summary>The week and the month whose bounds hold <paramref name="at"/>.</summary>
    public static KeptPeriod[] Holding(DateTimeOffset at, RegisterCalendar calendar)
    {
        // The day is judged by the bounds, not by the wall clock alone: where a zone's clock jumps at midnight the two
        // can disagree for an hour, and the report's bounds are what the figure must match.
        var day = calendar.DateOf(at);
        if (at < calendar.StartOfDay(day))
        {
            day = day.AddDays(-1);
        }
        else if (at >= calendar.StartOfDay(day.AddDays(1)))
        {
            day = day.AddDays(1);
        }

        return [new(Week, RegisterCalendar.WeekStarting(day)), new(Month, RegisterCalendar.MonthStarting(day))];
    }

    /// <summary>Every week and every month from those holding <paramref name="first"/> to those holding <paramref name="last"/>.</summary>
    public static IEnumerable<KeptPeriod> Spanning(DateTimeOffset first, DateTimeOffset last, RegisterCalendar calendar) =>
        Holding(first, calendar).SelectMany(start => Following(start).TakeWhile(p => calendar.StartOfDay(p.FirstDay) <= last));

    private static IEnumerable<KeptPeriod> Following(KeptPeriod start)
    {
        for (var period = start; ; period = period with { FirstDay = period.EndDay })
        {
            yield return period;
        }
    }

    /// <summary>The kept period that <paramref name="from"/> to <paramref name="to"/> is exactly, if it is one.</summary>
    public static KeptPeriod? Exactly(DateTimeOffset from, DateTimeOffset to, RegisterCalendar calendar)
    {
        foreach (var period in Holding(from, calendar))
        {
            if (calendar.StartOfDay(period.FirstDay) == from && calendar.StartOfDay(period.EndDay) == to)
            {
                return period;
            }
        }

        return null;
    }
}

/// <summary>
/// The regulations cited by each kept period's obstacles, for the register as a whole (migration 0030): moved with the
/// kept days in the transaction that reports, withdraws or re-cites an obstacle, and counted afresh when the zone changes.
/// </summary>
internal sealed class PeriodCitations(IDbSession db, RegisterCalendar calendar)
{
    private const string Update = """
        UPDATE obstacle_period_citation SET obstacles = obstacles + @Delta
        WHERE period = @Period AND first_day = @FirstDay AND regulation_id = @RegulationId
        """;

    private const string Insert = """
        INSERT INTO obstacle_period_citation (period, first_day, regulation_id, obstacles) VALUES (@Period, @FirstDay, @RegulationId, @Delta)
        """;

    // The zone test is in the query: periods counted in another zone rank nothing, and the caller asks whether they are counted.
    internal const string Ranked = """
        SELECT regulation_id, obstacles FROM obstacle_period_citation
        WHERE period = @Period AND first_day = @FirstDay AND obstacles > 0
          AND EXISTS (SELECT 1 FROM obstacle_period_zone WHERE zone = @Zone)
        ORDER BY obstacles DESC, regulation_id
        """;

    private const string Counted = "SELECT COUNT(*) FROM obstacle_period_zone WHERE zone = @Zone";

    private string Zone => calendar.Zone.Id;

    /// <summary>Moves each regulation's count in the week and the month the obstacle was reported in.</summary>
    public async Task Cited(DateTimeOffset reportedAt, Guid regulationId, int delta, CancellationToken ct)
    {
        foreach (var period in KeptPeriod.Holding(reportedAt, calendar))
        {
            await Tallies.Upsert(db, Update, Insert,
                new { Period = period.Kind, period.FirstDay, RegulationId = regulationId, Delta = delta }, ct);
        }
    }

    /// <summary>
    /// The period's most-cited regulations if the period is a kept one counted in the register's zone; null when the
    /// caller must rank them another way.
    /// </summary>
    public async Task<IReadOnlyList<RegulationObstacleCount>?> Top(DateTimeOffset from, DateTimeOffset to, int top, CancellationToken ct)
    {
        if (KeptPeriod.Exactly(from, to, calendar) is not { } period)
        {
            return null;
        }

        var parameters = new { Period = period.Kind, period.FirstDay, Zone, Top = top };
        var ranked = (await db.QueryAsync<Row>(db.Dialect.Limit(Ranked, "@Top"), parameters, ct))
            .Select(r => new RegulationObstacleCount(r.RegulationId, r.Obstacles)).ToList();
        return ranked.Count > 0 || await db.ExecuteScalarAsync<int>(Counted, parameters, ct) > 0 ? ranked : null;
    }

    private sealed class Row
    {
        public Guid RegulationId { get; set; }

        public int Obstacles { get; set; }
    }
}
