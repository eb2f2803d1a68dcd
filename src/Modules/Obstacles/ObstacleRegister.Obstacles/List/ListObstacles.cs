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
/// the start of a word. It also finds a reference, the symbol of a cited regulation (either spelling) and a cited
/// provision: <c>13/2023/ND-CP dieu 5</c> is the obstacles citing Article 5 of that decree.
/// Dates are days in the register's time zone, both ends included.
/// </summary>
internal sealed record ListObstacles(
    ObstacleStatus? Status, Guid? UnitId, Guid? RegulationId, ObstacleCategory? Category, ObstacleSeverity? Severity,
    string? Reference, DateOnly? ReportedFrom, DateOnly? ReportedTo, string? Q, int Limit, string? Cursor)
    : IQuery<Page<ObstacleListItem>>;

internal sealed record ObstacleCursor(long Seq);

/// <summary>A search with its symbols looked up: the regulations every result must cite.</summary>
internal sealed record ResolvedSearch(string? Reference, IReadOnlyList<Guid> RegulationIds, Provisions.Provision? Provision, string? Words);

internal sealed class ListObstaclesHandler(IDbSession db, RegisterCalendar calendar, IMediator mediator) : IRequestHandler<ListObstacles, Page<ObstacleListItem>>
{
    /// <summary>
    /// The last word is matched as a prefix only up to the prefix lengths the full-text index holds (2 and 3
    /// letters, migration 0005): a longer word is nearly always a whole syllable, and as a prefix it would
    /// read every document holding it instead of stopping after one page.
    /// </summary>
    public const int MaxPrefixLength = 3;

    // What a list item shows: no description or contact, so a page reads a few hundred bytes a row.
    private const string ListColumns = """
        o.seq, o.id, o.reference, o.unit_id, o.title, o.category,
        o.severity, o.proposal, o.status, o.duplicate_of_id,
        o.created_at, o.updated_at
        """;

    public async Task<Page<ObstacleListItem>> Handle(ListObstacles request, CancellationToken cancellationToken)
    {
        var cursor = Cursor.Decode<ObstacleCursor>(request.Cursor);
        if (await Resolve(ObstacleSearch.Parse(request.Q), cancellationToken) is not { } search)
        {
            return new Page<ObstacleListItem>([], null);
        }

        var (sql, parameters) = Build(request, cursor, db.Dialect, calendar.Zone, search);
        var rows = await db.QueryAsync<ObstacleRow>(db.Dialect.Limit(sql), parameters, cancellationToken);
        return Cursor.ToPage(rows, request.Limit, r => r.ToListItem(), r => new ObstacleCursor(r.Seq));
    }

    /// <summary>The search's symbols as regulation ids; null when one names no registered regulation, so nothing can cite it.</summary>
    private async Task<ResolvedSearch?> Resolve(ObstacleSearch search, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var symbol in search.Symbols)
        {
            if (await mediator.Send(new Regulations.Contracts.FindRegulationBySymbol(symbol), ct) is not { } regulation)
            {
                return null;
            }

            ids.Add(regulation.Id);
        }

        return new ResolvedSearch(search.Reference, ids, search.Provision, search.Words);
    }

    /// <summary>Each filter has an index that starts with it and ends with seq, so a page is read in order.</summary>
    internal static (string Sql, DynamicParameters Parameters) Build(
        ListObstacles request, ObstacleCursor? before, ISqlDialect dialect, TimeZoneInfo zone, ResolvedSearch? search = null)
    {
        search ??= new ResolvedSearch(null, [], null, request.Q);
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

        AddCitationSearch(filters, search);
        if (search.Reference is { } reference) filters.Add("o.reference = @QReference", "QReference", reference);
        if (request.ReportedFrom is { } from) filters.Add("o.created_at >= @From", "From", RegisterCalendar.StartOfDay(from, zone));
        if (request.ReportedTo is { } to) filters.Add("o.created_at < @To", "To", RegisterCalendar.StartOfDay(to.AddDays(1), zone));

        // With words to match, the full-text index drives the query in key order (newest first), so even a
        // common word stops after one page; otherwise the filter's (column, seq) index does.
        var terms = QueryFilters.SearchWords(search.Words);
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

    /// <summary>Each searched regulation must be cited, at the searched provision when there is one; a provision alone, in any regulation.</summary>
    private static void AddCitationSearch(QueryFilters filters, ResolvedSearch search)
    {
        const string Citing = "o.seq IN (SELECT c.obstacle_seq FROM obstacle_regulation c WHERE ";
        string? provision = null;
        if (search.Provision is { } cited)
        {
            provision = "c.article = @QArticle" + (cited.Clause is null ? "" : " AND c.clause = @QClause");
            filters.Parameters.Add("QArticle", cited.Article);
            filters.Parameters.Add("QClause", cited.Clause);
        }

        for (var i = 0; i < search.RegulationIds.Count; i++)
        {
            filters.Add($"{Citing}c.regulation_id = @QRegulation{i}{(provision is null ? "" : " AND " + provision)})",
                $"QRegulation{i}", search.RegulationIds[i]);
        }

        if (search.RegulationIds.Count == 0 && provision is not null)
        {
            filters.Add($"{Citing}{provision})");
        }
    }
}
