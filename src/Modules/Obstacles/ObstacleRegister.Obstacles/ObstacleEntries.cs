using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Obstacles;

/// <summary>
/// What is kept per obstacle in the order it came (its thread's comments, its evidence files): keyset pages over
/// <c>(obstacle_id, at, id)</c>, the index each of those tables has.
/// </summary>
internal static class ObstacleEntries
{
    /// <summary>The filter a page's query ends with, before its <c>ORDER BY at, id</c>.</summary>
    public const string PageFilter = "obstacle_id = @ObstacleId AND (@AfterAt IS NULL OR at > @AfterAt OR (at = @AfterAt AND id > @AfterId))";

    public sealed record EntryCursor(DateTimeOffset At, Guid Id);

    /// <summary>One row more than <paramref name="limit"/>, so the page knows whether another follows.</summary>
    public static Task<IReadOnlyList<TRow>> Page<TRow>(IDbSession db, string sql, Guid obstacleId, int limit, string? cursor, CancellationToken ct)
    {
        var after = Cursor.Decode<EntryCursor>(cursor);
        return db.QueryAsync<TRow>(db.Dialect.Limit(sql), new { ObstacleId = obstacleId, AfterAt = after?.At, AfterId = after?.Id, Limit = limit + 1 }, ct);
    }
}
