using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Reporting;

/// <summary>The four deadline statuses of a period's amendments, from <c>ix_amendment_overdue</c> (due day first, covering the columns read).</summary>
internal sealed class CountAmendmentDeadlinesHandler(IDbSession db) : IRequestHandler<CountAmendmentDeadlines, IReadOnlyList<AmendmentDeadlines>>
{
    private const string Query = $"""
        SELECT unit_id AS UnitId, {DeadlineStatusSql.Columns}
        FROM (SELECT drafting_unit_id AS unit_id, issued_on AS done_on, due_on FROM amendment
              WHERE status <> 'cancelled' AND due_on >= @FirstDay AND due_on <= @LastDay /*unit*/) due
        GROUP BY unit_id
        """;

    public async Task<IReadOnlyList<AmendmentDeadlines>> Handle(CountAmendmentDeadlines request, CancellationToken cancellationToken) =>
        [.. (await db.QueryAsync<DeadlineStatusRow>(QueryFilters.ForUnit(Query, "drafting_unit_id", request.UnitId), request, cancellationToken))
            .Select(r => new AmendmentDeadlines(r.UnitId, r.DoneOnTime, r.DoneLate, r.OpenWithinDeadline, r.Overdue))];
}
