using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Obstacles.Reporting;

/// <summary>The counters kept beside the obstacles (hotspots, days) move by update, or by insert the first time.</summary>
internal static class Tallies
{
    /// <summary>Adds to the row, or creates it; answers whether it existed. A row another transaction created first is added to.</summary>
    public static async Task<bool> Upsert(IDbSession db, string update, string insert, object parameters, CancellationToken ct)
    {
        if (await db.ExecuteAsync(update, parameters, ct) > 0)
        {
            return true;
        }

        try
        {
            await db.ExecuteAsync(insert, parameters, ct);
            return false;
        }
        catch (Exception ex) when (db.Dialect.IsUniqueViolation(ex))
        {
            await db.ExecuteAsync(update, parameters, ct);
            return true;
        }
    }
}
