using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Amendments.Composition;

/// <summary>The amendment following an obstacle, in brief: where the work that removes it stands.</summary>
/// <param name="DueOn">Its due date for issuance.</param>
/// <param name="IssuedRegulationId">The document issued, once it is.</param>
internal sealed record AmendmentRef(Guid Id, string Title, AmendmentStatus Status, DateOnly DueOn, Guid? IssuedRegulationId);

/// <summary>What an obstacle's page shows of the amendments: the one that took it on most recently (open, in force or cancelled).</summary>
internal sealed class ObstacleAmendment(IDbSession db) : IViewSlotFiller
{
    // Not sorted by SQLite: a statement that sorts without an index opens a temporary file each time it runs (about
    // 0.17 ms, found or not), on every obstacle page; an obstacle is in a handful of amendments at most.
    private const string All = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE id IN (SELECT l.amendment_id FROM amendment_obstacle l WHERE l.obstacle_id = @ObstacleId)
        """;

    public string View => ObstacleViews.Detail;

    public string Slot => "amendment";

    public Type ValueType => typeof(AmendmentRef);

    public bool MayBeNull => true;

    public async Task<object?> FillAsync(Guid id, CancellationToken cancellationToken) =>
        (await db.QueryAsync<AmendmentRow>(All, new { ObstacleId = id }, cancellationToken))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefault() is { } latest
            ? new AmendmentRef(latest.Id, latest.Title, latest.StatusValue, latest.DueOn, latest.IssuedRegulationId)
            : null;
}
