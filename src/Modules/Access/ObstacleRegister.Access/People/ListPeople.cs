using System.Text;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Access.People;

/// <summary>The people who may sign in, oldest first, optionally of one unit; removed people are not listed.</summary>
internal sealed record ListPeople(Guid? UnitId, int Limit, string? Cursor) : IQuery<Page<PersonDto>>;

/// <summary>One person, while they may sign in.</summary>
internal sealed record GetPerson(Guid Id) : IQuery<PersonRow>;

internal sealed record PersonCursor(DateTimeOffset CreatedAt, Guid Id);

internal sealed class ListPeopleHandler(IDbSession db) : IRequestHandler<ListPeople, Page<PersonDto>>
{
    public async Task<Page<PersonDto>> Handle(ListPeople request, CancellationToken cancellationToken)
    {
        var after = Cursor.Decode<PersonCursor>(request.Cursor);
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        filters.Add("removed_at IS NULL");
        if (request.UnitId is { } unitId) filters.Add("unit_id = @UnitId", "UnitId", unitId);
        if (after is not null) filters.CreatedAfter(after.CreatedAt, after.Id);

        var sql = filters.AppendWhere(new StringBuilder($"SELECT {PersonQueries.Columns} FROM person")).Append("\nORDER BY created_at, id");
        var rows = await db.QueryAsync<PersonRow>(db.Dialect.Limit(sql.ToString()), filters.Parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToDto(), r => new PersonCursor(r.CreatedAt, r.Id));
    }
}

internal sealed class GetPersonHandler(IDbSession db) : IRequestHandler<GetPerson, PersonRow>
{
    public Task<PersonRow> Handle(GetPerson request, CancellationToken cancellationToken) => PersonQueries.Get(db, request.Id, cancellationToken);
}
