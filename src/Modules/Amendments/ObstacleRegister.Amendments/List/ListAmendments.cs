using System.Text;
using Dapper;
using MediatR;
using ObstacleRegister.Amendments.Contracts;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;

namespace ObstacleRegister.Amendments.List;

/// <summary>
/// Amendments by due date, soonest first. <c>overdue</c> and <c>stale</c> are judged today in the register's time
/// zone; <c>dueBefore</c> excludes that day.
/// </summary>
internal sealed record ListAmendments(
    AmendmentStatus? Status, Guid? DraftingUnitId, Guid? RegulationId, AmendmentKind? Kind, bool? Overdue, bool? Stale, DateOnly? DueBefore,
    int Limit, string? Cursor, bool? Open = null, bool? AtRisk = null) : IQuery<Page<AmendmentListItem>>;

internal sealed record AmendmentCursor(DateOnly DueOn, Guid Id);

internal sealed class ListAmendmentsHandler(IDbSession db, AmendmentClock clock) : IRequestHandler<ListAmendments, Page<AmendmentListItem>>
{
    public async Task<Page<AmendmentListItem>> Handle(ListAmendments request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(request, Cursor.Decode<AmendmentCursor>(request.Cursor), clock);
        var rows = await db.QueryAsync<AmendmentRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToListItem(clock), r => new AmendmentCursor(r.DueOn, r.Id));
    }

    /// <summary>Each filter column leads an index that ends with (due_on, id), so a page is read in order without sorting.</summary>
    internal static (string Sql, DynamicParameters Parameters) Build(ListAmendments request, AmendmentCursor? after, AmendmentClock clock)
    {
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        if (request.Status is { } status) filters.Add("status = @Status", "Status", WireNames.Of(status));
        if (request.DraftingUnitId is { } unitId) filters.Add("drafting_unit_id = @UnitId", "UnitId", unitId);
        if (request.RegulationId is { } regulationId) filters.Add("regulation_id = @RegulationId", "RegulationId", regulationId);
        if (request.Kind is { } kind) filters.Add("kind = @Kind", "Kind", WireNames.Of(kind));
        if (request.DueBefore is { } dueBefore) filters.Add("due_on < @DueBefore", "DueBefore", dueBefore);
        if (request.Open is { } open) filters.Add(open ? "is_open = 1" : "is_open = 0");
        AmendmentFilters.Overdue(filters, request.Overdue, clock);
        AmendmentFilters.Stale(filters, request.Stale, clock);
        if (request.AtRisk is { } atRisk) filters.Add(atRisk ? $"({AmendmentFilters.IsAtRisk})" : $"NOT ({AmendmentFilters.IsAtRisk})");
        if (after is not null)
        {
            filters.Add("(due_on > @AfterDueOn OR (due_on = @AfterDueOn AND id > @AfterId))", "AfterDueOn", after.DueOn);
            filters.Parameters.Add("AfterId", after.Id);
        }

        var sql = filters.AppendWhere(new StringBuilder($"SELECT {AmendmentQueries.Columns} FROM amendment")).Append("\nORDER BY due_on, id");
        return (sql.ToString(), filters.Parameters);
    }
}

/// <summary>The SQL forms of <see cref="AmendmentClock.IsOverdue"/> and <see cref="AmendmentClock.IsStale"/>.</summary>
internal static class AmendmentFilters
{
    public const string IsOverdue = "is_open = 1 AND due_on < @Today";

    public const string IsStale = "is_open = 1 AND last_progress_at < @StaleBefore";

    /// <summary>Open work whose latest forecast (made by the notice round) is at risk of missing its due date.</summary>
    public const string IsAtRisk = "is_open = 1 AND id IN (SELECT f.amendment_id FROM amendment_forecast f WHERE f.at_risk = 1)";

    public static void Overdue(QueryFilters filters, bool? overdue, AmendmentClock clock)
    {
        if (overdue is { } wanted)
        {
            filters.Add(wanted ? $"({IsOverdue})" : "(is_open = 0 OR due_on >= @Today)", "Today", clock.Today);
        }
    }

    public static void Stale(QueryFilters filters, bool? stale, AmendmentClock clock)
    {
        if (stale is { } wanted)
        {
            filters.Add(wanted ? $"({IsStale})" : "(is_open = 0 OR last_progress_at >= @StaleBefore)", "StaleBefore", clock.StaleBefore);
        }
    }
}
