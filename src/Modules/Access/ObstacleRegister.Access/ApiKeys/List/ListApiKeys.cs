using System.Text;
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
    public async Task<Page<ApiKeyDto>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(request, Cursor.Decode<ApiKeyCursor>(request.Cursor));
        var rows = await db.QueryAsync<ApiKeyRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new ApiKeyCursor(r.CreatedAt, r.Id));
    }

    internal static (string Sql, Dapper.DynamicParameters Parameters) Build(ListApiKeys request, ApiKeyCursor? after)
    {
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        if (request.UnitId is { } unitId) filters.Add("unit_id = @UnitId", "UnitId", unitId);
        if (after is not null) filters.CreatedAfter(after.CreatedAt, after.Id);

        var sql = filters.AppendWhere(new StringBuilder($"SELECT {ApiKeyQueries.Columns} FROM api_key")).Append("\nORDER BY created_at, id");
        return (sql.ToString(), filters.Parameters);
    }
}
