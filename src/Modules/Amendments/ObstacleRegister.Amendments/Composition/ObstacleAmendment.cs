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
    private const string Latest = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE id IN (SELECT l.amendment_id FROM amendment_obstacle l WHERE l.obstacle_id = @ObstacleId)
        ORDER BY created_at DESC, id DESC
        """;

    public string View => ObstacleViews.Detail;

    public string Slot => "amendment";

    public Type ValueType => typeof(AmendmentRef);

    public bool MayBeNull => true;

    public async Task<object?> FillAsync(Guid id, CancellationToken cancellationToken) =>
        // The bound is written into the text: SQLite sorts for a LIMIT given as a parameter as if unbounded, which made this
        // one-row lookup cost three times its reads on every obstacle page.
        await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(Latest, "1"), new { ObstacleId = id }, cancellationToken) is [var latest, ..]
            ? new AmendmentRef(latest.Id, latest.Title, latest.StatusValue, latest.DueOn, latest.IssuedRegulationId)
            : null;
}
