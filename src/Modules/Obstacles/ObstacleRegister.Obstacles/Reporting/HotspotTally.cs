using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>
/// Keeps the hotspot tallies in the transaction that changes an obstacle: per unit, and per regulation and article with
/// the units affected, so the all-time ranking reads an index instead of every citation. Only reports, rejections,
/// withdrawals, duplicates and resolutions move a tally; accepting or linking to an amendment keeps an obstacle open.
/// </summary>
internal sealed class HotspotTally(IDbSession db)
{
    private const string Citations = "SELECT regulation_id, article FROM obstacle_regulation WHERE obstacle_id = @Id";

    private const string UpdateUnit = """
        UPDATE obstacle_hotspot_unit SET open_obstacles = open_obstacles + @Open, resolved_obstacles = resolved_obstacles + @Resolved
        WHERE unit_id = @UnitId AND regulation_id = @RegulationId AND article = @Article
        """;

    private const string InsertUnit = """
        INSERT INTO obstacle_hotspot_unit (unit_id, regulation_id, article, open_obstacles, resolved_obstacles)
        VALUES (@UnitId, @RegulationId, @Article, @Open, @Resolved)
        """;

    private const string UnitOpen = "SELECT open_obstacles FROM obstacle_hotspot_unit WHERE unit_id = @UnitId AND regulation_id = @RegulationId AND article = @Article";

    private const string UpdateTotal = """
        UPDATE obstacle_hotspot
        SET open_obstacles = open_obstacles + @Open, units_affected = units_affected + @Units, resolved_obstacles = resolved_obstacles + @Resolved
        WHERE regulation_id = @RegulationId AND article = @Article
        """;

    private const string InsertTotal = """
        INSERT INTO obstacle_hotspot (regulation_id, article, open_obstacles, units_affected, resolved_obstacles)
        VALUES (@RegulationId, @Article, @Open, @Units, @Resolved)
        """;

    /// <summary>What an obstacle in this state adds to the tallies: open, resolved, or nothing (duplicates never count).</summary>
    public static (int Open, int Resolved) Standing(ObstacleStatus status, bool isDuplicate) => status switch
    {
        ObstacleStatus.Submitted or ObstacleStatus.NeedsInformation or ObstacleStatus.Accepted or ObstacleStatus.InAmendment => (1, 0),
        ObstacleStatus.Resolved when !isDuplicate => (0, 1),
        _ => (0, 0),
    };

    /// <summary>An open obstacle's citations corrected: it stops counting under the ones it dropped and counts under the new.</summary>
    public async Task Recited(Guid unitId, IEnumerable<(Guid RegulationId, int Article)> before, IEnumerable<(Guid RegulationId, int Article)> after, CancellationToken ct)
    {
        await Apply(unitId, before, (-1, 0), ct);
        await Apply(unitId, after, (1, 0), ct);
    }

    /// <summary>An obstacle moved between states: its citations are read only when its standing changed.</summary>
    public async Task Moved(ObstacleRow row, ObstacleStatus to, bool isDuplicate, CancellationToken ct)
    {
        var before = Standing(row.StatusValue, row.DuplicateOfId is not null);
        var after = Standing(to, isDuplicate);
        if (before == after)
        {
            return;
        }

        var citations = await db.QueryAsync<(Guid RegulationId, int Article)>(Citations, new { row.Id }, ct);
        await Apply(row.UnitId, citations, (after.Open - before.Open, after.Resolved - before.Resolved), ct);
    }

    /// <summary>
    /// New obstacles of one unit, each counted as open under every regulation and article it cites: each tally moved
    /// once, by how many of them it counts (a spreadsheet's rows citing one decree move its tally once).
    /// </summary>
    public Task AddedAll(Guid unitId, IEnumerable<IEnumerable<(Guid RegulationId, int Article)>> citationsOfEach, CancellationToken ct) =>
        Apply(unitId, citationsOfEach.SelectMany(Keys).GroupBy(k => k).Select(g => (g.Key, (g.Count(), 0))), ct);

    private Task Apply(Guid unitId, IEnumerable<(Guid RegulationId, int Article)> citations, (int Open, int Resolved) delta, CancellationToken ct) =>
        Apply(unitId, Keys(citations).Select(k => (k, delta)), ct);

    /// <summary>The tallies one obstacle's citations move: each regulation as a whole (article 0) and each article, once.</summary>
    private static IEnumerable<(Guid RegulationId, int Article)> Keys(IEnumerable<(Guid RegulationId, int Article)> citations) =>
        citations.SelectMany(c => new[] { (c.RegulationId, Article: 0), (c.RegulationId, c.Article) }).Distinct();

    private async Task Apply(
        Guid unitId, IEnumerable<((Guid RegulationId, int Article) Key, (int Open, int Resolved) Delta)> changes, CancellationToken ct)
    {
        // One order for every writer, so two transactions on SQL Server never wait on each other's rows in a cycle.
        foreach (var ((regulationId, article), delta) in changes.OrderBy(c => c.Key))
        {
            var key = new { UnitId = unitId, RegulationId = regulationId, Article = article, delta.Open, delta.Resolved };
            var openAfter = await Upsert(UpdateUnit, InsertUnit, key, ct) ? await db.ExecuteScalarAsync<int>(UnitOpen, key, ct) : delta.Open;
            var openBefore = openAfter - delta.Open;
            var units = (openBefore, openAfter) switch
            {
                (0, > 0) => 1,
                (> 0, 0) => -1,
                _ => 0,
            };
            await Upsert(UpdateTotal, InsertTotal, new { RegulationId = regulationId, Article = article, delta.Open, Units = units, delta.Resolved }, ct);
        }
    }

    private Task<bool> Upsert(string update, string insert, object parameters, CancellationToken ct) =>
        Tallies.Upsert(db, update, insert, parameters, ct);
}
