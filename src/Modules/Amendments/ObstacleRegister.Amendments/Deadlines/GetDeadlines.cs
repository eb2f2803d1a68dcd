using MediatR;
using ObstacleRegister.Amendments.List;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;

namespace ObstacleRegister.Amendments.Deadlines;

/// <summary>One part of a drafting unit's deadlines: how many there are, and the first of them.</summary>
/// <param name="Count">How many amendments are in this part.</param>
/// <param name="Items">The first <c>limit</c> of them; the amendments list pages through all (e.g. <c>?overdue=true&amp;draftingUnitId=</c>).</param>
internal sealed record DeadlineSection(int Count, IReadOnlyList<AmendmentListItem> Items);

/// <summary>What a drafting unit must look at today.</summary>
/// <param name="Today">Today in the register's time zone: what every figure is judged against.</param>
/// <param name="Overdue">Open work past its due date, most overdue first.</param>
/// <param name="DueSoon">Open work due between today and <paramref name="WithinDays"/> days from now, soonest first.</param>
/// <param name="Stale">Open work with no check-in for more than 7 days, longest silence first.</param>
internal sealed record DeadlinesDto(Guid UnitId, DateOnly Today, int WithinDays, DeadlineSection Overdue, DeadlineSection DueSoon, DeadlineSection Stale);

internal sealed record GetDeadlines(Guid UnitId, int WithinDays, int Limit) : IQuery<DeadlinesDto>;

internal sealed class GetDeadlinesHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<GetDeadlines, DeadlinesDto>
{
    public const int DefaultWithinDays = 14;
    public const int MaxWithinDays = 366;

    private const string Unit = "drafting_unit_id = @UnitId AND ";

    private const string DueSoon = "is_open = 1 AND due_on >= @Today AND due_on <= @Until";

    public async Task<DeadlinesDto> Handle(GetDeadlines request, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            request.UnitId, clock.Today, Until = clock.Today.AddDays(request.WithinDays), clock.StaleBefore, request.Limit,
        };
        return new DeadlinesDto(
            request.UnitId, clock.Today, request.WithinDays,
            await Section(Unit + AmendmentFilters.IsOverdue, "due_on, id", parameters, cancellationToken),
            await Section(Unit + DueSoon, "due_on, id", parameters, cancellationToken),
            await Section(Unit + AmendmentFilters.IsStale, "last_progress_at, id", parameters, cancellationToken));
    }

    private async Task<DeadlineSection> Section(string condition, string order, object parameters, CancellationToken ct)
    {
        var count = await db.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM amendment WHERE {condition}", parameters, ct);
        var rows = count == 0
            ? []
            : await db.QueryAsync<AmendmentRow>(db.Dialect.Limit($"SELECT {AmendmentQueries.Columns} FROM amendment WHERE {condition} ORDER BY {order}"), parameters, ct);
        return new DeadlineSection(count, rows.Select(r => r.ToListItem(clock)).ToList());
    }
}
