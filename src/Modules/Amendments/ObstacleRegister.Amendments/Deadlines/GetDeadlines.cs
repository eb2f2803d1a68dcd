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
/// <param name="AtRisk">Open work not late yet whose forecast says it will likely miss its due date, soonest due first.</param>
internal sealed record DeadlinesDto(
    Guid UnitId, DateOnly Today, int WithinDays, DeadlineSection Overdue, DeadlineSection DueSoon, DeadlineSection Stale, DeadlineSection AtRisk);

internal sealed record GetDeadlines(Guid UnitId, int WithinDays, int Limit) : IQuery<DeadlinesDto>;

internal sealed class GetDeadlinesHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<GetDeadlines, DeadlinesDto>
{
    public const int DefaultWithinDays = 14;
    public const int MaxWithinDays = 366;

    private const string Unit = "drafting_unit_id = @UnitId AND ";

    private const string DueSoon = "is_open = 1 AND due_on >= @Today AND due_on <= @Until";

    /// <summary>Each part's condition and order; the unit's (drafting_unit_id, due_on, id) index serves all four.</summary>
    private static readonly (string Condition, string Order)[] Parts =
    [
        (Unit + AmendmentFilters.IsOverdue, "due_on, id"),
        (Unit + DueSoon, "due_on, id"),
        (Unit + AmendmentFilters.IsStale, "last_progress_at, id"),
        (Unit + "due_on >= @Today AND " + AmendmentFilters.IsAtRisk, "due_on, id"),
    ];

    /// <summary>Every statement this query runs, for the tests that check them on both engines.</summary>
    internal static IEnumerable<string> Statements(ISqlDialect dialect) => Parts.SelectMany(p => new[] { CountSql(p.Condition), PageSql(dialect, p) });

    public async Task<DeadlinesDto> Handle(GetDeadlines request, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            request.UnitId, clock.Today, Until = clock.Today.AddDays(request.WithinDays), clock.StaleBefore, request.Limit,
        };
        var sections = new List<DeadlineSection>();
        foreach (var part in Parts)
        {
            sections.Add(await Section(part, parameters, cancellationToken));
        }

        return new DeadlinesDto(request.UnitId, clock.Today, request.WithinDays, sections[0], sections[1], sections[2], sections[3]);
    }

    private async Task<DeadlineSection> Section((string Condition, string Order) part, object parameters, CancellationToken ct)
    {
        var count = await db.ExecuteScalarAsync<int>(CountSql(part.Condition), parameters, ct);
        var rows = count == 0 ? [] : await db.QueryAsync<AmendmentRow>(PageSql(db.Dialect, part), parameters, ct);
        return new DeadlineSection(count, rows.Select(r => r.ToListItem(clock)).ToList());
    }

    private static string CountSql(string condition) => $"SELECT COUNT(*) FROM amendment WHERE {condition}";

    private static string PageSql(ISqlDialect dialect, (string Condition, string Order) part) =>
        dialect.Limit($"SELECT {AmendmentQueries.Columns} FROM amendment WHERE {part.Condition} ORDER BY {part.Order}");
}
