using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Amendments.List;

/// <summary>The same query and order as the amendments list, with only the fields the public may read.</summary>
internal sealed class ListPublicAmendmentsHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<ListPublicAmendments, PublicAmendmentPage>
{
    public async Task<PublicAmendmentPage> Handle(ListPublicAmendments request, CancellationToken cancellationToken)
    {
        var list = new ListAmendments(request.Status, request.DraftingUnitId, null, null, request.Overdue, null, null, request.Limit, request.Cursor, request.Open);
        var (sql, parameters) = ListAmendmentsHandler.Build(list, Cursor.Decode<AmendmentCursor>(request.Cursor), clock);
        var rows = await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        var items = await PublicAmendments.Of(db, [.. rows.Take(request.Limit)], clock, cancellationToken);
        var page = Cursor.ToPage(rows, request.Limit, r => r, r => new AmendmentCursor(r.DueOn, r.Id));
        return new PublicAmendmentPage(items, page.NextCursor);
    }
}
