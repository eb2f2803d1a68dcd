using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// Keeps each unit's day (UTC) in the transaction that changes an obstacle: what it received, what was decided, and
/// which regulations its obstacles of that day cite, so a period's report adds up a few hundred rows (migration 0026);
/// and each resolution with the days it took, for the medians (migration 0027). The register's weeks and months of
/// citations move with the days (<see cref="PeriodCitations"/>).
/// </summary>
internal sealed class ObstacleDays(IDbSession db, PeriodCitations periods)
{
    /// <summary>The column each counted action moves; any other action counts nowhere.</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        [ObstacleEvents.Submitted] = "received",
        [ObstacleEvents.Accepted] = "accepted",
        [ObstacleEvents.Rejected] = "rejected",
        [ObstacleEvents.MarkedDuplicate] = "duplicates",
        [ObstacleEvents.Withdrawn] = "withdrawn",
        [ObstacleEvents.Resolved] = "resolved",
        [ObstacleEvents.ResolvedWithMaster] = "resolved",
    };

    private const string CitedRegulations = "SELECT DISTINCT regulation_id FROM obstacle_regulation WHERE obstacle_id = @Id";

    private const string UpdateCitation = """
        UPDATE obstacle_day_citation SET obstacles = obstacles + @Delta WHERE day = @Day AND unit_id = @UnitId AND regulation_id = @RegulationId
        """;

    private const string InsertCitation = "INSERT INTO obstacle_day_citation (day, unit_id, regulation_id, obstacles) VALUES (@Day, @UnitId, @RegulationId, @Delta)";

    /// <summary>The days computed by the very expression the slow median used, over the stored values: the same number to the last bit.</summary>
    private string Resolution() => $"""
        INSERT INTO obstacle_resolution (at, event_id, unit_id, days)
        SELECT e.at, e.id, o.unit_id, {db.Dialect.DaysBetweenInstants("o.created_at", "e.at")}
        FROM obstacle_event e JOIN obstacle o ON o.id = e.obstacle_id
        WHERE e.id = @EventId
        """;

    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    /// <summary>
    /// A history step of <paramref name="obstacle"/>: counted on its day if it is an outcome, or on the day the obstacle
    /// was reported if it is the report itself, with its regulations; a withdrawal takes its regulations off that day.
    /// </summary>
    public async Task Recorded(ObstacleRow obstacle, Guid eventId, string action, DateTimeOffset at, CancellationToken ct)
    {
        if (!Columns.TryGetValue(action, out var column))
        {
            return;
        }

        if (column == "resolved")
        {
            await db.ExecuteAsync(Resolution(), new { EventId = eventId }, ct);
        }

        var day = action == ObstacleEvents.Submitted ? DayOf(obstacle.CreatedAt) : DayOf(at);
        var key = new { Day = day, obstacle.UnitId };
        await Tallies.Upsert(db, $"UPDATE obstacle_day SET {column} = {column} + 1 WHERE day = @Day AND unit_id = @UnitId", Insert(column), key, ct);
        if (action is ObstacleEvents.Submitted or ObstacleEvents.Withdrawn)
        {
            var regulations = await db.QueryAsync<Guid>(CitedRegulations, new { obstacle.Id }, ct);
            await Cited(obstacle, regulations, action == ObstacleEvents.Submitted ? 1 : -1, ct);
        }
    }

    /// <summary>A correction's citations: the regulations it dropped leave the obstacle's day, those it added join it.</summary>
    public async Task Recited(ObstacleRow obstacle, IEnumerable<Guid> before, IEnumerable<Guid> after, CancellationToken ct)
    {
        var (was, now) = (before.ToHashSet(), after.ToHashSet());
        await Cited(obstacle, [.. was.Except(now)], -1, ct);
        await Cited(obstacle, [.. now.Except(was)], 1, ct);
    }

    private async Task Cited(ObstacleRow obstacle, IReadOnlyList<Guid> regulations, int delta, CancellationToken ct)
    {
        foreach (var regulationId in regulations.Distinct().Order())
        {
            await Tallies.Upsert(db, UpdateCitation, InsertCitation,
                new { Day = DayOf(obstacle.CreatedAt), obstacle.UnitId, RegulationId = regulationId, Delta = delta }, ct);
            await periods.Cited(obstacle.CreatedAt, regulationId, delta, ct);
        }
    }

    private static string Insert(string column) => $"""
        INSERT INTO obstacle_day (day, unit_id, received, accepted, rejected, duplicates, withdrawn, resolved)
        VALUES (@Day, @UnitId, {One(column, "received")}, {One(column, "accepted")}, {One(column, "rejected")}, {One(column, "duplicates")},
                {One(column, "withdrawn")}, {One(column, "resolved")})
        """;

    private static string One(string column, string candidate) => column == candidate ? "1" : "0";
}
