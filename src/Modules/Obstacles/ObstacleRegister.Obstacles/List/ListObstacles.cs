using System.Text;
using Dapper;
using MediatR;
using ObstacleRegister.BuildingBlocks.Data;
using ObstacleRegister.BuildingBlocks.Messaging;
using ObstacleRegister.BuildingBlocks.Paging;
using ObstacleRegister.BuildingBlocks.Time;
using ObstacleRegister.Obstacles.Contracts;

namespace ObstacleRegister.Obstacles.List;

/// <summary>
/// Lists obstacles, newest reported first, with their public fields. <c>q</c> matches words of the title and
/// description without diacritics; every word must appear, and a last word of two or three letters may be
/// the start of a word.
/// Dates are days in the register's time zone, both ends included.
/// </summary>
internal sealed record ListObstacles(
    ObstacleStatus? Status, Guid? UnitId, Guid? RegulationId, ObstacleCategory? Category, ObstacleSeverity? Severity,
    string? Reference, DateOnly? ReportedFrom, DateOnly? ReportedTo, string? Q, int Limit, string? Cursor)
    : IQuery<Page<ObstacleListItem>>;

internal sealed record ObstacleCursor(long Seq);

internal sealed class ListObstaclesHandler(IDbSession db, RegisterCalendar calendar) : IRequestHandler<ListObstacles, Page<ObstacleListItem>>
{
    /// <summary>
    /// The last word is matched as a prefix only up to the prefix lengths the full-text index holds (2 and 3
    /// letters, migration 0005): a longer word is nearly always a whole syllable, and as a prefix it would
    /// read every document holding it instead of stopping after one page.
    /// </summary>
    public const int MaxPrefixLength = 3;

    // What a list item shows: no description or contact, so a page reads a few hundred bytes a row.
    private const string ListColumns = """
        o.seq AS Seq, o.id AS Id, o.reference AS Reference, o.unit_id AS UnitId, o.title AS Title, o.category AS Category,
        o.severity AS Severity, o.proposal AS Proposal, o.status AS Status, o.duplicate_of_id AS DuplicateOfId,
        o.created_at AS CreatedAt, o.updated_at AS UpdatedAt
        """;

    public async Task<Page<ObstacleListItem>> Handle(ListObstacles request, CancellationToken cancellationToken)
    {
        var (sql, parameters) = Build(request, Cursor.Decode<ObstacleCursor>(request.Cursor), db.Dialect, calendar.Zone);
        var rows = await db.QueryAsync<ObstacleRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToListItem(), r => new ObstacleCursor(r.Seq));
    }

    /// <summary>Each filter has an index that starts with it and ends with seq, so a page is read in order.</summary>
    internal static (string Sql, DynamicParameters Parameters) Build(ListObstacles request, ObstacleCursor? before, ISqlDialect dialect, TimeZoneInfo zone)
    {
        var filters = new QueryFilters();
        filters.Parameters.Add("Limit", request.Limit + 1);
        if (request.Status is { } status) filters.Add("o.status = @Status", "Status", WireNames.Of(status));
        if (request.UnitId is { } unitId) filters.Add("o.unit_id = @UnitId", "UnitId", unitId);
        if (request.Category is { } category) filters.Add("o.category = @Category", "Category", WireNames.Of(category));
        if (request.Severity is { } severity) filters.Add("o.severity = @Severity", "Severity", WireNames.Of(severity));
        if (!string.IsNullOrWhiteSpace(request.Reference)) filters.Add("o.reference = @Reference", "Reference", request.Reference.Trim().ToUpperInvariant());
        if (request.RegulationId is { } regulationId)
        {
            filters.Add("o.seq IN (SELECT c.obstacle_seq FROM obstacle_regulation c WHERE c.regulation_id = @RegulationId)", "RegulationId", regulationId);
        }

        if (request.ReportedFrom is { } from) filters.Add("o.created_at >= @From", "From", RegisterCalendar.StartOfDay(from, zone));
        if (request.ReportedTo is { } to) filters.Add("o.created_at < @To", "To", RegisterCalendar.StartOfDay(to.AddDays(1), zone));

        // With words to match, the full-text index drives the query in key order (newest first), so even a
        // common word stops after one page; otherwise the filter's (column, seq) index does.
        var terms = QueryFilters.SearchWords(request.Q);
        var order = terms.Count > 0 ? $"s.{dialect.FullTextKeyColumn}" : "o.seq";
        var sql = new StringBuilder($"SELECT {ListColumns} FROM ");
        if (terms.Count > 0)
        {
            sql.Append("obstacle_search s JOIN obstacle o ON o.seq = ").Append(order);
            filters.Add(dialect.FullTextCondition("s", "@Match"), "Match", dialect.AllTerms(terms, lastAsPrefix: terms[^1].Length <= MaxPrefixLength));
        }
        else
        {
            sql.Append("obstacle o");
        }

        if (before is not null) filters.Add($"{order} < @BeforeSeq", "BeforeSeq", before.Seq);
        filters.AppendWhere(sql).Append("\nORDER BY ").Append(order).Append(" DESC");
        return (sql.ToString(), filters.Parameters);
    }
}
