using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Errors;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.Obstacles.Contracts;
using ObstacleRegister.BuildingBlocks.Localization;

namespace ObstacleRegister.Obstacles.List;

/// <summary>
/// Results for the public: one status per page, newest first by seq, read from the (status, seq) index (or
/// (unit_id, seq) for one unit). Only resolved and rejected obstacles are published.
/// </summary>
internal sealed class ListPublishedObstaclesHandler(IDbSession db) : IRequestHandler<ListPublishedObstacles, PublishedObstaclePage>
{
    private const string Query = $"""
        SELECT {Publication.PublicObstacleRows.Columns}
        FROM obstacle
        WHERE status = @Status /*unit*/ /*before*/
        ORDER BY seq DESC
        """;

    public async Task<PublishedObstaclePage> Handle(ListPublishedObstacles request, CancellationToken cancellationToken)
    {
        if (request.Status is not (ObstacleStatus.Resolved or ObstacleStatus.Rejected))
        {
            throw RequestValidationException.For("status", Say.Text("Validation.PublishedStatus"));
        }

        var before = Cursor.Decode<ObstacleCursor>(request.Cursor);
        var sql = QueryFilters.Optional(
            QueryFilters.ForUnit(Query, "unit_id", request.UnitId),
            "/*before*/", before is null ? null : "AND seq < @BeforeSeq");
        var rows = await db.QueryAsync<ObstacleRow>(db.Dialect.Limit(sql), new
        {
            Status = WireNames.Of(request.Status), request.UnitId, BeforeSeq = before?.Seq, Limit = request.Limit + 1,
        }, cancellationToken);
        var page = Cursor.ToPage(rows, request.Limit, r => new PublishedObstacle(
            r.Id, r.Reference, r.UnitId, r.Title, WireNames.Parse<ObstacleCategory>(r.Category), r.StatusValue, r.Answer, r.DuplicateOfId,
            r.CreatedAt, r.UpdatedAt, r.Confirmation), r => new ObstacleCursor(r.Seq));
        return new PublishedObstaclePage(page.Items, page.NextCursor);
    }
}
