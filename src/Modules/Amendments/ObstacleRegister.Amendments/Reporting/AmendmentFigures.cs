using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Changes;
using ObstacleRegister.BuildingBlocks.Data;

namespace ObstacleRegister.Amendments.Reporting;

/// <summary>
/// Period figures for the reports, by SQL aggregates over the date indexes. Overdue and days late are judged
/// at the as-of date with today's due dates (a deadline moved since is not replayed); stale and at risk are as of today.
/// </summary>
internal sealed class CountAmendmentActivityHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<CountAmendmentActivity, IReadOnlyList<AmendmentActivity>>
{
    private const string Opened = """
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count FROM amendment
        WHERE created_at >= @From AND created_at < @To /*unit*/
        GROUP BY drafting_unit_id
        """;

    private const string Issued = """
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count, SUM(CASE WHEN issued_on <= original_due_on THEN 1 ELSE 0 END) AS Extra
        FROM amendment
        WHERE issued_on >= @FirstDay AND issued_on <= @LastDay /*unit*/
        GROUP BY drafting_unit_id
        """;

    private const string InForce = """
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count FROM amendment
        WHERE status = 'in_force' AND effective_on >= @FirstDay AND effective_on <= @LastDay /*unit*/
        GROUP BY drafting_unit_id
        """;

    private const string Cancelled = $"""
        SELECT a.drafting_unit_id AS UnitId, COUNT(*) AS Count
        FROM amendment_event e JOIN amendment a ON a.id = e.amendment_id
        WHERE e.at >= @From AND e.at < @To AND e.action = '{AmendmentEvents.Cancelled}' /*unit*/
        GROUP BY a.drafting_unit_id
        """;

    private const string Stale = """
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count FROM amendment
        WHERE is_open = 1 AND last_progress_at < @StaleBefore /*unit*/
        GROUP BY drafting_unit_id
        """;

    private const string AtRisk = $"""
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count FROM amendment
        WHERE {List.AmendmentFilters.IsAtRisk} /*unit*/
        GROUP BY drafting_unit_id
        """;

    public async Task<IReadOnlyList<AmendmentActivity>> Handle(CountAmendmentActivity request, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            request.From, request.To, request.FirstDay, request.LastDay, request.AsOf, request.UnitId, clock.StaleBefore,
            AsOfEnd = clock.StartOfDay(request.AsOf.AddDays(1)),
        };
        async Task<Dictionary<Guid, UnitCount>> Count(string sql, string unitColumn) =>
            (await db.QueryAsync<UnitCount>(QueryFilters.ForUnit(sql, unitColumn, request.UnitId), parameters, cancellationToken))
                .ToDictionary(r => r.UnitId);

        var opened = await Count(Opened, "drafting_unit_id");
        var issued = await Count(Issued, "drafting_unit_id");
        var inForce = await Count(InForce, "drafting_unit_id");
        var cancelled = await Count(Cancelled, "a.drafting_unit_id");
        var overdue = await Count(OverdueAt(db.Dialect), "drafting_unit_id");
        var stale = await Count(Stale, "drafting_unit_id");
        var atRisk = await Count(AtRisk, "drafting_unit_id");
        return new[] { opened, issued, inForce, cancelled, overdue, stale, atRisk }.SelectMany(d => d.Keys).Distinct()
            .Select(unit => new AmendmentActivity(
                unit, Of(opened, unit), Of(issued, unit), Of(issued, unit, extra: true), Of(inForce, unit), Of(cancelled, unit),
                Of(overdue, unit), Of(overdue, unit, extra: true), Of(stale, unit), Of(atRisk, unit)))
            .ToList();
    }

    /// <summary>
    /// Not issued by the as-of date (nor cancelled), created by then, and due before it; Extra sums the days late. Read
    /// from <c>ix_amendment_overdue_by_unit</c> alone: on SQLite in the units' order, so grouping needs no sort.
    /// </summary>
    internal static string OverdueAt(ISqlDialect dialect) => $"""
        SELECT drafting_unit_id AS UnitId, COUNT(*) AS Count, SUM({dialect.DaysBetweenDates("due_on", "@AsOf")}) AS Extra
        FROM amendment {dialect.ReadThrough("ix_amendment_overdue_by_unit")}
        WHERE status <> 'cancelled' AND {OverdueAsOf("@AsOf", "@AsOfEnd")} /*unit*/
        GROUP BY drafting_unit_id
        """;

    /// <summary>The overdue rule for a non-cancelled amendment at an as-of date (<paramref name="asOfEnd"/>: the instant that day ends).</summary>
    internal static string OverdueAsOf(string asOf, string asOfEnd) =>
        $"due_on < {asOf} AND created_at < {asOfEnd} AND (issued_on IS NULL OR issued_on > {asOf})";

    private static int Of(Dictionary<Guid, UnitCount> counts, Guid unit, bool extra = false) =>
        counts.TryGetValue(unit, out var c) ? (extra ? c.Extra ?? 0 : c.Count) : 0;

    private sealed class UnitCount
    {
        public Guid UnitId { get; set; }

        public int Count { get; set; }

        public int? Extra { get; set; }
    }
}

internal sealed class GetGuidanceBacklogHandler(IDbSession db) : IRequestHandler<GetGuidanceBacklog, IReadOnlyList<GuidanceBacklogItem>>
{
    private const string Query = $"""
        SELECT {AmendmentQueries.Columns} FROM amendment
        WHERE kind = 'new_guidance' AND status NOT IN ('in_force', 'cancelled') /*after*/
        ORDER BY due_on, id
        """;

    public async Task<IReadOnlyList<GuidanceBacklogItem>> Handle(GetGuidanceBacklog request, CancellationToken cancellationToken)
    {
        var sql = QueryFilters.Optional(Query, "/*after*/",
            request.AfterDueOn is null ? null : "AND (due_on > @AfterDueOn OR (due_on = @AfterDueOn AND id > @AfterId))");
        var rows = await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(sql), new { request.AfterDueOn, request.AfterId, request.Limit }, cancellationToken);
        return rows.Select(r => new GuidanceBacklogItem(
            r.Id, r.Title, r.StatusValue, r.RegulationId, r.DraftingUnitId, $"{r.OfficialName}, {r.OfficialPosition}", r.DueOn)).ToList();
    }
}
