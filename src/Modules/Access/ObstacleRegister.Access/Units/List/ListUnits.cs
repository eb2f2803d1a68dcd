using System.Text;
using MediatR;
using ObstacleRegister.Access.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Access.Units.List;

/// <summary>Lists units in code order, optionally of one kind or under one parent.</summary>
internal sealed record ListUnits(UnitKind? Kind, Guid? ParentId, int Limit, string? Cursor) : IQuery<Page<UnitDto>>;

internal sealed record UnitCursor(string Code);

internal sealed class ListUnitsHandler(IDbSession db) : IRequestHandler<ListUnits, Page<UnitDto>>
{
    public async Task<Page<UnitDto>> Handle(ListUnits request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(request, Cursor.Decode<UnitCursor>(request.Cursor));
        var rows = await db.QueryAsync<UnitRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new UnitCursor(r.Code));
    }

    internal static (string Sql, Dapper.DynamicParameters Parameters) Build(ListUnits request, UnitCursor? after)
    {
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        if (request.Kind is { } kind) filters.Add("kind = @Kind", "Kind", WireNames.Of(kind));
        if (request.ParentId is { } parentId) filters.Add("parent_id = @ParentId", "ParentId", parentId);
        if (after is not null) filters.Add("code > @After", "After", after.Code);
        var sql = filters.AppendWhere(new StringBuilder($"SELECT {UnitQueries.Columns} FROM unit")).Append("\nORDER BY code");
        return (sql.ToString(), filters.Parameters);
    }
}

internal sealed record GetUnitById(Guid Id) : IQuery<UnitRow>;

internal sealed class GetUnitByIdHandler(IDbSession db) : IRequestHandler<GetUnitById, UnitRow>
{
    public Task<UnitRow> Handle(GetUnitById request, CancellationToken cancellationToken) =>
        UnitQueries.Get(db, request.Id, cancellationToken);
}

/// <summary>Answers other modules' <see cref="GetUnit"/>.</summary>
internal sealed class GetUnitHandler(IDbSession db) : IRequestHandler<GetUnit, UnitSummary?>
{
    public async Task<UnitSummary?> Handle(GetUnit request, CancellationToken cancellationToken) =>
        (await UnitQueries.Find(db, request.Id, cancellationToken))?.ToDto().ToSummary();
}

/// <summary>Answers other modules' <see cref="GetUnits"/> with one query.</summary>
internal sealed class GetUnitsHandler(IDbSession db) : IRequestHandler<GetUnits, IReadOnlyList<UnitSummary>>
{
    private const string ByIds = $"SELECT {UnitQueries.Columns} FROM unit WHERE id IN @Ids";

    public async Task<IReadOnlyList<UnitSummary>> Handle(GetUnits request, CancellationToken cancellationToken) =>
        request.Ids.Count == 0
            ? []
            : (await db.QueryAsync<UnitRow>(ByIds, new { Ids = db.Dialect.IdList(request.Ids) }, cancellationToken)).Select(u => u.ToDto().ToSummary()).ToList();
}

internal sealed class GetAllUnitsHandler(IDbSession db) : IRequestHandler<GetAllUnits, IReadOnlyList<UnitSummary>>
{
    private const string All = $"SELECT {UnitQueries.Columns} FROM unit ORDER BY name, code";

    public async Task<IReadOnlyList<UnitSummary>> Handle(GetAllUnits request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<UnitRow>(All, null, cancellationToken)).Select(u => u.ToDto().ToSummary())];
}
