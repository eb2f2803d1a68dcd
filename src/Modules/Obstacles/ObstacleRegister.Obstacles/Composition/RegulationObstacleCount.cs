using ObstacleRegister.BuildingBlocks.Composition;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Regulations.Contracts;

namespace ObstacleRegister.Obstacles.Composition;

/// <summary>What a regulation's page shows of the obstacles: how many cite it, withdrawn ones not counted.</summary>
internal sealed class RegulationObstacleCount(IDbSession db) : IViewSlotFiller
{
    private const string Count = """
        SELECT COUNT(*) FROM obstacle o
        WHERE o.seq IN (SELECT c.obstacle_seq FROM obstacle_regulation c WHERE c.regulation_id = @RegulationId)
          AND o.status <> 'withdrawn'
        """;

    public string View => RegulationViews.Detail;

    public string Slot => "obstacleCount";

    public Type ValueType => typeof(int);

    public async Task<object?> FillAsync(Guid id, CancellationToken cancellationToken) =>
        await db.ExecuteScalarAsync<int>(Count, new { RegulationId = id }, cancellationToken);
}
