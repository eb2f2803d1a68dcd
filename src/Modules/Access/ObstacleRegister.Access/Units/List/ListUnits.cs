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
    private const string Query = $"""
        SELECT {UnitQueries.Columns} FROM unit
        WHERE (@Kind IS NULL OR kind = @Kind)
          AND (@ParentId IS NULL OR parent_id = @ParentId)
          AND (@After IS NULL OR code > @After)
        ORDER BY code
        """;

    public async Task<Page<UnitDto>> Handle(ListUnits request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<UnitCursor>(request.Cursor);
        var parameters = new
        {
            Kind = request.Kind is { } kind ? WireNames.Of(kind) : null,
            request.ParentId,
            After = after?.Code,
            Limit = request.Limit + 1,
        };
        var rows = await db.QueryAsync<UnitRow>(db.Dialect.Limit(Query), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new UnitCursor(r.Code));
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
