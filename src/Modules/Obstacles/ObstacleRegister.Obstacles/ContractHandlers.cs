using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles;

internal sealed class GetObstaclesHandler(IDbSession db) : IRequestHandler<GetObstacles, IReadOnlyList<ObstacleSummary>>
{
    private const string Citations = "SELECT obstacle_id, regulation_id FROM obstacle_regulation WHERE obstacle_id IN @Ids ORDER BY position";

    public async Task<IReadOnlyList<ObstacleSummary>> Handle(GetObstacles request, CancellationToken cancellationToken)
    {
        var rows = await ObstacleQueries.FindMany(db, request.Ids, cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var citations = (await db.QueryAsync<CitationRow>(Citations, new { Ids = db.Dialect.IdList(rows.Select(r => r.Id)) }, cancellationToken))
            .ToLookup(c => c.ObstacleId, c => c.RegulationId);
        return rows.Select(r => new ObstacleSummary(r.Id, r.Reference, r.StatusValue, r.UnitId, r.DuplicateOfId, citations[r.Id].Distinct().ToList())).ToList();
    }

    private sealed class CitationRow
    {
        public Guid ObstacleId { get; set; }

        public Guid RegulationId { get; set; }
    }
}
