using MediatR;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Access.ApiKeys.List;

/// <summary>Lists keys, oldest first, optionally of one unit; revoked keys are included and marked.</summary>
internal sealed record ListApiKeys(Guid? UnitId, int Limit, string? Cursor) : IQuery<Page<ApiKeyDto>>;

internal sealed record ApiKeyCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListApiKeysHandler(IDbSession db) : IRequestHandler<ListApiKeys, Page<ApiKeyDto>>
{
    private const string Query = $"""
        SELECT {ApiKeyQueries.Columns} FROM api_key
        WHERE (@UnitId IS NULL OR unit_id = @UnitId)
          AND (@AfterAt IS NULL OR created_at > @AfterAt OR (created_at = @AfterAt AND id > @AfterId))
        ORDER BY created_at, id
        """;

    public async Task<Page<ApiKeyDto>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<ApiKeyCursor>(request.Cursor);
        var parameters = new { request.UnitId, AfterAt = after?.CreatedAt, AfterId = after?.Id, Limit = request.Limit + 1 };
        var rows = await db.QueryAsync<ApiKeyRow>(db.Dialect.Limit(Query), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new ApiKeyCursor(r.CreatedAt, r.Id));
    }
}
